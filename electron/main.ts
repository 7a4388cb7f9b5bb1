// Electron's main process: thin wiring. Every decision lives in a pure module next to this one.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, webContents, type WebContents } from 'electron';
import { mkdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openBackoffice } from '../core/api/open';
import type { Backoffice } from '../core/api/service';
import { defaultDbPath } from '../core/cli/db-path';
import { safeFileName, type FileToSave } from '../core/host/file-output';
import { SignedInClients } from '../core/host/signed-in';
import { APP_SCHEME, APP_START_URL } from './app-origin';
import { APP_SCHEME_PRIVILEGES, appResponseFor } from './app-protocol';
import { withCsp } from './csp';
import { CALL_CHANNEL } from './ipc-channel';
import { createIpcRouter } from './ipc-routing';
import { menuTemplate } from './menu-template';
import { isPermissionGranted, mayNavigate, WINDOW_OPEN_REFUSED } from './navigation';
import { mainWindowOptions } from './window-options';

const rendererDir = path.join(__dirname, '..', 'renderer');
let mainWindow: BrowserWindow | null = null;
let backoffice: Backoffice | null = null;

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
  try {
    // The same ledger as the `backoffice` command: BACKOFFICE_DB, else backoffice/ledger.db in the data folder.
    const dbFile = path.resolve(defaultDbPath());
    mkdirSync(path.dirname(dbFile), { recursive: true });
    backoffice = await openBackoffice(dbFile, { channel: 'app' });
  } catch (e) {
    return fail(e);
  }
  const clients = new SignedInClients<number>(backoffice);
  const route = createIpcRouter({ clients, saveFile: saveWithDialog });

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

  ipcMain.handle(CALL_CHANNEL, (event, ...args: unknown[]) =>
    route({
      channel: CALL_CHANNEL,
      senderId: event.sender.id,
      sender: { frameUrl: event.senderFrame?.url, isMainFrame: event.senderFrame?.parent === null },
      args,
    }),
  );
  // A reload or a closed window starts a new page that has not signed in.
  app.on('web-contents-created', (_event, contents) => {
    const id = contents.id;
    contents.on('did-navigate', () => clients.forget(id));
    contents.once('destroyed', () => clients.forget(id));
  });

  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform, !app.isPackaged)));
  mainWindow = new BrowserWindow(mainWindowOptions(path.join(__dirname, 'preload.cjs'), !app.isPackaged));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = null));
  await mainWindow.loadURL(APP_START_URL);
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

async function saveWithDialog(file: FileToSave, senderId: number): Promise<string | null> {
  const sender = webContents.fromId(senderId);
  const owner = sender ? BrowserWindow.fromWebContents(sender) : null;
  const options = { defaultPath: path.join(app.getPath('documents'), safeFileName(file.name)) };
  const { canceled, filePath } = owner
    ? await dialog.showSaveDialog(owner, options)
    : await dialog.showSaveDialog(options);
  if (canceled || !filePath) return null;
  await writeFile(filePath, Buffer.from(file.base64, 'base64'));
  return filePath;
}

function fail(e: unknown): void {
  dialog.showErrorBox('請求バックオフィス', e instanceof Error ? e.message : String(e));
  app.exit(1);
}
