import iconv from 'iconv-lite';

/**
 * Builds Zengin 01 / 03 files byte by byte for tests, fixtures and the benchmark: 200-byte Shift_JIS records,
 * fields placed at the 1-based columns of shared/examples/bank/README.md. Trailers are computed unless a test
 * overrides them to prove a mismatch is refused.
 */

export type Field = [column: number, value: string];

/** One 200-byte record: spaces, with each value encoded in CP932 from its column. */
export function zenginRecord(fields: Field[]): Buffer {
  const bytes = Buffer.alloc(200, 0x20);
  for (const [column, value] of fields) iconv.encode(value, 'cp932').copy(bytes, column - 1);
  return bytes;
}

export const pad = (value: string | number | bigint, width: number): string => String(value).padStart(width, '0');

export interface NoticeEntry {
  ref: number;
  /** Reiwa YYMMDD */
  date: string;
  amount: string;
  payer: string;
  payerCode?: string;
  cancelled?: boolean;
  edi?: string;
}

export interface StatementEntry {
  ref: number;
  date: string;
  direction: '1' | '2';
  amount: string;
  payer?: string;
  summary?: string;
  edi?: string;
}

export interface AccountSpec {
  bank?: string;
  branch?: string;
  account?: string;
}

export function noticeGroup(
  entries: NoticeEntry[],
  account: AccountSpec = {},
  trailer: Partial<Record<'count' | 'total' | 'cancelledCount' | 'cancelledTotal', string>> = {},
): Buffer[] {
  const header = zenginRecord([
    [1, '1'],
    [2, '01'],
    [4, '0'],
    [5, '081031'],
    [11, '081001'],
    [17, '081031'],
    [23, account.bank ?? '0009'],
    [27, 'ﾐｽﾞﾎ'],
    [42, account.branch ?? '123'],
    [45, 'ﾄｳｷｮｳ'],
    [60, '1'],
    [61, account.account ?? '1234567'],
    [68, 'ｻｸﾗｸﾗｳﾄﾞ(ｶ'],
  ]);
  let total = 0n;
  let cancelledCount = 0;
  let cancelledTotal = 0n;
  const data = entries.map((e) => {
    total += BigInt(e.amount);
    if (e.cancelled) {
      cancelledCount++;
      cancelledTotal += BigInt(e.amount);
    }
    return zenginRecord([
      [1, '2'],
      [2, pad(e.ref, 6)],
      [8, e.date],
      [14, e.date],
      [20, pad(e.amount, 10)],
      [30, pad(0, 10)],
      [40, e.payerCode ?? pad(0, 10)],
      [50, e.payer],
      [98, 'ﾐﾂｲｽﾐﾄﾓ'],
      [113, 'ﾎﾝﾃﾝ'],
      [128, e.cancelled ? '1' : '0'],
      [129, e.edi ?? ''],
    ]);
  });
  const trailerRecord = zenginRecord([
    [1, '8'],
    [2, trailer.count ?? pad(entries.length, 6)],
    [8, trailer.total ?? pad(total, 12)],
    [20, trailer.cancelledCount ?? pad(cancelledCount, 6)],
    [26, trailer.cancelledTotal ?? pad(cancelledTotal, 12)],
  ]);
  return [header, ...data, trailerRecord];
}

export function statementGroup(
  entries: StatementEntry[],
  account: AccountSpec = {},
  trailer: Partial<Record<'depositCount' | 'depositTotal', string>> = {},
): Buffer[] {
  const header = zenginRecord([
    [1, '1'],
    [2, '03'],
    [4, '0'],
    [5, '081130'],
    [11, '081101'],
    [17, '081130'],
    [23, account.bank ?? '0005'],
    [27, 'ﾘｿﾅ'],
    [42, account.branch ?? '101'],
    [45, 'ｵｵｻｶ'],
    [60, '000'],
    [63, '1'],
    [64, pad(account.account ?? '7654321', 10)],
    [74, 'ｻｸﾗｸﾗｳﾄﾞ(ｶ'],
    [114, '1'],
    [115, '1'],
    [116, pad(0, 14)],
  ]);
  let deposits = 0;
  let depositTotal = 0n;
  let withdrawals = 0;
  let withdrawalTotal = 0n;
  const data = entries.map((e) => {
    if (e.direction === '1') {
      deposits++;
      depositTotal += BigInt(e.amount);
    } else {
      withdrawals++;
      withdrawalTotal += BigInt(e.amount);
    }
    return zenginRecord([
      [1, '2'],
      [2, pad(e.ref, 8)],
      [10, e.date],
      [16, e.date],
      [22, e.direction],
      [23, e.direction === '1' ? '11' : '18'],
      [25, pad(e.amount, 12)],
      [37, pad(0, 12)],
      [49, '000000'],
      [55, '000000'],
      [61, '0'],
      [62, pad(0, 7)],
      [69, '000'],
      [72, pad(0, 10)],
      [82, e.payer ?? ''],
      [130, e.payer ? 'ｼﾝｷﾝ' : ''],
      [145, e.payer ? 'ﾐﾅﾐ' : ''],
      [160, e.summary ?? ''],
      [180, e.edi ?? ''],
    ]);
  });
  const trailerRecord = zenginRecord([
    [1, '8'],
    [2, trailer.depositCount ?? pad(deposits, 6)],
    [8, trailer.depositTotal ?? pad(depositTotal, 13)],
    [21, pad(withdrawals, 6)],
    [27, pad(withdrawalTotal, 13)],
    [40, '1'],
    [41, pad(0, 14)],
    [55, pad(entries.length, 7)],
  ]);
  return [header, ...data, trailerRecord];
}

export function noticeEnd(): Buffer {
  return zenginRecord([[1, '9']]);
}

export function statementEnd(records: number, accounts: number): Buffer {
  return zenginRecord([
    [1, '9'],
    [2, pad(records, 10)],
    [12, pad(accounts, 5)],
  ]);
}

/** Joins records with a separator ('\r\n', '\n' or none). */
export function joinRecords(records: Buffer[], separator: '' | '\n' | '\r\n' = '\r\n'): Buffer {
  const sep = Buffer.from(separator, 'latin1');
  return Buffer.concat(records.flatMap((r) => (separator === '' ? [r] : [r, sep])));
}

export function noticeFile(entries: NoticeEntry[], separator: '' | '\n' | '\r\n' = '\r\n'): Buffer {
  return joinRecords([...noticeGroup(entries), noticeEnd()], separator);
}

export function statementFile(
  groups: { entries: StatementEntry[]; account?: AccountSpec }[],
  separator: '' | '\n' | '\r\n' = '\r\n',
): Buffer {
  const records = groups.flatMap((g) => statementGroup(g.entries, g.account));
  return joinRecords([...records, statementEnd(records.length + 1, groups.length)], separator);
}
