import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { OFFLINE_RUNNERS, type SyncStatus } from '../../api/apps/sync';
import type { OperationInput, OperationName, OperationOutput } from '../../api/catalog-types';
import { processClock, type Clock } from '../../api/clock';
import { openBackoffice } from '../../api/open';
import type { Backoffice, CallResult } from '../../api/service';
import { InputError, Refused } from '../../errors';
import { formatDate, jstToday } from '../../time';
import { openDatabase, type LedgerDb } from '../../ledger/open-database';
import { transact } from '../../ledger/transaction';
import { hashPassword } from '../../parties/password';
import type { Role } from '../../parties/roles';
import type { ApplyResult } from '../../sync/apply';
import type { SyncChanges } from '../../sync/changes';
import type { LeasedBlock } from '../../sync/leases';
import { DesktopState, type QueuedOperation } from './desktop-state';
import {
  applyChanges,
  dropEstimate,
  dropMember,
  nextLeasedNumber,
  prepareLocalCopy,
  rememberOperator,
  renumberMember,
  storeLeases,
  upsertMember,
} from './local-copy';
import { ServerLink, Unreachable, type ServerLine } from './server-link';

/**
 * A desktop of a team (TEAM.md, "Desktops in a team"): the catalog's door for the renderer, carrying each call to
 * the team server and holding the session, with a local copy for a sales rep's offline work. It is a Backoffice
 * like the local ledger's, so the browser host (client mode) and Electron's main process use it unchanged.
 *
 * Online, every call goes to the server (operations queued offline first, in order). When the server cannot be
 * reached, a sales rep's reads of members and estimates are answered from the local copy, and the operations of
 * OFFLINE_RUNNERS are decided on the local copy by the same code the server replays them with, and queued.
 * Decisions D-SYNC-7.. are in this folder's README.md.
 */

export interface TeamClientOptions {
  /** https://NAME:PORT/ of the team server. */
  server: string;
  /** The company's CA (PEM) the server's certificate must chain to (pinning); absent: the system's CAs. */
  ca?: string | undefined;
  /** The folder of the desktop's local copy and queue. */
  folder: string;
  now?: Clock;
  /** Synchronise every this many milliseconds (default 5000; 0: only when asked, for tests). */
  syncEveryMs?: number;
  timeoutMs?: number;
  /** Another line to the server than HTTPS (the property test's, which loses answers on purpose). */
  link?: ServerLine;
}

/** What the local copy answers offline for a sales rep: the reads of their offline work. */
const LOCAL_READS = new Set([
  'session.clock',
  'setup.status',
  'members.search',
  'members.get',
  'cloudAccounts.list',
  'cloudAccounts.get',
  'estimates.list',
  'estimates.get',
  'estimates.pdf',
]);

const APPLY_BATCH = 50;

interface SignedIn {
  login: string;
  name: string;
  roles: Role[];
  /** Kept in memory only, to sign in again when the server lost the session (a restart): D-SYNC-8. */
  password: string;
}

function inputRecord(input: unknown): Record<string, unknown> {
  return typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
}

export class TeamClient implements Backoffice {
  private online = false;
  private revision = 0;
  private changesDigest = '';
  private signedIn: SignedIn | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  /** The server's answers of the last replay, by operation id (the call that queued one reads its own). */
  private readonly answers = new Map<string, ApplyResult>();

  private constructor(
    readonly link: ServerLine,
    readonly state: DesktopState,
    private readonly local: Backoffice,
    private readonly localDb: LedgerDb,
    private readonly closeLocalDb: () => Promise<void>,
    private readonly now: Clock,
    readonly desktopId: string,
  ) {}

