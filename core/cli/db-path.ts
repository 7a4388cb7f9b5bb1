import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InputError } from '../errors';
import { backofficeDataFolder } from '../ledger/data-folder';
import { isPostgresLocation } from '../ledger/location';

/**
 * Where the ledger lives when no --db is given: BACKOFFICE_DB if set (a file, or a postgres:// URL), else
 * `ledger.db` in the back office's data folder (core/ledger/data-folder.ts).
 */
export function defaultDbPath(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (env.BACKOFFICE_DB) return env.BACKOFFICE_DB;
  const p = platform === 'win32' ? path.win32 : path.posix;
  return p.join(backofficeDataFolder(env, platform, home), 'ledger.db');
}

/**
 * Removes `--name VALUE` (or `--name=VALUE`) from args and returns VALUE; undefined when absent. A flag given
 * without its value is bad input naming the flag.
 */
export function takeOption(args: string[], name: string): string | undefined {
  const flag = `--${name}`;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith(`${flag}=`)) {
      args.splice(i, 1);
      return arg.slice(flag.length + 1);
    }
    if (arg === flag) {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--'))
        throw InputError.one(flag, 'cli.option_needs_value', 'needs a value');
      args.splice(i, 2);
      return value;
    }
  }
  return undefined;
}

/**
 * The ledger a command uses (`--db FILE`, `--db postgres://…` or the default); a file's folder is created if
 * missing.
 */
export function takeDbPath(args: string[]): string {
  const location = takeOption(args, 'db') ?? defaultDbPath();
  if (!isPostgresLocation(location)) mkdirSync(path.dirname(path.resolve(location)), { recursive: true });
  return location;
}

export const DB_OPTION_HELP =
  '--db FILE|URL  the ledger: an SQLite file or postgres://USER@HOST:PORT/DB (default: $BACKOFFICE_DB, else\n' +
  '               backoffice/ledger.db in your data folder)';
