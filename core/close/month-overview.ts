import type { LedgerDb } from '../ledger/open-database';
import { yenFromDb } from '../ledger/yen';
import type { MonthCloseState } from './month-state';

export interface MonthOverviewRow {
  month: string;
  usageImports: number;
  accountsImported: number;
  state: MonthCloseState;
  closedAt: string | null;
  bills: number;
  /** Yen, as a decimal string: the bills' totals, and what is still owed of them after prepaid. */
  total: string;
  amountDue: string;
  statements: number;
  printed: number;
  sent: number;
}

type Count = number | string | bigint;
const n = (value: Count | null | undefined) => Number(value ?? 0);

/**
 * Every month with usage imported or a close started, newest first: imported (files, accounts), closed (when,
 * bills, totals), statements made, and how many of them were printed or sent (statement_deliveries).
 */
export async function monthOverview(db: LedgerDb): Promise<MonthOverviewRow[]> {
  const imports = await db
    .selectFrom('usage_imports')
    .leftJoin('usage_accounts', 'usage_accounts.usage_import_id', 'usage_imports.id')
    .select((eb) => [
      'usage_imports.month',
      eb.fn.count<Count>('usage_imports.id').distinct().as('files'),
      eb.fn.count<Count>('usage_accounts.account_code').as('accounts'),
    ])
    .groupBy('usage_imports.month')
    .execute();
  const closes = await db.selectFrom('month_closes').select(['month', 'closed_at']).execute();
  const bills = await db
    .selectFrom('bills')
    .select((eb) => [
      'month',
      eb.fn.countAll<Count>().as('bills'),
      eb.fn.sum<Count | null>('total').as('total'),
      eb.fn.sum<Count | null>('amount_due').as('due'),
    ])
    .groupBy('month')
    .execute();
  const statements = await db
    .selectFrom('documents')
    .innerJoin('bills', 'bills.id', 'documents.bill_id')
    .select((eb) => ['bills.month', eb.fn.countAll<Count>().as('n')])
    .where('documents.kind', '=', 'statement')
    .groupBy('bills.month')
    .execute();
  const deliveries = await db
    .selectFrom('statement_deliveries')
    .innerJoin('documents', 'documents.id', 'statement_deliveries.document_id')
    .innerJoin('bills', 'bills.id', 'documents.bill_id')
    .select((eb) => [
      'bills.month',
      'statement_deliveries.how',
      eb.fn.count<Count>('statement_deliveries.document_id').distinct().as('n'),
    ])
    .groupBy(['bills.month', 'statement_deliveries.how'])
    .execute();
  const months = new Set([...imports.map((r) => r.month), ...closes.map((r) => r.month), ...bills.map((r) => r.month)]);
  return [...months]
    .sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))
    .map((month) => {
      const imp = imports.find((r) => r.month === month);
      const close = closes.find((r) => r.month === month);
      const bill = bills.find((r) => r.month === month);
      const delivered = (how: string) => n(deliveries.find((d) => d.month === month && d.how === how)?.n);
      return {
        month,
        usageImports: n(imp?.files),
        accountsImported: n(imp?.accounts),
        state: close === undefined ? 'open' : close.closed_at === null ? 'closing' : 'closed',
        closedAt: close?.closed_at ?? null,
        bills: n(bill?.bills),
        total: yenFromDb(bill?.total ?? null).toFixed(),
        amountDue: yenFromDb(bill?.due ?? null).toFixed(),
        statements: n(statements.find((r) => r.month === month)?.n),
        printed: delivered('printed'),
        sent: delivered('sent'),
      };
    });
}
