import { existsSync } from 'node:fs';
import path from 'node:path';
import { openBackoffice } from '../../api/open';
import { InputError } from '../../errors';
import { startBrowserHost } from '../../host/browser-host';
import { DB_OPTION_HELP, takeDbPath, takeOption } from '../db-path';
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
  const dbFile = takeDbPath(rest);
  if (rest.length > 0)
    throw new InputError(
      rest.map((arg) => ({
        path: arg,
        code: 'cli.unknown_option',
        params: { option: arg },
        message: 'not an option of serve (--db FILE, --port N)',
      })),
    );
  return { dbFile, port };
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
    '',
    'Serves the renderer (dist/renderer, built first when missing or older than its sources) and the API on',
    '127.0.0.1, and prints one line: the URL to open,',
    'with its per-launch token. Runs until Ctrl+C (SIGINT) or SIGTERM, then closes the database.',
    '',
    `  ${DB_OPTION_HELP}`,
    '  --port N   the port (default: a free one)',
  ].join('\n'),
  async run(args, io) {
    const options = parseServeArgs(args);
    buildRendererWhenStale(io);
    const backoffice = await openBackoffice(options.dbFile, { channel: 'http' });
    try {
      const host = await startBrowserHost({ backoffice, port: options.port, staticDir: RENDERER_DIR });
      if (!existsSync(path.join(RENDERER_DIR, 'index.html'))) {
        io.err('dist/renderer could not be built: only the API is served\n');
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
