import { InputError } from '../errors';
import type { ProblemArgs, ProblemCode } from '../problem-codes';
import type { BankDeposit, BankFileFormat, ParsedBankFile } from './deposit';
import { readCsv, type CsvRow } from './csv-reader';
import { parseCsvDate, parseYenCell, payerFromDescription } from './csv-values';

/**
 * Net-bank and ANSER CSV statements. A layout is recognised by its header row (the first non-blank row).
 *
 * Decisions (no bank publishes a sample we could check against; the ANSER layout follows the ANSER
 * 入出金明細照会 result-file specification):
 * - 住信SBIネット銀行: 日付, 内容, 出金金額(円), 入金金額(円), 残高(円), メモ. The payer is in 内容 after a
 *   transfer marker ("振込＊タナカデンキ"); メモ is kept as EDI text.
 * - 楽天銀行: 取引日, 入出金(円), 取引後残高(円), 入出金内容. One signed amount: deposits are positive.
 * - ANSER (regional banks, every field quoted): 照会口座, 番号, 勘定日, (起算日), 出金金額(円), 入金金額(円),
 *   小切手区分, 残高(円), 取引区分, 明細区分, 金融機関名, 支店名, 摘要. The payer is in 摘要.
 * - A net-bank row has no transaction number, so its reference is bank:date:amount:balance-after — the
 *   balance after the row tells apart two equal transfers on one day, and is the same in every export.
 */

interface Layout {
  format: BankFileFormat;
  header: string[];
  read(row: Cells): CsvLine | null;
}

interface CsvLine {
  date: string;
  amount: string;
  payer: string;
  reference: string;
  edi: string;
}

/** One row's cells by header name, failing with the line number and column name. */
class Cells {
  constructor(
    readonly row: CsvRow,
    private readonly header: string[],
  ) {}

  fail<C extends ProblemCode>(column: string, code: C, message: string, ...params: ProblemArgs<C>): InputError {
    return InputError.one(`line ${this.row.line} (data) ${column}`, code, message, ...params);
  }

  get(column: string): string {
    const index = this.header.indexOf(column);
    return (this.row.fields[index] ?? '').trim();
  }

  date(column: string): string {
    const date = parseCsvDate(this.get(column));
    if (!date)
      throw this.fail(column, 'bank_file.date_invalid', `${JSON.stringify(this.get(column))} is not a date`, {
        value: this.get(column),
      });
    return date;
  }

  /** Whole yen or null when the cell is empty. */
  yen(column: string, signed = false): string | null {
    const cell = parseYenCell(this.get(column), signed);
    if (cell.kind === 'invalid')
      throw this.fail(
        column,
        'bank_file.amount_invalid',
        `${JSON.stringify(this.get(column))} is not a whole-yen amount`,
        { value: this.get(column) },
      );
    return cell.kind === 'yen' ? cell.value : null;
  }

  requiredYen(column: string, signed = false): string {
    const value = this.yen(column, signed);
    if (value === null) throw this.fail(column, 'value.required', 'empty');
    return value;
  }
}

const isDeposit = (amount: string | null): amount is string =>
  amount !== null && amount !== '0' && !amount.startsWith('-');

const SBI: Layout = {
  format: 'csv-sbi',
  header: ['日付', '内容', '出金金額(円)', '入金金額(円)', '残高(円)', 'メモ'],
  read(c) {
    const date = c.date('日付');
    c.yen('出金金額(円)');
    const amount = c.yen('入金金額(円)');
    const balance = c.requiredYen('残高(円)', true);
    if (!isDeposit(amount)) return null;
    const description = c.get('内容');
    return {
      date,
      amount,
      payer: payerFromDescription(description),
      reference: `sbi:${date}:${amount}:${balance}`,
      edi: c.get('メモ').replace(/^-$/, ''),
    };
  },
};

const RAKUTEN: Layout = {
  format: 'csv-rakuten',
  header: ['取引日', '入出金(円)', '取引後残高(円)', '入出金内容'],
  read(c) {
    const date = c.date('取引日');
    const amount = c.requiredYen('入出金(円)', true);
    const balance = c.requiredYen('取引後残高(円)', true);
    if (!isDeposit(amount)) return null;
    return {
      date,
      amount,
      payer: payerFromDescription(c.get('入出金内容')),
      reference: `rakuten:${date}:${amount}:${balance}`,
      edi: '',
    };
  },
};

const ANSER: Layout = {
  format: 'csv-anser',
  header: [
    '照会口座',
    '番号',
    '勘定日',
    '(起算日)',
    '出金金額(円)',
    '入金金額(円)',
    '小切手区分',
    '残高(円)',
    '取引区分',
    '明細区分',
    '金融機関名',
    '支店名',
    '摘要',
  ],
  read(c) {
    const account = c.get('照会口座').replace(/[\s\u3000]+/g, '');
    const number = c.get('番号');
    if (!/^\d+$/.test(number)) throw c.fail('番号', 'bank_file.not_digits', 'not digits');
    const date = c.date('勘定日');
    c.yen('出金金額(円)');
    const amount = c.yen('入金金額(円)');
    c.yen('残高(円)', true);
    if (!isDeposit(amount)) return null;
    return {
      date,
      amount,
      payer: payerFromDescription(c.get('摘要')),
      reference: `anser:${account}:${Number(number)}:${date}`,
      edi: '',
    };
  },
};

export const CSV_LAYOUTS: readonly Layout[] = [SBI, RAKUTEN, ANSER];

const headerKey = (cell: string): string => cell.normalize('NFKC').replace(/\s+/g, '');

function findLayout(header: CsvRow): Layout | null {
  const names = header.fields.map(headerKey);
  return (
    CSV_LAYOUTS.find((l) => l.header.length === names.length && l.header.every((h, i) => headerKey(h) === names[i])) ??
    null
  );
}

const isBlank = (row: CsvRow): boolean => row.fields.every((f) => f.trim() === '');

/** Reads a decoded CSV statement; the layout comes from its header row. */
export function parseCsvStatement(text: string): ParsedBankFile {
  const rows = readCsv(text).filter((r) => !isBlank(r));
  const header = rows[0];
  if (!header) throw InputError.one('file', 'bank_file.empty', 'empty: no header row');
  const layout = findLayout(header);
  if (!layout) {
    throw InputError.one(
      `line ${header.line} (header)`,
      'bank_file.layout_unknown',
      'not a known layout (住信SBIネット銀行, 楽天銀行, ANSER 入出金明細)',
    );
  }
  const names = header.fields.map(headerKey);
  const deposits: BankDeposit[] = [];
  for (const row of rows.slice(1)) {
    if (row.fields.length !== names.length) {
      throw InputError.one(
        `line ${row.line} (data)`,
        'bank_file.field_count',
        `${row.fields.length} fields, the header has ${names.length}`,
        { fields: row.fields.length, expected: names.length },
      );
    }
    const read = layout.read(new Cells(row, layout.header));
    if (read) deposits.push({ ...read, cancelled: false, format: layout.format, record: row.line });
  }
  return { format: layout.format, deposits };
}
