import { findCloudAccount } from '../../parties';
import { advanceAccount } from '../../dunning/advance-store';
import { Dec } from '../../money';
import { agedReceivables } from '../../payments/aging';
import { registerPaymentMethod } from '../../payments/methods';
import { recordBankReceipt, recordCollection, refuseFutureValueDate } from '../../payments/record';
import { jstToday, parseDate } from '../../time';
import { defineOperation, type OperationApp, type OperationContext } from '../operation';
import { agingInput, bankReceiptInput, collectionResultInput, registerMethodInput } from '../schemas/payments';

const today = (ctx: OperationContext) => jstToday(ctx.now);
const who = (ctx: OperationContext) => ({ at: ctx.now.toISOString(), by: ctx.operator?.login ?? null });

/** R-BILL-5, R-PARTY-3, R-BILL-2: a method registered or changed on a cloud account. */
const registerMethod = defineOperation({
  name: 'payments.registerMethod',
  roles: ['accounting'],
  input: registerMethodInput,
  audited: true,
  handler: async (ctx, input) => {
    const account = await findCloudAccount(ctx.db, input.account, 'account');
    const receivedOn = input.receivedOn ? parseDate(input.receivedOn)! : today(ctx);
    const at = ctx.now.toISOString();
    const registered = await registerPaymentMethod(ctx.db, {
      cloudAccountId: account.id,
      memberKind: account.member_kind,
      method: input.method,
      card: input.card,
      receivedOn,
      at,
      by: ctx.operator?.login ?? null,
    });
    // A usable card may be what lifts a restriction (R-DUN-4).
    const transitions =
      input.method === 'credit_card' ? await advanceAccount(ctx.db, account.id, ctx.now.getTime(), at) : [];
    return { ...registered, account: input.account, method: input.method, transitions };
  },
});

const ref = (input: { billId?: number | undefined; statementNumber?: string | undefined }) => ({
  billId: input.billId,
  statementNumber: input.statementNumber,
});

/** A collection attempt and its result, by card or by direct debit. */
function collectionOperation<N extends string>(name: N, method: 'credit_card' | 'direct_debit') {
  return defineOperation({
    name,
    roles: ['accounting'],
    input: collectionResultInput,
    audited: true,
    handler: (ctx, input) => {
      const on = input.on ? parseDate(input.on)! : today(ctx);
      refuseFutureValueDate(on, ctx.now, 'on');
      return recordCollection(
        ctx.db,
        method,
        { ref: ref(input), outcome: input.outcome, on, reason: input.reason },
        who(ctx),
      );
    },
  });
}

/** The card charge of the 1st and its result (R-BILL-2, R-DUN-1). */
const recordCardCharge = collectionOperation('payments.recordCardCharge', 'credit_card');

/** The direct debit of the 26th and its result (R-BILL-4). */
const recordDirectDebit = collectionOperation('payments.recordDirectDebit', 'direct_debit');

/** A bank transfer received for a bill (R-BILL-3): bank / receivables. */
const recordBankReceiptOperation = defineOperation({
  name: 'payments.recordBankReceipt',
  roles: ['accounting'],
  input: bankReceiptInput,
  audited: true,
  handler: (ctx, input) => {
    const valueDate = input.valueDate ? parseDate(input.valueDate)! : undefined;
    refuseFutureValueDate(valueDate, ctx.now);
    return recordBankReceipt(ctx.db, ref(input), new Dec(input.amount), who(ctx), valueDate);
  },
});

/** What each account owes, aged 0–30, 31–60, 61–90 and over 90 days past due. */
const aging = defineOperation({
  name: 'payments.aging',
  roles: ['accounting', 'supervisor'],
  input: agingInput,
  audited: false,
  handler: (ctx, input) => agedReceivables(ctx.db, input.asOf ? parseDate(input.asOf)! : today(ctx)),
});

export const paymentsApp = {
  domain: 'payments',
  operations: [registerMethod, recordCardCharge, recordDirectDebit, recordBankReceiptOperation, aging],
} as const satisfies OperationApp;
