import { stringify } from 'csv-stringify/sync';
import { LEDGER_ACCOUNTS, type LedgerAccount } from '../ledger/accounts';
import type { AccountStatement, TrialBalance } from '../ledger/reports';
import { AGING_BUCKETS, type agedReceivables } from '../payments/aging';
import { SERVICES } from '../rating';
import type { PrepaidLiability } from './prepaid-liability';
import type { salesByMonth } from './sales';

/**
 * A report as a table, the one shape its CSV and PDF are written from. D-REP-1: the files are in Japanese (the
 * language of the accountant and the tax office who receive them); the screens follow the operator's language.
 */
export interface ReportTable {
  title: string;
  /** The period or date it covers, as printed under the title. */
  subtitle: string;
  columns: { label: string; numeric: boolean }[];
  rows: string[][];
}

/** The table as CSV (csv-stringify; UTF-8 with a byte-order mark so Excel opens it as such, CRLF). */
export function reportCsv(table: ReportTable): Buffer {
  const text = stringify([table.columns.map((c) => c.label), ...table.rows], { record_delimiter: 'windows' });
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

const accountName = (a: LedgerAccount) => LEDGER_ACCOUNTS[a].label.replace(/ \(.*\)$/, '');

export function trialBalanceTable(tb: TrialBalance, from: string, to: string): ReportTable {
  return {
    title: '試算表',
    subtitle: `${from} 〜 ${to}`,
    columns: [
      { label: '勘定科目', numeric: false },
      { label: '借方', numeric: true },
      { label: '貸方', numeric: true },
      { label: '残高', numeric: true },
    ],
    rows: [
      ...tb.accounts.map((a) => [accountName(a.account as LedgerAccount), a.debit, a.credit, a.balance]),
      ['合計', tb.totalDebit, tb.totalCredit, ''],
    ],
  };
}

export function generalLedgerTable(s: AccountStatement, from: string, to: string): ReportTable {
  return {
    title: `総勘定元帳 ${accountName(s.account)}`,
    subtitle: `${from} 〜 ${to}`,
    columns: [
      { label: '日時', numeric: false },
      { label: '取引', numeric: false },
      { label: '摘要', numeric: false },
      { label: '借方', numeric: true },
      { label: '貸方', numeric: true },
      { label: '残高', numeric: true },
    ],
    rows: [
      ['', '', '前期繰越', '', '', s.opening],
      ...s.lines.map((l) => [l.postedAt, String(l.transactionId), l.memo, l.debit, l.credit, l.balance]),
      ['', '', '次期繰越', '', '', s.closing],
    ],
  };
}

const SERVICE_NAMES: Record<(typeof SERVICES)[number], string> = {
  server: 'サーバー',
  license: 'ライセンス',
  volume: 'ディスク',
  internet: 'インターネット接続',
  network: '追加ネットワーク',
  archive: 'アーカイブ',
  ip: 'IPアドレス',
};

export function salesTable(s: Awaited<ReturnType<typeof salesByMonth>>, from: string, to: string): ReportTable {
  return {
    title: '月別・サービス別売上（税抜）',
    subtitle: `${from} 〜 ${to}`,
    columns: [
      { label: '月', numeric: false },
      ...SERVICES.map((sv) => ({ label: SERVICE_NAMES[sv], numeric: true })),
      { label: '値引（クレジットノート）', numeric: true },
      { label: '純売上', numeric: true },
    ],
    rows: [
      ...s.months.map((m) => [m.month, ...SERVICES.map((sv) => m.services[sv]), m.credited, m.net]),
      ['合計', ...SERVICES.map((sv) => s.totals.services[sv]), s.totals.credited, s.totals.net],
    ],
  };
}

export function prepaidLiabilityTable(p: PrepaidLiability, asOf: string): ReportTable {
  return {
    title: '前受金（プリペイド残高）と失効予定',
    subtitle: `${asOf} 現在（前受金勘定 ${p.ledgerBalance} 円）`,
    columns: [
      { label: '会員番号', numeric: false },
      { label: '会員名', numeric: false },
      { label: 'プリペイドID', numeric: false },
      { label: '状態', numeric: false },
      { label: 'クラウドアカウント', numeric: false },
      { label: '有効期限', numeric: false },
      { label: '残高', numeric: true },
    ],
    rows: [
      ...p.holdings.map((h) => [
        h.memberNumber,
        h.memberName,
        `****-${h.codeHint}`,
        h.status === 'registered' ? '登録済み' : '未登録（登録期限）',
        h.cloudAccount ?? '',
        h.expiresOn ?? '',
        h.balance,
      ]),
      ['合計', '', '', '', '', '', p.total],
    ],
  };
}

const BUCKET_NAMES: Record<(typeof AGING_BUCKETS)[number], string> = {
  notDue: '期日前',
  d0_30: '0〜30日',
  d31_60: '31〜60日',
  d61_90: '61〜90日',
  d90plus: '90日超',
};

export function agingTable(a: Awaited<ReturnType<typeof agedReceivables>>): ReportTable {
  return {
    title: '売掛金年齢表',
    subtitle: `${a.asOf} 現在`,
    columns: [
      { label: 'クラウドアカウント', numeric: false },
      { label: '会員番号', numeric: false },
      ...AGING_BUCKETS.map((b) => ({ label: BUCKET_NAMES[b], numeric: true })),
      { label: '合計', numeric: true },
    ],
    rows: [
      ...a.accounts.map((r) => [r.account, r.memberNumber, ...AGING_BUCKETS.map((b) => r.buckets[b]), r.total]),
      ['合計', '', ...AGING_BUCKETS.map((b) => a.totals[b]), ''],
    ],
  };
}
