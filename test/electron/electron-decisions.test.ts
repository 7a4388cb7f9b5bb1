import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeFileName } from '../../core/host/file-output';
import { SignedInClients } from '../../core/host/signed-in';
import { APP_START_URL, isAppUrl } from '../../electron/app-origin';
import { APP_SCHEME_PRIVILEGES, appResponseFor } from '../../electron/app-protocol';
import { ELECTRON_CSP, withCsp } from '../../electron/csp';
import { CALL_CHANNEL, PRINT_CHANNEL } from '../../electron/ipc-channel';
import { PRINTABLE_OPERATIONS } from '../../electron/printable';
import { createIpcRouter, type IpcMessage } from '../../electron/ipc-routing';
import { isPermissionGranted, mayNavigate } from '../../electron/navigation';
import { isTrustedSender } from '../../electron/sender-check';
import { mainWindowOptions } from '../../electron/window-options';
import { menuTemplate } from '../../electron/menu-template';
import { answering, FakeBackoffice } from '../host/fake-backoffice';

describe('Electron window options', () => {
  it('isolate the page: contextIsolation, sandbox, no Node, web security, no webview', () => {
    const options = mainWindowOptions('/app/dist/electron/preload.cjs', false);
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      devTools: false,
    });
    expect(options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(mainWindowOptions('/p', true).webPreferences?.devTools).toBe(true);
  });
});

describe('Electron menu', () => {
  it('holds built-in roles only, with the developer tools only in development', () => {
    const items = (template: ReturnType<typeof menuTemplate>) =>
      template.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? i.submenu : [])]);
    for (const [platform, devTools] of [
      ['linux', false],
      ['darwin', true],
      ['win32', false],
    ] as const) {
      const all = items(menuTemplate(platform, devTools));
      // One item of our own (the logs folder); every other item is a built-in role.
      expect(all.filter((i) => i.click !== undefined).map((i) => i.id)).toEqual(['open-logs']);
      expect(all.some((i) => i.role === 'toggleDevTools')).toBe(devTools);
      expect(all.some((i) => i.role === 'help')).toBe(false);
    }
    expect(menuTemplate('darwin', false)[0]).toEqual({ role: 'appMenu' });
  });
});

describe('Electron Content-Security-Policy', () => {
  it("allows only the bundle's own scripts and styles, no inline code, no fetch (calls go over IPC)", () => {
    expect(ELECTRON_CSP).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'none'; frame-src blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('replaces any policy a response already had, whatever the header case', () => {
    const headers = withCsp({ 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] });
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [ELECTRON_CSP] });
    expect(withCsp(undefined)).toEqual({ 'Content-Security-Policy': [ELECTRON_CSP] });
  });
});

describe('Electron navigation, windows and permissions', () => {
  it('stays inside the app bundle', () => {
    expect(mayNavigate(APP_START_URL)).toBe(true);
    expect(mayNavigate('app://bundle/members/M000001')).toBe(true);
    for (const url of [
      'https://example.com/',
      'file:///etc/passwd',
      'app://other/index.html',
      'app://evil@bundle/',
      'http://127.0.0.1:3000/',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(mayNavigate(url), url).toBe(false);
    }
  });

  it('grants no permission', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen'])
      expect(isPermissionGranted(p)).toBe(false);
  });
});

describe('Electron IPC sender check', () => {
  it("accepts only the app's own top frame", () => {
    expect(isTrustedSender({ frameUrl: 'app://bundle/index.html', isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ frameUrl: 'app://bundle/index.html', isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ frameUrl: 'https://bundle/index.html', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ frameUrl: 'file:///work/dist/renderer/index.html', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ frameUrl: undefined, isMainFrame: true })).toBe(false);
    expect(isAppUrl('app://bundle.evil.com/')).toBe(false);
  });
});

