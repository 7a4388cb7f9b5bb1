import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BooksPage } from './pages/books-page';
import { SignInPage } from './pages/sign-in-page';
import { ja, say } from './pages/words';
import { expectOk, startApp, type E2eApp } from './support/harness';
import { ACCOUNTING, openAccount, prepaidStatement, seedJobs, usageFile } from './support/jobs-seed';

describe('帳簿と書類: accounting finds an issued document and reads the sales report (issue 15)', () => {
  let app: E2eApp;

  beforeAll(async () => {
    app = await startApp();
    const { tanaka, yamada } = await seedJobs(app.backoffice);
    // 2026-11-24: an estimate and a prepaid statement each, ¥50,000 for 田中電機 and ¥30,000 for 山田商事.
    await prepaidStatement(app.backoffice, tanaka, '50000');
    await prepaidStatement(app.backoffice, yamada, '30000');
    const account = await openAccount(app.backoffice, tanaka, '本番環境');
    await expectOk(app.backoffice.call('usage.import', { content: usageFile('2026-10', [account]) }, ACCOUNTING.login));
    await expectOk(app.backoffice.call('billing.closeMonth', { month: '2026-10' }, ACCOUNTING.login));
    app.page.setDefaultTimeout(20_000);
    await app.open();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('電子帳簿保存法: 田中 + ¥40,000 or more + issued from 2026-11-24 finds its estimate and statement (2); ¥40,000 or less finds none', async () => {
    const shell = await new SignInPage(app.page, ja).signIn(ACCOUNTING.login, ACCOUNTING.password);
    await shell.goTo('nav.books');
    const books = new BooksPage(app.page, ja);
    await expect.poll(() => books.archiveRows.count()).toBe(4);
    await books.searchArchive({ counterparty: '田中', amountMin: '40000', issuedFrom: '2026-11-24' });
    await expect.poll(() => books.archiveCount.textContent()).toBe(say(ja, 'archive.count', { count: 2 }));
    const rows = await books.archiveRows.allTextContents();
    expect(rows.every((r) => r.includes('株式会社田中電機') && r.includes('¥50,000') && r.includes('2026-11-24'))).toBe(
      true,
    );
    await app.screenshot('70-archive-search');
    await books.searchArchive({ amountMin: '', amountMax: '40000' });
    await expect.poll(() => app.page.getByText(ja['archive.none']).count()).toBe(1);
  }, 60_000);

  it('the sales report shows October ¥6,800 of servers, in a chart and a table', async () => {
    const books = new BooksPage(app.page, ja);
    await books.openReports();
    await books.showSales('2026-10', '2026-10');
    await expect.poll(() => books.salesTable().locator('tbody tr').first().textContent()).toContain('¥6,800');
    expect(await books.salesChart().locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    await app.screenshot('71-sales-report');
  }, 60_000);
});
