import os from 'node:os';
import path from 'node:path';

/**
 * The back office's folder in the user's data folder: XDG_DATA_HOME or ~/.local/share on Linux,
 * ~/Library/Application Support on macOS, %APPDATA% on Windows; `backoffice` inside it.
 */
export function backofficeDataFolder(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  const p = platform === 'win32' ? path.win32 : path.posix;
  let dataDir: string;
  if (platform === 'darwin') dataDir = p.join(home, 'Library', 'Application Support');
  else if (platform === 'win32') dataDir = env.APPDATA ?? p.join(home, 'AppData', 'Roaming');
  else dataDir = env.XDG_DATA_HOME || p.join(home, '.local', 'share');
  return p.join(dataDir, 'backoffice');
}