  static async open(options: TeamClientOptions): Promise<TeamClient> {
    mkdirSync(options.folder, { recursive: true });
    const link =
      options.link ?? new ServerLink({ url: options.server, ca: options.ca, timeoutMs: options.timeoutMs ?? 10_000 });
    const state = new DesktopState(path.join(options.folder, 'desktop.db'));
    let desktopId = state.get('desktopId');
    if (desktopId === null) {
      desktopId = randomUUID();
      state.set('desktopId', desktopId);
    }
    const file = path.join(options.folder, 'local-copy.db');
    const now = options.now ?? processClock();
    const local = await openBackoffice(file, { now, channel: 'offline' });
    const { db, close } = await openDatabase(file, { migrate: false });
    await prepareLocalCopy(db);
    const client = new TeamClient(link, state, local, db, close, now, desktopId);
    const every = options.syncEveryMs ?? 5000;
    if (every > 0) {
      client.timer = setInterval(() => void client.sync().catch(() => undefined), every);
      client.timer.unref();
    }
    return client;
  }

  operations() {
    return this.local.operations();
  }

  /** One call at a time: a replay never interleaves with an operation made meanwhile. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.chain.then(fn, fn);
    this.chain = next.catch(() => undefined);
    return next;
  }

  call<K extends OperationName>(
    operation: K,
    input: OperationInput<K>,
    operatorLogin: string | null,
  ): Promise<CallResult<OperationOutput<K>>>;
  call(operation: string, input: unknown, operatorLogin: string | null): Promise<CallResult>;
  call(operation: string, input: unknown, operatorLogin: string | null): Promise<CallResult> {
    if (operation === 'sync.status') return Promise.resolve({ ok: true, output: this.status() });
    if (operation === 'session.signIn') return this.exclusive(() => this.signIn(input));
    return this.exclusive(() => this.forward(operation, this.withFinalNumbers(input), operatorLogin));
  }

  /**
   * D-SYNC-13: a team's desktop runs no daily job of its own. The team server's schedule brings the one set of
   * books up to today (R-DUN-8); a desktop's local copy holds no bills to dun, so nothing is ever due here.
   */
  runScheduled<K extends OperationName>(
    operation: K,
    _input: OperationInput<K>,
  ): Promise<CallResult<OperationOutput<K>>> {
    if (operation !== 'dunning.dueDays') throw new Error(`a team desktop runs no scheduled ${operation}`);
    const today = formatDate(jstToday(this.now()));
    return Promise.resolve({ ok: true, output: { lastRun: null, today, due: [] } as OperationOutput<K> });
  }

  /** A screen still showing a provisional member number (D-SYNC-7) names the member by the server's number. */
  private withFinalNumbers(input: unknown): unknown {
    const fields = inputRecord(input);
    if (typeof fields.memberNumber !== 'string') return input;
    const final = this.state.get(`renumbered:${fields.memberNumber}`);
    return final === null ? input : { ...fields, memberNumber: final };
  }

  status(): SyncStatus {
    return {
      mode: 'team',
      server: this.link.url.href,
      online: this.online,
      waiting: this.state.waiting,
      lastSyncedAt: this.state.get('lastSyncedAt'),
      revision: this.revision,
      problems: this.state.problems(),
    };
  }

  /** Replays the queue and refreshes the local copy, when a sales rep is signed in and the server answers. */
  sync(): Promise<void> {
    return this.exclusive(async () => {
      try {
        await this.syncNow();
      } catch (e) {
        if (!(e instanceof Unreachable)) throw e;
        this.online = false;
      }
    });
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.chain;
    await this.local.close();
    await this.closeLocalDb();
    this.state.close();
  }

  private get isRep(): boolean {
    return this.signedIn?.roles.includes('sales') ?? false;
  }

  private async signIn(input: unknown): Promise<CallResult> {
    const { login, password } = inputRecord(input);
    if (typeof login !== 'string' || typeof password !== 'string')
      return this.local.call('session.signIn', input, null);
    try {
      const result = await this.link.signIn(login, password);
      this.online = true;
      if (!result.ok) return result;
      const who = result.output as { login: string; name: string; roles: Role[] };
      this.signedIn = { ...who, password };
      await rememberOperator(this.localDb, who, await hashPassword(password), this.now().toISOString());
      await this.syncNow().catch((e: unknown) => {
        if (!(e instanceof Unreachable)) throw e;
      });
      return result;
    } catch (e) {
      if (!(e instanceof Unreachable)) throw e;
      this.online = false;
      // Offline: the local copy knows the operators who signed in here before (D-SYNC-8); others wait for the server.
      const known = await this.localDb
        .selectFrom('operators')
        .select('id')
        .where('login', '=', login)
        .executeTakeFirst();
      if (!known)
        return {
          ok: false,
          kind: 'failed',
          code: 'sync.offline',
          params: { operation: 'session.signIn' },
          message: `the team server cannot be reached, and ${login} has not signed in on this desktop before`,
        };
      const result = await this.local.call('session.signIn', input, null);
      if (result.ok) this.signedIn = { ...(result.output as Omit<SignedIn, 'password'>), password };
      return result;
    }
  }

