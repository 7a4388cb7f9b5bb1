// Electron's main process: thin wiring. Every decision lives in a pure module next to this one.
import {
  app,
  BrowserWindow,
  crashReporter,
  dialog,
  ipcMain,
  Menu,
  protocol,
  session,
  shell,
  webContents,
  type WebContents,
} from 'electron';
import { mkdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { processClock } from '../core/api/clock';
import { startDailySchedule, type DailySchedule } from '../core/api/daily-schedule';
import { openDesktopBackoffice } from '../core/host/team-client/desktop-backoffice';
import type { Backoffice } from '../core/api/service';
import { defaultDbPath } from '../core/cli/db-path';
import { takeIdleMinutes } from '../core/cli/idle-minutes';
import { safeFileName, type FileToSave } from '../core/host/file-output';
import { SignedInClients } from '../core/host/signed-in';
import { APP_SCHEME, APP_START_URL } from './app-origin';
import { APP_SCHEME_PRIVILEGES, appResponseFor } from './app-protocol';
import { CloseWatch } from './close-watch';
import { withCsp } from './csp';
import { IPC_CHANNELS } from './ipc-channel';
import { createIpcRouter } from './ipc-routing';
import { DailyLog, errorText } from './log-file';
import { mainLanguage, say, type MainLanguage } from './main-words';
import { menuTemplate } from './menu-template';
import { isPermissionGranted, mayNavigate, WINDOW_OPEN_REFUSED } from './navigation';
import { printPdf } from './print-pdf';
import { startUpdates, updatesConfigured, type Updater } from './updates';
import { mainWindowOptions } from './window-options';

const rendererDir = path.join(__dirname, '..', 'renderer');
let mainWindow: BrowserWindow | null = null;
let backoffice: Backoffice | null = null;
let dailySchedule: DailySchedule | null = null;
let language: MainLanguage = 'ja';

// Logs and crash reports stay on this machine, in the user data folder (D-APP-3).
const logsDir = path.join(app.getPath('userData'), 'logs');
const log = new DailyLog(logsDir, processClock());
app.setPath('crashDumps', path.join(logsDir, 'crashes'));
crashReporter.start({ uploadToServer: false });
const closeWatch = new CloseWatch(() => performance.now());

process.on('uncaughtException', (e) => unexpected('main', e));
process.on('unhandledRejection', (e) => unexpected('main', e));

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => harden(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (!backoffice) return;
    dailySchedule?.stop();
    const closing = backoffice;
    backoffice = null;
    event.preventDefault();
    void closing.close().finally(() => app.quit());
  });
  app
    .whenReady()
    .then(start)
    .catch((e: unknown) => fail(e));
}

async function start(): Promise<void> {
  language = mainLanguage(app.getLocale());
  log.info('main', `start ${app.getName()} ${app.getVersion()} (Electron ${process.versions.electron ?? '?'})`);
  let idleMinutes: number | undefined;
  try {
    // D-SEC-18: `--idle-minutes N` on the app's command line (npm start passes its own on).
    idleMinutes = takeIdleMinutes(process.argv.slice(1));
    // The same ledger as the `backoffice` command: BACKOFFICE_DB, else backoffice/ledger.db in the data folder.
    const dbFile = path.resolve(defaultDbPath());
    mkdirSync(path.dirname(dbFile), { recursive: true });
    // This computer only, or a team server's client (chosen on first start, core/host/team-client): same door.
    backoffice = await openDesktopBackoffice({ ledger: dbFile, channel: 'app' });
    // R-DUN-8: the daily job brings every account up to today now and at each 00:00 JST.
    dailySchedule = startDailySchedule(backoffice, {
      clock: processClock(),
      onRun: (date, result) =>
        log.info('main', result.ok ? `daily job run for ${date}` : `daily job ${date}: ${result.message}`),
    });
  } catch (e) {
    return fail(e);
  }
  const clients = new SignedInClients<number>(
    backoffice,
    idleMinutes === undefined ? {} : { idleMs: idleMinutes * 60_000 },
  );
  const route = createIpcRouter({
    clients,
    saveFile: saveWithDialog,
    printFile: (file, senderId) => printPdf(file, windowOf(senderId)),
    observers: [log.observer(), closeWatch],
  });

  protocol.handle(APP_SCHEME, async (request) => {
    const answer = await appResponseFor(request.url, rendererDir);
    if (answer.status === 404) return new Response('not found', { status: 404, headers: answer.headers });
    return new Response(new Uint8Array(await readFile(answer.file)), { status: 200, headers: answer.headers });
  });
  const ses = session.defaultSession;
  ses.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: withCsp(details.responseHeaders) }),
  );
  ses.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionGranted(permission)));
  ses.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission));

  for (const channel of IPC_CHANNELS)
    ipcMain.handle(channel, (event, ...args: unknown[]) =>
      route({
        channel,
        senderId: event.sender.id,
        sender: { frameUrl: event.senderFrame?.url, isMainFrame: event.senderFrame?.parent === null },
        args,
      }),
    );
  // A reload or a closed window starts a new page that has not signed in, and is closing no month.
  app.on('web-contents-created', (_event, contents) => {
    const id = contents.id;
    const forget = () => {
      clients.forget(id);
      closeWatch.forget(id);
    };
    contents.on('did-navigate', forget);
    contents.once('destroyed', forget);
  });

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate(process.platform, !app.isPackaged, language, {
        openLogsFolder: () => void openLogsFolder(),
      }),
    ),
  );
  mainWindow = new BrowserWindow(mainWindowOptions(path.join(__dirname, 'preload.cjs'), !app.isPackaged));
  watchPage(mainWindow.webContents);
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = null));
  await mainWindow.loadURL(APP_START_URL);
  void checkForUpdates();
}

