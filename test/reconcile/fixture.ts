import { createCloudAccount, createMember } from '../../core/parties';
import { nextDocumentNumber } from '../../core/ledger/counters';
import { openDatabase, type LedgerDb } from '../../core/ledger/open-database';
import { postTransaction } from '../../core/ledger/post';
import { Dec } from '../../core/money';
import { testOffice, type TestOffice } from '../api/helpers';

/**
 * A back office on a temp database (see test/api/helpers) plus a direct handle on the same file to lay down
 * what earlier issues would have: members, final monthly bills with their statements and invoice postings.
 */
export interface ReconcileOffice extends TestOffice {
  db: LedgerDb;
  /** A corporate member; returns its number and id. */
  member(name: string, nameKana: string): Promise<{ memberNumber: string; memberId: number }>;
  /** A final bank-transfer bill of 2026-10 on a new cloud account of the member, invoice posted; its statement number. */
  bill(
    memberId: number,
    total: string,
    method?: string,
    on?: { dueDate?: string; cloudAccountId?: number; month?: string },
  ): Promise<{ statementNumber: string; billId: number; cloudAccountId: number }>;
  /** A prepaid statement through the prepaid operations (draft, issue, statement); its number. */
  prepaidStatement(memberNumber: string, amount: string): Promise<string>;
  /** Imports bytes through bank.import as accounting. */
  importFile(fileName: string, bytes: Buffer, extra?: Record<string, unknown>): Promise<ImportOutput>;
  /** Ledger lines of every posting (but the invoice) with this reference, in order. */
  linesOf(reference: string): Promise<PostedLine[]>;
  trialBalanceSum(): Promise<{ debit: number; credit: number }>;
}

export interface PostedLine {
  kind: string;
  memo: string;
  posted_by: string | null;
  account: string;
  debit: number;
  credit: number;
  member_id: number | null;
  cloud_account_id: number | null;
}

export interface SummaryLine {
  count: number;
  amount: string;
}

export interface ImportOutput {
  importId: number | null;
  alreadyImported: boolean;
  message: string;
  summary: Record<'matched' | 'held' | 'review' | 'unknown' | 'cancelled' | 'duplicate', SummaryLine> & {
    fees: string;
  };
  attention: {
    record: number;
    outcome: string;
    depositId: number | null;
    reason: string | null;
    target: string | null;
    candidates: { statementNumber: string }[];
  }[];
}

let billSeq = 0;

export async function reconcileOffice(start = '2026-11-10T01:00:00.000Z'): Promise<ReconcileOffice> {
  const office = await testOffice(start);
  const { db, close } = await openDatabase(office.file);
  const at = '2026-11-01T00:00:00.000Z';
  return {
    ...office,
    db,
    async member(name, nameKana) {
      const m = await createMember(db, { kind: 'corporation', name, nameKana, email: 'keiri@example.jp' }, at);
      return { memberNumber: m.member_number, memberId: m.id };
    },
    async bill(memberId, total, method = 'bank_transfer', on = {}) {
      return db.transaction().execute(async (trx) => {
        const account =
          on.cloudAccountId === undefined
            ? await createCloudAccount(trx, memberId, `本番${++billSeq}`, at)
            : await trx
                .selectFrom('cloud_accounts')
                .select(['id', 'code'])
                .where('id', '=', on.cloudAccountId)
                .executeTakeFirstOrThrow();
        const gross = new Dec(total);
        const subtotal = gross.dividedBy('1.1').floor();
        const tax = gross.minus(subtotal);
        const bill = await trx
          .insertInto('bills')
          .values({
            cloud_account_id: account.id,
            month: on.month ?? '2026-10',
            usage_import_id: null,
            tax_mode: 'per_service',
            tax_rate: '0.1',
            subtotal: subtotal.toNumber(),
            tax: tax.toNumber(),
            total: gross.toNumber(),
            prepaid_applied: 0,
            amount_due: gross.toNumber(),
            payment_method: method,
            status: 'final',
            detail: '{}',
            created_at: at,
            finalized_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const number = await nextDocumentNumber(trx, 'statement', 2026);
        await trx
          .insertInto('documents')
          .values({
            kind: 'statement',
            number,
            member_id: memberId,
            cloud_account_id: account.id,
            bill_id: bill.id,
            related_document_id: null,
            status: 'issued',
            issued_at: at,
            due_date: on.dueDate ?? '2026-11-25',
            subtotal: subtotal.toNumber(),
            tax: tax.toNumber(),
            total: gross.toNumber(),
            content: '{}',
            created_by: null,
          })
          .execute();
        await postTransaction(trx, {
          kind: 'invoice',
          memo: `${account.code} 2026-10`,
          postedAt: at,
          postedBy: null,
          reference: `bill:${bill.id}`,
          lines: [
            { account: 'receivables', side: 'debit', amount: gross, memberId, cloudAccountId: account.id },
            { account: 'revenue', side: 'credit', amount: subtotal, memberId, cloudAccountId: account.id },
            { account: 'tax_payable', side: 'credit', amount: tax, memberId, cloudAccountId: account.id },
          ],
        });
        return { statementNumber: number, billId: bill.id, cloudAccountId: account.id };
      });
    },
    async prepaidStatement(memberNumber, amount) {
      const estimate = await office.ok<{ estimateNumber: string }>(
        'estimates.draft',
        { memberNumber, amount },
        'sales',
      );
      await office.ok('estimates.issue', { estimateNumber: estimate.estimateNumber }, 'sales');
      const statement = await office.ok<{ statementNumber: string }>(
        'prepaid.issueStatement',
        { estimateNumber: estimate.estimateNumber },
        'sales',
      );
      return statement.statementNumber;
    },
    importFile(fileName, bytes, extra = {}) {
      return office.ok<ImportOutput>(
        'bank.import',
        { fileName, contentBase64: bytes.toString('base64'), ...extra },
        'accounting',
      );
    },
    linesOf(reference) {
      return db
        .selectFrom('ledger_entries')
        .innerJoin('ledger_transactions', 'ledger_transactions.id', 'ledger_entries.transaction_id')
        .select([
          'ledger_transactions.kind',
          'ledger_transactions.memo',
          'ledger_transactions.posted_by',
          'ledger_entries.account',
          'ledger_entries.debit',
          'ledger_entries.credit',
          'ledger_entries.member_id',
          'ledger_entries.cloud_account_id',
        ])
        .where('ledger_transactions.reference', '=', reference)
        .where('ledger_transactions.kind', '!=', 'invoice')
        .orderBy('ledger_entries.transaction_id')
        .orderBy('ledger_entries.line_no')
        .execute();
    },
    async trialBalanceSum() {
      return {
        debit: Number(await office.scalar('select coalesce(sum(debit), 0) from ledger_entries')),
        credit: Number(await office.scalar('select coalesce(sum(credit), 0) from ledger_entries')),
      };
    },
    async close() {
      await close();
      await office.close();
    },
  };
}