  /** A call to the server, signing in again once if the server forgot the session (it restarted). */
  private async serverCall(operation: string, input: unknown): Promise<CallResult> {
    if (!this.link.hasSession && this.signedIn) await this.link.signIn(this.signedIn.login, this.signedIn.password);
    let result = await this.link.call(operation, input);
    if (!result.ok && result.kind === 'unauthenticated' && this.signedIn) {
      const again = await this.link.signIn(this.signedIn.login, this.signedIn.password);
      if (again.ok) result = await this.link.call(operation, input);
    }
    this.online = true;
    return result;
  }

  private async syncNow(): Promise<void> {
    if (!this.isRep) {
      // Only whether the server answers, for the screen's online / offline.
      await this.link.call('session.clock', {});
      this.online = true;
      return;
    }
    await this.drain();
    await this.pull();
  }

  private async forward(operation: string, input: unknown, login: string | null): Promise<CallResult> {
    if (this.isRep && login === this.signedIn?.login && operation in OFFLINE_RUNNERS)
      return this.throughQueue(operation, input, login);
    try {
      if (this.isRep && this.state.waiting > 0) await this.drain();
      const result = await this.serverCall(operation, input);
      if (result.ok && this.isRep && operation === 'estimates.cancel') await this.pull();
      return result;
    } catch (e) {
      if (!(e instanceof Unreachable)) throw e;
      this.online = false;
      return this.offline(operation, input, login);
    }
  }

  /**
   * D-SYNC-11: a rep's operation that may be made offline always goes through the queue, online too: decided on
   * the local copy, queued with its id, then sent at once. The server's answer is the answer when it comes; a
   * lost answer leaves the operation queued, and its replay is answered from the server's record, so a member
   * is never created twice by a call retried after a dropped connection.
   */
  private async throughQueue(operation: string, input: unknown, login: string): Promise<CallResult> {
    const local = await this.runOffline(operation, input, login);
    if (!local.result.ok) {
      // The local copy refused (another rep's estimate it does not hold, numbers used up): the server decides.
      try {
        const result = await this.serverCall(operation, input);
        if (result.ok) await this.pull();
        return result;
      } catch (e) {
        if (!(e instanceof Unreachable)) throw e;
        this.online = false;
        return local.result;
      }
    }
    try {
      await this.drain();
    } catch (e) {
      if (!(e instanceof Unreachable)) throw e;
      this.online = false;
      return local.result;
    }
    const answer = this.answers.get(local.id);
    this.answers.delete(local.id);
    if (answer === undefined) return local.result;
    await this.pull().catch((e: unknown) => {
      if (!(e instanceof Unreachable)) throw e;
    });
    if (answer.outcome === 'applied') return { ok: true, output: answer.output };
    // Refused while the rep waits: said on the screen like any refusal, not kept among the sync problems.
    this.state.dismissProblem(local.id);
    const params = answer.params === undefined ? {} : { params: answer.params };
    return {
      ok: false,
      kind: 'invalid',
      code: answer.code,
      ...params,
      message: answer.message,
      problems: [{ path: '', code: answer.code, ...params, message: answer.message }],
    };
  }

