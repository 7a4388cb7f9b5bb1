import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SELLER } from '../../core/demo/demo-seller';
import { EstimatesPage } from './pages/estimates-page';
import { SignInPage } from './pages/sign-in-page';
import { ja, say } from './pages/words';
import { expectOk, startApp, type E2eApp } from './support/harness';
import { ADMIN, SALES, seedJobs } from './support/jobs-seed';

describe('a sales rep quotes a configuration (D-PRE-L)', () => {
  let app: E2eApp;
  let tanaka: string;

  beforeAll(async () => {
    app = await startApp();
    ({ tanaka } = await seedJobs(app.backoffice));
    await expectOk(
      app.backoffice.call('seller.set', { seller: DEMO_SELLER, effectiveFrom: '2026-11-24' }, ADMIN.login),
    );
    app.page.setDefaultTimeout(20_000);
    await app.open();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('R-TAX-4, D-PRE-L: 2 × vm.standard.s4 for 12 months: ¥13,600 + ¥1,360 a month, ¥179,520 in all; issued, then made a prepaid estimate', async () => {
    const shell = await new SignInPage(app.page, ja).signIn(SALES.login, SALES.password);
    await shell.goTo('nav.estimates');
    const estimates = new EstimatesPage(app.page, ja);
    await estimates.heading.waitFor();
    await estimates.openQuote();
    await estimates.simulateLine(1, 'vm.standard.s4', '720');
    await estimates.simulateCount(1, '2');
    await estimates.quote(tanaka, '12');
    await estimates.priceQuote();
    await expect
      .poll(() => estimates.quoteMonthly.textContent())
      .toBe(say(ja, 'quote.monthly', { subtotal: '¥13,600', tax: '¥1,360', total: '¥14,960' }));
    expect(await estimates.quotePeriod.textContent()).toBe(
      say(ja, 'quote.period', { months: 12, subtotal: '¥163,200', tax: '¥16,320', total: '¥179,520' }),
    );
    await app.screenshot('50-quote');

    await estimates.saveQuote();
    await expect.poll(() => estimates.notice.textContent()).toMatch(/EST-\d{4}-\d{6}/);
    const quoteNumber = /EST-\d{4}-\d{6}/.exec((await estimates.notice.textContent()) ?? '')![0];
    await expect.poll(() => estimates.row(quoteNumber).textContent()).toContain('¥179,520');
    await estimates.act(quoteNumber, 'estimates.issue');
    await expect.poll(() => estimates.row(quoteNumber).textContent()).toContain(ja['estimateStatus.issued']);
    await estimates.act(quoteNumber, 'quote.toPrepaid');
    await expect.poll(() => estimates.notice.textContent()).toMatch(new RegExp(`${quoteNumber}.*EST-\\d{4}-\\d{6}`));
    const prepaid = /EST-\d{4}-\d{6}(?=[^]*$)/.exec(
      ((await estimates.notice.textContent()) ?? '').replace(quoteNumber, ''),
    )![0];
    await expect.poll(() => estimates.row(prepaid).textContent()).toContain(ja['estimateStatus.draft']);
    expect(await estimates.row(prepaid).textContent()).toContain('¥179,520');
  }, 60_000);
});
