import { InputError } from '../errors';
import type { BankDeposit, BankFileFormat, ParsedBankFile } from './deposit';
import { splitZenginRecords, stripZeros, ZENGIN_RECORD_BYTES, ZenginRecord } from './zengin-record';

/**
 * Zengin (全銀協規定形式) 振込入金通知 (種別コード 01) and 入出金取引明細 (03): 200-byte records, header 1,
 * data 2, trailer 8 (one header…trailer group per account), end 9. Field columns are 1-based byte columns
 * (shared/examples/bank/README.md). All or nothing: the first bad record refuses the file.
 */

type Kind = '01' | '03';

/**
 * True when the bytes look like Zengin records: a record type digit (1, 2, 8, 9) first and a first line of
 * exactly 200 bytes, or no line break in the first 200 bytes (records back to back).
 */
export function looksLikeZengin(bytes: Uint8Array): boolean {
  const first = bytes[0];
  if (first !== 0x31 && first !== 0x32 && first !== 0x38 && first !== 0x39) return false;
  const limit = Math.min(bytes.length, ZENGIN_RECORD_BYTES + 1);
  for (let i = 0; i < limit; i++) {
    if (bytes[i] === 0x0d || bytes[i] === 0x0a) return i === ZENGIN_RECORD_BYTES;
  }
  return true;
}

function fileKind(bytes: Uint8Array): Kind {
  const kind = String.fromCharCode(bytes[1] ?? 0x20, bytes[2] ?? 0x20);
  if (bytes[0] !== 0x31)
    throw InputError.one('record 1', 'bank_file.structure', 'the file does not start with a header record (1)');
  if (kind !== '01' && kind !== '03')
    throw InputError.one(
      'record 1 (header) kind code',
      'bank_file.kind_unknown',
      `${JSON.stringify(kind)}: only 01 (振込入金通知) and 03 (入出金取引明細) are read`,
      { kind },
    );
  return kind;
}

interface Account {
  /** bank code - branch code - account number (leading zeros removed), the stable part of a reference. */
  key: string;
}

/** A group's counts and sums, the sums in whole yen as bigint: exact, and 100,000 records add without a Decimal each. */
interface GroupTotals {
  deposits: number;
  depositTotal: bigint;
  withdrawals: number;
  withdrawalTotal: bigint;
  cancelled: number;
  cancelledTotal: bigint;
}

export function parseZengin(bytes: Uint8Array): ParsedBankFile {
  const kind = fileKind(bytes);
  const format: BankFileFormat = kind === '01' ? 'zengin-01' : 'zengin-03';
  const deposits: BankDeposit[] = [];
  let account: Account | null = null;
  let totals = emptyTotals();
  let groups = 0;
  let ended = false;

  const spans = splitZenginRecords(bytes);
  for (const span of spans) {
    const record = new ZenginRecord(bytes, span);
    if (ended) throw record.fail('record type', 'bank_file.structure', 'a record after the end record');
    switch (record.kind) {
      case 'header':
        if (account)
          throw record.fail('record type', 'bank_file.structure', "a header before the previous account's trailer");
        account = readHeader(record, kind);
        totals = emptyTotals();
        break;
      case 'data':
        if (!account)
          throw record.fail('record type', 'bank_file.structure', 'a data record outside a header…trailer group');
        if (kind === '01') readNoticeData(record, account, totals, deposits);
        else readStatementData(record, account, totals, deposits);
        break;
      case 'trailer':
        if (!account) throw record.fail('record type', 'bank_file.structure', 'a trailer without a header');
        if (kind === '01') checkNoticeTrailer(record, totals);
        else checkStatementTrailer(record, totals);
        account = null;
        groups++;
        break;
      case 'end':
        if (account)
          throw record.fail('record type', 'bank_file.structure', "the end record before the account's trailer");
        if (groups === 0)
          throw record.fail('record type', 'bank_file.structure', 'an end record with no account before it');
        if (kind === '03') checkStatementEnd(record, record.span.number, groups);
        ended = true;
        break;
    }
  }
  if (!ended) throw InputError.one('file', 'bank_file.incomplete', 'no end record (9): the file is incomplete');
  return { format, deposits };
}

function emptyTotals(): GroupTotals {
  return { deposits: 0, depositTotal: 0n, withdrawals: 0, withdrawalTotal: 0n, cancelled: 0, cancelledTotal: 0n };
}

function readHeader(record: ZenginRecord, kind: Kind): Account {
  const recordKind = record.digits(2, 3, 'kind code');
  if (recordKind !== kind)
    throw record.fail('kind code', 'bank_file.kind_mismatch', `${recordKind} in a file of kind ${kind}`, {
      recordKind,
      kind,
    });
  const codeType = record.char(4);
  if (codeType !== '0')
    throw record.fail(
      'code type',
      'bank_file.code_type',
      `${JSON.stringify(codeType)}: only 0 (JIS / Shift_JIS) is read`,
      { codeType },
    );
  const bank = record.digits(23, 26, 'bank code');
  const branch = record.digits(42, 44, 'branch code');
  const number = kind === '01' ? record.digits(61, 67, 'account number') : record.digits(64, 73, 'account number');
  return { key: `${bank}-${branch}-${stripZeros(number)}` };
}

/** Decision: a reference is bank-branch-account:照会番号 (leading zeros removed):勘定日. */
function reference(account: Account, refNo: string, date: string): string {
  return `${account.key}:${stripZeros(refNo)}:${date}`;
}