  private offline(operation: string, input: unknown, login: string | null): Promise<CallResult> {
    if (this.isRep && login === this.signedIn?.login && LOCAL_READS.has(operation))
      return this.local.call(operation, input, login);
    if (operation === 'session.clock') return this.local.call(operation, input, login);
    // The team's operators are on the server: offline, a desktop shows the sign-in, never a first-run setup.
    if (operation === 'setup.status') return Promise.resolve({ ok: true, output: { hasOperators: true } });
    return Promise.resolve({
      ok: false,
      kind: 'failed',
      code: 'sync.offline',
      params: { operation },
      message: `the team server cannot be reached: ${operation} needs it`,
    });
  }

  /** Decides an operation on the local copy with the server's own runner, and queues it for the server. */
  private async runOffline(
    operation: string,
    input: unknown,
    login: string,
  ): Promise<{ id: string; result: CallResult }> {
    const madeAt = this.now();
    const id = uuidv7();
    try {
      const { queued, output } = await transact(this.localDb, async (db) => {
        const prepared = await this.prepareOffline(db, operation, inputRecord(input));
        const output = await OFFLINE_RUNNERS[operation]!({ db, desktopId: this.desktopId, login, madeAt }, prepared);
        const subject = offlineSubject(operation, prepared, output);
        return { queued: { id, login, operation, input: prepared, madeAt: madeAt.toISOString(), subject }, output };
      });
      if (operation === 'members.create')
        this.state.set(`provisional:${id}`, (output as { memberNumber: string }).memberNumber);
      this.state.enqueue(queued);
      return { id, result: { ok: true, output: output ?? null } };
    } catch (e) {
      if (e instanceof InputError) {
        const first = e.problems[0]!;
        return {
          id,
          result: {
            ok: false,
            kind: 'invalid',
            code: first.code,
            ...(first.params === undefined ? {} : { params: first.params }),
            message: e.message,
            problems: e.problems,
          },
        };
      }
      if (e instanceof Refused) return { id, result: { ok: false, kind: e.kind, code: e.code, message: e.message } };
      throw e;
    }
  }

  /** What the queued operation carries beyond the screen's input: the leased number, the member's version. */
  private async prepareOffline(db: LedgerDb, operation: string, input: Record<string, unknown>) {
    if (operation === 'estimates.draft') {
      const number = await nextLeasedNumber(db, this.leasedBlocks());
      if (number === null)
        throw InputError.one(
          'estimateNumber',
          'sync.numbers_used_up',
          'the estimate numbers leased for offline work are used up: connect to the team server for more',
        );
      return { ...input, estimateNumber: number };
    }
    if (operation === 'members.update' && typeof input.memberNumber === 'string') {
      const member = await db
        .selectFrom('members')
        .select('updated_at')
        .where('member_number', '=', input.memberNumber)
        .executeTakeFirst();
      return { ...input, baseUpdatedAt: member?.updated_at ?? '' };
    }
    return input;
  }

  private leasedBlocks(): LeasedBlock[] {
    return JSON.parse(this.state.get('leases') ?? '[]') as LeasedBlock[];
  }

  /** Sends the queue in order; each answer takes its operation out of the queue, a refusal into the problems. */
  private async drain(): Promise<void> {
    this.answers.clear();
    for (;;) {
      const mine = this.state.queued().filter((op) => op.login === this.signedIn?.login);
      // A member created offline is sent alone: the operations after it name it by the number the server gives it.
      const created = mine.findIndex((op) => op.operation === 'members.create');
      const batch = mine.slice(0, Math.min(APPLY_BATCH, created === -1 ? APPLY_BATCH : created + 1));
      if (batch.length === 0) return;
      const result = await this.serverCall('sync.apply', {
        desktopId: this.desktopId,
        operations: batch.map(({ id, operation, input, madeAt }) => ({ id, operation, input, madeAt })),
      });
      if (!result.ok) return;
      const { results } = result.output as { results: ApplyResult[] };
      for (const answer of results) {
        const op = batch.find((b) => b.id === answer.id);
        if (op) await this.answered(op, answer);
        this.answers.set(answer.id, answer);
      }
    }
  }

