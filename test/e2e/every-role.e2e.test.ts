import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/app-shell';
import { AuditFilter } from './pages/audit-filter';
import { DepositsPage } from './pages/deposits-page';
import { EstimatesPage } from './pages/estimates-page';
import { FilePreviewPanel } from './pages/file-preview';
import { PrepaidPage } from './pages/prepaid-page';
import { SignInPage } from './pages/sign-in-page';
import { UsagePage } from './pages/usage-page';
import { ja, say } from './pages/words';
import { expectOk, startApp, type E2eApp } from './support/harness';
import { ACCOUNTING, SALES, SUPERVISOR, seedJobs } from './support/jobs-seed';

/**
 * Issue 14, every role's screens: each job done by the role that does it, in Japanese, typed as people type,
 * and every refusal in the screen's own words (never core's English sentence).
 */
describe('every role finishes its everyday job in Japanese', () => {
  let app: E2eApp;
  let tanaka: string;
  let individual: string;
  let estimateNumber = '';
  let statementNumber = '';

  beforeAll(async () => {
    app = await startApp();
    ({ tanaka } = await seedJobs(app.backoffice));
    individual = (
      (await expectOk(
        app.backoffice.call(
          'members.create',
          { kind: 'individual', name: '山田 花子', nameKana: 'ﾔﾏﾀﾞ ﾊﾅｺ', email: 'hanako@example.jp' },
          SALES.login,
        ),
      )) as { memberNumber: string }
    ).memberNumber;
    app.page.setDefaultTimeout(20_000);
    await app.open();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('a wrong password says so, not that the sign-in expired', async () => {
    const signIn = new SignInPage(app.page, ja);
    await signIn.signIn(SALES.login, 'not-the-password');
    const refusal = app.page.locator('.refusal');
    await refusal.waitFor();
    expect(await refusal.textContent()).toBe('ログイン名またはパスワードが違います');
    expect(await refusal.textContent()).not.toContain(ja['refusal.unauthenticated']);
    await app.screenshot('50-wrong-password');
  });

  it('sales registers a member typing フリガナ in hiragana, finds it by タナカ, edits it and adds a cloud account', async () => {
    const shell = await new SignInPage(app.page, ja).signIn(SALES.login, SALES.password);
    const members = await shell.goToMembers();
    const form = await members.startNewMember();
    await form.fillIn({
      kind: 'corporation',
      name: '田中ソフト合同会社',
      nameKana: 'たなかそふと（ど',
      email: 'Keiri@Tanaka-Soft.example.jp',
      address: '東京都港区芝公園4-2-8',
    });
    const detail = await form.submit();
    await detail.heading.waitFor();
    expect(await detail.heading.textContent()).toBe('田中ソフト合同会社');
    // Stored as the bank writes it: half-width, the corporate form kept.
    await expect.poll(() => detail.details.textContent()).toContain('ﾀﾅｶｿﾌﾄ(ﾄﾞ');

    await detail.edit({ address: '東京都港区芝公園1-1-1', nameKana: 'タナカソフト（ド' });
    await expect.poll(() => detail.notice.textContent()).toBe(ja['memberEdit.saved']);
    await expect.poll(() => detail.details.textContent()).toContain('東京都港区芝公園1-1-1');

    await detail.addAccount('本番環境');
    await expect
      .poll(() => detail.notice.last().textContent())
      .toMatch(/^クラウドアカウント CA-\d{6} を追加しました。$/);
    await expect.poll(() => detail.accounts.filter({ hasText: '本番環境' }).count()).toBe(1);
    await app.screenshot('51-member-edited-account-added');

    const again = await new AppShell(app.page, ja).goToMembers();
    for (const typed of ['タナカソフト', 'たなかそふと', 'ﾀﾅｶｿﾌﾄ']) {
      await again.searchFor(typed);
      await expect.poll(() => again.row('田中ソフト合同会社').count(), { message: typed }).toBe(1);
    }
  }, 60_000);

  it('sales: an individual on an estimate is refused for being an individual; the list names members; plans by name', async () => {
    const shell = new AppShell(app.page, ja);
    await shell.goTo('nav.estimates');
    const estimates = new EstimatesPage(app.page, ja);
    await estimates.heading.waitFor();
    // The simulator offers plans by their names, never their codes.
    const plans = await estimates.planNames();
    expect(plans).toContain(`${ja['plan.vm.standard.s4']}（${ja['service.server']}）`);
    expect(plans.some((p) => p.includes('vm.standard.s4'))).toBe(false);

    await estimates.draft(individual.toLowerCase(), '５０，０００');
    const memberError = app.page.locator('.field__error').first();
    await expect.poll(() => memberError.textContent()).toBe(PROBLEM_CORPORATIONS_ONLY);
    await app.screenshot('52-estimate-individual-refused');

    // Typed as people type: a lower-case member number, full-width digits with a separator.
    await estimates.draft(tanaka.toLowerCase(), '５０，０００');
    await expect.poll(() => estimates.notice.textContent()).toMatch(/EST-\d{4}-\d{6}/);
    estimateNumber = /EST-\d{4}-\d{6}/.exec((await estimates.notice.textContent()) ?? '')![0];
    expect(await estimates.row(estimateNumber).textContent()).toContain('株式会社田中電機');
    expect(await estimates.row(estimateNumber).textContent()).toContain('¥50,000');
    await estimates.act(estimateNumber, 'estimates.issue');
    await expect.poll(() => estimates.row(estimateNumber).textContent()).toContain(ja['estimateStatus.issued']);
    await estimates.act(estimateNumber, 'estimates.issueStatement');
    await expect.poll(() => estimates.notice.textContent()).toMatch(/BIL-\d{4}-\d{6}/);
    statementNumber = /BIL-\d{4}-\d{6}/.exec((await estimates.notice.textContent()) ?? '')![0];
    await new FilePreviewPanel(app.page, ja).close();

    // The issued statement's PDF opens again from its estimate.
    await estimates.openStatement(estimateNumber, statementNumber);
    const preview = new FilePreviewPanel(app.page, ja);
    await preview.frame.waitFor();
    expect((await preview.save()).name).toBe(`${statementNumber}.pdf`);
    await preview.close();

    // A second estimate, cancelled after the row asks once.
    await estimates.draft(tanaka, '10000');
    await expect.poll(() => estimates.notice.textContent()).toMatch(/EST-\d{4}-\d{6}/);
    const second = /EST-\d{4}-\d{6}/.exec((await estimates.notice.textContent()) ?? '')![0];
    const ask = await estimates.cancel(second);
    expect(await ask.textContent()).toContain(say(ja, 'estimates.cancelConfirm', { number: second }));
    await app.screenshot('53-estimate-cancel-asks');
    await estimates.confirmCancel(second);
    await expect.poll(() => estimates.row(second).textContent()).toContain(ja['estimateStatus.cancelled']);
    await expect.poll(() => estimates.notice.textContent()).toBe(say(ja, 'estimates.cancelled', { number: second }));
    await shell.signOut();
  }, 90_000);

  it('accounting confirms "50,000" for a lower-case statement number; paying it twice is held as a second payment', async () => {
    const shell = await new SignInPage(app.page, ja).signIn(ACCOUNTING.login, ACCOUNTING.password);
    await shell.goTo('nav.deposits');
    const deposits = new DepositsPage(app.page, ja);
    await deposits.confirmDeposit({
      statementNumber: statementNumber.toLowerCase(),
      amount: '50,000',
      valueDate: '2026-11-24',
      bankReference: 'REF-0001',
    });
    await expect
      .poll(() => deposits.confirmation.textContent())
      .toContain(ja['deposits.outcome.confirmed'].split('。')[0]);

    await deposits.confirmDeposit({
      statementNumber,
      amount: '５００００',
      valueDate: '2026-11-24',
      bankReference: 'REF-0002',
    });
    const held = say(ja, 'deposits.outcome.held.not_awaiting_payment', {
      statementNumber,
      status: ja['estimateStatus.paid'],
    });
    await expect.poll(() => deposits.confirmation.textContent()).toBe(held);
    // Nothing in English from core on the Japanese screen.
    expect(await deposits.confirmation.textContent()).not.toMatch(/[a-z]{3,}/);
    await app.screenshot('54-second-payment-held');
  }, 60_000);

  it('accounting issues the prepaid ID: the notice “shown once” fits in its half-width panel', async () => {
    const shell = new AppShell(app.page, ja);
    await shell.goTo('nav.prepaid');
    const prepaid = new PrepaidPage(app.page, ja);
    await prepaid.issueId(statementNumber.toLowerCase());
    await expect.poll(() => prepaid.issued.textContent()).toContain(ja['prepaid.codeOnce']);
    const fits = await prepaid.issued.evaluate((issued) => {
      const panel = issued.closest('.panel')!.getBoundingClientRect();
      return [...issued.querySelectorAll('*')].every((el) => el.getBoundingClientRect().right <= panel.right + 1);
    });
    expect(fits).toBe(true);
    await app.screenshot('55-prepaid-notice-fits', { mask: [prepaid.codeHint] });
  }, 60_000);

  it('accounting: a month not yet over says so, not “use the form YYYY-MM”', async () => {
    const shell = new AppShell(app.page, ja);
    await shell.goTo('nav.usage');
    const usage = new UsagePage(app.page, ja);
    await usage.submitClose('２０２６－１１');
    const error = app.page.locator(
      'form[aria-labelledby="close-title"] .field__error, form[aria-labelledby="close-title"] .refusal',
    );
    await expect.poll(() => error.first().textContent()).toContain('2026-11 はまだ終わっていません');
    await app.screenshot('56-month-not-over');
    await shell.signOut();
  }, 60_000);

  it('the supervisor reads the audit log in Japanese: operations by name, refusals worded, “no matches” for an empty filter', async () => {
    const shell = await new SignInPage(app.page, ja).signIn(SUPERVISOR.login, SUPERVISOR.password);
    const audit = await shell.goToAuditLog();
    await audit.heading.waitFor();
    const refused = audit.rows
      .filter({ hasText: ja['op.session.signIn'] })
      .filter({ hasText: ja['outcome.unauthenticated'] });
    await expect.poll(() => refused.count()).toBeGreaterThan(0);
    expect(await refused.first().textContent()).toContain('ログイン名またはパスワードが違います');
    expect(await refused.first().textContent()).not.toContain('wrong login');

    const filter = new AuditFilter(app.page, ja);
    const options = await filter.form.getByLabel(ja['audit.filter.operation']).locator('option').allTextContents();
    expect(options).toContain(ja['op.dunning.board']);
    expect(options.filter((o) => /^[a-z]+\.[a-zA-Z]+$/.test(o))).toEqual([]);
    await filter.byOperation('ledger.backup');
    await expect.poll(() => app.page.locator('main p[role="status"]').textContent()).toBe(ja['audit.noMatches']);
    await app.screenshot('57-audit-no-matches');
  }, 60_000);
});

const PROBLEM_CORPORATIONS_ONLY = 'プリペイドは法人のみ利用できます';
