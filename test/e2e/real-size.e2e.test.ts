import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DunningPage } from './pages/dunning-page';
import { SignInPage } from './pages/sign-in-page';
import { UsagePage } from './pages/usage-page';
import { ja, say } from './pages/words';
import { kanaKey } from '../../core/kana';
import { expectOk, startApp, type E2eApp } from './support/harness';

type Bill = {
  account: string;
  memberName: string;
  memberKana: string;
  statementNumber: string | null;
  paid: string;
};

/** The first three kana of a name, in hiragana, as a person would type them to find it. */
function typedHiragana(kana: string): string {
  const full = kanaKey(kana).normalize('NFKC');
  return [...full]
    .slice(0, 3)
    .map((c) => (c >= 'ァ' && c <= 'ヶ' ? String.fromCharCode(c.charCodeAt(0) - 0x60) : c))
    .join('');
}
type Board = { accounts: { cloudAccountCode: string; status: string; memberName: string; memberKana: string }[] };

/**
 * Issue 14, lists at real size, on the demo company (300 members, hundreds of accounts): a month's bills and
 * the dunning board, at a laptop's 1366 × 768, by accounting and the supervisor.
 */
describe('the lists at the demo company’s real size', () => {
  let app: E2eApp;
  let bills: Bill[] = [];
  let board: Board = { accounts: [] };

  beforeAll(async () => {
    app = await startApp();
    await expectOk(app.backoffice.call('setup.loadDemo', {}, null));
    // The demo's October, closed through the door as the accountant's screen would (2026-11-24).
    await expectOk(app.backoffice.call('billing.closeMonth', { month: '2026-10' }, 'accounting'));
    bills = (await expectOk(app.backoffice.call('billing.listBills', { month: '2026-10' }, 'accounting'))) as Bill[];
    // Two months on, nobody paid: the daily job of that day puts the unpaid accounts on the board.
    app.setNow('2027-01-26T09:00:00+09:00');
    await expectOk(app.backoffice.call('dunning.runDaily', { date: '2027-01-26' }, 'accounting'));
    board = (await expectOk(app.backoffice.call('dunning.board', {}, 'supervisor'))) as Board;
    await app.page.setViewportSize({ width: 1366, height: 768 });
    app.page.setDefaultTimeout(30_000);
    await app.open();
  }, 240_000);
  afterAll(async () => {
    await app?.close();
  });

  it('a month’s bills: pages of 100 with member, method and paid state; codes on one line at 1366 px; search by kana', async () => {
    expect(bills.length).toBeGreaterThan(500);
    const shell = await new SignInPage(app.page, ja).signIn('accounting', 'demo');
    await shell.goTo('nav.usage');
    const usage = new UsagePage(app.page, ja);
    await usage.showMonth('２０２６－１０');
    const count = (n: number) => say(ja, 'list.matching', { count: n.toLocaleString('ja-JP') });
    await expect.poll(() => usage.billsFound.textContent()).toBe(count(bills.length));
    await expect.poll(() => usage.bills.count()).toBe(100);
    const range = usage.billsPager.locator('[role="status"]');
    expect(await range.textContent()).toBe(
      say(ja, 'list.range', { from: '1', to: '100', total: bills.length.toLocaleString('ja-JP') }),
    );
    const first = usage.bills.first();
    expect(await first.textContent()).toContain(bills[0]!.memberName);
    expect(await first.textContent()).toContain(ja['billPaid.unpaid']);
    // Every code cell is one line high (no wrapping at 1366 px), and the page does not scroll sideways.
    const lines = await usage.bills.evaluateAll((rows) =>
      rows.flatMap((row) =>
        [...row.querySelectorAll('td.mono, td .mono')].map((code) => {
          const text = document.createRange();
          text.selectNodeContents(code);
          return new Set([...text.getClientRects()].map((r) => Math.round(r.top))).size;
        }),
      ),
    );
    expect(Math.max(...lines)).toBe(1);
    expect(await app.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await app.screenshot('60-month-bills-page-1');

    await usage.nextBills();
    expect(await range.textContent()).toBe(
      say(ja, 'list.range', { from: '101', to: '200', total: bills.length.toLocaleString('ja-JP') }),
    );

    // A member found by kana typed in hiragana: every bill whose member's kana key holds it.
    const hiragana = typedHiragana(bills[0]!.memberKana);
    const byKana = bills.filter((b) => kanaKey(b.memberKana).includes(kanaKey(hiragana))).length;
    await usage.searchBills(hiragana);
    await expect.poll(() => usage.billsFound.textContent(), { message: hiragana }).toBe(count(byKana));
    expect(await usage.bills.first().textContent()).toContain(bills[0]!.memberName);
    // A statement number typed in lower case finds its one bill.
    const numbered = bills.find((b) => b.statementNumber)!;
    await usage.searchBills(numbered.statementNumber!.toLowerCase());
    await expect.poll(() => usage.billsFound.textContent()).toBe(count(1));
    expect(await usage.bills.first().getAttribute('data-account')).toBe(numbered.account);
    await app.screenshot('61-month-bills-search');
    await usage.searchBills('');
    await usage.billsPaid('paid');
    const paid = bills.filter((b) => b.paid === 'paid' || b.paid === 'nothing_due').length;
    await expect.poll(() => usage.billsFound.textContent()).toBe(count(paid));
    await shell.signOut();
  }, 120_000);

  it('the dunning board: one stage at a time with its count, searched, in pages; the page stays short', async () => {
    const byStage = (status: string) => board.accounts.filter((a) => a.status === status);
    expect(board.accounts.length).toBeGreaterThan(200);
    const shell = await new SignInPage(app.page, ja).signIn('supervisor', 'demo');
    await shell.goTo('nav.dunning');
    const dunning = new DunningPage(app.page, ja);
    await dunning.heading.waitFor();
    for (const stage of ['restricted', 'suspended', 'terminated', 'active'] as const) {
      const cards = await dunning.showStage(stage);
      const n = byStage(stage).length;
      await expect
        .poll(() => dunning.matching.textContent(), { message: stage })
        .toBe(say(ja, 'list.matching', { count: n.toLocaleString('ja-JP') }));
      expect(await cards.locator('.board__card').count()).toBe(Math.min(n, 40));
    }
    const biggest = (['restricted', 'suspended', 'terminated'] as const).reduce((a, b) =>
      byStage(a).length >= byStage(b).length ? a : b,
    );
    await dunning.showStage(biggest);
    // A few hundred cards are pages of 40: the page is a few screens tall, not 200,000 px.
    expect(await app.page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(12_000);
    await app.screenshot('62-dunning-board-stage');

    const one = byStage(biggest)[0]!;
    await dunning.search(one.cloudAccountCode.toLowerCase());
    await expect.poll(() => dunning.matching.textContent()).toBe(say(ja, 'list.matching', { count: 1 }));
    await dunning.card(one.cloudAccountCode).waitFor();
    expect(await dunning.card(one.cloudAccountCode).textContent()).toContain(one.memberName);
    await app.screenshot('63-dunning-board-search');

    // The member's kana typed in hiragana finds every card of the stage whose member's kana key holds it.
    const hiragana = typedHiragana(one.memberKana);
    const byKana = byStage(biggest).filter((a) => kanaKey(a.memberKana).includes(kanaKey(hiragana))).length;
    await dunning.search(hiragana);
    await expect
      .poll(() => dunning.matching.textContent(), { message: hiragana })
      .toBe(say(ja, 'list.matching', { count: byKana.toLocaleString('ja-JP') }));
    await dunning.card(one.cloudAccountCode).waitFor();
  }, 120_000);
});
