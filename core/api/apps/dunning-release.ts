import { holdAtSuspend, releaseCommand } from '../../dunning/release-store';
import { defineOperation, type OperationApp } from '../operation';
import { noInput } from '../schemas/common';
import { holdAtSuspendInput, releaseCommandInput } from '../schemas/dunning-release';

/** R-DUN-9: the platform commands that wait for a supervisor's release, oldest first, with their account. */
const awaiting = defineOperation({
  name: 'dunning.awaitingRelease',
  roles: ['supervisor', 'accounting'],
  input: noInput,
  audited: false,
  handler: async (ctx) => {
    const rows = await ctx.db
      .selectFrom('outbox')
      .innerJoin('cloud_accounts', 'cloud_accounts.id', 'outbox.cloud_account_id')
      .innerJoin('members', 'members.id', 'cloud_accounts.member_id')
      .select([
        'outbox.id',
        'outbox.topic',
        'outbox.created_at',
        'outbox.payload',
        'cloud_accounts.code',
        'cloud_accounts.status',
        'members.member_number',
        'members.name',
      ])
      .where('outbox.channel', '=', 'platform')
      .where('outbox.status', '=', 'awaiting_release')
      .orderBy('outbox.id')
      .execute();
    return {
      commands: rows.map((r) => ({
        outboxId: r.id,
        topic: r.topic,
        createdAt: r.created_at,
        /** When the status machine decided it (the termination's 00:00 JST). */
        decidedFor: (JSON.parse(r.payload) as { at?: string }).at ?? r.created_at,
        cloudAccountCode: r.code,
        accountStatus: r.status,
        memberNumber: r.member_number,
        memberName: r.name,
      })),
    };
  },
});

/** R-DUN-9: the supervisor's release (four eyes: the job decided, a supervisor lets it go). */
const release = defineOperation({
  name: 'dunning.releaseCommand',
  roles: ['supervisor'],
  input: releaseCommandInput,
  audited: true,
  handler: (ctx, input) => releaseCommand(ctx.db, input.outboxId, ctx.now.toISOString(), ctx.operator!.login),
  auditDetail: (output) => JSON.stringify({ outboxId: output.outboxId, account: output.cloudAccountCode }),
});

/** R-DUN-9: the supervisor keeps the account at Suspend instead, with a reason; the command is withheld. */
const hold = defineOperation({
  name: 'dunning.holdAtSuspend',
  roles: ['supervisor'],
  input: holdAtSuspendInput,
  audited: true,
  handler: (ctx, input) =>
    holdAtSuspend(ctx.db, input.outboxId, input.reason, ctx.now.toISOString(), ctx.operator!.login),
  auditDetail: (output) => JSON.stringify({ outboxId: output.outboxId, account: output.cloudAccountCode }),
});

export const dunningReleaseApp = {
  domain: 'dunning',
  operations: [awaiting, release, hold],
} as const satisfies OperationApp;