function readNoticeData(record: ZenginRecord, account: Account, totals: GroupTotals, out: BankDeposit[]): void {
  const refNo = record.digits(2, 7, 'reference number');
  const date = record.date(8, 13, 'booking date');
  const amount = record.amount(20, 29, 'amount');
  const payerCode = record.optionalDigits(40, 49, 'payer code');
  const payer = record.text(50, 97, 'payer');
  const cancelFlag = record.char(128);
  if (cancelFlag !== ' ' && cancelFlag !== '0' && cancelFlag !== '1') {
    throw record.fail('cancel flag', 'value.not_one_of', `${JSON.stringify(cancelFlag)}: 1 (cancelled), 0 or blank`, {
      options: '1, 0, blank',
    });
  }
  const edi = record.text(129, 148, 'EDI');
  const cancelled = cancelFlag === '1';
  totals.deposits++;
  totals.depositTotal += BigInt(amount);
  if (cancelled) {
    totals.cancelled++;
    totals.cancelledTotal += BigInt(amount);
  }
  out.push({
    date,
    amount,
    payer,
    reference: reference(account, refNo, date),
    cancelled,
    format: 'zengin-01',
    record: record.span.number,
    edi: joinEdi(payerCode, edi),
  });
}

function readStatementData(record: ZenginRecord, account: Account, totals: GroupTotals, out: BankDeposit[]): void {
  const refNo = record.digits(2, 9, 'reference number');
  const date = record.date(10, 15, 'booking date');
  const direction = record.char(22);
  if (direction !== '1' && direction !== '2') {
    throw record.fail(
      'deposit/withdrawal flag',
      'value.not_one_of',
      `${JSON.stringify(direction)}: 1 (deposit) or 2 (withdrawal)`,
      { options: '1, 2' },
    );
  }
  const amount = record.amount(25, 36, 'amount');
  if (direction === '2') {
    totals.withdrawals++;
    totals.withdrawalTotal += BigInt(amount);
    return;
  }
  const payerCode = record.optionalDigits(72, 81, 'payer code');
  const payer = record.text(82, 129, 'payer');
  const summary = record.text(160, 179, 'summary');
  const edi = record.text(180, 199, 'EDI');
  totals.deposits++;
  totals.depositTotal += BigInt(amount);
  out.push({
    date,
    amount,
    // Decision: a deposit with a blank payer name (cash paid in at the counter) shows its 摘要 instead.
    payer: payer === '' ? summary : payer,
    reference: reference(account, refNo, date),
    cancelled: false,
    format: 'zengin-03',
    record: record.span.number,
    edi: joinEdi(payerCode, edi),
  });
}

/** A non-zero 振込依頼人コード often is the member number: keep it with the EDI text for matching. */
function joinEdi(payerCode: string | null, edi: string): string {
  const code = payerCode !== null && stripZeros(payerCode) !== '0' ? payerCode : '';
  return code === '' ? edi : edi === '' ? code : `${code} ${edi}`;
}

function checkCount(
  record: ZenginRecord,
  field: string,
  written: string,
  counted: number,
  holder = 'the data records hold',
): void {
  if (Number(written) !== counted)
    throw record.fail(field, 'bank_file.trailer_count', `says ${Number(written)}, ${holder} ${counted}`, {
      written: Number(written),
      counted,
    });
}

function checkTotal(record: ZenginRecord, field: string, written: string, summed: bigint): void {
  const value = stripZeros(written);
  if (summed !== BigInt(value))
    throw record.fail(field, 'bank_file.trailer_sum', `says ${value}, the data records sum to ${summed.toString()}`, {
      written: value,
      summed: summed.toString(),
    });
}

/** 01 trailer: 合計件数 2–7, 合計金額 8–19, 取消件数 20–25, 取消金額 26–37 (cancelled records included in the totals). */
function checkNoticeTrailer(record: ZenginRecord, t: GroupTotals): void {
  checkCount(record, 'record count', record.digits(2, 7, 'record count'), t.deposits);
  checkTotal(record, 'total amount', record.digits(8, 19, 'total amount'), t.depositTotal);
  checkCount(record, 'cancelled count', record.digits(20, 25, 'cancelled count'), t.cancelled);
  checkTotal(record, 'cancelled amount', record.digits(26, 37, 'cancelled amount'), t.cancelledTotal);
}

/**
 * 03 trailer, as the shared example writes it: 入金件数 2–7, 入金額合計 8–20, 出金件数 21–26, 出金額合計 27–39,
 * 貸越区分 40, 取引後残高 41–54, データレコード件数 55–61 (checked when written). The balance is not checked:
 * the header's opening balance is optional at some banks.
 */
function checkStatementTrailer(record: ZenginRecord, t: GroupTotals): void {
  checkCount(record, 'deposit count', record.digits(2, 7, 'deposit count'), t.deposits);
  checkTotal(record, 'deposit total', record.digits(8, 20, 'deposit total'), t.depositTotal);
  checkCount(record, 'withdrawal count', record.digits(21, 26, 'withdrawal count'), t.withdrawals);
  checkTotal(record, 'withdrawal total', record.digits(27, 39, 'withdrawal total'), t.withdrawalTotal);
  const dataRecords = record.optionalDigits(55, 61, 'data record count');
  if (dataRecords !== null) checkCount(record, 'data record count', dataRecords, t.deposits + t.withdrawals);
}

/** 03 end: レコード総件数 2–11 (the end record included), 口座数 12–16; checked when written. */
function checkStatementEnd(record: ZenginRecord, records: number, accounts: number): void {
  const total = record.optionalDigits(2, 11, 'record total');
  if (total !== null) checkCount(record, 'record total', total, records, 'the file up to here holds');
  const accountCount = record.optionalDigits(12, 16, 'account count');
  if (accountCount !== null) checkCount(record, 'account count', accountCount, accounts, 'the file holds');
}
