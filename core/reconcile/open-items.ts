import { sql } from 'kysely';
import type { OpenItem } from '../banking';
import type { LedgerDb } from '../ledger/open-database';
import { yenFromDb } from '../ledger/yen';
import type { Dec } from '../money';

/**
 * What a deposit may pay: prepaid billing statements awaiting payment and final monthly bills with something
 * still owed. An item's id is its statement number (prepaid and monthly statements share the BIL- counter).
 */
export interface OpenTarget {
  statementNumber: string;
  /** The statement document's id. */
  documentId: number;
  kind: OpenItem['kind'];
  memberId: number;
  /** The bill, for a monthly bill. */
  billId: number | null;
  amountDue: Dec;
}

export interface OpenItems {
  items: OpenItem[];
  targets: Map<string, OpenTarget>;
}

/** The numbers a payer may quote: the statement number, its digits alone, the member number's digits. */
function referencesOf(statementNumber: string, memberNumber: string): string[] {
  return [statementNumber, statementNumber.replace(/\D/g, ''), memberNumber.replace(/\D/g, '')];
}

/**
 * Decision (R-RECON-2): a monthly bill is open to a bank deposit when it is final, something is still owed on
 * it, and it is paid by bank transfer or its card charge or direct debit failed (a bill still waiting for its
 * debit is not, so a transfer never pays it twice).
 */
export async function loadOpenItems(db: LedgerDb, only?: string): Promise<OpenItems> {
  const targets = new Map<string, OpenTarget>();
  const items: OpenItem[] = [];
  const add = (target: OpenTarget, payerKana: string, memberNumber: string) => {
    targets.set(target.statementNumber, target);
    items.push({
      id: target.statementNumber,
      kind: target.kind,
      amountDue: target.amountDue,
      payerKana,
      references: referencesOf(target.statementNumber, memberNumber),
    });
  };

  let statementQuery = db
    .selectFrom('prepaid_applications')
    .innerJoin('documents', 'documents.id', 'prepaid_applications.statement_document_id')
    .innerJoin('members', 'members.id', 'prepaid_applications.member_id')
    .select([
      'documents.id as document_id',
      'documents.number',
      'documents.total',
      'members.id as member_id',
      'members.member_number',
      'members.name_kana',
    ])
    .where('prepaid_applications.status', '=', 'billed')
    .orderBy('documents.number');
  if (only !== undefined) statementQuery = statementQuery.where('documents.number', '=', only);
  const statements = await statementQuery.execute();
  for (const s of statements) {
    add(
      {
        statementNumber: s.number,
        documentId: s.document_id,
        kind: 'prepaid_statement',
        memberId: s.member_id,
        billId: null,
        amountDue: yenFromDb(s.total),
      },
      s.name_kana,
      s.member_number,
    );
  }

  let billQuery = db
    .selectFrom('bills')
    .innerJoin('documents', (j) => j.onRef('documents.bill_id', '=', 'bills.id').on('documents.kind', '=', 'statement'))
    .innerJoin('cloud_accounts', 'cloud_accounts.id', 'bills.cloud_account_id')
    .innerJoin('members', 'members.id', 'cloud_accounts.member_id')
    .select([
      'bills.id',
      'bills.amount_due',
      'documents.id as document_id',
      'documents.number',
      'members.id as member_id',
      'members.member_number',
      'members.name_kana',
      sql<number | null>`(select sum(amount) from payments where payments.bill_id = bills.id)`.as('paid'),
      sql<number | null>`(select sum(total) from credit_notes where credit_notes.bill_id = bills.id)`.as('credited'),
    ])
    .where('bills.status', '=', 'final')
    .where('bills.amount_due', '>', 0)
    .where((eb) =>
      eb.or([
        eb('bills.payment_method', '=', 'bank_transfer'),
        eb.exists(
          eb
            .selectFrom('collection_attempts')
            .select('collection_attempts.id')
            .whereRef('collection_attempts.bill_id', '=', 'bills.id')
            .where('collection_attempts.outcome', '=', 'failed'),
        ),
      ]),
    )
    .orderBy('documents.number');
  if (only !== undefined) billQuery = billQuery.where('documents.number', '=', only);
  const bills = await billQuery.execute();
  for (const b of bills) {
    const owed = yenFromDb(b.amount_due).minus(yenFromDb(b.paid)).minus(yenFromDb(b.credited));
    if (!owed.isPositive() || owed.isZero()) continue;
    add(
      {
        statementNumber: b.number,
        documentId: b.document_id,
        kind: 'monthly_bill',
        memberId: b.member_id,
        billId: b.id,
        amountDue: owed,
      },
      b.name_kana,
      b.member_number,
    );
  }
  return { items, targets };
}

/** One open item by its statement number, or null when it is paid, unknown or not open to deposits. */
export async function findOpenTarget(db: LedgerDb, statementNumber: string): Promise<OpenTarget | null> {
  const { targets } = await loadOpenItems(db, statementNumber);
  return targets.get(statementNumber) ?? null;
}
