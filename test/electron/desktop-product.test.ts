import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLOSE_IDLE_MS, CloseWatch } from '../../electron/close-watch';
import { CALL_CHANNEL, PRINT_CHANNEL } from '../../electron/ipc-channel';
import { DailyLog, describeCall, expiredLogFiles, logFileName, redact } from '../../electron/log-file';
import { MAIN_WORDS, mainLanguage, say } from '../../electron/main-words';
import { printOutcome, printWindowOptions } from '../../electron/print-window';
import { startUpdates, updatesConfigured, type Updater } from '../../electron/updates';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'desktop-product-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('printing window', () => {
  it('D-APP-1: a hidden, sandboxed window in its own session, with no preload and the PDF viewer on', () => {
    const options = printWindowOptions('statements-2026-10.pdf');
    expect(options).toMatchObject({ show: false, title: 'statements-2026-10.pdf' });
    expect(options.webPreferences).toMatchObject({
      partition: 'backoffice-print',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      plugins: true,
      devTools: false,
    });
    expect(options.webPreferences).not.toHaveProperty('preload');
  });

  it('says a cancelled print dialog apart from a failed print', () => {
    expect(printOutcome(true, '')).toEqual({ printed: true });
    expect(printOutcome(false, 'Print job canceled')).toEqual({ printed: false, cancelled: true });
    expect(printOutcome(false, 'Print job failed')).toEqual({ printed: false, failed: 'Print job failed' });
    expect(printOutcome(false, undefined)).toEqual({ printed: false, failed: 'the print job failed' });
  });
});

describe('log file', () => {
  it('D-APP-3: one file per JST day, older than 30 days removed, other files left alone', () => {
    expect(logFileName(new Date('2026-11-23T15:00:00Z'))).toBe('backoffice-2026-11-24.log');
    expect(logFileName(new Date('2026-11-23T14:59:59Z'))).toBe('backoffice-2026-11-23.log');
    const now = new Date('2026-11-24T01:00:00Z');
    expect(
      expiredLogFiles(
        ['backoffice-2026-10-25.log', 'backoffice-2026-10-26.log', 'backoffice-2026-11-24.log', 'notes.txt', 'crashes'],
        now,
      ),
    ).toEqual(['backoffice-2026-10-25.log']);
  });

  it('D-APP-3: writes lines to the day file and starts a new file on a new day, pruning old ones', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'backoffice-2026-01-01.log'), 'old\n');
    const clock = { now: new Date('2026-11-24T01:00:00Z') };
    const log = new DailyLog(dir, () => clock.now);
    log.info('main', 'start');
    clock.now = new Date('2026-11-24T16:00:00Z');
    log.error('renderer', 'boom');
    expect(readdirSync(dir).sort()).toEqual(['backoffice-2026-11-24.log', 'backoffice-2026-11-25.log']);
    expect(readFileSync(path.join(dir, 'backoffice-2026-11-24.log'), 'utf8')).toBe(
      '2026-11-24T01:00:00.000Z INFO  main     start\n',
    );
    expect(readFileSync(path.join(dir, 'backoffice-2026-11-25.log'), 'utf8')).toBe(
      '2026-11-24T16:00:00.000Z ERROR renderer boom\n',
    );
  });

  it('never writes a secret: inputs are not logged, and secrets in messages are masked', () => {
    expect(redact('signIn {"login":"sato","password":"sales-pass"}')).toBe(
      'signIn {"login":"sato","password":[redacted]}',
    );
    expect(redact('Authorization: Bearer abc.def')).toBe('Authorization: Bearer [redacted]');
    expect(redact('token=abc123&x=1 code: ABCD-EFGH')).toBe('token=[redacted]&x=1 code: [redacted]');
    expect(redact(`file ${'QUJD'.repeat(100)} end`)).toBe('file [data] end');
    expect(redact('line one\n  at two')).toBe('line one ⏎ at two');
    expect(redact('word '.repeat(1000))).toHaveLength(2000);
  });

  it('words a routed call by its name, outcome and time, with the problem fields but not their values', () => {
    const call = { channel: CALL_CHANNEL, senderId: 3, operation: 'members.create' };
    expect(describeCall(call, { ok: true, output: { name: '株式会社A' } }, 12.4)).toEqual({
      level: 'info',
      message: 'call members.create ok 12 ms (window 3)',
    });
    expect(
      describeCall(
        call,
        {
          ok: false,
          kind: 'invalid',
          code: 'operation.invalid_input',
          params: { operation: 'members.create' },
          message: 'name 株式会社A taken',
          problems: [{ path: 'name', code: 'value.required', message: 'x' }],
        },
        3,
      ),
    ).toEqual({ level: 'warn', message: 'call members.create invalid 3 ms (window 3) fields: name' });
    expect(
      describeCall(
        { ...call, channel: PRINT_CHANNEL, operation: 'estimates.pdf' },
        {
          ok: false,
          kind: 'failed',
          code: 'print.failed',
          params: { reason: 'Print job failed' },
          message: 'printing failed: Print job failed',
        },
        8,
      ),
    ).toEqual({
      level: 'error',
      message: 'print estimates.pdf failed 8 ms (window 3): printing failed: Print job failed',
    });
  });
});

