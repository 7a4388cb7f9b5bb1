import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors';
import { parseBankFile } from '../../core/banking';
import {
  joinRecords,
  noticeEnd,
  noticeFile,
  noticeGroup,
  pad,
  statementFile,
  statementGroup,
  statementEnd,
  zenginRecord,
} from './zengin-builder';
import { parseProblems } from './parse-problems';

const fixtures = path.resolve(__dirname, '../fixtures/bank');
const shared = path.resolve(__dirname, '../../../shared/examples/bank');
const fixture = (name: string): Buffer => readFileSync(path.join(fixtures, name));

describe('Zengin 01 振込入金通知', () => {
  it('R-BANK-1: the shared example reads as its want.json (dates Reiwa 08 = 2026, payer decoded and trimmed)', () => {
    for (const name of ['notice01', 'statement03']) {
      const parsed = parseBankFile(readFileSync(path.join(shared, `${name}.dat`)));
      const want = JSON.parse(readFileSync(path.join(shared, `${name}.want.json`), 'utf8')) as Record<
        string,
        unknown
      >[];
      expect(
        parsed.deposits.map((d) => ({ date: d.date, amount: d.amount, payer: d.payer, cancelled: d.cancelled })),
      ).toEqual(want);
    }
  });

  it('R-BANK-1: with CRLF between records and with no line breaks the same deposits are read', () => {
    const withBreaks = parseBankFile(fixture('notice01-crlf.dat'));
    const without = parseBankFile(fixture('notice01-nobreaks.dat'));
    expect(withBreaks.format).toBe('zengin-01');
    expect(without).toEqual(withBreaks);
    expect(
      withBreaks.deposits.map((d) => [d.date, d.amount, d.payer, d.reference, d.cancelled, d.edi, d.record]),
    ).toEqual([
      ['2026-12-01', '32560', 'ｶ)ﾀﾅｶﾃﾞﾝｷ', '0009-123-1234567:1:2026-12-01', false, '', 2],
      ['2026-12-01', '10000', 'ﾔﾏﾀﾞ ﾀﾛｳ', '0009-123-1234567:2:2026-12-01', true, '', 3],
      ['2026-12-02', '55000', 'ｽｽﾞｷｼﾖｳｼﾞ(ｶ', '0009-123-1234567:3:2026-12-02', false, '0000012345 ST20261234', 4],
    ]);
  });

  it('R-BANK-1: LF-only breaks and a trailing DOS end-of-file mark are accepted', () => {
    const entries = [{ ref: 7, date: '080401', amount: '1100', payer: 'ｱ' }];
    const lf = Buffer.concat([noticeFile(entries, '\n'), Buffer.from([0x1a])]);
    expect(parseBankFile(lf).deposits.map((d) => [d.date, d.amount])).toEqual([['2026-04-01', '1100']]);
  });

  it('R-BANK-5: a cancelled record (取消区分 1) is reported with cancelled: true', () => {
    const parsed = parseBankFile(fixture('notice01-crlf.dat'));
    expect(parsed.deposits.filter((d) => d.cancelled).map((d) => d.amount)).toEqual(['10000']);
  });

  it('R-BANK-3: a trailer whose count or total disagrees with the data records refuses the file', () => {
    const entries = [
      { ref: 1, date: '081001', amount: '1000', payer: 'ｱ' },
      { ref: 2, date: '081001', amount: '2000', payer: 'ｲ' },
    ];
    const bad = (trailer: Parameters<typeof noticeGroup>[2]): Buffer =>
      joinRecords([...noticeGroup(entries, {}, trailer), noticeEnd()]);
    expect(parseProblems(bad({ count: pad(3, 6) }))).toEqual([
      'record 4 (trailer) record count: says 3, the data records hold 2',
    ]);
    expect(parseProblems(bad({ total: pad(3001, 12) }))).toEqual([
      'record 4 (trailer) total amount: says 3001, the data records sum to 3000',
    ]);
    expect(parseProblems(bad({ cancelledCount: pad(1, 6) }))).toEqual([
      'record 4 (trailer) cancelled count: says 1, the data records hold 0',
    ]);
  });

  it('R-BANK-3: the cancelled records are inside the trailer totals and also in its cancelled count and amount', () => {
    const entries = [
      { ref: 1, date: '081001', amount: '1000', payer: 'ｱ' },
      { ref: 2, date: '081001', amount: '2500', payer: 'ｲ', cancelled: true },
    ];
    const ok = joinRecords([
      ...noticeGroup(entries, {}, { total: pad(3500, 12), cancelledCount: pad(1, 6), cancelledTotal: pad(2500, 12) }),
      noticeEnd(),
    ]);
    expect(parseBankFile(ok).deposits).toHaveLength(2);
    const wrong = joinRecords([...noticeGroup(entries, {}, { total: pad(1000, 12) }), noticeEnd()]);
    expect(parseProblems(wrong)).toEqual(['record 4 (trailer) total amount: says 1000, the data records sum to 3500']);
  });

  it('R-BANK-4: a malformed record is named by record number, kind and field; nothing is returned', () => {
    const file = noticeFile([
      { ref: 1, date: '081001', amount: '1000', payer: 'ｱ' },
      { ref: 2, date: '081001', amount: '2000', payer: 'ｲ' },
    ]);
    const amountAt = 202 * 2 + 19; // record 3 (CRLF after each record), column 20
    file.write('12a', amountAt, 'latin1');
    expect(parseProblems(file)).toEqual(['record 3 (data) amount: not digits']);
  });

  it('R-BANK-4: a truncated file, a missing end record, an unknown record type and a stray line break are refused', () => {
    const file = noticeFile([{ ref: 1, date: '081001', amount: '1000', payer: 'ｱ' }], '');
    expect(parseProblems(file.subarray(0, 750))).toEqual(['record 4: truncated: 150 bytes, a record is 200']);
    expect(parseProblems(file.subarray(0, 600))).toEqual(['file: no end record (9): the file is incomplete']);
    const typed = Buffer.from(file);
    typed.write('7', 200, 'latin1');
    expect(parseProblems(typed)).toEqual(['record 2: record type "7" unknown (1, 2, 8 or 9)']);
    const broken = Buffer.concat([file.subarray(0, 250), Buffer.from('\r\n'), file.subarray(250)]);
    expect(parseProblems(broken)[0]).toBe('record 2: line break at byte 51; a record is 200 bytes');
  });

  it('R-BANK-4: a cancel flag other than 0, 1 or blank is refused', () => {
    const file = noticeFile([{ ref: 1, date: '081001', amount: '1000', payer: 'ｱ' }], '');
    file.write('X', 200 + 127, 'latin1');
    expect(parseProblems(file)).toEqual(['record 2 (data) cancel flag: "X": 1 (cancelled), 0 or blank']);
  });

  it('R-BANK-2: dates are Reiwa YYMMDD (year = YY + 2018); impossible days and days before 2019-05-01 are refused', () => {
    const read = (date: string): string[] => {
      try {
        return parseBankFile(noticeFile([{ ref: 1, date, amount: '1', payer: 'ｱ' }])).deposits.map((d) => d.date);
      } catch (e) {
        return (e as InputError).problems.map((p) => `${p.path}: ${p.message}`);
      }
    };
    expect(read('080229')).toEqual(['record 2 (data) booking date: 080229 is not a Reiwa YYMMDD date']);
    expect(read('060229')).toEqual(['2024-02-29']);
    expect(read('010501')).toEqual(['2019-05-01']);
    expect(read('010430')).toEqual(['record 2 (data) booking date: 010430 is not a Reiwa YYMMDD date']);
    expect(read('001231')).toEqual(['record 2 (data) booking date: 001231 is not a Reiwa YYMMDD date']);
  });

  it('R-BANK-4: an EBCDIC file (コード区分 1) is refused by name', () => {
    const file = noticeFile([{ ref: 1, date: '081001', amount: '1000', payer: 'ｱ' }]);
    file.write('1', 3, 'latin1');
    expect(parseProblems(file)).toEqual(['record 1 (header) code type: "1": only 0 (JIS / Shift_JIS) is read']);
  });

  it('R-BANK-6: the same transfer read from a file with and without line breaks has the same reference', () => {
    const refs = (name: string): string[] => parseBankFile(fixture(name)).deposits.map((d) => d.reference);
    expect(refs('notice01-nobreaks.dat')).toEqual(refs('notice01-crlf.dat'));
  });
});

