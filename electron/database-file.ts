import path from 'node:path';

/** The database the desktop app opens: BACKOFFICE_DB when set, else backoffice.sqlite in the app's data folder. */
export function databaseFile(userDataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.BACKOFFICE_DB?.trim();
  return fromEnv ? path.resolve(fromEnv) : path.join(userDataDir, 'backoffice.sqlite');
}
