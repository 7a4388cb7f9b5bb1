import { confirmDeposit, decideDeposit } from '../../prepaid/deposits';
import { defineOperation, type OperationApp } from '../operation';
import { noInput } from '../schemas/common';
import { confirmDepositInput, decideDepositInput } from '../schemas/prepaid';

/**
 * Deposits for prepaid statements. The bank-file import routes its matches through deposits.confirm with the
 * imported deposit's id, so a typed and an imported deposit are confirmed by the same code.
 */
const confirm = defineOperation({
  name: 'deposits.confirm',
  roles: ['accounting'],
  input: confirmDepositInput,
  audited: true,
  handler: async (ctx, input) => confirmDeposit(ctx.db, input, { now: ctx.now, by: ctx.operator?.login ?? null }),
});

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
