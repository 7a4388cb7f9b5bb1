import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InputError } from '../errors';

/**
 * Where the ledger lives when no --db is given: BACKOFFICE_DB if set, else `backoffice/ledger.db` in the
 * user's data folder (XDG_DATA_HOME or ~/.local/share on Linux, ~/Library/Application Support on macOS,
 * %APPDATA% on Windows).
 */
export function defaultDbPath(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (env.BACKOFFICE_DB) return env.BACKOFFICE_DB;
  const p = platform === 'win32' ? path.win32 : path.posix;
  let dataDir: string;
  if (platform === 'darwin') dataDir = p.join(home, 'Library', 'Application Support');
  else if (platform === 'win32') dataDir = env.APPDATA ?? p.join(home, 'AppData', 'Roaming');
  else dataDir = env.XDG_DATA_HOME || p.join(home, '.local', 'share');
  return p.join(dataDir, 'backoffice', 'ledger.db');
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

/** The database file a command uses (`--db FILE` or the default), its folder created if missing. */
export function takeDbPath(args: string[]): string {
  const file = takeOption(args, 'db') ?? defaultDbPath();
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return file;
}

export const DB_OPTION_HELP =
  '--db FILE  the ledger database (default: $BACKOFFICE_DB, else backoffice/ledger.db in your data folder)';
