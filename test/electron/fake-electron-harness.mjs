// Runs the bundled main process (dist-like main.cjs) in plain Node with a stand-in for the 'electron'
// module, drives it like Electron would (ready, one IPC call per case, a protocol request, quit), and
// prints what it observed as one JSON line. Used by main-wiring.test.ts; no Electron binary needed.
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

const [mainFile, workDir] = process.argv.slice(2);
mkdirSync(path.join(workDir, 'temp'), { recursive: true });
const seen = { errors: [], windows: [], menu: null, privileged: null, quit: false, prints: [], crash: null, paths: {} };
const ipc = {};
const protocols = {};
const appEvents = {};
let headersHook = null;
let permissionRequest = null;
let permissionCheck = null;
let ready;
const readyPromise = new Promise((resolve) => (ready = resolve));

const pageEvents = {};
const contents = {
  id: 7,
  on: (event, fn) => (pageEvents[event] ??= []).push(fn),
  once() {},
  setWindowOpenHandler() {},
  isDestroyed: () => false,
};
class BrowserWindow {
  constructor(options) {
    this.record = { options };
    seen.windows.push(this.record);
    // The print window: it loads a PDF file, prints it through the dialog (here: "printed"), and is destroyed.
    this.webContents =
      seen.windows.length === 1
        ? contents
        : {
            print: (options, callback) => {
              const file = this.record.file;
              seen.prints.push({
                options,
                pdf: readFileSync(file).subarray(0, 5).toString(),
                name: path.basename(file),
              });
              callback(true, '');
            },
          };
  }
  once() {}
  on() {}
  loadURL(url) {
    this.record.url = url;
    return Promise.resolve();
  }
  loadFile(file) {
    this.record.file = file;
    return Promise.resolve();
  }
  destroy() {
    this.record.destroyed = true;
  }
  static fromWebContents() {
    return null;
  }
}
const electron = {
  app: {
    requestSingleInstanceLock: () => true,
    on: (event, fn) => (appEvents[event] ??= []).push(fn),
    whenReady: () => readyPromise,
    getPath: (name) => path.join(workDir, name),
    setPath: (name, value) => (seen.paths[name] = value),
    getLocale: () => 'ja-JP',
    getName: () => 'backoffice',
    getVersion: () => '0.0.0-test',
    isReady: () => true,
    isPackaged: true,
    quit: () => (seen.quit = true),
    exit: (code) => seen.errors.push(`exit ${code}`),
  },
  protocol: {
    registerSchemesAsPrivileged: (s) => (seen.privileged = s),
    handle: (scheme, fn) => (protocols[scheme] = fn),
  },
  session: {
    fromPartition: (name) => ({
      name,
      setPermissionRequestHandler() {},
      setPermissionCheckHandler() {},
    }),
    defaultSession: {
      webRequest: { onHeadersReceived: (fn) => (headersHook = fn) },
      setPermissionRequestHandler: (fn) => (permissionRequest = fn),
      setPermissionCheckHandler: (fn) => (permissionCheck = fn),
    },
  },
  ipcMain: { handle: (channel, fn) => (ipc[channel] = fn) },
  Menu: { setApplicationMenu: (m) => (seen.menu = m), buildFromTemplate: (t) => t },
  dialog: {
    showErrorBox: (_title, message) => seen.errors.push(message),
    showSaveDialog: async () => ({ canceled: true }),
  },
  webContents: { fromId: () => null },
  crashReporter: { start: (options) => (seen.crash = options) },
  shell: { openPath: async (p) => ((seen.openedPath = p), '') },
  BrowserWindow,
};

const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'electron' ? electron : load.call(this, request, ...rest);
};

const until = async (test) => {
  for (let i = 0; i < 500 && !test(); i++) await new Promise((r) => setTimeout(r, 10));
};