/** Electron checklist: no navigation away from the bundle, no new windows, no <webview>. */
function harden(contents: WebContents): void {
  contents.setWindowOpenHandler(() => WINDOW_OPEN_REFUSED);
  contents.on('will-navigate', (event, url) => {
    if (!mayNavigate(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!mayNavigate(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The page's errors go to the log; a page that dies or cannot load is said in words, never left blank. */
function watchPage(contents: WebContents): void {
  contents.on('console-message', (details) => {
    if (details.level === 'error')
      log.error('renderer', `${details.message} (${details.sourceId}:${details.lineNumber})`);
  });
  contents.on('preload-error', (_event, preloadPath, error) =>
    log.error('renderer', `preload ${preloadPath}: ${errorText(error)}`),
  );
  contents.on('render-process-gone', (_event, details) => {
    log.error('renderer', `the page's process is gone: ${details.reason} (exit ${details.exitCode})`);
    if (details.reason === 'clean-exit' || contents.isDestroyed()) return;
    const owner = BrowserWindow.fromWebContents(contents);
    const options = {
      type: 'error' as const,
      title: say(language, 'app'),
      message: say(language, 'screenGone', { reason: details.reason }),
      buttons: [say(language, 'reload'), say(language, 'quit')],
      defaultId: 0,
      cancelId: 1,
    };
    const choice = owner ? dialog.showMessageBoxSync(owner, options) : dialog.showMessageBoxSync(options);
    if (choice === 0) contents.reload();
    else app.quit();
  });
  contents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    if (!isMainFrame || code === -3 /* aborted by a newer navigation */) return;
    log.error('renderer', `could not load ${url}: ${description} (${code})`);
    dialog.showErrorBox(say(language, 'app'), say(language, 'screenNotLoaded', { reason: description }));
  });
}

async function checkForUpdates(): Promise<void> {
  if (!updatesConfigured(app.isPackaged, process.resourcesPath)) return;
  const { autoUpdater } = await import('electron-updater');
  const updates = startUpdates({
    updater: autoUpdater as unknown as Updater,
    isClosing: () => closeWatch.isClosing(),
    askRestart: async (version) => {
      const options = {
        type: 'info' as const,
        title: say(language, 'updateTitle'),
        message: say(language, 'updateMessage', { version }),
        detail: say(language, 'updateDetail'),
        buttons: [say(language, 'restartNow'), say(language, 'later')],
        defaultId: 0,
        cancelId: 1,
      };
      const { response } = mainWindow
        ? await dialog.showMessageBox(mainWindow, options)
        : await dialog.showMessageBox(options);
      return response === 0;
    },
    log: {
      info: (m) => log.info('updater', m),
      warn: (m) => log.warn('updater', m),
      error: (m) => log.error('updater', m),
    },
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  });
  app.on('before-quit', () => updates.beforeQuit());
}

async function openLogsFolder(): Promise<void> {
  mkdirSync(logsDir, { recursive: true });
  const problem = await shell.openPath(logsDir);
  if (problem) log.warn('main', `could not open ${logsDir}: ${problem}`);
}

function windowOf(senderId: number): BrowserWindow | null {
  const sender = webContents.fromId(senderId);
  return sender ? BrowserWindow.fromWebContents(sender) : null;
}

async function saveWithDialog(file: FileToSave, senderId: number): Promise<string | null> {
  const owner = windowOf(senderId);
  const options = { defaultPath: path.join(app.getPath('documents'), safeFileName(file.name)) };
  const { canceled, filePath } = owner
    ? await dialog.showSaveDialog(owner, options)
    : await dialog.showSaveDialog(options);
  if (canceled || !filePath) return null;
  await writeFile(filePath, Buffer.from(file.base64, 'base64'));
  return filePath;
}

/** An error nobody caught: logged with its stack, and told to the person in words (the app goes on). */
function unexpected(source: 'main', e: unknown): void {
  log.error(source, `uncaught: ${errorText(e)}`);
  if (!app.isReady()) return;
  dialog.showErrorBox(
    say(language, 'unexpectedTitle'),
    `${say(language, 'unexpected')}\n\n${e instanceof Error ? e.message : String(e)}`,
  );
}

function fail(e: unknown): void {
  log.error('main', `could not start: ${errorText(e)}`);
  dialog.showErrorBox(
    say(language, 'app'),
    `${say(language, 'startFailed')}\n\n${e instanceof Error ? e.message : String(e)}`,
  );
  app.exit(1);
}
