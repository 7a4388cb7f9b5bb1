/** The bank file formats this product reads. */
export type BankFileFormat = 'zengin-01' | 'zengin-03' | 'csv-sbi' | 'csv-rakuten' | 'csv-anser';

/** One deposit read from a bank file, in file order. Money is a decimal string of whole yen. */
export interface BankDeposit {
  /** The booking day (勘定日 / 取引日), `YYYY-MM-DD`. */
  date: string;
  /** Whole yen, e.g. "12345". */
  amount: string;
  /** The payer as the file spells it, decoded, trailing spaces trimmed. */
  payer: string;
  /**
   * A stable identity: the same transfer read from another file (or the same file twice) has the same
   * reference, so importing it again changes nothing.
   */
  reference: string;
  /** A 振込入金通知 record the bank cancelled (取消区分 1): reported, never matched. */
  cancelled: boolean;
  format: BankFileFormat;
  /** 1-based record (Zengin) or line (CSV) number in the file, for messages. */
  record: number;
  /** EDI / memo text that may carry a statement or member number, decoded and trimmed; "" when none. */
  edi: string;
}

export interface ParsedBankFile {
  format: BankFileFormat;
  deposits: BankDeposit[];
}
