import type { Locator, Page } from 'playwright-core';
import { say, type Messages } from './words';

/** Estimates: the draft form, the cost simulator beside it, and the list with each estimate's actions. */
export class EstimatesPage {
  readonly heading: Locator;
  readonly notice: Locator;
  readonly simulatorTotal: Locator;
  readonly simulatorCovers: Locator;
  readonly preview: Locator;

  constructor(
    readonly page: Page,
    readonly words: Messages,
  ) {
    this.heading = page.getByRole('heading', { name: say(words, 'estimates.title'), level: 1 });
    this.notice = page.locator('p.notice[role="status"]');
    this.simulatorTotal = page.locator('.simulator__total');
    this.simulatorCovers = page.locator('.simulator__covers');
    this.preview = page.locator('.file-preview');
  }

  async draft(memberNumber: string, amount: string): Promise<void> {
    await this.page.getByLabel(say(this.words, 'estimateForm.memberNumber')).fill(memberNumber);
    await this.page.getByLabel(say(this.words, 'estimateForm.amount')).fill(amount);
    await this.page.getByRole('button', { name: say(this.words, 'estimates.draftSubmit') }).click();
  }

  async simulateLine(n: number, plan: string, hours: string, gb = ''): Promise<void> {
    await this.page.getByLabel(say(this.words, 'simulator.planN', { n })).selectOption(plan);
    await this.page.getByLabel(say(this.words, 'simulator.hoursN', { n })).fill(hours);
    if (gb) await this.page.getByLabel(say(this.words, 'simulator.gbN', { n })).fill(gb);
  }

  /** D-PRE-L: the quote form in place of the draft form, the simulator's lines beside it. */
  async openQuote(): Promise<void> {
    await this.page.getByRole('button', { name: say(this.words, 'quote.open') }).click();
  }

  async quote(memberNumber: string, months: string): Promise<void> {
    await this.page.getByLabel(say(this.words, 'quote.memberNumber')).fill(memberNumber);
    await this.page.getByLabel(say(this.words, 'quote.months')).fill(months);
  }

  async priceQuote(): Promise<void> {
    await this.page.getByRole('button', { name: say(this.words, 'quote.price') }).click();
  }

  async saveQuote(): Promise<void> {
    await this.page.getByRole('button', { name: say(this.words, 'quote.submit') }).click();
  }

  get quoteMonthly(): Locator {
    return this.page.getByTestId('quote-monthly');
  }

  get quotePeriod(): Locator {
    return this.page.getByTestId('quote-period');
  }

  async simulateCount(n: number, count: string): Promise<void> {
    await this.page.getByLabel(say(this.words, 'simulator.countN', { n })).fill(count);
  }

  row(estimateNumber: string): Locator {
    return this.page.locator(`tr[data-estimate="${estimateNumber}"]`);
  }

  /** Cancels an estimate: the row asks once, naming the estimate; the person confirms. */
  async cancel(estimateNumber: string): Promise<Locator> {
    await this.row(estimateNumber)
      .getByRole('button', { name: say(this.words, 'estimates.cancel'), exact: true })
      .click();
    const ask = this.row(estimateNumber).getByRole('group', {
      name: say(this.words, 'estimates.cancelConfirm', { number: estimateNumber }),
    });
    await ask.waitFor();
    return ask;
  }

  async confirmCancel(estimateNumber: string): Promise<void> {
    await this.row(estimateNumber)
      .getByRole('button', { name: say(this.words, 'estimates.cancelYes') })
      .click();
  }

  /** Opens an issued prepaid statement's PDF again from its estimate's row. */
  async openStatement(estimateNumber: string, statementNumber: string): Promise<void> {
    await this.row(estimateNumber)
      .getByRole('button', { name: say(this.words, 'estimates.statementPdf', { number: statementNumber }) })
      .press('Enter');
  }

  /** The plans the simulator offers, as their names read. */
  async planNames(n = 1): Promise<string[]> {
    return this.page
      .getByLabel(say(this.words, 'simulator.planN', { n }))
      .locator('option')
      .allTextContents();
  }

  /** From the keyboard: a click at the button's place can land in the PDF preview's viewer while it settles. */
  async act(
    estimateNumber: string,
    key: 'estimates.issue' | 'estimates.issueStatement' | 'estimates.pdf' | 'quote.toPrepaid',
  ): Promise<void> {
    await this.row(estimateNumber)
      .getByRole('button', { name: say(this.words, key), exact: true })
      .press('Enter');
  }
}
