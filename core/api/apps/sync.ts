import { z } from 'zod';
import { InputError, Refused } from '../../errors';
import { createMember, findMember, memberById, memberView, updateMember } from '../../parties';
import { draftEstimate, estimateView, findApplication, issueEstimate, updateEstimate } from '../../prepaid/estimates';
import { applyOfflineOperations, type OfflineRunner } from '../../sync/apply';
import { changesSince } from '../../sync/changes';
import { isLeasedTo, leaseEstimateNumbers } from '../../sync/leases';
import { memberIsClosed } from '../../sync/member-state';
import { formatDate, jstToday } from '../../time';
import { defineOperation, type OperationApp } from '../operation';
import { createMemberInput, updateMemberInput } from '../schemas/members';
import { draftEstimateInput, estimateNumber, estimateRefInput, updateEstimateInput } from '../schemas/prepaid';
import type { ProblemCode } from '../../problem-codes';
import { syncApplyInput, syncChangesInput, syncJoinTeamInput, syncLeaseInput, syncStatusInput } from '../schemas/sync';
import { zodProblems } from '../zod-problems';

/**
 * The server's side of a sales rep's offline work (TEAM.md, "Desktops in a team"; decisions D-SYNC-* in
 * core/sync/README.md): changes since a cursor for the desktop's local copy, blocks of estimate numbers leased
 * to the desktop, and the replay of the operations it queued offline, each applied once.
 */

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new InputError(zodProblems(parsed.error));
  return parsed.data;
}

async function refuseClosed(
  ctx: { db: Parameters<OfflineRunner>[0]['db'] },
  member: { id: number; member_number: string },
) {
  if (await memberIsClosed(ctx.db, member.id))
    throw InputError.one(
      'memberNumber',
      'sync.member_closed',
      `member ${member.member_number} was closed: no estimate is accepted for it`,
      { memberNumber: member.member_number },
    );
}

const offlineDraftInput = draftEstimateInput.extend({ estimateNumber });
/** D-SYNC-1: an offline change names the member's updatedAt it started from. */
const offlineMemberUpdateInput = updateMemberInput.extend({ baseUpdatedAt: z.string().max(40) });

/** The operations a desktop may make offline, as the server carries them out at replay. */
export const OFFLINE_RUNNERS: Readonly<Record<string, OfflineRunner>> = {
  'members.create': async (ctx, raw) =>
    memberView(await createMember(ctx.db, parse(createMemberInput, raw), ctx.madeAt.toISOString())),
  'members.update': async (ctx, raw) => {
    const { memberNumber, baseUpdatedAt, ...changes } = parse(offlineMemberUpdateInput, raw);
    const member = await findMember(ctx.db, memberNumber);
    if (member.updated_at !== baseUpdatedAt)
      throw InputError.one(
        'memberNumber',
        'sync.member_changed',
        `member ${memberNumber} was changed on the server since ${baseUpdatedAt}: the offline change is not applied`,
        { memberNumber },
      );
    return memberView(await updateMember(ctx.db, memberNumber, changes, ctx.madeAt.toISOString()));
  },
  'estimates.draft': async (ctx, raw) => {
    const input = parse(offlineDraftInput, raw);
    const member = await findMember(ctx.db, input.memberNumber);
    await refuseClosed(ctx, member);
    if (!(await isLeasedTo(ctx.db, ctx.desktopId, input.estimateNumber)))
      throw InputError.one(
        'estimateNumber',
        'sync.number_not_leased',
        `${input.estimateNumber} was not leased to this desktop`,
        { estimateNumber: input.estimateNumber },
      );
    await draftEstimate(ctx.db, member, input, ctx.madeAt, ctx.login, input.estimateNumber);
    return estimateView(await findApplication(ctx.db, input.estimateNumber), formatDate(jstToday(ctx.madeAt)));
  },
  'estimates.update': async (ctx, raw) => {
    const input = parse(updateEstimateInput, raw);
    await updateEstimate(ctx.db, await findApplication(ctx.db, input.estimateNumber), input, ctx.madeAt);
    return estimateView(await findApplication(ctx.db, input.estimateNumber), formatDate(jstToday(ctx.madeAt)));
  },
  'estimates.issue': async (ctx, raw) => {
    const input = parse(estimateRefInput, raw);
    const app = await findApplication(ctx.db, input.estimateNumber);
    const member = await memberById(ctx.db, app.member_id);
    await refuseClosed(ctx, member);
    await issueEstimate(ctx.db, app, member, ctx.madeAt, ctx.login);
    return estimateView(await findApplication(ctx.db, input.estimateNumber), formatDate(jstToday(ctx.madeAt)));
  },
};

/** Whether an operation is one a desktop may make offline (the client queues only these). */
export const OFFLINE_OPERATIONS = Object.keys(OFFLINE_RUNNERS);

const changes = defineOperation({
  name: 'sync.changes',
  roles: ['sales'],
  input: syncChangesInput,
  audited: false,
  handler: async (ctx, input) => changesSince(ctx.db, ctx.operator!.login, input.cursor, ctx.now),
});

const lease = defineOperation({
  name: 'sync.lease',
  roles: ['sales'],
  input: syncLeaseInput,
  audited: true,
  handler: async (ctx, input) => ({
    blocks: await leaseEstimateNumbers(ctx.db, input.desktopId, ctx.operator!.login, ctx.now),
  }),
});

const apply = defineOperation({
  name: 'sync.apply',
  roles: ['sales'],
  input: syncApplyInput,
  audited: true,
  handler: async (ctx, input) => ({
    results: await applyOfflineOperations(
      ctx.db,
      { desktopId: input.desktopId, login: ctx.operator!.login, now: ctx.now, operations: input.operations },
      OFFLINE_RUNNERS,
      `${ctx.channel}+sync`,
    ),
  }),
});

export interface SyncProblem {
  /** The queued operation's id. */
  id: string;
  operation: string;
  madeAt: string;
  /** What it was about, for the list: the member's name, the estimate's number. */
  subject: string;
  code: ProblemCode;
  params?: Record<string, string | number>;
  message: string;
}

export interface SyncStatus {
  /** local: this computer only; team: a desktop of a team server. */
  mode: 'local' | 'team';
  server: string | null;
  online: boolean;
  /** Operations queued offline, not yet answered by the server. */
  waiting: number;
  lastSyncedAt: string | null;
  /** Counts the synchronisations that changed the local copy: the screens read again when it moves. */
  revision: number;
  problems: SyncProblem[];
}

/**
 * What the screen shows of synchronisation. A ledger of its own has nothing to synchronise; a team desktop's
 * client (core/host/team-client) answers this operation itself, from its queue and its last contact.
 */
const status = defineOperation({
  name: 'sync.status',
  roles: [],
  input: syncStatusInput,
  audited: false,
  handler: async (): Promise<SyncStatus> => ({
    mode: 'local',
    server: null,
    online: true,
    waiting: 0,
    lastSyncedAt: null,
    revision: 0,
    problems: [],
  }),
});

/**
 * First start of a desktop: join a team server rather than keep a ledger of its own. The desktop's door
 * (core/host/team-client/desktop-backoffice.ts) answers it; a ledger reached any other way refuses.
 */
const joinTeam = defineOperation({
  name: 'sync.joinTeam',
  roles: [],
  input: syncJoinTeamInput,
  audited: false,
  handler: async (): Promise<{ server: string }> => {
    throw Refused.of('forbidden', 'sync.join_first_start', 'only a desktop on its first start joins a team server');
  },
});

export const syncApp = {
  domain: 'sync',
  operations: [changes, lease, apply, status, joinTeam],
} as const satisfies OperationApp;
