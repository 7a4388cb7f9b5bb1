import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/app-shell';
import { SignInPage } from './pages/sign-in-page';
import { en, ja, say } from './pages/words';
import { expectOk, startApp, type E2eApp } from './support/harness';
import { ACCOUNTING, SALES, seedMembers } from './support/seed';

describe('a refused action is explained in words', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startApp();
    await seedMembers(app.backoffice);
    await app.open();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('tells a sales operator why the audit log is refused and which roles may open it', async () => {
    const shell = await new SignInPage(app.page, ja).signIn(SALES.login, SALES.password);
    const audit = await shell.goToAuditLog();
    await audit.refusal.waitFor();
    const text = await audit.refusal.textContent();
    expect(text).toContain(ja['refusal.forbidden.title']);
    expect(text).toContain(
      say(ja, 'refusal.forbidden.body', { roles: ja['role.sales'], operation: ja['op.audit.list'] }),
    );
    // The roles come from the catalog's own listing of audit.list: supervisor and admin.
    expect(text).toContain(
      say(ja, 'refusal.forbidden.needs', {
        roles: `${ja['role.supervisor']}${ja['common.listSeparator']}${ja['role.admin']}`,
      }),
    );
    await app.screenshot('09-refused-audit-log');
    await shell.signOut();
  });

  it('tells an accounting operator, in English too, that registering a member needs the sales role; nothing is written', async () => {
    const shell = await new SignInPage(app.page, ja).signIn(ACCOUNTING.login, ACCOUNTING.password);
    await shell.operator.waitFor();
    const english = await shell.switchLanguage('en');
    const members = await english.goToMembers();
    await expect.poll(() => members.status.textContent()).toBe(say(en, 'members.count', { count: 242 }));
    const form = await members.startNewMember();
    await form.fillIn({ kind: 'individual', name: '佐々木 健', nameKana: 'ｻｻｷ ｹﾝ', email: 'ken@example.jp' });
    await form.submit();
    await form.refusal.waitFor();
    const text = await form.refusal.textContent();
    expect(text).toContain(
      say(en, 'refusal.forbidden.body', { roles: en['role.accounting'], operation: en['op.members.create'] }),
    );
    expect(text).toContain(say(en, 'refusal.forbidden.needs', { roles: en['role.sales'] }));
    // The form keeps what was typed, and the list still has 242 members.
    expect(await form.name.inputValue()).toBe('佐々木 健');
    await app.screenshot('10-refused-member-create-en');
    const again = await new AppShell(app.page, en).goToMembers();
    await expect.poll(() => again.status.textContent()).toBe(say(en, 'members.count', { count: 242 }));
  });

  it('shows accounting the trial balance in yen on Today, and hides it from sales', async () => {
    // One adjustment through the door: bank 1,234,567 yen debit against revenue.
    const lines = [
      { account: 'bank', side: 'debit', amount: '1234567' },
      { account: 'revenue', side: 'credit', amount: '1234567' },
    ];
    await expectOk(
      app.backoffice.call('ledger.postAdjustment', { memo: 'e2e: opening balance', lines }, ACCOUNTING.login),
    );

    await app.page.getByRole('button', { name: en['header.signOut'] }).click();
    const shell = await new SignInPage(app.page, en).signIn(ACCOUNTING.login, ACCOUNTING.password);
    const japanese = await shell.switchLanguage('ja');
    await japanese.goTo('nav.today');
    const trial = app.page.getByRole('region', { name: ja['trial.title'] });
    await trial.waitFor();
    const row = (account: string) => trial.locator('tbody tr').filter({ hasText: account }).locator('td');
    expect(await row(ja['ledgerAccount.bank']).allTextContents()).toEqual([
      ja['ledgerAccount.bank'],
      '¥1,234,567',
      '¥0',
      '¥1,234,567',
    ]);
    expect(await row(ja['ledgerAccount.revenue']).allTextContents()).toEqual([
      ja['ledgerAccount.revenue'],
      '¥0',
      '¥1,234,567',
      '¥1,234,567',
    ]);
    expect(await trial.locator('tfoot th').allTextContents()).toEqual([
      ja['trial.total'],
      '¥1,234,567',
      '¥1,234,567',
      ja['trial.balanced'],
    ]);
    await app.screenshot('15-today-trial-balance');

    await japanese.signOut();
    const sales = await new SignInPage(app.page, ja).signIn(SALES.login, SALES.password);
    await app.page.getByRole('heading', { name: ja['today.title'], level: 1 }).waitFor();
    await sales.link('nav.today').waitFor();
    await app.page.waitForLoadState('networkidle');
    expect(await app.page.getByRole('region', { name: ja['trial.title'] }).count()).toBe(0);
  });
});
