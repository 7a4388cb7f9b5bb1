import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { openBackoffice } from '../../api/open';
import { processClock } from '../../api/clock';
import { startDailySchedule } from '../../api/daily-schedule';
import { InputError } from '../../errors';
import type { Backoffice } from '../../api/service';
import { startBrowserHost } from '../../host/browser-host';
import { startTeamHost } from '../../host/team-host';
import { openDesktopBackoffice } from '../../host/team-client/desktop-backoffice';
import { DB_OPTION_HELP, takeDbPath, takeOption } from '../db-path';
import { IDLE_MINUTES_HELP, takeIdleMinutes } from '../idle-minutes';
import { packageRoot } from '../package-root';
import { EXIT_OK, type CliCommand, type CliIO } from '../io';
import { buildRendererIfStale, rendererDist } from '../../../scripts/renderer-build.mjs';

const ROOT = packageRoot(import.meta.url);
const RENDERER_DIR = rendererDist(ROOT);

/**
 * The renderer is built from this checkout's sources when missing or older than them (as `npm start` does),
 * so `serve` on a fresh clone serves the app, not a blank page. A failed build leaves the previous one.
 */
function buildRendererWhenStale(io: CliIO): void {
  if (!existsSync(path.join(ROOT, 'renderer', 'index.html'))) return;
  try {
    buildRendererIfStale(ROOT, (line) => io.err(`${line}\n`));
  } catch (e) {
    io.err(`the renderer build failed: ${e instanceof Error ? e.message : String(e)}\n`);
  }
}

export interface ServeOptions {
  dbFile: string;
  /** 0: a free port. */
  port: number;
  /** With --listen HOST:PORT: the address, and the team server's TLS files and public names when given. */
  listen?: { host: string; tlsCertFile: string | null; tlsKeyFile: string | null; publicNames: string[] };
  /** --idle-minutes: minutes a session may go unused (absent: the default, D-SEC-18). */
  idleMinutes?: number;
}

/** 127.0.0.0/8, ::1 and localhost: addresses no other machine reaches. */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

function parseListen(text: string): { host: string; port: number } {
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+):(\d{1,5})$/.exec(text);
  const port = match ? Number(match[2]) : -1;
  if (!match || port > 65535)
    throw InputError.one(
      '--listen',
      'cli.listen_invalid',
      `must be HOST:PORT (0.0.0.0:8443, [::]:8443, 127.0.0.1:0), not ${JSON.stringify(text)}`,
      { listen: text },
    );
  return { host: match[1]!.replace(/^\[(.*)\]$/, '$1'), port };
}

export function parseServeArgs(args: string[]): ServeOptions {
  const rest = [...args];
  const portText = takeOption(rest, 'port');
  const port = portText === undefined ? 0 : /^\d{1,5}$/.test(portText) ? Number(portText) : -1;
  if (port < 0 || port > 65535 || portText === '0') {
    throw InputError.one(
      '--port',
      'cli.port_invalid',
      `must be a port number from 1 to 65535, not ${JSON.stringify(portText)}`,
      { port: portText ?? '' },
    );
  }
  const listenText = takeOption(rest, 'listen');
  const tlsCertFile = takeOption(rest, 'tls-cert') ?? null;
  const tlsKeyFile = takeOption(rest, 'tls-key') ?? null;
  const publicName = takeOption(rest, 'public-name');
  const idleMinutes = takeIdleMinutes(rest);
  const idle = idleMinutes === undefined ? {} : { idleMinutes };
  const dbFile = takeDbPath(rest);
  if (rest.length > 0)
    throw new InputError(
      rest.map((arg) => ({
        path: arg,
        code: 'cli.unknown_option',
        params: { option: arg },
        message:
          'not an option of serve (--db, --port, --listen, --tls-cert, --tls-key, --public-name, --idle-minutes)',
      })),
    );
  if (listenText === undefined) {
    if (tlsCertFile !== null || tlsKeyFile !== null || publicName !== undefined)
      throw InputError.one('--listen', 'cli.team_needs_listen', 'the team server options need --listen HOST:PORT');
    return { dbFile, port, ...idle };
  }
  if (portText !== undefined)
    throw InputError.one('--port', 'cli.port_in_listen', 'give the port in --listen HOST:PORT');
  const listen = parseListen(listenText);
  if ((tlsCertFile === null) !== (tlsKeyFile === null))
    throw InputError.one(
      tlsCertFile === null ? '--tls-cert' : '--tls-key',
      'cli.tls_pair',
      'the certificate and its key go together',
    );
  if (tlsCertFile === null && !isLoopback(listen.host))
    throw InputError.one(
      '--tls-cert',
      'cli.tls_required',
      `${listen.host} is reached from other machines: give --tls-cert and --tls-key, so that passwords and sessions never cross the network in clear`,
      { host: listen.host },
    );
  if (tlsCertFile === null && publicName !== undefined)
    throw InputError.one(
      '--public-name',
      'cli.public_name_needs_tls',
      'a public name is for the team server: give --tls-cert and --tls-key',
    );
  const publicNames = (publicName ?? '')
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '');
  return { dbFile, port: listen.port, listen: { host: listen.host, tlsCertFile, tlsKeyFile, publicNames }, ...idle };
}

