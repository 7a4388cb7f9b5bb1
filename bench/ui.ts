import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createMember } from '../core/parties';
import { openBackoffice } from '../core/api/open';
import { startBrowserHost } from '../core/host/browser-host';
import { openDatabase } from '../core/ledger/open-database';
import { SignInPage } from '../test/e2e/pages/sign-in-page';
import { ja } from '../test/e2e/pages/words';
import { buildRendererIfStale, RENDERER_DIST } from '../test/e2e/support/build-renderer';
import { seedOperators } from '../test/e2e/support/harness';
import { ADMIN, SALES } from '../test/e2e/support/seed';
import type { Benchmark } from './lib/benchmark';
import { ms, printBlock } from './lib/report';

const CHROMIUM = '/usr/bin/chromium';
const MEMBERS = 100_000;
const RUNS = 5;
/** Limits: the shell's first render and a search over 100,000 members, as a person waits for them (median). */
const MAX_FIRST_RENDER_MS = 1_500;
const MAX_SEARCH_MS = 1_000;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** 100,000 members written straight through core/ledger in one transaction (the catalog's audit is not measured here). */
async function seed(file: string): Promise<number> {
  const started = performance.now();
  const { db, close } = await openDatabase(file);
  const at = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < MEMBERS; i++) {
      const n = String(i).padStart(6, '0');
      await createMember(
        trx,
        { kind: 'corporation', name: `株式会社ベンチ${n}`, nameKana: 'ｶ)ﾍﾞﾝﾁ', email: `b${n}@bench.example.jp` },
        at,
      );
    }
  });
  await close();
  return performance.now() - started;
}

async function run(): Promise<boolean> {
  buildRendererIfStale();
  const dir = mkdtempSync(join(tmpdir(), 'bench-ui-'));
  const file = join(dir, 'backoffice.db');
  const seedMs = await seed(file);
  const backoffice = await openBackoffice(file, { channel: 'http' });
  // The e2e tests' operators, seeded as they are (a refused call stops the benchmark rather than the screen).
  await seedOperators(backoffice, ADMIN, [SALES]);
  const host = await startBrowserHost({ backoffice, staticDir: RENDERER_DIST });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  const firstRender: number[] = [];
  const search: number[] = [];
  try {
    for (let r = 0; r < RUNS; r++) {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        locale: 'ja-JP',
        timezoneId: 'Asia/Tokyo',
      });
      const page = await context.newPage();
      await page.goto(host.url);
      await page.waitForFunction(() => performance.getEntriesByName('backoffice:first-render').length > 0);
      firstRender.push(
        await page.evaluate(() => performance.getEntriesByName('backoffice:first-render')[0]!.startTime),
      );

      const shell = await new SignInPage(page, ja).signIn(SALES.login, SALES.password);
      const members = await shell.goToMembers();
      await members.rows.first().waitFor();
      // From the first key typed to the matching rows on screen (the search box's debounce included).
      // A name with its legal form (all kana would be read as a furigana search).
      const query = `株式会社ベンチ0${String(9 - r)}999`;
      const expected = `株式会社ベンチ0${String(9 - r)}9990`;
      const t0 = await page.evaluate(() => performance.now());
      await members.searchBox.pressSequentially(query, { delay: 0 });
      await page.waitForFunction(
        (name) =>
          [...document.querySelectorAll('.member-list__scroller [role=row]')].some((row) =>
            row.textContent?.includes(name),
          ),
        expected,
      );
      search.push((await page.evaluate(() => performance.now())) - t0);
      await context.close();
    }
  } finally {
    await browser.close();
    await host.close();
    await backoffice.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const renderMs = median(firstRender);
  const searchMs = median(search);
  printBlock(`UI in headless Chromium, ${MEMBERS.toLocaleString('en')} members, median of ${RUNS}`, [
    ['seed (core/ledger, one transaction)', ms(seedMs)],
    ['navigation start → first render', `${ms(renderMs)} (limit ${ms(MAX_FIRST_RENDER_MS)})`],
    ['typing → search results rendered', `${ms(searchMs)} (limit ${ms(MAX_SEARCH_MS)})`],
    ['all first renders', firstRender.map(ms).join(', ')],
    ['all searches', search.map(ms).join(', ')],
  ]);
  return renderMs <= MAX_FIRST_RENDER_MS && searchMs <= MAX_SEARCH_MS;
}

export const benchmark: Benchmark = { name: 'ui', run };
