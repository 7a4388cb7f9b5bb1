import type { LedgerDb } from '../../ledger/open-database';
import { confirmDeposit, decideDeposit } from '../../prepaid/deposits';
import { recordHandPayment } from '../../reconcile/hand-payment';
import { defineOperation, type OperationApp } from '../operation';
import { noInput } from '../schemas/common';
import { confirmDepositInput, decideDepositInput } from '../schemas/prepaid';

/**
 * Deposits typed in by accounting: for a prepaid statement, or (issue 14) any open monthly bill. The bank-file import routes its matches through deposits.confirm with the
 * imported deposit's id, so a typed and an imported deposit are confirmed by the same code.
 */
const confirm = defineOperation({
  name: 'deposits.confirm',
  roles: ['accounting'],
  input: confirmDepositInput,
  audited: true,
  handler: async (ctx, input) => {
    const actor = { now: ctx.now, by: ctx.operator?.login ?? null };
    // Issue 14: a monthly bill's statement is paid by hand too (any open bill, in full or in part).
    if ('amount' in input && (await isMonthlyStatement(ctx.db, input.statementNumber)))
      return recordHandPayment(ctx.db, input, actor);
    return confirmDeposit(ctx.db, input, actor);
  },
});

async function isMonthlyStatement(db: LedgerDb, statementNumber: string): Promise<boolean> {
  const row = await db
    .selectFrom('documents')
    .select('bill_id')
    .where('number', '=', statementNumber)
    .where('kind', '=', 'statement')
    .executeTakeFirst();
  return row !== undefined && row.bill_id !== null;
}

const decide = defineOperation({
  name: 'deposits.decide',
  roles: ['accounting'],
  input: decideDepositInput,
  audited: true,
  handler: async (ctx, input) => decideDeposit(ctx.db, input, { now: ctx.now, by: ctx.operator?.login ?? null }),
});

const held = defineOperation({
  name: 'deposits.held',
  roles: ['accounting', 'supervisor'],
  input: noInput,
  audited: false,
  handler: async (ctx) =>
    (
      await ctx.db
        .selectFrom('deposits')
        .leftJoin('documents', 'documents.id', 'deposits.matched_document_id')
        .select([
          'deposits.id',
          'deposits.bank_reference',
          'deposits.amount',
          'deposits.value_date',
          'deposits.note',
          'documents.number',
          'documents.total',
        ])
        .where('deposits.status', '=', 'held')
        .orderBy('deposits.id')
        .execute()
    ).map((r) => ({
      depositId: r.id,
      bankReference: r.bank_reference,
      amount: String(r.amount),
      valueDate: r.value_date,
      statementNumber: r.number,
      expected: r.total === null ? null : String(r.total),
      note: r.note,
    })),
});

export const prepaidDepositsApp = {
  domain: 'deposits',
  operations: [confirm, decide, held],
} as const satisfies OperationApp;
