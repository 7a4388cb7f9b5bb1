// Runs the bundled main process (dist-like main.cjs) in plain Node with a stand-in for the 'electron'
// module, drives it like Electron would (ready, one IPC call per case, a protocol request, quit), and
// prints what it observed as one JSON line. Used by main-wiring.test.ts; no Electron binary needed.
import Module, { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

const [mainFile, workDir] = process.argv.slice(2);
const seen = { errors: [], windows: [], menu: null, privileged: null, quit: false };
const ipc = {};
const protocols = {};
const appEvents = {};
let headersHook = null;
let permissionRequest = null;
let permissionCheck = null;
let ready;
const readyPromise = new Promise((resolve) => (ready = resolve));

const contents = { id: 7, on() {}, once() {}, setWindowOpenHandler() {} };
class BrowserWindow {
  constructor(options) {
    this.webContents = contents;
    seen.windows.push({ options });
  }
  once() {}
  on() {}
  loadURL(url) {
    seen.windows[seen.windows.length - 1].url = url;
    return Promise.resolve();
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
    getPath: () => workDir,
    isPackaged: true,
    quit: () => (seen.quit = true),
    exit: (code) => seen.errors.push(`exit ${code}`),
  },
  protocol: {
    registerSchemesAsPrivileged: (s) => (seen.privileged = s),
    handle: (scheme, fn) => (protocols[scheme] = fn),
  },
  session: {
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
    password: 'admin-pass',
  });
  seen.listBefore = await call(appPage, null, 'operators.list', {});
  seen.signIn = await call(appPage, null, 'session.signIn', { login: 'admin', password: 'admin-pass' });
  seen.listAfter = await call(appPage, null, 'operators.list', {});
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
  console.log(JSON.stringify(seen));
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