describe('Electron IPC routing', () => {
  const appFrame = { frameUrl: 'app://bundle/index.html', isMainFrame: true };
  const message = (senderId: number, args: unknown[], overrides: Partial<IpcMessage> = {}): IpcMessage => ({
    channel: CALL_CHANNEL,
    senderId,
    sender: appFrame,
    args,
    ...overrides,
  });

  function setup() {
    const backoffice = new FakeBackoffice();
    const saved: { name: string; senderId: number }[] = [];
    const printed: { name: string; senderId: number }[] = [];
    const observed: string[] = [];
    const route = createIpcRouter({
      clients: new SignedInClients<number>(backoffice),
      saveFile: async (file, senderId) => {
        saved.push({ name: file.name, senderId });
        return file.name.startsWith('cancel') ? null : `/home/op/${file.name}`;
      },
      printFile: async (file, senderId) => {
        printed.push({ name: file.name, senderId });
        if (file.name.startsWith('cancel')) return { printed: false, cancelled: true };
        if (file.name.startsWith('jam')) return { printed: false, failed: 'Print job failed' };
        return { printed: true };
      },
      observers: [
        {
          started: (c) => observed.push(`start ${c.channel} ${c.operation} ${c.senderId}`),
          finished: (c, r) => observed.push(`end ${c.operation} ${r.ok ? 'ok' : r.kind}`),
        },
      ],
    });
    return { backoffice, route, saved, printed, observed };
  }

  it('passes the login signed in for that webContents, and null for another one', async () => {
    const { backoffice, route } = setup();
    const signIn = await route(message(3, ['session.signIn', { login: 'sato', password: 'sales-pass' }]));
    expect(signIn).toEqual({ ok: true, output: { login: 'sato', name: '佐藤', roles: ['sales'] } });
    const created = await route(message(3, ['members.create', { name: 'A社', operatorLogin: 'admin' }]));
    expect(created).toEqual({ ok: true, output: { memberId: 'M000001', name: 'A社', createdBy: 'sato' } });
    expect(await route(message(4, ['members.create', { name: 'B社' }]))).toMatchObject({
      ok: false,
      kind: 'unauthenticated',
    });
    expect(backoffice.calls.map((c) => c.operatorLogin)).toEqual([null, 'sato', null]);
    await route(message(3, ['session.signOut', {}]));
    expect(await route(message(3, ['members.create', { name: 'C社' }]))).toMatchObject({
      ok: false,
      kind: 'unauthenticated',
    });
  });

  it('refuses an unknown channel, a foreign frame and an iframe before the backoffice sees anything', async () => {
    const { backoffice, route } = setup();
    expect(await route(message(1, ['setup.status', {}], { channel: 'backoffice:eval' }))).toMatchObject({
      ok: false,
      kind: 'forbidden',
    });
    expect(
      await route(
        message(1, ['setup.status', {}], { sender: { frameUrl: 'https://evil.example/', isMainFrame: true } }),
      ),
    ).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(
      await route(
        message(1, ['setup.status', {}], { sender: { frameUrl: 'app://bundle/index.html', isMainFrame: false } }),
      ),
    ).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(backoffice.calls).toHaveLength(0);
  });

  it('refuses a call without an operation name', async () => {
    const { backoffice, route } = setup();
    expect(await route(message(1, [42, {}]))).toMatchObject({
      ok: false,
      kind: 'invalid',
      problems: [{ path: 'operation' }],
    });
    expect(await route(message(1, []))).toMatchObject({ ok: false, kind: 'invalid' });
    expect(backoffice.calls).toHaveLength(0);
  });

  it('saves a file output through the dialog and hands back where it went instead of the bytes', async () => {
    const { backoffice, route, saved } = setup();
    backoffice.call = answering(async () => ({
      ok: true,
      output: { statementId: 'S1', file: { name: 'statement.pdf', mediaType: 'application/pdf', base64: 'JVBERi0=' } },
    }));
    expect(await route(message(9, ['documents.statementPdf', { id: 'S1' }]))).toEqual({
      ok: true,
      output: {
        statementId: 'S1',
        file: { name: 'statement.pdf', mediaType: 'application/pdf', savedTo: '/home/op/statement.pdf' },
      },
    });
    backoffice.call = answering(async () => ({
      ok: true,
      output: { file: { name: 'cancel.pdf', mediaType: 'application/pdf', base64: '' } },
    }));
    expect(await route(message(9, ['documents.statementPdf', {}]))).toEqual({
      ok: true,
      output: { file: { name: 'cancel.pdf', mediaType: 'application/pdf', savedTo: null } },
    });
    expect(saved).toEqual([
      { name: 'statement.pdf', senderId: 9 },
      { name: 'cancel.pdf', senderId: 9 },
    ]);
  });

  it('D-APP-1: prints the PDF of an issued document instead of saving it, and says whether it was printed', async () => {
    const { backoffice, route, saved, printed, observed } = setup();
    const pdf = (name: string) => ({ name, mediaType: 'application/pdf', base64: 'JVBERi0=' });
    backoffice.call = answering(async (operation, input) => ({
      ok: true,
      output: { month: '2026-10', file: pdf(`${(input as { name: string }).name}.pdf`), operation },
    }));
    const print = (args: unknown[]) => route(message(9, args, { channel: PRINT_CHANNEL }));
    expect(await print(['billing.monthStatementsPdf', { name: 'statements-2026-10' }])).toEqual({
      ok: true,
      output: {
        month: '2026-10',
        operation: 'billing.monthStatementsPdf',
        file: { name: 'statements-2026-10.pdf', mediaType: 'application/pdf', printed: true },
      },
    });
    expect(await print(['billing.statementPdf', { name: 'cancel' }])).toMatchObject({
      ok: true,
      output: { file: { name: 'cancel.pdf', printed: false } },
    });
    expect(await print(['estimates.pdf', { name: 'jam' }])).toEqual({
      ok: false,
      kind: 'failed',
      code: 'print.failed',
      params: { reason: 'Print job failed' },
      message: 'printing failed: Print job failed',
    });
    expect(printed.map((p) => p.name)).toEqual(['statements-2026-10.pdf', 'cancel.pdf', 'jam.pdf']);
    expect(saved).toEqual([]);
    expect(observed.slice(0, 2)).toEqual([
      `start ${PRINT_CHANNEL} billing.monthStatementsPdf 9`,
      'end billing.monthStatementsPdf ok',
    ]);
  });

  it('D-APP-1: prints only operations that render an issued document, never one that issues or writes', async () => {
    const { backoffice, route, printed } = setup();
    const print = (operation: string) => route(message(9, [operation, {}], { channel: PRINT_CHANNEL }));
    for (const operation of ['prepaid.issueId', 'prepaid.issueStatement', 'billing.closeMonth', 'members.create'])
      expect(await print(operation), operation).toMatchObject({
        ok: false,
        kind: 'invalid',
        code: 'print.not_printable',
        problems: [{ path: 'operation', code: 'print.not_printable', params: { operation } }],
      });
    expect(backoffice.calls).toHaveLength(0);
    expect(PRINTABLE_OPERATIONS).toEqual([
      'billing.statementPdf',
      'billing.monthStatementsPdf',
      'estimates.pdf',
      'prepaid.statementPdf',
      'prepaid.noticePdf',
    ]);
    backoffice.call = answering(async () => ({ ok: true, output: { total: '100' } }));
    expect(await print('estimates.pdf')).toMatchObject({ ok: false, kind: 'failed', message: /no PDF/ });
    expect(
      await route(
        message(9, ['estimates.pdf', {}], {
          channel: PRINT_CHANNEL,
          sender: { frameUrl: 'app://bundle/index.html', isMainFrame: false },
        }),
      ),
    ).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(printed).toEqual([]);
  });

  it('a suggested file name cannot carry a folder', () => {
    expect(safeFileName('../../.bashrc')).toBe('bashrc');
    expect(safeFileName('C:\\Windows\\evil.exe')).toBe('evil.exe');
    expect(safeFileName('請求書 2026-04.pdf')).toBe('請求書 2026-04.pdf');
    expect(safeFileName('')).toBe('download');
  });
});

