import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { OperationInput, OperationName, OperationOutput } from '../../api/catalog-types';
import type { Clock } from '../../api/clock';
import { openBackoffice } from '../../api/open';
import type { Backoffice, CallResult } from '../../api/service';
import { syncJoinTeamInput } from '../../api/schemas/sync';
import { zodProblems } from '../../api/zod-problems';
import { ServerLink, Unreachable, teamServerUrl } from './server-link';
import { openTeamClient } from './team-client';

/**
 * The Backoffice of a desktop (the Electron main process, the browser host): "this computer only", the local
 * ledger of today, or "a team server", a TeamClient, as chosen on first start and kept in `team.json` beside the
 * local ledger. `sync.joinTeam` makes the choice while the local ledger is still empty: the server is reached
 * once (its certificate checked, against the company CA when one is given) before anything is written.
 */

export interface DesktopOptions {
  /** The local ledger file (this computer only). */
  ledger: string;
  /** Where a team desktop keeps team.json, its local copy and its queue (default: LEDGER.team). */
  teamFolder?: string;
  now?: Clock;
  channel?: string;
  /** Passed to the TeamClient (0 in tests: synchronise only when asked). */
  syncEveryMs?: number;
}

export interface TeamChoice {
  server: string;
  /** The company CA's PEM, when the desktop pins it. */
  ca?: string;
}

export function teamFolderOf(options: DesktopOptions): string {
  return options.teamFolder ?? `${options.ledger}.team`;
}

export function readTeamChoice(folder: string): TeamChoice | null {
  const file = path.join(folder, 'team.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as TeamChoice) : null;
}

export function writeTeamChoice(folder: string, choice: TeamChoice): void {
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'team.json'), `${JSON.stringify(choice, null, 2)}\n`, { mode: 0o600 });
}

export async function openDesktopBackoffice(options: DesktopOptions): Promise<Backoffice> {
  const folder = teamFolderOf(options);
  const openTeam = (choice: TeamChoice) =>
    openTeamClient({
      server: choice.server,
      ca: choice.ca,
      folder,
      ...(options.now ? { now: options.now } : {}),
      ...(options.syncEveryMs === undefined ? {} : { syncEveryMs: options.syncEveryMs }),
    });
  const chosen = readTeamChoice(folder);
  let inner: Backoffice = chosen
    ? await openTeam(chosen)
    : await openBackoffice(options.ledger, {
        ...(options.now ? { now: options.now } : {}),
        ...(options.channel ? { channel: options.channel } : {}),
      });
  let team = chosen !== null;

  async function join(input: unknown): Promise<CallResult> {
    const parsed = syncJoinTeamInput.safeParse(input);
    if (!parsed.success) {
      const problems = zodProblems(parsed.error);
      const first = problems[0]!;
      return {
        ok: false,
        kind: 'invalid',
        code: first.code,
        message: first.message,
        problems,
        ...(first.params ? { params: first.params } : {}),
      };
    }
    const status = await inner.call('setup.status', {}, null);
    if (team || !status.ok || (status.output as { hasOperators: boolean }).hasOperators)
      return {
        ok: false,
        kind: 'forbidden',
        code: 'sync.join_first_start',
        message: 'a desktop joins a team on its first start only, before its own ledger has operators',
      };
    const choice: TeamChoice = {
      server: teamServerUrl(parsed.data.server).href,
      ...(parsed.data.ca ? { ca: parsed.data.ca } : {}),
    };
    try {
      const answer = await new ServerLink({ url: choice.server, ca: choice.ca }).call('session.clock', {});
      if (!answer.ok) throw new Unreachable(answer.message);
    } catch (e) {
      if (!(e instanceof Unreachable)) throw e;
      const reason = e.message;
      const problem = {
        path: 'server',
        code: 'sync.server_unreachable' as const,
        params: { server: choice.server, reason },
        message: `${choice.server} did not answer as a team server: ${reason}`,
      };
      return {
        ok: false,
        kind: 'invalid',
        code: problem.code,
        params: problem.params,
        message: problem.message,
        problems: [problem],
      };
    }
    writeTeamChoice(folder, choice);
    await inner.close();
    inner = await openTeam(choice);
    team = true;
    return { ok: true, output: { server: choice.server } };
  }

  function call<K extends OperationName>(
    operation: K,
    input: OperationInput<K>,
    operatorLogin: string | null,
  ): Promise<CallResult<OperationOutput<K>>>;
  function call(operation: string, input: unknown, operatorLogin: string | null): Promise<CallResult>;
  function call(operation: string, input: unknown, operatorLogin: string | null): Promise<CallResult> {
    if (operation === 'sync.joinTeam') return join(input);
    return inner.call(operation, input, operatorLogin);
  }

  return {
    operations: () => inner.operations(),
    call,
    runScheduled: (operation, input) => inner.runScheduled(operation, input),
    close: () => inner.close(),
  };
}