describe('month close watch', () => {
  const close = (senderId = 1) => ({ channel: CALL_CHANNEL, senderId, operation: 'billing.closeMonth' });
  const step = { ok: true as const, output: { finished: false, done: 250, bills: 1000 } };
  const last = { ok: true as const, output: { finished: true, done: 1000, bills: 1000 } };

  it('D-APP-2: a close in flight, or in steps between two calls, is running; finished, failed or abandoned, it is not', () => {
    const clock = { ms: 0 };
    const watch = new CloseWatch(() => clock.ms);
    expect(watch.isClosing()).toBe(false);
    watch.started(close());
    expect(watch.isClosing()).toBe(true);
    watch.finished(close(), step);
    expect(watch.isClosing()).toBe(true); // the window calls again for the next step
    watch.started(close());
    watch.finished(close(), last);
    expect(watch.isClosing()).toBe(false);

    watch.started(close(2));
    watch.finished(close(2), { ok: false, kind: 'failed', code: 'operation.failed', message: 'disk full' });
    expect(watch.isClosing()).toBe(false);

    watch.started(close(4));
    watch.finished(close(4), step);
    watch.forget(4); // its window was closed
    expect(watch.isClosing()).toBe(false);

    watch.started(close(5));
    watch.finished(close(5), step);
    clock.ms += CLOSE_IDLE_MS + 1;
    expect(watch.isClosing()).toBe(false);

    watch.started({ ...close(), operation: 'billing.listBills' });
    expect(watch.isClosing()).toBe(false);
  });
});

describe('updates', () => {
  function fakeUpdater() {
    const listeners: Record<string, ((arg: never) => void)[]> = {};
    const updater = {
      autoDownload: false,
      autoInstallOnAppQuit: true,
      logger: null as unknown,
      checks: 0,
      installs: 0,
      on(event: string, listener: (arg: never) => void) {
        (listeners[event] ??= []).push(listener);
        return updater;
      },
      async checkForUpdates() {
        updater.checks++;
        return null;
      },
      quitAndInstall() {
        updater.installs++;
      },
      emit(event: string, arg: unknown) {
        for (const l of listeners[event] ?? []) l(arg as never);
      },
    };
    return updater;
  }

  function setup(closing: boolean[], answer = true) {
    const updater = fakeUpdater();
    const said: string[] = [];
    const asked: string[] = [];
    let waits = 0;
    const handle = startUpdates({
      updater: updater as Updater,
      isClosing: () => closing.shift() ?? false,
      askRestart: async (version) => {
        asked.push(version);
        return answer;
      },
      log: { info: (m) => said.push(m), warn: (m) => said.push(`warn ${m}`), error: (m) => said.push(`error ${m}`) },
      wait: async () => {
        waits++;
      },
    });
    return { updater, handle, said, asked, waits: () => waits };
  }

  it('D-APP-2: checks at start, downloads in the background, and installs only when the person says restart', async () => {
    const { updater, handle, asked, said } = setup([false, false]);
    expect(updater.checks).toBe(1);
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(false);
    updater.emit('update-downloaded', { version: '0.2.0' });
    await handle.offered;
    expect(asked).toEqual(['0.2.0']);
    expect(updater.installs).toBe(1);
    expect(said).toContain('update 0.2.0: restarting to install');
  });

  it('D-APP-2: never offers or restarts during a month close: the offer waits until the close is over', async () => {
    // Closing at the first two looks, free at the third (the offer), closing again when the person says yes, then free.
    const { updater, handle, asked, waits } = setup([true, true, false, true, false]);
    updater.emit('update-downloaded', { version: '0.2.0' });
    await handle.offered;
    expect(asked).toEqual(['0.2.0']);
    expect(waits()).toBe(3);
    expect(updater.installs).toBe(1);
  });

  it('D-APP-2: "later" installs when the app quits, unless a close is running then', async () => {
    const { updater, handle } = setup([false], false);
    updater.emit('update-downloaded', { version: '0.2.0' });
    await handle.offered;
    expect(updater.installs).toBe(0);
    handle.beforeQuit();
    expect(updater.autoInstallOnAppQuit).toBe(true);
    const busy = setup([false, true], false);
    busy.updater.emit('update-downloaded', { version: '0.3.0' });
    await busy.handle.offered;
    busy.handle.beforeQuit();
    expect(busy.updater.autoInstallOnAppQuit).toBe(false);
  });

  it('a failed check is logged, never shown', async () => {
    const { updater, said } = setup([]);
    updater.emit('error', new Error('net::ERR_INTERNET_DISCONNECTED'));
    expect(said).toEqual(['warn update check failed: net::ERR_INTERNET_DISCONNECTED']);
  });

  it('is on only in a packaged app built with a publish server (app-update.yml beside it)', () => {
    const resources = tempDir();
    expect(updatesConfigured(true, resources)).toBe(false);
    writeFileSync(path.join(resources, 'app-update.yml'), 'provider: generic\nurl: https://updates.example.jp/\n');
    expect(updatesConfigured(true, resources)).toBe(true);
    expect(updatesConfigured(false, resources)).toBe(false);
    expect(updatesConfigured(true, undefined)).toBe(false);
  });
});

describe('main process words', () => {
  it('D-APP-4: English for an English system, Japanese otherwise; every sentence in both', () => {
    expect(mainLanguage('en-US')).toBe('en');
    expect(mainLanguage('ja')).toBe('ja');
    expect(mainLanguage('fr-FR')).toBe('ja');
    expect(Object.keys(MAIN_WORDS.en).sort()).toEqual(Object.keys(MAIN_WORDS.ja).sort());
    expect(say('ja', 'updateMessage', { version: '0.2.0' })).toBe(
      '新しい版 0.2.0 をダウンロードしました。今すぐ再起動して更新しますか？',
    );
    expect(say('en', 'screenGone', { reason: 'crashed' })).toContain('(crashed)');
  });
});
