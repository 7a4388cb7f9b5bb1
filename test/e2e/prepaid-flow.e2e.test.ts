import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../support/clock';
import { todayJst } from '../../renderer/format';
import { DepositsPage } from './pages/deposits-page';
import { EstimatesPage } from './pages/estimates-page';
import { PrepaidPage } from './pages/prepaid-page';
import { SignInPage } from './pages/sign-in-page';
import { ja, say } from './pages/words';
import { startApp, type E2eApp } from './support/harness';
import { ACCOUNTING, openAccount, SALES, seedJobs } from './support/jobs-seed';
import { codeInNotice } from './support/notice-code';
import { FilePreviewPanel } from './pages/file-preview';

describe('the prepaid flow by clicking, each step by its own role', () => {
  let app: E2eApp;
  let tanaka: string;
  let account: string;
  let estimateNumber = '';
  let statementNumber = '';
  let code = '';

  beforeAll(async () => {
    app = await startApp();
    ({ tanaka } = await seedJobs(app.backoffice));
    account = await openAccount(app.backoffice, tanaka, '本番環境');
    // A step that cannot happen fails with its own locator in the message, well before the test's timeout.
    app.page.setDefaultTimeout(20_000);
    await app.open();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('R-PRE-1, R-PRE-2: sales simulates the monthly cost, drafts ¥50,000, issues the estimate and its statement', async () => {
    const shell = await new SignInPage(app.page, ja).signIn(SALES.login, SALES.password);
    await shell.goTo('nav.estimates');
    const estimates = new EstimatesPage(app.page, ja);
    await estimates.heading.waitFor();

    // Rated in the renderer: vm.standard.s4 for 720 h is capped at ¥6,800, tax ¥680 (R-RATE-1, R-TAX-2).
    await estimates.simulateLine(1, 'vm.standard.s4', '720');
    await expect.poll(() => estimates.simulatorTotal.textContent()).toBe('¥7,480');
    // Typing the amount in the draft tells how many months it covers: 50,000 = 6 × 7,480 + 5,120.
    await estimates.draft(tanaka, '50000');
    await expect.poll(() => estimates.notice.textContent()).toMatch(/EST-\d{4}-\d{6}/);
    estimateNumber = /EST-\d{4}-\d{6}/.exec((await estimates.notice.textContent()) ?? '')![0];
    await estimates.page.getByLabel(say(ja, 'estimateForm.amount')).fill('50000');
    await expect
      .poll(() => estimates.simulatorCovers.textContent())
      .toBe(say(ja, 'simulator.covers', { amount: '¥50,000', months: '6', remainder: '¥5,120' }));
    await estimates.page.getByLabel(say(ja, 'estimateForm.amount')).fill('');

    await estimates.act(estimateNumber, 'estimates.issue');
    await expect.poll(() => estimates.row(estimateNumber).textContent()).toContain(ja['estimateStatus.issued']);
    await estimates.act(estimateNumber, 'estimates.pdf');
    const preview = new FilePreviewPanel(app.page, ja);
    await preview.frame.waitFor();
    expect(await preview.frame.getAttribute('src')).toMatch(/^blob:/);
    const saved = await preview.save();
    expect(saved.name).toBe(`${estimateNumber}.pdf`);
    expect(saved.bytes.subarray(0, 5).toString()).toBe('%PDF-');

    await estimates.act(estimateNumber, 'estimates.issueStatement');
    await expect.poll(() => estimates.notice.textContent()).toMatch(/BIL-\d{4}-\d{6}/);
    statementNumber = /BIL-\d{4}-\d{6}/.exec((await estimates.notice.textContent()) ?? '')![0];
    await expect.poll(() => estimates.row(estimateNumber).textContent()).toContain(ja['estimateStatus.billed']);
    await app.screenshot('20-estimates');
    await shell.signOut();
  }, 60_000);

  it('R-PRE-3: accounting confirms the ¥50,000 deposit; the ID is then due and is issued with its notice shown once', async () => {
    const shell = await new SignInPage(app.page, ja).signIn(ACCOUNTING.login, ACCOUNTING.password);
    await shell.goTo('nav.deposits');
    const deposits = new DepositsPage(app.page, ja);
    await deposits.confirmDeposit({
      statementNumber,
      amount: '50000',
      valueDate: todayJst(TEST_NOW.getTime()),
      bankReference: 'REF-0001',
    });
    await expect
      .poll(() => deposits.confirmation.textContent())
      .toContain(ja['deposits.outcome.confirmed'].split('。')[0]);
    await app.screenshot('21-deposits');

    await shell.goTo('nav.prepaid');
    const prepaid = new PrepaidPage(app.page, ja);
    await expect
      .poll(() => app.page.locator('section[aria-labelledby="late-title"]').textContent())
      .toContain(statementNumber);
    const answer = app.page.waitForResponse((r) => r.url().includes('/api/prepaid.issueId'));
    await prepaid.issueId(statementNumber);
    const issued = (await (await answer).json()) as { output: { file: { base64: string }; codeHint: string } };
    code = codeInNotice(issued.output.file.base64);
    await expect.poll(() => prepaid.issued.textContent()).toContain(ja['prepaid.codeOnce']);
    expect(await prepaid.issued.textContent()).toContain(issued.output.codeHint);
    expect(code.replaceAll('-', '').endsWith(issued.output.codeHint.replaceAll('-', ''))).toBe(true);
    await app.screenshot('22-prepaid-issued', { mask: [prepaid.codeHint] });
  }, 60_000);

  it('R-PRE-4, R-PRE-7: accounting registers the code on the member’s account; the ID shows registered with ¥50,000', async () => {
    const prepaid = new PrepaidPage(app.page, ja);
    await prepaid.register(account, code.toLowerCase());
    await expect.poll(() => prepaid.registered.textContent()).toContain(account);
    await prepaid.lookUp(tanaka);
    await expect.poll(() => prepaid.ids.count()).toBe(1);
    const row = await prepaid.ids.first().textContent();
    expect(row).toContain(ja['prepaidStatus.registered']);
    expect(row).toContain(account);
    expect(row).toContain('¥50,000');
    // The code is new each run: its hint, and the table's columns sized around it, change.
    await app.screenshot('23-prepaid-registered', { mask: [prepaid.codeHint, prepaid.idsTable] });
  }, 60_000);
});