describe('Zengin 03 入出金取引明細', () => {
  it('R-BANK-5: only 入払区分 1 records are deposits; withdrawals mixed in are skipped but counted in the trailer', () => {
    const parsed = parseBankFile(fixture('statement03-mixed.dat'));
    expect(parsed.format).toBe('zengin-03');
    expect(parsed.deposits.map((d) => [d.date, d.amount, d.payer, d.reference])).toEqual([
      ['2026-12-01', '330000', 'ｼﾔ)ｵｵｻｶﾃﾞ-ﾀｾﾝﾀ-', '0005-101-7654321:2:2026-12-01'],
      ['2026-12-04', '5000', 'ｹﾞﾝｷﾝ', '0005-101-7654321:4:2026-12-04'],
      ['2026-12-05', '99000', 'ﾆﾎﾝｿﾌﾄ(ｶ', '0005-101-88:1:2026-12-05'],
    ]);
  });

  it('R-BANK-3: a deposit total or an end-record count that disagrees refuses the file', () => {
    const entries = [
      { ref: 1, date: '081101', direction: '1' as const, amount: '5000', payer: 'ｱ' },
      { ref: 2, date: '081101', direction: '2' as const, amount: '700' },
    ];
    const badTotal = joinRecords([...statementGroup(entries, {}, { depositTotal: pad(5700, 13) }), statementEnd(5, 1)]);
    expect(parseProblems(badTotal)).toEqual([
      'record 4 (trailer) deposit total: says 5700, the data records sum to 5000',
    ]);
    const badEnd = joinRecords([...statementGroup(entries), statementEnd(6, 1)]);
    expect(parseProblems(badEnd)).toEqual(['record 5 (end) record total: says 6, the file up to here holds 5']);
    expect(parseBankFile(statementFile([{ entries }])).deposits.map((d) => d.amount)).toEqual(['5000']);
  });

  it('R-BANK-4: a 入払区分 other than 1 or 2 is refused', () => {
    const file = statementFile(
      [{ entries: [{ ref: 1, date: '081101', direction: '1', amount: '5000', payer: 'ｱ' }] }],
      '',
    );
    file.write('3', 200 + 21, 'latin1');
    expect(parseProblems(file)).toEqual([
      'record 2 (data) deposit/withdrawal flag: "3": 1 (deposit) or 2 (withdrawal)',
    ]);
  });

  it('R-BANK-4: records out of order are refused (data before a header, a record after the end)', () => {
    const group = statementGroup([{ ref: 1, date: '081101', direction: '1', amount: '5000', payer: 'ｱ' }]);
    expect(parseProblems(joinRecords([group[1]!, ...group, statementEnd(4, 1)]))).toEqual([
      'record 1: the file does not start with a header record (1)',
    ]);
    const other = Buffer.from(group[0]!);
    other.write('02', 1, 'latin1');
    expect(parseProblems(joinRecords([other, ...group.slice(1), statementEnd(4, 1)]))).toEqual([
      'record 1 (header) kind code: "02": only 01 (振込入金通知) and 03 (入出金取引明細) are read',
    ]);
    expect(parseProblems(joinRecords([...group, statementEnd(4, 1), zenginRecord([[1, '2']])]))).toEqual([
      'record 5 (data) record type: a record after the end record',
    ]);
  });
});
