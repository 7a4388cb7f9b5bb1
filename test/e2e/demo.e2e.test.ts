import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FirstRunPage } from './pages/first-run-page';
import { SignInPage } from './pages/sign-in-page';
import { ja, say } from './pages/words';
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
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
