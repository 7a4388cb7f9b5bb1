import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackoffice } from '../../core/api/open';
import type { Backoffice } from '../../core/api/service';
import { startBrowserHost, type BrowserHost } from '../../core/host/browser-host';
import { DesktopState } from '../../core/host/team-client/desktop-state';
import { openDesktopBackoffice, writeTeamChoice } from '../../core/host/team-client/desktop-backoffice';
import { startTeamHost, type TeamHost } from '../../core/host/team-host';
import { todayJst } from '../../renderer/format';
import { startEmbeddedPostgres } from '../../scripts/embedded-postgres.mjs';
import { TEST_NOW } from '../support/clock';
import { compareScreenshot, screenshotProblem, UPDATE_SCREENSHOTS_ENV } from '../support/screenshot-compare';
import { DepositsPage } from './pages/deposits-page';
import { EstimatesPage } from './pages/estimates-page';
import { FilePreviewPanel } from './pages/file-preview';
import { MembersPage } from './pages/members-page';
import { SignInPage } from './pages/sign-in-page';
import { TeamDesktop } from './pages/team-desktop';
import { ja, say } from './pages/words';
import { CHROMIUM, expectOk } from './support/harness';
import { ACCOUNTING, openAccount, SALES, seedJobs } from './support/jobs-seed';
import { REPO, RENDERER_DIST } from './support/build-renderer';

const CERT = readFileSync(join(REPO, 'test/fixtures/tls/cert.pem'), 'utf8');
const KEY = readFileSync(join(REPO, 'test/fixtures/tls/key.pem'), 'utf8');

interface Desktop {
  backoffice: Backoffice;
  host: BrowserHost;
  page: Page;
  team: TeamDesktop;
}

function pdfText(bytes: Buffer): string {
  return execFileSync('pdftotext', ['-layout', '-', '-'], { input: bytes }).toString('utf8');
}