describe('Electron app:// protocol', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'app-protocol-'));
    mkdirSync(path.join(dir, 'renderer', 'assets'), { recursive: true });
    writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html>');
    writeFileSync(path.join(dir, 'renderer', 'assets', 'a.css'), 'body{}');
    writeFileSync(path.join(dir, 'secret.txt'), 'no');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is a standard secure scheme that never bypasses the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({
      scheme: 'app',
      privileges: { standard: true, secure: true, bypassCSP: false },
    });
  });

  it('serves the bundle with the policy headers, and nothing outside it', async () => {
    const renderer = path.join(dir, 'renderer');
    const css = await appResponseFor('app://bundle/assets/a.css', renderer);
    expect(css).toMatchObject({ status: 200, file: path.join(renderer, 'assets', 'a.css') });
    expect(css.headers['Content-Type']).toBe('text/css; charset=utf-8');
    expect(css.headers['Content-Security-Policy']).toBe(ELECTRON_CSP);
    expect((await appResponseFor('app://bundle/', renderer)).status).toBe(200);
    for (const url of [
      'app://bundle/../secret.txt',
      'app://bundle/%2e%2e/secret.txt',
      'app://bundle/assets/..%2f..%2fsecret.txt',
      'app://other/index.html',
      'https://bundle/index.html',
    ]) {
      expect((await appResponseFor(url, renderer)).status, url).toBe(404);
    }
  });
});