  private async answered(op: QueuedOperation, answer: ApplyResult): Promise<void> {
    const input = inputRecord(op.input);
    if (answer.outcome === 'applied') {
      const provisional = this.state.get(`provisional:${op.id}`);
      const final = (answer.output as { memberNumber?: string } | null)?.memberNumber;
      if (op.operation === 'members.create' && provisional !== null && final !== undefined) {
        await renumberMember(this.localDb, provisional, final);
        this.state.rewriteInputs((queued) => {
          const fields = inputRecord(queued);
          return fields.memberNumber === provisional ? { ...fields, memberNumber: final } : queued;
        });
        this.state.set(`provisional:${op.id}`, null);
        this.state.set(`renumbered:${provisional}`, final);
      }
      this.state.answered(op.id, null);
      this.revision++;
      return;
    }
    // The server refused it: the local copy takes the server's version back (D-SYNC-10).
    this.revision++;
    this.state.answered(op.id, {
      id: op.id,
      operation: op.operation,
      madeAt: op.madeAt,
      subject: op.subject,
      code: answer.code,
      ...(answer.params === undefined ? {} : { params: answer.params }),
      message: answer.message,
    });
    if (op.operation === 'members.create') {
      const provisional = this.state.get(`provisional:${op.id}`);
      if (provisional !== null) await dropMember(this.localDb, provisional);
    } else if (op.operation === 'members.update' && typeof input.memberNumber === 'string') {
      const server = await this.serverCall('members.get', { memberNumber: input.memberNumber });
      if (server.ok) await upsertMember(this.localDb, server.output as never);
    } else if (typeof input.estimateNumber === 'string') {
      await this.followServerEstimate(input.estimateNumber);
    }
  }

  /** The server's version of one estimate replaces the local one (or removes it when the server has none). */
  private async followServerEstimate(estimateNumber: string): Promise<void> {
    const server = await this.serverCall('estimates.get', { estimateNumber });
    if (!server.ok) {
      await dropEstimate(this.localDb, estimateNumber);
      return;
    }
    const view = server.output as { status: string; validUntil: string | null; issuedAt: string | null };
    if (view.issuedAt === null) {
      await this.localDb
        .deleteFrom('documents')
        .where('kind', '=', 'estimate')
        .where('number', '=', estimateNumber)
        .execute();
      await this.localDb
        .updateTable('prepaid_applications')
        .set({ status: 'draft', valid_until: view.validUntil, issued_at: null, estimate_document_id: null })
        .where('estimate_number', '=', estimateNumber)
        .execute();
    }
  }

  /** The server's changes since the cursor into the local copy, and the desktop's blocks of estimate numbers. */
  private async pull(): Promise<void> {
    const changes = await this.serverCall('sync.changes', {
      desktopId: this.desktopId,
      cursor: this.state.get('cursor'),
    });
    if (!changes.ok) return;
    await transact(this.localDb, (db) => applyChanges(db, changes.output as SyncChanges));
    this.state.set('cursor', (changes.output as SyncChanges).cursor);
    const lease = await this.serverCall('sync.lease', { desktopId: this.desktopId });
    if (lease.ok) {
      const { blocks } = lease.output as { blocks: LeasedBlock[] };
      this.state.set('leases', JSON.stringify(blocks));
      await storeLeases(this.localDb, this.desktopId, this.signedIn!.login, blocks, this.now().toISOString());
    }
    this.state.set('lastSyncedAt', this.now().toISOString());
    // The cursor's overlap sends recent rows again (D-SYNC-4): only different rows are news for the screens.
    const { members, cloudAccounts, estimates } = changes.output as SyncChanges;
    const digest = createHash('sha256')
      .update(JSON.stringify([members, cloudAccounts, estimates]))
      .digest('hex');
    if (digest !== this.changesDigest) this.revision++;
    this.changesDigest = digest;
  }
}

function offlineSubject(operation: string, input: Record<string, unknown>, output: unknown): string {
  const out = inputRecord(output);
  if (operation === 'members.create') return `${String(input.name ?? '')}`;
  if (operation === 'members.update') return String(input.memberNumber ?? '');
  return String(input.estimateNumber ?? out.estimateNumber ?? '');
}

export function openTeamClient(options: TeamClientOptions): Promise<TeamClient> {
  return TeamClient.open(options);
}
