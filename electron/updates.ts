import { existsSync } from 'node:fs';
import path from 'node:path';

/** The part of electron-updater's autoUpdater this app uses (a stand-in in tests). */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  logger: unknown;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(): void;
}

export interface UpdateDeps {
  updater: Updater;
  /** A month close is running (CloseWatch): no restart, no install until it is over. */
  isClosing(): boolean;
  /** Asks the person whether to restart now into `version`; true for yes. */
  askRestart(version: string): Promise<boolean>;
  log: { info(message: string): void; warn(message: string): void; error(message: string): void };
  wait(ms: number): Promise<void>;
}

/** How often a downloaded update waiting for a month close to end looks again. */
export const CLOSE_RECHECK_MS = 30_000;

/**
 * Updates are on only in a packaged app whose build had a `publish` server (electron-builder then writes
 * app-update.yml beside the app): a developer run or a build without BACKOFFICE_UPDATE_URL never checks.
 */
export function updatesConfigured(isPackaged: boolean, resourcesPath: string | undefined): boolean {
  return isPackaged && resourcesPath !== undefined && existsSync(path.join(resourcesPath, 'app-update.yml'));
}

/**
 * D-APP-2: checks once at start and downloads in the background; once downloaded, offers to restart, but never
 * while a month close is running (the offer waits for it to end, and is checked again when the person says
 * yes). Said no: the update is installed when the app quits, unless a close is running then.
 */
export function startUpdates(deps: UpdateDeps): { beforeQuit(): void; offered: Promise<void> | null } {
  const { updater, log } = deps;
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = false;
  updater.logger = {
    info: (m: unknown) => log.info(String(m)),
    warn: (m: unknown) => log.warn(String(m)),
    error: (m: unknown) => log.error(String(m)),
    debug: () => {},
  };
  let downloaded: string | null = null;
  const state: { offered: Promise<void> | null } = { offered: null };

  async function untilNoClose(): Promise<void> {
    while (deps.isClosing()) await deps.wait(CLOSE_RECHECK_MS);
  }

  async function offer(version: string): Promise<void> {
    await untilNoClose();
    if (!(await deps.askRestart(version))) {
      log.info(`update ${version}: later (installed when the app quits)`);
      return;
    }
    await untilNoClose();
    log.info(`update ${version}: restarting to install`);
    updater.quitAndInstall();
  }

  updater.on('update-downloaded', (info) => {
    downloaded = info.version;
    log.info(`update ${info.version} downloaded`);
    state.offered = offer(info.version).catch((e: unknown) => log.error(`update ${info.version}: ${String(e)}`));
  });
  // Offline or a server that is down is an ordinary day: said in the log, never to the person.
  updater.on('error', (e) => log.warn(`update check failed: ${e.message}`));
  updater.checkForUpdates().catch((e: unknown) => log.warn(`update check failed: ${String(e)}`));

  return {
    beforeQuit() {
      updater.autoInstallOnAppQuit = downloaded !== null && !deps.isClosing();
    },
    get offered() {
      return state.offered;
    },
  };
}
