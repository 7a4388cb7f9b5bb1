import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../support/clock';
import { todayJst } from '../../renderer/format';
import { AuditFilter } from './pages/audit-filter';
import { DepositsPage } from './pages/deposits-page';
import { SignInPage } from './pages/sign-in-page';
import { ja, say } from './pages/words';
import { startApp, type E2eApp } from './support/harness';
import { ACCOUNTING, prepaidStatement, seedJobs, SUPERVISOR } from './support/jobs-seed';

/** A 楽天銀行 CSV statement: ¥50,000 from 田中電機 (two ¥50,000 statements open: review) and ¥30,000 from 山田商事. */
const BANK_CSV = Buffer.from(
  [
    '取引日,入出金(円),取引後残高(円),入出金内容',
    '2026/11/20,50000,1050000,振込 ｶ)ﾀﾅｶﾃﾞﾝｷ',
    '2026/11/20,30000,1080000,振込 ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ',
    '',
  ].join('\r\n'),
);

describe('a bank file imported by its dry run and report, a review confirmed, and the audit log filtered', () => {
  let app: E2eApp;
  const statements: string[] = [];

  beforeAll(async () => {
    app = await startApp();
    const { tanaka, yamada } = await seedJobs(app.backoffice);
    statements.push(
      await prepaidStatement(app.backoffice, tanaka, '50000'),
      await prepaidStatement(app.backoffice, tanaka, '50000'),
      await prepaidStatement(app.backoffice, yamada, '30000'),
    );
    app.page.setDefaultTimeout(20_000);
    await app.open();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('R-RECON-5: the dry run shows what the file holds (1 matched ¥30,000, 1 for review ¥50,000) before anything is written', async () => {
    const shell = await new SignInPage(app.page, ja).signIn(ACCOUNTING.login, ACCOUNTING.password);
    await shell.goTo('nav.deposits');
    const deposits = new DepositsPage(app.page, ja);
    await deposits.pickBankFile('rakuten-20261120.csv', BANK_CSV);
    await expect
      .poll(() => deposits.dryRun.textContent())
      .toContain(say(ja, 'bank.dryRunOf', { name: 'rakuten-20261120.csv' }));
    expect(await deposits.summaryRow('matched').textContent()).toBe(`${ja['bankOutcome.matched']}1¥30,000`);
    expect(await deposits.summaryRow('review').textContent()).toBe(`${ja['bankOutcome.review']}1¥50,000`);
    // Nothing written yet: the review queue is still empty.
    expect(await deposits.reviewItems.count()).toBe(0);
    await app.screenshot('40-bank-dry-run');

    await deposits.importNow();
    await expect
      .poll(() => deposits.report.textContent())
      .toContain(say(ja, 'bank.reportOf', { name: 'rakuten-20261120.csv' }));
    const report = (await deposits.report.textContent()) ?? '';
    expect(report).toContain(statements[2]);
    expect(report).toContain('ｶ)ﾀﾅｶﾃﾞﾝｷ');
    await expect.poll(() => deposits.reviewItems.count()).toBe(1);
    const item = (await deposits.reviewItems.first().textContent()) ?? '';
    expect(item).toContain(statements[0]);
    expect(item).toContain(statements[1]);
    await app.screenshot('41-bank-report');
  }, 60_000);

  it('R-RECON-4: accounting confirms the ¥50,000 deposit for the second statement; the queue empties', async () => {
    const deposits = new DepositsPage(app.page, ja);
    // Issue 14: dismissing cannot be undone, so it is named first; going back dismisses nothing.
    const dismissing = await deposits.askToDismiss(0, '重複入金');
    expect(await dismissing.textContent()).toContain('¥50,000 を対象外にします（理由: 重複入金）');
    await dismissing.getByRole('button', { name: ja['confirm.back'] }).click();
    await expect.poll(() => dismissing.count()).toBe(0);
    await deposits.confirmReview(0, statements[1]!);
    await expect.poll(() => deposits.reviewItems.count()).toBe(0);
    await expect
      .poll(() => app.page.locator('section[aria-labelledby="review-title"]').textContent())
      .toContain(ja['bank.reviewNone']);
    await app.screenshot('42-review-confirmed');
    await app.page.getByRole('button', { name: ja['header.signOut'] }).click();
  }, 60_000);

  it('a supervisor filters the audit log by operator, operation and JST days', async () => {
    const shell = await new SignInPage(app.page, ja).signIn(SUPERVISOR.login, SUPERVISOR.password);
    const audit = await shell.goToAuditLog();
    const filter = new AuditFilter(app.page, ja);
    await filter.form.waitFor();
    await expect.poll(() => audit.rows.count()).toBeGreaterThan(5);

    await filter.byOperator(ACCOUNTING.login);
    await expect
      .poll(async () => [...new Set(await audit.rows.locator('td:nth-child(2)').allTextContents())])
      .toEqual([ACCOUNTING.login]);
    await filter.byOperation('bank.confirmMatch');
    await expect.poll(() => audit.rows.count()).toBe(1);
    expect(await audit.rows.first().textContent()).toContain(ja['op.bank.confirmMatch']);
    // D-SEC-19: the browser host's calls keep the address they came from.
    expect(await audit.rows.first().locator('td:nth-child(3)').textContent()).toBe('127.0.0.1');
    expect(await filter.count.textContent()).toBe(say(ja, 'audit.count', { count: 1 }));

    await filter.between(todayJst(TEST_NOW.getTime()), todayJst(TEST_NOW.getTime()));
    await expect.poll(() => audit.rows.count()).toBe(1);
    await app.screenshot('43-audit-filtered');
    await filter.between('2020-01-01', '2020-01-31');
    await expect.poll(() => app.page.getByText(ja['audit.noMatches']).count()).toBe(1);

    await filter.clear();
    await expect.poll(() => audit.rows.count()).toBeGreaterThan(5);
  }, 60_000);
});
