import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/app-shell';
import { FirstRunPage } from './pages/first-run-page';
import { SignInPage } from './pages/sign-in-page';
import { UsagePage } from './pages/usage-page';
import { ja, say } from './pages/words';
import { addMonths, billingMonth, jstDate } from '../../core/time';
import { TEST_NOW } from '../support/clock';
import { startApp, type E2eApp } from './support/harness';

describe('loading demo data on the first run', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows progress while loading, then the demo operators to sign in with', async () => {
    // Hold the answer back a moment so the progress indicator is observably there while the work runs.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await app.page.route('**/api/setup.loadDemo', async (route) => {
      await held;
      await route.continue();
    });
    await app.open();
    const firstRun = new FirstRunPage(app.page, ja);
    await firstRun.heading.waitFor();
    const signIn = await firstRun.loadDemoData();
    await firstRun.progress.waitFor();
    await app.screenshot('11-demo-loading');
    release();

    await signIn.heading.waitFor();
    const operators = app.page.getByRole('table', { name: ja['signIn.demoOperators'] });
    await operators.waitFor();
    // 300 members is the demo's default; the account count follows from its seed, so only its shape is checked.
    const summary = say(ja, 'firstRun.demoSummary', { members: 300, accounts: '\u0000' });
    const pattern = new RegExp(`^${escapeRegExp(summary).replace('\u0000', '[1-9][0-9,]*')}$`);
    expect(await signIn.notice.locator('p').textContent()).toMatch(pattern);
    expect(await operators.locator('tbody tr').allTextContents()).toEqual([
      `admin${ja['role.admin']}demo`,
      `sales${ja['role.sales']}demo`,
      `accounting${ja['role.accounting']}demo`,
      `supervisor${ja['role.supervisor']}demo`,
    ]);
    await app.screenshot('12-demo-sign-in');
  });

  it('lets the demo supervisor read the audit log, which shows the demo load', async () => {
    const shell = await new SignInPage(app.page, ja).signIn('supervisor', 'demo');
    const members = await shell.goToMembers();
    await expect.poll(() => members.status.textContent()).toBe(say(ja, 'members.count', { count: 300 }));
    await app.screenshot('13-demo-members');
    const audit = await shell.goToAuditLog();
    await audit.heading.waitFor();
    await expect.poll(() => audit.rows.filter({ hasText: ja['op.setup.loadDemo'] }).count()).toBe(1);
    await app.screenshot('14-audit-log');
  });

  it('R-BILL-1: the demo accountant closes last month, the bar showing the bills made step by step', async () => {
    await new AppShell(app.page, ja).signOut();
    const shell = await new SignInPage(app.page, ja).signIn('accounting', 'demo');
    await shell.goTo('nav.usage');
    const usage = new UsagePage(app.page, ja);
    // The month before the test clock's (vitest.config.ts), as the close screen proposes it.
    const today = jstDate(TEST_NOW.getTime());
    const last = addMonths(billingMonth(today.year, today.month), -1).key;
    // Hold the second step back so the bar is observably part-way.
    let calls = 0;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await app.page.route('**/api/billing.closeMonth', async (route) => {
      if (++calls === 2) await held;
      await route.continue();
    });
    await usage.closeMonth(last);
    // The demo has more accounts than one step bills (250): the bar shows 250 of them made.
    await expect.poll(async () => (await usage.closing.getAttribute('value')) ?? '', { timeout: 30_000 }).toBe('250');
    const max = Number(await usage.closing.getAttribute('max'));
    expect(max).toBeGreaterThan(250);
    // The seconds since the close started tick on screen.
    await app.screenshot('16-close-progress', { mask: [usage.closingStatus] });
    release();
    await expect
      .poll(() => usage.closed.textContent(), { timeout: 60_000 })
      .toBe(say(ja, 'usage.closedBills', { month: last, bills: max }));
  }, 90_000);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
