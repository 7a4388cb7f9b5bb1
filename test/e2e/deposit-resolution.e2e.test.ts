import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountClosePanel } from './pages/account-close-panel';
import { AppShell } from './pages/app-shell';
import { DepositResolutionPage } from './pages/deposit-resolution-page';
import { SignInPage } from './pages/sign-in-page';
import { ja, say } from './pages/words';
import { expectOk, startApp, type E2eApp } from './support/harness';
import { ACCOUNTING, openAccount, seedJobs, usageFile } from './support/jobs-seed';

/** 楽天銀行 CSV: ¥20,000 from 田中電機 for its two ¥7,480 October bills, and more. */
const BANK_CSV = Buffer.from(
  ['取引日,入出金(円),取引後残高(円),入出金内容', '2026/11/20,20000,1020000,振込 ｶ)ﾀﾅｶﾃﾞﾝｷ', ''].join('\r\n'),
);

describe('issue 14: accounting pays a monthly bill by hand and resolves a deposit in the review queue', () => {
  let app: E2eApp;
  const tanakaBills: string[] = [];
  let yamadaBill = '';
  let yamadaAccount = '';

  beforeAll(async () => {
    app = await startApp();
    const { tanaka, yamada } = await seedJobs(app.backoffice);
    const accounts = [
      await openAccount(app.backoffice, tanaka, '本番'),
      await openAccount(app.backoffice, tanaka, '検証'),
      await openAccount(app.backoffice, yamada, '本番'),
    ];
    for (const account of accounts)
      await expectOk(
        app.backoffice.call(
          'payments.registerMethod',
          { account, method: 'bank_transfer', receivedOn: '2026-09-01' },
          ACCOUNTING.login,
        ),
      );
    await expectOk(app.backoffice.call('usage.import', { content: usageFile('2026-10', accounts) }, ACCOUNTING.login));
    await expectOk(app.backoffice.call('billing.closeMonth', { month: '2026-10' }, ACCOUNTING.login));
    const bills = (await expectOk(
      app.backoffice.call('billing.listBills', { month: '2026-10' }, ACCOUNTING.login),
    )) as { account: string; statementNumber: string }[];
    yamadaAccount = accounts[2]!;
    for (const b of bills) if (b.account === yamadaAccount) yamadaBill = b.statementNumber;
    tanakaBills.push(
      ...bills
        .filter((b) => b.account !== accounts[2])
        .map((b) => b.statementNumber)
        .sort(),
    );
    await expectOk(
      app.backoffice.call(
        'bank.import',
        { fileName: 'rakuten-20261120.csv', contentBase64: BANK_CSV.toString('base64') },
        ACCOUNTING.login,
      ),
    );
    app.page.setDefaultTimeout(20_000);
    await app.open();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  it('入金の確認: a monthly bill (typed in lower case, "５,０００" in full-width) is paid in part; ¥2,480 still owed', async () => {
    const shell = await new SignInPage(app.page, ja).signIn(ACCOUNTING.login, ACCOUNTING.password);
    await shell.goTo('nav.deposits');
    const deposits = new DepositResolutionPage(app.page, ja);
    await deposits.payByHand({
      statementNumber: yamadaBill.toLowerCase(),
      amount: '５,０００',
      valueDate: '2026-11-24',
      bankReference: 'TEL-20261124-1',
    });
    await expect
      .poll(() => deposits.handPaymentNotice.textContent())
      .toBe(say(ja, 'deposits.outcome.billPaid', { statement: yamadaBill, outstanding: '¥2,480' }));
    await app.screenshot('60-hand-payment-monthly-bill');
  }, 60_000);

  it('the review queue: the ¥20,000 deposit says why in words, is found by payer, split over both ¥7,480 bills, and the ¥5,040 left kept as credit after a confirmation', async () => {
    const deposits = new DepositResolutionPage(app.page, ja);
    await expect.poll(() => deposits.reviewItems.count()).toBe(1);
    const item = (await deposits.reviewItems.first().textContent()) ?? '';
    expect(item).toContain(ja['reviewReason.excess']);
    expect(item).not.toContain('excess');
    const panel = await deposits.openMatching(0);
    await expect.poll(() => deposits.foundRows(panel).count()).toBe(2);
    await deposits.search(panel, 'たなか');
    await expect.poll(() => deposits.foundRows(panel).count()).toBe(2);
    await deposits.search(panel, '7,480');
    await expect.poll(() => deposits.foundRows(panel).count()).toBe(2);
    for (const number of tanakaBills) await deposits.addBill(panel, number);
    await expect.poll(() => deposits.restLeft(panel).getAttribute('data-rest')).toBe('5040');
    await deposits.keepRestAs(panel, 'credit');
    await app.screenshot('61-review-split-before-confirm');
    const said = await deposits.matchAndConfirm(panel);
    expect(said).toContain('取り消せません');
    expect(said).toContain('¥5,040');
    await expect
      .poll(() => deposits.reviewNotice.textContent())
      .toBe(say(ja, 'bank.resolved', { credit: '¥5,040', refund: '¥0' }));
    await expect.poll(() => deposits.reviewItems.count()).toBe(0);
    await app.screenshot('62-review-split-done');
  }, 60_000);

  it('R-PRE-11: accounting closes 山田商事’s cloud account from the member page after a confirmation that names what happens', async () => {
    const shell = new AppShell(app.page, ja);
    const members = await shell.goToMembers();
    await members.searchFor('山田');
    await members.openMember('株式会社山田商事');
    const panel = new AccountClosePanel(app.page, ja);
    const said = await panel.close(yamadaAccount, '解約の申し出（書面受領）');
    expect(said).toBe(say(ja, 'accountClose.confirm', { code: yamadaAccount }));
    await expect
      .poll(() => panel.notice.textContent())
      .toBe(say(ja, 'accountClose.done', { code: yamadaAccount, total: '¥0', count: 0, month: '2026-11' }));
    await app.screenshot('63-account-closed');
  }, 60_000);
});
