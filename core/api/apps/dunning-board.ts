import { defineOperation, type OperationApp } from '../operation';
import { dunningBoardInput } from '../schemas/dunning-board';

const LIMIT = 500;

/**
 * dunning.board: the accounts the status machine has touched (R-DUN-1..7), each with its transitions (cause,
 * time) and the platform commands written to the outbox for it. Read only.
 */
const board = defineOperation({
  name: 'dunning.board',
  roles: ['supervisor', 'accounting'],
  input: dunningBoardInput,
  audited: false,
  handler: async (ctx, input) => {
    let query = ctx.db
      .selectFrom('cloud_accounts')
      .innerJoin('members', 'members.id', 'cloud_accounts.member_id')
      .select([
        'cloud_accounts.id',
        'cloud_accounts.code',
        'cloud_accounts.label',
        'cloud_accounts.status',
        'members.member_number',
        'members.name',
        'members.name_kana',
      ])
      .orderBy('cloud_accounts.code')
      .limit(LIMIT);
    if (input.memberNumber) query = query.where('members.member_number', '=', input.memberNumber);
    if (input.status) query = query.where('cloud_accounts.status', '=', input.status);
    else if (!input.memberNumber)
      query = query.where((eb) =>
        eb.or([
          eb('cloud_accounts.status', '!=', 'active'),
          // An account's first history row is its opening (from null): only later transitions put it on the board.
          eb.exists(
            eb
              .selectFrom('account_status_history')
              .select('account_status_history.id')
              .whereRef('account_status_history.cloud_account_id', '=', 'cloud_accounts.id')
              .where('account_status_history.from_status', 'is not', null),
          ),
        ]),
      );
    const accounts = await query.execute();
    const ids = accounts.map((a) => a.id);
    const history = ids.length
      ? await ctx.db
          .selectFrom('account_status_history')
          .selectAll()
          .where('cloud_account_id', 'in', ids)
          .orderBy('at')
          .orderBy('id')
          .execute()
      : [];
    const outbox = ids.length
      ? await ctx.db
          .selectFrom('outbox')
          .select(['id', 'cloud_account_id', 'created_at', 'topic', 'status', 'sent_at'])
          .where('channel', '=', 'platform')
          .where('cloud_account_id', 'in', ids)
          .orderBy('id')
          .execute()
      : [];
    return {
      accounts: accounts.map((a) => ({
        cloudAccountCode: a.code,
        label: a.label,
        status: a.status,
        memberNumber: a.member_number,
        memberName: a.name,
        memberKana: a.name_kana,
        history: history
          .filter((h) => h.cloud_account_id === a.id)
          .map((h) => ({ from: h.from_status, to: h.to_status, cause: h.cause, at: h.at })),
        commands: outbox
          .filter((o) => o.cloud_account_id === a.id)
          .map((o) => ({ id: o.id, topic: o.topic, status: o.status, createdAt: o.created_at, sentAt: o.sent_at })),
      })),
    };
  },
});

export const dunningBoardApp = { domain: 'dunning', operations: [board] } as const satisfies OperationApp;
