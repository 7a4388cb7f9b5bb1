import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDailySchedule, type Timer } from '../../core/api/daily-schedule';
import { usageFile } from '../close/helpers';
import { DunningPage } from './pages/dunning-page';
import { BillPage } from './pages/bill-page';
import { FilePreviewPanel } from './pages/file-preview';
import { MonthsPage } from './pages/months-page';
import { ReceivablesPage } from './pages/receivables-page';
import { SignInPage } from './pages/sign-in-page';
import { UsagePage } from './pages/usage-page';
import { ja, say } from './pages/words';
import { expectOk, startApp, type E2eApp } from './support/harness';
import { ACCOUNTING, openAccount, seedJobs, SUPERVISOR } from './support/jobs-seed';
import type { AppShell } from './pages/app-shell';

/** The schedule's timer, fired by hand: the job runs at the app's start, as the host would start it. */
const handTimer: Timer = { setTimeout: () => null, clearTimeout: () => undefined };

/**
 * Issue 14, the month jobs, in Japanese, on 2026-12-02: August was closed on time and two accounts were never
 * paid (terminated 2026-11-26), September is closed late by accounting; the supervisor decides on the VM
 * deletions and sees who has not paid.
 */
describe('month jobs: a late close confirmed, imports, printing, the daily job and VM deletions', () => {
  let app: E2eApp;
  let shell: AppShell;
  let yamada: string;
  let tanaka: string;
  let held: string;
  let released: string;
  let september: string[];

  beforeAll(async () => {
    app = await startApp({ now: '2026-09-01T09:00:00+09:00' });
    ({ yamada, tanaka } = await seedJobs(app.backoffice));
    held = await openAccount(app.backoffice, tanaka, '検証環境');
    released = await openAccount(app.backoffice, yamada, '旧環境');
    september = [
      await openAccount(app.backoffice, yamada, '本番環境'),
      await openAccount(app.backoffice, tanaka, '本番環境'),
    ];
    const call = (operation: string, input: unknown) =>
      expectOk(app.backoffice.call(operation as never, input as never, ACCOUNTING.login));
    await call('usage.import', { content: usageFile('2026-08', [{ code: held }, { code: released }]) });
    await call('billing.closeMonth', { month: '2026-08' });
    app.setNow('2026-12-02T10:00:00+09:00');
    // R-DUN-8: the host starts the schedule with the app; it runs the job for today by itself.
    const schedule = startDailySchedule(app.backoffice, {
      clock: () => new Date('2026-12-02T10:00:00+09:00'),
      timer: handTimer,
    });
    await schedule.idle();
    schedule.stop();
    app.page.setDefaultTimeout(20_000);
    await app.open();
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it('issue 14: accounting is told which import holds an account, replaces it, withdraws one, and sees the imports', async () => {
    shell = await new SignInPage(app.page, ja).signIn(ACCOUNTING.login, ACCOUNTING.password);
    await shell.goTo('nav.usage');
    const usage = new UsagePage(app.page, ja);
    await usage.importUsage('usage-2026-09-a.json', usageFile('2026-09', [{ code: september[0]! }]));
    await expect.poll(() => usage.imported.textContent()).toContain('usage-2026-09-a.json');
    await usage.importUsage(
      'usage-2026-09-b.json',
      usageFile('2026-09', [{ code: september[0]! }, { code: september[1]! }]),
    );
    const refusal = app.page.locator('section[aria-labelledby="usage-import-title"] [role="alert"]');
    await expect
      .poll(() => refusal.textContent())
      .toContain(`${september[0]} の 2026-09 分の利用は取込 2 に既にあります`);
    await usage.replaceOnImport();
    await usage.importUsage(
      'usage-2026-09-b.json',
      usageFile('2026-09', [{ code: september[0]! }, { code: september[1]! }]),
    );
    await expect.poll(() => usage.imported.textContent()).toContain(say(ja, 'imports.replaced', { ids: '2' }));
    await usage.importUsage('usage-2026-09-c.json', usageFile('2026-09', [{ code: held, plan: 'vm.light.s2' }]));
    await usage.usageImport(4).waitFor();
    await usage.withdrawImport(4);
    await expect
      .poll(() => app.page.locator('section[aria-labelledby="usage-imports-title"] p.notice').textContent())
      .toBe(say(ja, 'imports.withdrawn', { id: 4, month: '2026-09' }));
    await expect.poll(() => usage.usageImport(4).count()).toBe(0);
    expect(await usage.usageImport(1).textContent()).toContain(ja['imports.closedMonth']);
    await app.screenshot('month-jobs-0-usage-imports');
  }, 60_000);

  it('R-BILL-7: closing September on 12-02 names 2 bills and ¥14,960, says it is 50 days late, then issues 12-02, due 12-16', async () => {
    const usage = new UsagePage(app.page, ja);
    const confirm = await usage.askToClose('2026-09');
    const text = (await confirm.textContent()) ?? '';
    expect(text).toContain(say(ja, 'closeConfirm.body', { month: '2026-09', bills: 2, total: '¥14,960' }));
    expect(text).toContain(
      say(ja, 'closeConfirm.late', { regularIssueOn: '2026-10-13', daysLate: 50, closedOn: '2026-12-02' }),
    );
    expect(text).toContain(ja['confirm.cannotUndo']);
    await app.screenshot('month-jobs-1-close-confirm');
    await confirm.getByRole('button', { name: say(ja, 'closeConfirm.confirm', { month: '2026-09' }) }).click();
    await expect
      .poll(() => usage.closed.textContent(), { timeout: 20_000 })
      .toContain(say(ja, 'usage.closedBills', { month: '2026-09', bills: 2 }));
    expect(await app.page.locator('form[aria-labelledby="close-title"] .late-close').textContent()).toBe(
      say(ja, 'usage.closedLate', { daysLate: 50, closedOn: '2026-12-02', regularIssueOn: '2026-10-13' }),
    );
    const bills = (await expectOk(
      app.backoffice.call('billing.listBills', { month: '2026-09' }, ACCOUNTING.login),
    )) as {
      dueOn: string;
    }[];
    expect(bills.map((b) => b.dueOn)).toEqual(['2026-12-16', '2026-12-16']);
  }, 60_000);

  it('issue 14: accounting sees each month in the overview and prints the September bank transfer statements in one PDF, recorded as printed', async () => {
    await app.page.evaluate(() => {
      const real = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow')!;
      Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
        configurable: true,
        get(this: HTMLIFrameElement) {
          const view = real.get!.call(this) as Window | null;
          if (!view || !this.classList.contains('file-preview__frame')) return view;
          const top = window as Window & { printedFrames?: number };
          return { focus() {}, print: () => (top.printedFrames = (top.printedFrames ?? 0) + 1) };
        },
      });
    });
    const months = new MonthsPage(app.page, ja);
    await months.open();
    const september = (await months.month('2026-09').textContent()) ?? '';
    for (const part of ['2026-09', '1 / 2', ja['months.state.closed'], '¥14,960']) expect(september).toContain(part);
    expect(await months.month('2026-08').textContent()).toContain('¥14,960');
    await months.showStatements('2026-09');
    await months.onlyMethod('bank_transfer');
    await expect.poll(() => months.statementRows.count()).toBe(2);
    await months.printShown(2);
    const preview = new FilePreviewPanel(app.page, ja, 'statements-2026-09.pdf');
    await preview.frame.waitFor();
    await expect.poll(() => app.page.evaluate(() => (window as { printedFrames?: number }).printedFrames ?? 0)).toBe(1);
    await expect.poll(() => months.said.textContent()).toBe(say(ja, 'statements.recordedPrinted', { count: 2 }));
    await expect.poll(() => months.month('2026-09').locator('td').nth(7).textContent()).toBe('2');
    await preview.close();
    await months.onlyNotYetDelivered();
    await expect.poll(() => months.statementRows.count()).toBe(0);
    await app.screenshot('month-jobs-2-month-overview');
  }, 60_000);

  it('issue 14: accounting opens a September bill from its statement and issues a credit note on it, confirmed', async () => {
    const months = new MonthsPage(app.page, ja);
    await months.statements.getByLabel(ja['statements.notYet']).uncheck();
    const number = ((await months.statementRows.first().locator('td').first().textContent()) ?? '').trim();
    await months.statementRows.first().getByRole('link', { name: number }).click();
    const bill = new BillPage(app.page, ja, number);
    await bill.heading.waitFor();
    const confirmed = await bill.issueCreditNote('1000', '二重計上の訂正');
    expect(confirmed).toContain(say(ja, 'bill.creditNoteConfirm', { number, amount: '¥1,000' }));
    await expect.poll(() => bill.said.textContent()).toBe(say(ja, 'bill.credited', { total: '¥1,100', number }));
    await expect.poll(() => bill.creditNotes.count()).toBe(1);
    expect(await bill.creditNotes.first().textContent()).toContain('二重計上の訂正');
    // ¥7,480 − ¥1,100 still unpaid.
    expect(await app.page.locator('.facts').textContent()).toContain('¥6,380');
    await app.screenshot('month-jobs-7-bill-credit-note');
  }, 60_000);

  it('R-DUN-8: the daily job ran by itself today; accounting cannot run it for a later day', async () => {
    await shell.goTo('nav.dunning');
    const dunning = new DunningPage(app.page, ja);
    await expect.poll(() => dunning.dailyRuns.textContent()).toBe(say(ja, 'dunning.lastRun', { date: '2026-12-02' }));
    await dunning.runDaily('2027-06-30');
    await expect
      .poll(() => dunning.refusal.textContent())
      .toContain('日次処理は今日（2026-12-02）以前の日付にのみ実行できます。2027-06-30 は指定できません');
    expect(await dunning.column('terminated').locator('.board__card').count()).toBe(2);
    await app.screenshot('month-jobs-3-daily-refused');
    await shell.signOut();
  }, 60_000);

  it('R-DUN-9: the supervisor holds one account at Suspend with a reason and releases the other deletion after confirming it', async () => {
    shell = await new SignInPage(app.page, ja).signIn(SUPERVISOR.login, SUPERVISOR.password);
    await shell.goTo('nav.dunning');
    const dunning = new DunningPage(app.page, ja);
    await dunning.awaiting(held).waitFor();
    expect(await dunning.releaseQueue.locator('article').count()).toBe(2);
    await dunning.holdAtSuspend(held, '12月10日に入金の約束あり');
    await expect
      .poll(() => dunning.releaseQueue.locator('p.notice').textContent())
      .toBe(say(ja, 'release.held', { account: held }));
    const suspended = await dunning.showStage('suspended');
    await expect.poll(() => suspended.locator(`[data-account="${held}"]`).count()).toBe(1);
    const confirm = await dunning.release(released);
    expect(await confirm.textContent()).toContain(
      say(ja, 'release.confirm', { account: released, member: '株式会社山田商事' }),
    );
    await app.screenshot('month-jobs-4-release-confirm');
    await dunning.confirmRelease(released);
    await expect
      .poll(() => dunning.releaseQueue.locator('p.notice').textContent())
      .toBe(say(ja, 'release.released', { account: released }));
    // The queue is read again after the notice: wait for it rather than count once.
    await expect.poll(() => dunning.releaseQueue.locator('article').count()).toBe(0);
    await dunning.showStage('terminated');
    const commands = dunning.card(released).locator('.timeline__commands');
    await expect.poll(() => commands.textContent()).not.toContain(ja['outboxStatus.awaiting_release']);
    await dunning.showStage('suspended');
    await expect
      .poll(() => dunning.card(held).locator('.timeline__commands').textContent())
      .toContain(ja['outboxStatus.withheld']);
    await app.screenshot('month-jobs-5-release-decided');
  }, 60_000);

  it('issue 14: the supervisor sees who has not paid, aged, with a bar chart', async () => {
    const receivables = new ReceivablesPage(app.page, ja);
    await receivables.open();
    await receivables.chart.waitFor();
    // August's two bills (due 2026-09-25, 68 days) and September's two (due 12-16, not due yet).
    expect(await receivables.rows.count()).toBe(4);
    const row = (await receivables.account(held).textContent()) ?? '';
    expect(row).toContain('¥7,480');
    expect(await app.page.locator('.screen-head').textContent()).toContain(
      say(ja, 'receivables.asOf', { date: '2026-12-02' }),
    );
    await app.screenshot('month-jobs-6-receivables');
  }, 60_000);

  it("issue 14: the member's page says which bills are paid and which are not", async () => {
    await app.page.goto(`${new URL(app.page.url()).origin}/#/members/${yamada}`);
    const august = app.page.locator(`section[aria-labelledby="member-bills-${released}"] tr[data-month="2026-08"]`);
    await expect
      .poll(() => august.locator('td[class*="paid--"]').textContent())
      .toBe(say(ja, 'billPaid.unpaid', { outstanding: '¥7,480' }));
    // September's bill of the other account: ¥7,480 less the ¥1,100 credit note.
    const september0 = app.page.locator(
      `section[aria-labelledby="member-bills-${september[0]}"] tr[data-month="2026-09"] td[class*="paid--"]`,
    );
    await expect.poll(() => september0.textContent()).toBe(say(ja, 'billPaid.part_paid', { outstanding: '¥6,380' }));
  }, 60_000);
});
