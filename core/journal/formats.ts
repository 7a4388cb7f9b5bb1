import type { JournalEntry, JournalLine } from './entries';
import type { AccountMapping, JournalTarget } from './mapping';

/**
 * The three packages' journal import layouts: their columns in order (the sources are named beside the
 * fixtures in test/books/fixtures/README.md) and how one journal entry becomes rows. A compound entry (複合
 * 仕訳) pairs its n-th debit line with its n-th credit line on one row, the shorter side left blank, as each
 * package's own compound layout does.
 */

export interface JournalLayout {
  /** The header row the file starts with; null: none (弥生 reads data from the first line). */
  header: string[] | null;
  encoding: 'Shift_JIS' | 'UTF-8';
  /** A byte-order mark before UTF-8 text, so Excel (which people open these files in first) reads it as UTF-8. */
  bom: boolean;
  rows(entries: JournalEntry[], mapping: AccountMapping): string[][];
}

/** `2026-10-31` → `2026/10/31`, the date form all three accept. */
function slashDate(date: string): string {
  return date.replaceAll('-', '/');
}

interface Side {
  account: string;
  subAccount: string;
  taxCategory: string;
  amount: string;
}

const BLANK: Side = { account: '', subAccount: '', taxCategory: '', amount: '' };

/** The entry's rows as debit/credit pairs, each side in the package's words. */
function pairs(entry: JournalEntry, mapping: AccountMapping): { debit: Side; credit: Side }[] {
  const side = (line: JournalLine | undefined): Side =>
    line ? { ...mapping[line.account], amount: line.amount } : BLANK;
  const debits = entry.lines.filter((l) => l.side === 'debit');
  const credits = entry.lines.filter((l) => l.side === 'credit');
  return Array.from({ length: Math.max(debits.length, credits.length) }, (_, i) => ({
    debit: side(debits[i]),
    credit: side(credits[i]),
  }));
}

/** 弥生会計 仕訳日記帳 import (弥生インポート形式), 25 columns, no header, Shift_JIS. */
export const YAYOI_COLUMNS = [
  '識別フラグ',
  '伝票No.',
  '決算',
  '取引日付',
  '借方勘定科目',
  '借方補助科目',
  '借方部門',
  '借方税区分',
  '借方金額',
  '借方税金額',
  '貸方勘定科目',
  '貸方補助科目',
  '貸方部門',
  '貸方税区分',
  '貸方金額',
  '貸方税金額',
  '摘要',
  '番号',
  '期日',
  'タイプ',
  '生成元',
  '仕訳メモ',
  '付箋1',
  '付箋2',
  '調整',
] as const;

/** 識別フラグ: 2000 a one-row entry; a compound one 2110 first, 2100 between, 2101 last. */
function yayoiFlag(i: number, n: number): string {
  if (n === 1) return '2000';
  if (i === 0) return '2110';
  return i === n - 1 ? '2101' : '2100';
}

const yayoi: JournalLayout = {
  header: null,
  encoding: 'Shift_JIS',
  bom: false,
  rows: (entries, mapping) =>
    entries.flatMap((entry) => {
      const rows = pairs(entry, mapping);
      return rows.map(({ debit, credit }, i) => [
        yayoiFlag(i, rows.length),
        '',
        '',
        slashDate(entry.date),
        debit.account,
        debit.subAccount,
        '',
        debit.taxCategory,
        // 弥生 wants 0 for the amount of a side left blank in a compound entry.
        debit.amount || '0',
        '',
        credit.account,
        credit.subAccount,
        '',
        credit.taxCategory,
        credit.amount || '0',
        '',
        entry.memo,
        '',
        '',
        '0',
        '',
        '',
        '',
        '',
        'no',
      ]);
    }),
};

/** freee 仕訳 import (汎用形式, columns per side); rows with the same 日付 and 伝票番号 are one entry. */
export const FREEE_COLUMNS = [
  '日付',
  '伝票番号',
  '決算整理仕訳',
  '借方勘定科目',
  '借方補助科目',
  '借方取引先',
  '借方部門',
  '借方税区分',
  '借方金額',
  '借方税額',
  '貸方勘定科目',
  '貸方補助科目',
  '貸方取引先',
  '貸方部門',
  '貸方税区分',
  '貸方金額',
  '貸方税額',
  '摘要',
] as const;

const freee: JournalLayout = {
  header: [...FREEE_COLUMNS],
  encoding: 'UTF-8',
  bom: true,
  rows: (entries, mapping) =>
    entries.flatMap((entry) =>
      pairs(entry, mapping).map(({ debit, credit }) => [
        slashDate(entry.date),
        String(entry.transactionId),
        '',
        debit.account,
        debit.subAccount,
        '',
        '',
        debit.taxCategory,
        debit.amount,
        '',
        credit.account,
        credit.subAccount,
        '',
        '',
        credit.taxCategory,
        credit.amount,
        '',
        entry.memo,
      ]),
    ),
};

/** マネーフォワード クラウド会計 仕訳帳 import template, columns A to AA. */
export const MONEYFORWARD_COLUMNS = [
  '取引No',
  '取引日',
  '借方勘定科目',
  '借方補助科目',
  '借方部門',
  '借方取引先',
  '借方税区分',
  '借方インボイス',
  '借方金額(円)',
  '借方税額',
  '貸方勘定科目',
  '貸方補助科目',
  '貸方部門',
  '貸方取引先',
  '貸方税区分',
  '貸方インボイス',
  '貸方金額(円)',
  '貸方税額',
  '摘要',
  '仕訳メモ',
  'タグ',
  'MF仕訳タイプ',
  '決算整理仕訳',
  '作成日時',
  '作成者',
  '最終更新日時',
  '最終更新者',
] as const;

/** 取引No runs 1, 2, 3… (the template asks for a sequence); rows of one entry share it and their date. */
const moneyforward: JournalLayout = {
  header: [...MONEYFORWARD_COLUMNS],
  encoding: 'UTF-8',
  bom: true,
  rows: (entries, mapping) =>
    entries.flatMap((entry, n) =>
      pairs(entry, mapping).map(({ debit, credit }) => [
        String(n + 1),
        slashDate(entry.date),
        debit.account,
        debit.subAccount,
        '',
        '',
        debit.taxCategory,
        '',
        debit.amount,
        '',
        credit.account,
        credit.subAccount,
        '',
        '',
        credit.taxCategory,
        '',
        credit.amount,
        '',
        entry.memo,
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
      ]),
    ),
};

export const JOURNAL_LAYOUTS: Record<JournalTarget, JournalLayout> = { yayoi, freee, moneyforward };
