import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { openBackoffice } from '../../../core/api/open';
import type { Backoffice, CallResult, Role } from '../../../core/api/service';
import { startBrowserHost, type BrowserHost } from '../../../core/host/browser-host';
import { inject } from 'vitest';
import { TEST_NOW } from '../../support/clock';
import { compareScreenshot, screenshotProblem, UPDATE_SCREENSHOTS_ENV } from '../../support/screenshot-compare';
import { REPO, RENDERER_DIST } from './build-renderer';

export const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SCREENSHOTS = {
  baselines: join(REPO, 'test', 'e2e', '__screenshots__'),
  output: join(REPO, 'test-output', 'screenshots'),
};

/** One e2e file's world: a fresh database, the real browser host over it, and a fresh Chromium. */
export interface E2eApp {
  backoffice: Backoffice;
  host: BrowserHost;
  browser: Browser;
  page: Page;
  /** Moves the back office's clock (the screens follow at their next load: sign in again or reload). */
  setNow(iso: string): void;
  /** Opens the host's launch URL (with its token) in the page. */
  open(): Promise<void>;
  /**
   * Takes a full-page screenshot and compares it with its committed baseline (test/e2e/__screenshots__),
   * failing on a difference; `mask` covers what changes run to run (a clock ticking on screen).
   */
  screenshot(name: string, options?: { mask?: Locator[] }): Promise<void>;
  close(): Promise<void>;
}

/**
 * `now`: the back office's clock for this app (default: the test clock, vitest.config.ts), which the screens
 * follow too (session.clock); `setNow` moves it.
 */
export async function startApp(options: { now?: string } = {}): Promise<E2eApp> {
  const buildError = inject('rendererBuildError');
  if (buildError) throw new Error(`the renderer did not build, so there is nothing to test: ${buildError}`);
  const dir = mkdtempSync(join(tmpdir(), 'backoffice-e2e-'));
  let now = options.now ? new Date(options.now) : TEST_NOW;
  const backoffice = await openBackoffice(join(dir, 'backoffice.db'), { channel: 'http', now: () => now });
  const host = await startBrowserHost({ backoffice, staticDir: RENDERER_DIST });
  // chromium.launch gives every browser its own fresh, temporary profile.
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    // A refused call (401, 403, 400) is an answer the page shows in words, not a page error.
    if (
      m.type() === 'error' &&
      !m.text().startsWith('Failed to load resource: the server responded with a status of 4')
    )
      errors.push(m.text());
  });
  // Chromium's PDF viewer (a previewed PDF) takes over the frame's blob: load, aborting it, and loads chrome://
  // resources that headless aborts too: neither is the page's doing.
  const viewerAbort = (url: string) => /^(chrome|chrome-extension|blob):/.test(url);
  page.on(
    'requestfailed',
    (r) => viewerAbort(r.url()) || errors.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`),
  );
  page.on('response', (r) => {
    if (r.request().method() === 'GET' && r.status() === 404) errors.push(`404: ${r.url()}`);
  });

  return {
    backoffice,
    host,
    browser,
    page,
    setNow(iso) {
      now = new Date(iso);
    },
    async open() {
      await page.goto(host.url);
    },
    async screenshot(name, options = {}) {
      // The bundled fonts swap in once loaded: wait for them, so no screenshot catches the fallback.
      await page.evaluate(async () => {
        await document.fonts.ready;
      });
      const png = await page.screenshot({
        fullPage: true,
        animations: 'disabled',
        caret: 'hide',
        // A previewed PDF is drawn by Chromium's viewer whenever it gets to it (its text is checked with
        // pdftotext elsewhere); what else changes run to run, the test names.
        mask: [page.locator('.file-preview iframe'), ...(options.mask ?? [])],
        maskColor: '#808080',
      });
      const problem = screenshotProblem(
        name,
        compareScreenshot(name, png, SCREENSHOTS, process.env[UPDATE_SCREENSHOTS_ENV] === '1'),
      );
      if (problem) throw new Error(problem);
    },
    async close() {
      await browser.close();
      await host.close();
      await backoffice.close();
      rmSync(dir, { recursive: true, force: true });
      // A CSP violation or an uncaught error in the page is a defect even when the test's steps passed.
      if (errors.length) throw new Error(`the page reported errors:\n${errors.join('\n')}`);
    },
  };
}

export interface SeedOperator {
  login: string;
  displayName: string;
  password: string;
  roles: Role[];
}

/** Straight through the Backoffice door, as the admin would: the first admin, then other operators. */
export async function seedOperators(
  backoffice: Backoffice,
  admin: Omit<SeedOperator, 'roles'>,
  others: SeedOperator[],
): Promise<void> {
  await expectOk(backoffice.call('setup.createFirstAdmin', admin, null));
  for (const operator of others) await expectOk(backoffice.call('operators.create', operator, admin.login));
}

export async function expectOk(pending: Promise<CallResult>): Promise<unknown> {
  const result = await pending;
  if (!result.ok) throw new Error(`${result.kind}: ${result.message} ${JSON.stringify(result.problems ?? [])}`);
  return result.output;
}