function untilSignalled(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

async function startHost(
  options: ServeOptions,
  backoffice: Backoffice,
): Promise<{ url: string; close(): Promise<void> }> {
  const listen = options.listen;
  const idle = options.idleMinutes === undefined ? {} : { sessionIdleMinutes: options.idleMinutes };
  if (listen?.tlsCertFile && listen.tlsKeyFile) {
    return startTeamHost({
      backoffice,
      host: listen.host,
      port: options.port,
      tlsCert: readFileSync(listen.tlsCertFile, 'utf8'),
      tlsKey: readFileSync(listen.tlsKeyFile, 'utf8'),
      publicNames: listen.publicNames,
      staticDir: RENDERER_DIR,
      ...idle,
    });
  }
  return startBrowserHost({ backoffice, port: options.port, staticDir: RENDERER_DIR, ...idle });
}

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'serve the back office to a browser on 127.0.0.1 (prints the URL with its token), or to the team over TLS',
  usage: [
    'Usage: backoffice serve [--db FILE|URL] [--port N] [--idle-minutes N]',
    '       backoffice serve --listen HOST:PORT --tls-cert FILE --tls-key FILE [--public-name NAME[,NAME…]] [--db URL]',
    '                        [--idle-minutes N]',
    '',
    'Serves the renderer (dist/renderer, built first when missing or older than its sources) and the API, and',
    'prints one line: the URL to open. Runs until Ctrl+C (SIGINT) or SIGTERM, then closes the database.',
    '',
    'On this machine only (the default, or --listen on a loopback address without TLS): 127.0.0.1, and the URL',
    'carries a per-launch token.',
    '',
    'As the team server (--listen with --tls-cert and --tls-key, required for any address other than loopback):',
    'HTTPS on HOST:PORT; operators sign in with their login and password, the session is kept in an HttpOnly',
    'Secure SameSite cookie (or a header only the desktop app sends), and no token is in the URL. The server',
    'answers to the names in its certificate, or to --public-name. Use a PostgreSQL ledger (--db postgres://…).',
    '',
    `  ${DB_OPTION_HELP}`,
    '  --port N   the port (default: a free one)',
    `  ${IDLE_MINUTES_HELP}`,
    '',
    "A desktop (an SQLite ledger on this machine) may instead be a team server's client: chosen on its first",
    'screen, kept in FILE.team/team.json beside the ledger with its local copy for offline work (README).',
  ].join('\n'),
  async run(args, io) {
    const options = parseServeArgs(args);
    buildRendererWhenStale(io);
    // A desktop (an SQLite file served on this machine) may be, or become on first start, a team server's client.
    const desktop = options.listen?.tlsCertFile == null && !/^postgres(ql)?:/i.test(options.dbFile);
    const backoffice = desktop
      ? await openDesktopBackoffice({ ledger: options.dbFile, channel: 'http' })
      : await openBackoffice(options.dbFile, { channel: 'http' });
    // R-DUN-8: the daily job brings every account up to today now and at each 00:00 JST.
    const schedule = startDailySchedule(backoffice, {
      clock: processClock(),
      onRun: (date, result) => {
        if (!result.ok) io.err(`daily job ${date}: ${result.message}\n`);
      },
    });
    try {
      const host = await startHost(options, backoffice);
      if (!existsSync(path.join(RENDERER_DIR, 'index.html'))) {
        io.err('dist/renderer could not be built: only the API is served\n');
      }
      io.out(`${host.url}\n`);
      await untilSignalled();
      await host.close();
    } finally {
      schedule.stop();
      await schedule.idle();
      await backoffice.close();
    }
    return EXIT_OK;
  },
};
