import { Dec } from '../../money';
import { addDays, jstMidnight, parseDate } from '../../time';
import { postTransaction } from '../../ledger/post';
import { accountStatement, trialBalance } from '../../ledger/reports';
import { defineOperation, type OperationApp } from '../operation';
import { accountStatementInput, postAdjustmentInput, trialBalanceInput } from '../schemas/ledger';
import { findMember } from '../../parties';

/** A correction by accounting: a new balanced entry (posted entries are never changed). */
const postAdjustment = defineOperation({
  name: 'ledger.postAdjustment',
  roles: ['accounting'],
  input: postAdjustmentInput,
  audited: true,
  handler: async (ctx, input) => {
    const lines = [];
    for (const [i, line] of input.lines.entries()) {
      const member = line.memberNumber ? await findMember(ctx.db, line.memberNumber, `lines[${i}].memberNumber`) : null;
      lines.push({
        account: line.account,
        side: line.side,
        amount: new Dec(line.amount),
        memberId: member?.id ?? null,
      });
    }
    const postedAt = ctx.now.toISOString();
    const transactionId = await postTransaction(ctx.db, {
      kind: 'adjustment',
      memo: input.memo,
      postedAt,
      postedBy: ctx.operator?.login ?? null,
      lines,
    });
    return { transactionId, postedAt };
  },
});

const trialBalanceOperation = defineOperation({
  name: 'ledger.trialBalance',
  roles: ['accounting', 'supervisor'],
  input: trialBalanceInput,
  audited: false,
  handler: (ctx) => trialBalance(ctx.db),
});

/** `from` and `to` are JST dates, both included. */
const statement = defineOperation({
  name: 'ledger.accountStatement',
  roles: ['accounting', 'supervisor'],
  input: accountStatementInput,
  audited: false,
  handler: (ctx, input) => {
    const from = new Date(jstMidnight(parseDate(input.from)!)).toISOString();
    const to = new Date(jstMidnight(addDays(parseDate(input.to)!, 1))).toISOString();
    return accountStatement(ctx.db, input.account, from, to);
  },
});

export const ledgerApp = {
  domain: 'ledger',
  operations: [postAdjustment, trialBalanceOperation, statement],
} as const satisfies OperationApp;
