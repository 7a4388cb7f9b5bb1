import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openBackoffice } from '../../api/open';
import { InputError } from '../../errors';
import { startBrowserHost } from '../../host/browser-host';
import { EXIT_OK, type CliCommand } from '../io';

const RENDERER_DIR = fileURLToPath(new URL('../../../dist/renderer', import.meta.url));

export interface ServeOptions {
  dbFile: string;
  port: number;
}

// TODO(door helper): replace with the CLI's shared --db / BACKOFFICE_DB / data-folder helper once it lands.
function defaultDbFile(env: NodeJS.ProcessEnv): string {
  const fromEnv = env.BACKOFFICE_DB?.trim();
  if (fromEnv) return path.resolve(fromEnv);
  const dataHome = env.XDG_DATA_HOME?.trim() || path.join(homedir(), '.local', 'share');
  return path.join(dataHome, 'backoffice', 'backoffice.sqlite');
}

export function parseServeArgs(args: string[], env: NodeJS.ProcessEnv = process.env): ServeOptions {
  let values: { db?: string; port?: string };
  try {
    ({ values } = parseArgs({ args, options: { db: { type: 'string' }, port: { type: 'string' } }, strict: true, allowPositionals: false }));
  } catch (e) {
    throw InputError.one('arguments', e instanceof Error ? e.message : String(e));
  }
  const problems = [];
  let port = 0;
  if (values.port !== undefined) {
    port = /^\d{1,5}$/.test(values.port) ? Number(values.port) : -1;
    if (port < 1 || port > 65535) problems.push({ path: '--port', message: `must be a port number from 1 to 65535, not ${JSON.stringify(values.port)}` });
  }
  if (values.db !== undefined && values.db.trim() === '') problems.push({ path: '--db', message: 'must name a database file' });
  if (problems.length > 0) throw new InputError(problems);
  return { dbFile: values.db ? path.resolve(values.db) : defaultDbFile(env), port };
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

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'serve the back office to a browser on 127.0.0.1 (prints the URL with its token)',
  usage: [
    'Usage: backoffice serve [--db FILE] [--port N]',
    '',
    'Opens the database (--db, else BACKOFFICE_DB, else the default data folder), serves the built renderer',
    '(dist/renderer) and the API on 127.0.0.1, and prints one line: the URL to open, with its per-launch',
    'token. Runs until Ctrl+C (SIGINT) or SIGTERM, then closes the database. A free port unless --port.',
  ].join('\n'),
  async run(args, io) {
    const options = parseServeArgs(args);
    const backoffice = await openBackoffice(options.dbFile, { channel: 'http' });
    try {
      const host = await startBrowserHost({ backoffice, port: options.port, staticDir: RENDERER_DIR });
      if (!existsSync(path.join(RENDERER_DIR, 'index.html'))) {
        io.err('dist/renderer is not built (npx vite build): only the API is served\n');
      }
      io.out(`${host.url}\n`);
      await untilSignalled();
      await host.close();
    } finally {
      await backoffice.close();
    }
    return EXIT_OK;
  },
};
