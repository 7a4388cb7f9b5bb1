import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/app-shell';
import { DunningPage } from './pages/dunning-page';
import { FilePreviewPanel } from './pages/file-preview';
import { SignInPage } from './pages/sign-in-page';
import { UsagePage } from './pages/usage-page';
import { ja, say } from './pages/words';
import { expectOk, startApp, type E2eApp } from './support/harness';
import { ACCOUNTING, openAccount, seedJobs, SUPERVISOR, usageFile } from './support/jobs-seed';

describe('a month close with its statements, then the dunning board after the daily run', () => {
  let app: E2eApp;
  let shell: AppShell;
  let yamada: string;
  let account: string;

  beforeAll(async () => {
    // October is closed on 2026-11-02, before its statements' issue date (R-BILL-7 keeps the regular dates).
    app = await startApp({ now: '2026-11-02T10:00:00+09:00' });
    ({ yamada } = await seedJobs(app.backoffice));
    account = await openAccount(app.backoffice, yamada, '本番環境');
    await expectOk(
      app.backoffice.call(
        'payments.registerMethod',
        { account, method: 'bank_transfer', receivedOn: '2026-08-01' },
        ACCOUNTING.login,
      ),
    );
    app.page.setDefaultTimeout(20_000);
    await app.open();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('R-BILL-1, R-TAX-2, R-BILL-3: accounting imports a usage file, closes 2026-10, sees ¥6,800 + ¥680 = ¥7,480 due 2026-11-25 and opens its statement', async () => {
    shell = await new SignInPage(app.page, ja).signIn(ACCOUNTING.login, ACCOUNTING.password);
    await shell.goTo('nav.usage');
    const usage = new UsagePage(app.page, ja);
    await usage.importUsage('usage-2026-10.json', usageFile('2026-10', [account]));
    await expect
      .poll(() => usage.imported.textContent())
      .toBe(say(ja, 'usage.importedAccounts', { name: 'usage-2026-10.json', month: '2026-10', accounts: 1 }));

    await usage.closeMonth('2026-10');
    await expect
      .poll(() => usage.closed.textContent(), { timeout: 20_000 })
      .toContain(say(ja, 'usage.closedBills', { month: '2026-10', bills: 1 }));
    await expect.poll(() => usage.bills.count()).toBe(1);
    const row = (await usage.bills.first().textContent()) ?? '';
    // vm.standard.s4 the whole month: capped at ¥6,800 (R-RATE-1), tax floor(6,800 × 0.1) = ¥680 (R-TAX-2).
    for (const text of [account, ja['paymentMethod.bank_transfer'], '¥6,800', '¥680', '¥7,480'])
      expect(row).toContain(text);
    const statementNumber = /BIL-\d{4}-\d{6}/.exec(row)![0];
    expect(await usage.bills.first().getByRole('button').getAttribute('title')).toBe(
      say(ja, 'usage.dueOn', { date: '2026-11-25' }),
    );

    await usage.openStatement(statementNumber);
    const preview = new FilePreviewPanel(app.page, ja);
    await preview.frame.waitFor();
    const saved = await preview.save();
    expect(saved.name).toBe(`${statementNumber}.pdf`);
    expect(saved.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    await app.screenshot('30-usage-close');
  }, 60_000);

  it("D-APP-1: accounting prints a statement from its preview, and the month's statements in one action (the browser's print of the PDF)", async () => {
    // The print dialog is the browser's own, and headless Chromium cannot show it: the test stands in for the
    // previewed PDF frame's print() and counts the calls.
    await app.page.evaluate(() => {
      const real = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow')!;
      Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
        configurable: true,
        get(this: HTMLIFrameElement) {
          const view = real.get!.call(this) as Window | null;
          if (!view || !this.classList.contains('file-preview__frame')) return view;
          const top = window as Window & { printedFrames?: string[] };
          return { focus() {}, print: () => (top.printedFrames ??= []).push(this.src.slice(0, 5)) };
        },
      });
    });
    const printed = () => app.page.evaluate(() => (window as { printedFrames?: string[] }).printedFrames ?? []);
    const usage = new UsagePage(app.page, ja);
    const preview = new FilePreviewPanel(app.page, ja);
    await preview.print();
    await expect.poll(printed).toEqual(['blob:']);

    await preview.close();
    await usage.printMonth('2026-10', 1);
    const month = new FilePreviewPanel(app.page, ja, 'statements-2026-10.pdf');
    await month.frame.waitFor();
    await expect.poll(printed).toEqual(['blob:', 'blob:']);
    const combined = await month.save();
    expect(combined.name).toBe('statements-2026-10.pdf');
    expect(combined.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);

  it('R-DUN-5: the daily run of 2026-11-26 restricts the unpaid account; the board shows it with its cause and the restrict command', async () => {
    // R-DUN-8: the job runs for today or an earlier day only: it is 2026-11-26 now.
    app.setNow('2026-11-26T09:00:00+09:00');
    await shell.goTo('nav.dunning');
    const dunning = new DunningPage(app.page, ja);
    await dunning.runDaily('2026-11-26');
    await expect
      .poll(() => dunning.said.textContent())
      .toContain(say(ja, 'dunning.ran', { date: '2026-11-26', changes: 1, commands: 1 }));
    const card = (await dunning.showStage('restricted')).locator(`[data-account="${account}"]`);
    await card.waitFor();
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('株式会社山田商事');
    // The cause in Japanese, with its rule id; the recorded sentence stays on hover.
    expect(text).toContain(`${ja['statusCause.R-DUN-5']} R-DUN-5`);
    expect(await card.locator('[title^="R-DUN-5"]').getAttribute('title')).toBe(
      'R-DUN-5 bill 1 (¥7,480) not paid in full by its due date 2026-11-25',
    );
    // Restricted from 00:00 JST of 2026-11-26, the day after the due date (R-DUN-7).
    expect(text).toContain('2026-11-26 00:00');
    // The platform command by its name in Japanese, never the outbox's topic.
    expect(text).toContain(ja['command.restrict']);
    expect(text).not.toContain('restrict');
    await app.screenshot('31-dunning-board');
    expect(await (await dunning.showStage('active')).locator('.board__card').count()).toBe(0);

    await shell.goTo('nav.today');
    await expect
      .poll(() => app.page.locator('.alerts').textContent())
      .toContain(say(ja, 'today.alert.restricted', { count: 1 }));
    await app.screenshot('32-today-accounting');
    await shell.signOut();
  }, 60_000);

  it('R-DUN-5, R-BILL-1: a supervisor sees the same board, and the account’s status history and bills on the member’s page', async () => {
    shell = await new SignInPage(app.page, ja).signIn(SUPERVISOR.login, SUPERVISOR.password);
    await shell.goTo('nav.dunning');
    const dunning = new DunningPage(app.page, ja);
    await (await dunning.showStage('restricted')).locator(`[data-account="${account}"]`).waitFor();
    // Only accounting runs the daily job: the supervisor has no such button.
    expect(await app.page.getByRole('button', { name: ja['dunning.runDaily'] }).count()).toBe(0);
    await app.page.goto(`${new URL(app.page.url()).origin}/#/members/${yamada}`);
    const history = app.page.locator('section[aria-labelledby="member-status-history"]');
    await expect.poll(() => history.textContent()).toContain(ja['accountStatus.restricted']);
    // R-BILL-1: the member's page lists the account's October bill with its statement.
    const bills = app.page.locator(`section[aria-labelledby="member-bills-${account}"] tr[data-month="2026-10"]`);
    await expect.poll(() => bills.textContent()).toContain('¥7,480');
    await app.screenshot('33-member-page');
  }, 60_000);
});