describe('desktops in a team: a rep offline, an accountant in the office, one PostgreSQL ledger', () => {
  const dir = mkdtempSync(join(tmpdir(), 'backoffice-team-e2e-'));
  let postgres: { server: string; stop(): Promise<void> };
  let pgDir = '';
  let ledger: Backoffice;
  let server: TeamHost;
  let port = 0;
  let browser: Browser;
  let rep: Desktop;
  let accountant: Desktop;
  let yamada = '';
  let newMember = '';
  const issued: string[] = [];
  let queued: ReturnType<DesktopState['queued']> = [];
  let desktopId = '';

  const serve = async () => {
    server = await startTeamHost({ backoffice: ledger, host: '127.0.0.1', port, tlsCert: CERT, tlsKey: KEY });
    port = server.port;
  };
  const serverUrl = () => `https://127.0.0.1:${port}/`;
  /** SQL on the team's PostgreSQL, beside the server: what the office does meanwhile, and counting rows. */
  async function sqlOnServer(query: string): Promise<Record<string, unknown>[]> {
    const client = new pg.Client({ connectionString: `${postgres.server}postgres` });
    await client.connect();
    try {
      return (await client.query<Record<string, unknown>>(query)).rows;
    } finally {
      await client.end();
    }
  }

  async function desktop(name: string): Promise<Desktop> {
    const backoffice = await openDesktopBackoffice({
      ledger: join(dir, `${name}.db`),
      channel: 'http',
      now: () => TEST_NOW,
      syncEveryMs: 300,
    });
    const host = await startBrowserHost({ backoffice, staticDir: RENDERER_DIST });
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'ja-JP',
      timezoneId: 'Asia/Tokyo',
    });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(host.url);
    return { backoffice, host, page, team: new TeamDesktop(page, ja) };
  }

  async function screenshot(page: Page, name: string): Promise<void> {
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    const png = await page.screenshot({
      fullPage: true,
      animations: 'disabled',
      caret: 'hide',
      mask: [page.locator('.file-preview iframe')],
      maskColor: '#808080',
    });
    const problem = screenshotProblem(
      name,
      compareScreenshot(
        name,
        png,
        { baselines: join(REPO, 'test/e2e/__screenshots__'), output: join(REPO, 'test-output/screenshots') },
        process.env[UPDATE_SCREENSHOTS_ENV] === '1',
      ),
    );
    if (problem) throw new Error(problem);
  }

  beforeAll(async () => {
    // Its own folder: as root, PostgreSQL runs as the `postgres` user, who must reach it (no private parent).
    pgDir = mkdtempSync(join(tmpdir(), 'backoffice-team-pg-'));
    postgres = await startEmbeddedPostgres({ dir: pgDir, durable: false, persistent: false });
    // What a PostgreSQL ledger keeps beside it (core/ledger/data-folder.ts) goes into this test's folder.
    process.env.XDG_DATA_HOME = join(dir, 'data-home');
    ledger = await openBackoffice(`${postgres.server}postgres`, { channel: 'http', now: () => TEST_NOW });
    ({ yamada } = await seedJobs(ledger));
    await openAccount(ledger, yamada, '本番環境');
    await serve();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    // The accountant's desktop joined the team before (its choice written as first start writes it).
    writeTeamChoice(join(dir, 'accountant.db.team'), { server: serverUrl(), ca: CERT });
    rep = await desktop('rep');
    accountant = await desktop('accountant');
  }, 120_000);

  afterAll(async () => {
    for (const d of [rep, accountant]) {
      await d?.host.close();
      await d?.backoffice.close();
    }
    await browser?.close();
    await server?.close();
    await ledger?.close();
    await postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
    if (pgDir) rmSync(pgDir, { recursive: true, force: true });
  });

  it('first start: the rep’s desktop joins the team server (its certificate checked against the company CA), then the rep signs in', async () => {
    // Without the company CA the self-signed test server is not trusted.
    await rep.team.joinTeam(serverUrl(), '');
    await expect.poll(() => rep.page.locator('.field__error').first().textContent()).toContain('127.0.0.1');
    await rep.page.getByLabel(say(ja, 'team.ca')).fill(CERT);
    await rep.page.getByRole('button', { name: say(ja, 'team.connect') }).click();
    const signIn = new SignInPage(rep.page, ja);
    await expect.poll(() => signIn.notice.textContent()).toContain(say(ja, 'team.joined', { server: serverUrl() }));
    await signIn.signIn(SALES.login, SALES.password);
    await expect.poll(() => rep.page.locator('.shell__operator').textContent()).toContain(SALES.displayName);
    await expect.poll(() => rep.team.state.textContent(), { timeout: 10_000 }).toBe(ja['sync.online']);
    await expect
      .poll(() => rep.team.waiting.textContent(), { timeout: 10_000 })
      .toBe(say(ja, 'sync.waiting', { count: 0 }));
    await new SignInPage(accountant.page, ja).signIn(ACCOUNTING.login, ACCOUNTING.password);
    await expect
      .poll(() => accountant.page.locator('.shell__operator').textContent())
      .toContain(ACCOUNTING.displayName);
    await expect.poll(() => accountant.team.state.textContent(), { timeout: 10_000 }).toBe(ja['sync.online']);
  }, 60_000);

  it('TEAM offline: the server stops; the rep creates a member and issues two estimates, their PDFs with their final numbers', async () => {
    await server.close();
    // Meanwhile at the office, the member 山田商事 is closed (every cloud account terminated).
    await sqlOnServer(
      `update cloud_accounts set status = 'terminated', closed_at = '2026-11-24T00:30:00.000Z'
       where member_id = (select id from members where member_number = '${yamada}')`,
    );

    const rp = rep.page;
    await rp.goto(`${new URL(rep.host.url).origin}/#/members`);
    const members = new MembersPage(rp, ja);
    await members.heading.waitFor();
    const form = await members.startNewMember();
    await form.fillIn({
      kind: 'corporation',
      name: '株式会社北海水産',
      nameKana: 'ｶ)ﾎｯｶｲｽｲｻﾝ',
      email: 'keiri@hokkai.example.jp',
      address: '北海道札幌市中央区1-1',
    });
    const detail = await form.submit();
    await expect.poll(() => detail.heading.textContent()).toContain('株式会社北海水産');
    await expect.poll(() => rep.team.state.textContent(), { timeout: 10_000 }).toBe(ja['sync.offline']);
    newMember = /M-\d{6,}/.exec((await rp.locator('main').textContent()) ?? '')![0];
    // A provisional number until the server gives its own (D-SYNC-7).
    expect(newMember).toBe('M-900000001');

    await rp.goto(`${new URL(rep.host.url).origin}/#/estimates`);
    const estimates = new EstimatesPage(rp, ja);
    await estimates.heading.waitFor();
    for (const amount of ['50000', '30000']) {
      await estimates.draft(newMember, amount);
      await expect.poll(() => estimates.notice.textContent()).toMatch(/EST-\d{4}-\d{6}/);
      const number = /EST-\d{4}-\d{6}/.exec((await estimates.notice.textContent()) ?? '')![0];
      await estimates.act(number, 'estimates.issue');
      await expect.poll(() => estimates.row(number).textContent()).toContain(ja['estimateStatus.issued']);
      await estimates.act(number, 'estimates.pdf');
      const preview = new FilePreviewPanel(rp, ja);
      await preview.frame.waitFor();
      const saved = await preview.save();
      expect(saved.name).toBe(`${number}.pdf`);
      expect(pdfText(saved.bytes)).toContain(number);
      await preview.close();
      issued.push(number);
    }
    // Leased to this desktop: the server's first block of the year.
    expect(issued).toEqual(['EST-2026-000001', 'EST-2026-000002']);
    // And one for 山田商事, which the office closed meanwhile.
    await estimates.draft(yamada, '10000');
    await expect.poll(() => estimates.notice.textContent()).toContain('EST-2026-000003');
    await expect
      .poll(() => rep.team.waiting.textContent(), { timeout: 10_000 })
      .toBe(say(ja, 'sync.waiting', { count: 6 }));
    await screenshot(rp, '60-team-rep-offline');

    const state = new DesktopState(join(dir, 'rep.db.team', 'desktop.db'));
    queued = state.queued();
    desktopId = state.get('desktopId')!;
    state.close();
    expect(queued.map((q) => q.operation)).toEqual([
      'members.create',
      'estimates.draft',
      'estimates.issue',
      'estimates.draft',
      'estimates.issue',
      'estimates.draft',
    ]);
  }, 90_000);

  it('TEAM the server comes back: the queue drains, the refused draft shows in sync problems with the server’s reason, in Japanese', async () => {
    await serve();
    await expect
      .poll(() => rep.team.waiting.textContent(), { timeout: 20_000 })
      .toBe(say(ja, 'sync.waiting', { count: 0 }));
    await expect.poll(() => rep.team.state.textContent(), { timeout: 10_000 }).toBe(ja['sync.online']);
    await expect
      .poll(() => rep.team.problems.locator('summary').textContent(), { timeout: 10_000 })
      .toBe(say(ja, 'sync.problems', { count: 1 }));
    await rep.team.openProblems();
    const problem = await rep.team.problems.locator('li').textContent();
    expect(problem).toContain('EST-2026-000003');
    expect(problem).toContain(`会員 ${yamada} はオフラインの間に解約されたため、見積を受け付けられません`);
    // The local copy follows the server: the refused estimate is gone, the member has the server's number.
    const estimates = new EstimatesPage(rep.page, ja);
    await expect.poll(() => estimates.row('EST-2026-000003').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => estimates.row('EST-2026-000001').textContent(), { timeout: 10_000 }).toContain('M-000003');
    await screenshot(rep.page, '61-team-rep-sync-problem');
    const members = (await expectOk(ledger.call('members.search', { query: '北海' }, SALES.login))) as {
      items: { memberNumber: string }[];
    };
    expect(members.items.map((m) => m.memberNumber)).toEqual(['M-000003']);
  }, 60_000);

  it('TEAM the accountant sees both estimates and confirms the deposit of one; the same queue replayed again changes nothing', async () => {
    const ap = accountant.page;
    await ap.goto(`${new URL(accountant.host.url).origin}/#/estimates`);
    const estimates = new EstimatesPage(ap, ja);
    await estimates.heading.waitFor();
    for (const number of issued)
      await expect
        .poll(() => estimates.row(number).textContent(), { timeout: 20_000 })
        .toContain(ja['estimateStatus.issued']);
    await estimates.act(issued[0]!, 'estimates.issueStatement');
    await expect.poll(() => estimates.notice.textContent()).toMatch(/BIL-\d{4}-\d{6}/);
    const statementNumber = /BIL-\d{4}-\d{6}/.exec((await estimates.notice.textContent()) ?? '')![0];
    await ap.goto(`${new URL(accountant.host.url).origin}/#/deposits`);
    const deposits = new DepositsPage(ap, ja);
    await deposits.confirmDeposit({
      statementNumber,
      amount: '50000',
      valueDate: todayJst(TEST_NOW.getTime()),
      bankReference: 'REF-TEAM-1',
    });
    await expect
      .poll(() => deposits.confirmation.textContent())
      .toContain(ja['deposits.outcome.confirmed'].split('。')[0]);

    const counts = async () =>
      Promise.all(
        ['members', 'prepaid_applications', 'documents', 'deposits', 'sync_applied'].map(async (table) =>
          Number((await sqlOnServer(`select count(*) as n from ${table}`))[0]!.n),
        ),
      );
    const before = await counts();
    const again = (await expectOk(
      ledger.call(
        'sync.apply',
        { desktopId, operations: queued.map(({ id, operation, input, madeAt }) => ({ id, operation, input, madeAt })) },
        SALES.login,
      ),
    )) as { results: { replayed: boolean; outcome: string }[] };
    expect(again.results.map((r) => [r.outcome, r.replayed])).toEqual([
      ['applied', true],
      ['applied', true],
      ['applied', true],
      ['applied', true],
      ['applied', true],
      ['refused', true],
    ]);
    expect(await counts()).toEqual(before);
  }, 60_000);
});