(async () => {
  require(path.resolve(mainFile));
  ready();
  await until(() => seen.windows.length > 0 || seen.errors.length > 0);
  const call = (frameUrl, parent, ...args) =>
    ipc['backoffice:call']({ sender: { id: 7 }, senderFrame: { url: frameUrl, parent } }, ...args);
  const appPage = 'app://bundle/index.html';
  seen.status = await call(appPage, null, 'setup.status', {});
  seen.foreign = await call('https://evil.example/', null, 'setup.status', {});
  seen.iframe = await call(appPage, {}, 'setup.status', {});
  await call(appPage, null, 'setup.createFirstAdmin', {
    login: 'admin',
    displayName: '管理者',
    password: 'admin-passphrase',
  });
  seen.listBefore = await call(appPage, null, 'operators.list', {});
  seen.signIn = await call(appPage, null, 'session.signIn', { login: 'admin', password: 'admin-passphrase' });
  seen.listAfter = await call(appPage, null, 'operators.list', {});
  // Printing: a document already issued (an estimate's PDF) goes to the print dialog, not to the renderer.
  const print = (frameUrl, parent, ...args) =>
    ipc['backoffice:print']({ sender: { id: 7 }, senderFrame: { url: frameUrl, parent } }, ...args);
  await call(appPage, null, 'operators.create', {
    login: 'sato',
    displayName: '佐藤',
    password: 'sales-passphrase',
    roles: ['sales'],
  });
  await call(appPage, null, 'session.signIn', { login: 'sato', password: 'sales-passphrase' });
  const member = await call(appPage, null, 'members.create', {
    kind: 'corporation',
    name: '株式会社青空商事',
    nameKana: 'ｶ)ｱｵｿﾞﾗｼｮｳｼﾞ',
    email: 'keiri@aozora.example.jp',
    address: '東京都千代田区丸の内1-1-1',
  });
  const estimate = await call(appPage, null, 'estimates.draft', {
    memberNumber: member.output.memberNumber,
    amount: '10000',
  });
  seen.printed = await print(appPage, null, 'estimates.pdf', { estimateNumber: estimate.output.estimateNumber });
  seen.printForeign = await print('https://evil.example/', null, 'estimates.pdf', {});
  seen.printWrite = await print(appPage, null, 'estimates.draft', { memberNumber: 'M000001', amount: '10000' });
  seen.printTemp = readdirSync(path.join(workDir, 'temp')).filter((n) => n.startsWith('backoffice-print-'));
  // The menu's own item opens the logs folder, where the calls above were logged by name.
  const help = seen.menu.find((item) => item.submenu?.some?.((i) => i.id === 'open-logs'));
  await help.submenu.find((i) => i.id === 'open-logs').click();
  await until(() => seen.openedPath);
  const logsDir = path.join(workDir, 'userData', 'logs');
  seen.logFiles = existsSync(logsDir) ? readdirSync(logsDir) : [];
  seen.log = seen.logFiles
    .filter((n) => n.endsWith('.log'))
    .map((n) => readFileSync(path.join(logsDir, n), 'utf8'))
    .join('');
  // A page error reaches the log through the console.
  for (const fn of pageEvents['console-message'] ?? [])
    fn({
      level: 'error',
      message: 'Uncaught TypeError: x is undefined',
      sourceId: 'app://bundle/assets/index.js',
      lineNumber: 3,
    });
  const page = await protocols.app({ url: 'app://bundle/' });
  seen.page = { status: page.status, csp: page.headers.get('content-security-policy') };
  seen.escape = (await protocols.app({ url: 'app://bundle/%2e%2e/%2e%2e/package.json' })).status;
  let headers;
  headersHook(
    { responseHeaders: { 'content-security-policy': ['default-src *'] } },
    (r) => (headers = r.responseHeaders),
  );
  seen.hookedCsp = headers['Content-Security-Policy'];
  let granted;
  permissionRequest(contents, 'media', (g) => (granted = g), {});
  seen.permission = { request: granted, check: permissionCheck(contents, 'notifications', 'app://bundle', {}) };
  const quitEvent = {
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
  for (const fn of appEvents['will-quit'] ?? []) fn(quitEvent);
  await until(() => seen.quit);
  seen.quitPrevented = quitEvent.prevented;
  seen.channels = Object.keys(ipc);
  seen.logAfterPageError = readFileSync(
    path.join(
      workDir,
      'userData',
      'logs',
      seen.logFiles.find((n) => n.endsWith('.log')),
    ),
    'utf8',
  );
  console.log(JSON.stringify(seen));
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
