import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SellerPage } from './pages/seller-page';
import { SignInPage } from './pages/sign-in-page';
import { wordProblem } from '../../renderer/i18n/problems';
import { ja, say } from './pages/words';
import { startApp, type E2eApp } from './support/harness';
import { ADMIN, seedJobs } from './support/jobs-seed';

describe('the administrator sets the seller (R-TAX-5)', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startApp();
    await seedJobs(app.backoffice);
    app.page.setDefaultTimeout(20_000);
    await app.open();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('R-TAX-4, R-TAX-5: a registration number failing its check digit is refused under its field; the right one is saved from today', async () => {
    const shell = await new SignInPage(app.page, ja).signIn(ADMIN.login, ADMIN.password);
    await shell.goTo('nav.seller');
    const seller = new SellerPage(app.page, ja);
    await seller.heading.waitFor();
    await seller.save({
      name: '株式会社あおぞらクラウド',
      address: '大阪府大阪市北区大深町3番1号',
      registrationNumber: 'T1234567890123',
      bankName: 'みずなみ銀行',
      bankCode: '0001',
      branchName: '梅田支店',
      branchCode: '123',
      accountNumber: '1234567',
      accountHolderKana: 'ｶ)ｱｵｿﾞﾗｸﾗｳﾄﾞ',
    });
    await expect
      .poll(() => seller.errorUnder(seller.registrationNumber).textContent())
      .toBe(wordProblem({ code: 'seller.registration_number_check_digit', params: {}, message: '' }, 'ja'));
    await seller.registrationNumber.fill('T1120001234567');
    await app.page.getByRole('button', { name: say(ja, 'sellerForm.submit') }).click();
    await expect.poll(() => seller.notice.textContent()).toBe(say(ja, 'seller.saved', { date: '2026-11-24' }));
    await expect
      .poll(() => seller.registration.textContent())
      .toBe(say(ja, 'seller.registered', { number: 'T1120001234567' }));
    await app.screenshot('51-seller');
  }, 60_000);
});
