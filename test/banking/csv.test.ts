import { readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseBankFile } from '../../core/banking';
import { readCsv } from '../../core/banking/csv-reader';
import { parseCsvDate, parseYenCell, payerFromDescription } from '../../core/banking/csv-values';
import { parseProblems } from './parse-problems';

const fixture = (name: string): Buffer => readFileSync(path.resolve(__dirname, '../fixtures/bank', name));
const rows = (name: string): string[][] =>
  parseBankFile(fixture(name)).deposits.map((d) => [d.date, d.amount, d.payer, d.reference]);

describe('CSV statements', () => {
  it('R-BANK-1: 住信SBIネット銀行 (Shift_JIS): deposits only, payer after the 振込 marker, reference bank:date:amount:balance', () => {
    const parsed = parseBankFile(fixture('sbi.csv'));
    expect(parsed.format).toBe('csv-sbi');
    expect(rows('sbi.csv')).toEqual([
      ['2026-12-01', '110000', 'タナカデンキ（カ', 'sbi:2026-12-01:110000:1110000'],
      ['2026-12-03', '48060', 'ｻﾄｳ ﾊﾅｺ', 'sbi:2026-12-03:48060:1138060'],
    ]);
    expect(parsed.deposits.map((d) => d.edi)).toEqual(['', 'ST20260002']);
  });

  it('R-BANK-1: the same SBI export in UTF-8 (no BOM) reads the same deposits', () => {
    expect(parseBankFile(fixture('sbi-utf8.csv'))).toEqual(parseBankFile(fixture('sbi.csv')));
  });

  it('R-BANK-1: 楽天銀行 (UTF-8 with BOM, one signed amount): positive rows are deposits, the fee row is not', () => {
    expect(parseBankFile(fixture('rakuten.csv')).format).toBe('csv-rakuten');
    expect(rows('rakuten.csv')).toEqual([
      ['2026-12-01', '330000', 'シヤ）オオサカデータセンター', 'rakuten:2026-12-01:330000:1330000'],
      ['2026-12-05', '1000', 'ﾔﾏﾀﾞ ﾀﾛｳ', 'rakuten:2026-12-05:1000:1330340'],
    ]);
  });

  it('R-BANK-1: ANSER (quoted, Shift_JIS): payer from 摘要, western and Reiwa dates, reference account:番号:date', () => {
    expect(parseBankFile(fixture('anser.csv')).format).toBe('csv-anser');
    expect(rows('anser.csv')).toEqual([
      ['2026-12-01', '220000', 'ｶ)ﾀﾅｶﾃﾞﾝｷ', 'anser:本店普通1234567ｻｸﾗｸﾗｳﾄﾞ(ｶ:1:2026-12-01'],
      ['2026-12-03', '99120', 'ﾆﾎﾝｿﾌﾄ(ｶ', 'anser:本店普通1234567ｻｸﾗｸﾗｳﾄﾞ(ｶ:3:2026-12-03'],
    ]);
  });

  it('R-BANK-4: a bad amount or date names the line and the column; a short row and an unknown header are refused', () => {
    const header = '日付,内容,出金金額(円),入金金額(円),残高(円),メモ';
    const csv = (...lines: string[]): Buffer => iconv.encode([header, ...lines].join('\r\n'), 'cp932');
    expect(parseProblems(csv('2026/12/01,振込 ｱ,,12.5,100,'))).toEqual([
      'line 2 (data) 入金金額(円): "12.5" is not a whole-yen amount',
    ]);
    expect(parseProblems(csv('2026/12/01,振込 ｱ,,100,100,', '2026/13/01,振込 ｲ,,100,200,'))).toEqual([
      'line 3 (data) 日付: "2026/13/01" is not a date',
    ]);
    expect(parseProblems(csv('2026/12/01,振込 ｱ,,100'))).toEqual(['line 2 (data): 4 fields, the header has 6']);
    expect(parseProblems(csv('2026/12/01,振込 ｱ,,-100,100,'))).toEqual([
      'line 2 (data) 入金金額(円): "-100" is not a whole-yen amount',
    ]);
    expect(parseProblems(Buffer.from('a,b,c\n1,2,3\n'))).toEqual([
      'line 1 (header): not a known layout (住信SBIネット銀行, 楽天銀行, ANSER 入出金明細)',
    ]);
    expect(parseProblems(Buffer.from([0x82, 0x20, 0xff]))).toEqual(['file: neither UTF-8 nor Shift_JIS text']);
  });

  it('R-BANK-4: CSV quoting: quoted commas, doubled quotes and line breaks inside quotes; an unclosed quote is refused', () => {
    expect(readCsv('a,"b,c","d""e"\r\n"f\ng",h')).toEqual([
      { line: 1, fields: ['a', 'b,c', 'd"e'] },
      { line: 2, fields: ['f\ng', 'h'] },
    ]);
    expect(() => readCsv('a,"b\n')).toThrow('line 1: a quoted field is never closed');
    expect(() => readCsv('a,b"c"')).toThrow('line 1: a quote inside an unquoted field');
  });

  it('R-BANK-1: CSV cell values: dates in every accepted spelling, amounts with separators and signs', () => {
    expect(
      [
        '2026/12/01',
        '2026-12-01',
        '20261201',
        '2026年12月1日',
        '令和8年12月1日',
        'R08.12.01',
        '２０２６/１２/０１',
      ].map(parseCsvDate),
    ).toEqual(Array(7).fill('2026-12-01'));
    expect(['2026/02/30', '平成30年1月1日', 'R1.4.30', ''].map(parseCsvDate)).toEqual([null, null, null, null]);
    expect(parseYenCell('1,234,567')).toEqual({ kind: 'yen', value: '1234567' });
    expect(parseYenCell('¥12,000')).toEqual({ kind: 'yen', value: '12000' });
    expect(parseYenCell('-660', true)).toEqual({ kind: 'yen', value: '-660' });
    expect(parseYenCell('1,23')).toEqual({ kind: 'invalid' });
    expect(parseYenCell('')).toEqual({ kind: 'empty' });
    expect(payerFromDescription('振込＊タナカデンキ')).toBe('タナカデンキ');
    expect(payerFromDescription('ﾌﾘｺﾐ ｶ)ﾀﾅｶﾃﾞﾝｷ ')).toBe('ｶ)ﾀﾅｶﾃﾞﾝｷ');
    expect(payerFromDescription('ATM引出')).toBe('ATM引出');
  });
});
