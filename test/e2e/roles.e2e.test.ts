import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignInPage } from './pages/sign-in-page';
import { ja, say } from './pages/words';
import { expectOk, startApp, type E2eApp } from './support/harness';
import { ACCOUNTING, ADMIN, SALES, seedMembers } from './support/seed';

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

  async function forbiddenCalls(): Promise<string[]> {
    const audit = (await expectOk(app.backoffice.call('audit.list', { pageSize: 200 }, ADMIN.login))) as {
      items: { outcome: string; operation: string }[];
    };
    return audit.items.filter((i) => i.outcome === 'forbidden').map((i) => i.operation);
  }

  it('tells a sales operator, whose role was taken away after signing in, why the member search is refused', async () => {
    const shell = await new SignInPage(app.page, ja).signIn(SALES.login, SALES.password);
    await shell.operator.waitFor();
    await expectOk(app.backoffice.call('operators.setRoles', { login: SALES.login, roles: ['admin'] }, ADMIN.login));
    await shell.goToMembers();
    const refusal = app.page.locator('.refusal');
    await refusal.waitFor();
    const text = await refusal.textContent();
    expect(text).toContain(ja['refusal.forbidden.title']);
    expect(text).toContain(
      say(ja, 'refusal.forbidden.body', { roles: ja['role.sales'], operation: ja['op.members.search'] }),
    );
    // The roles come from the catalog's own listing of members.search.
    expect(text).toContain(
      say(ja, 'refusal.forbidden.needs', {
        roles: [ja['role.sales'], ja['role.accounting'], ja['role.supervisor']].join(ja['common.listSeparator']),
      }),
    );
    await app.screenshot('09-refused-member-search');
    expect(await forbiddenCalls()).toContain('members.search');
    await expectOk(app.backoffice.call('operators.setRoles', { login: SALES.login, roles: ['sales'] }, ADMIN.login));
    await shell.signOut();
  });

  it('menus show only what each role may do, in Japanese; a job’s address the role may not do opens Today, never a refusal', async () => {
    // The first test's refusals (its members.search, and whatever Today was still reading when the role changed)
    // are its own: this test counts from here.
    const refusedBefore = await forbiddenCalls();
    await expectOk(
      app.backoffice.call(
        'operators.create',
        { login: 'sato', displayName: '佐藤 監', password: 'super-passphrase', roles: ['supervisor'] },
        ADMIN.login,
      ),
    );
    const menus: Record<string, string[]> = {};
    for (const [login, password] of [
      [SALES.login, SALES.password],
      [ACCOUNTING.login, ACCOUNTING.password],
      ['sato', 'super-passphrase'],
      [ADMIN.login, ADMIN.password],
    ] as const) {
      const shell = await new SignInPage(app.page, ja).signIn(login, password);
      await shell.operator.waitFor();
      menus[login] = await shell.menu();
      if (login === ACCOUNTING.login) {
        // Accounting reads members but does not register them: no button to a refusal.
        const members = await shell.goToMembers();
        await expect.poll(() => members.status.textContent()).toBe(say(ja, 'members.count', { count: 242 }));
        expect(await app.page.getByRole('link', { name: ja['members.new'] }).count()).toBe(0);
        await app.screenshot('10-accounting-members-no-register');
      }
      if (login === ADMIN.login) {
        await shell.openAddress('members');
        await app.page.getByRole('heading', { name: ja['today.title'], level: 1 }).waitFor();
        await app.screenshot('10-admin-menu');
      }
      await shell.signOut();
    }
    const menu = (...keys: Parameters<typeof say>[1][]) => keys.map((key) => say(ja, key));
    expect(menus).toEqual({
      [SALES.login]: menu('nav.today', 'nav.members', 'nav.estimates', 'nav.prepaid'),
      [ACCOUNTING.login]: menu(
        'nav.today',
        'nav.members',
        'nav.estimates',
        'nav.deposits',
        'nav.prepaid',
        'nav.usage',
        'nav.dunning',
        'nav.books',
      ),
      sato: menu(
        'nav.today',
        'nav.members',
        'nav.estimates',
        'nav.deposits',
        'nav.prepaid',
        'nav.usage',
        'nav.dunning',
        'nav.books',
        'nav.audit',
      ),
      [ADMIN.login]: menu('nav.today', 'nav.books', 'nav.audit', 'nav.operators', 'nav.seller'),
    });
    // Nobody clicked into a refusal: the audit log holds no refusal made during this test.
    expect(await forbiddenCalls()).toEqual(refusedBefore);
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

    const japanese = await new SignInPage(app.page, ja).signIn(ACCOUNTING.login, ACCOUNTING.password);
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
