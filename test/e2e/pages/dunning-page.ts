import type { Locator, Page } from 'playwright-core';
import { say, type Messages } from './words';

/** The dunning board: the daily run and accounts by status with their timeline and commands. */
export class DunningPage {
  readonly heading: Locator;
  readonly said: Locator;

  constructor(
    readonly page: Page,
    readonly words: Messages,
  ) {
    this.heading = page.getByRole('heading', { name: say(words, 'dunning.title'), level: 1 });
    this.said = page.locator('form[aria-labelledby="daily-title"] p.notice');
  }

  async runDaily(date: string): Promise<void> {
    await this.page.getByLabel(say(this.words, 'dailyForm.date')).fill(date);
    await this.page.getByRole('button', { name: say(this.words, 'dunning.runDaily') }).click();
  }

  column(status: 'active' | 'restricted' | 'suspended' | 'terminated'): Locator {
    return this.page.locator(`.board__column[data-status="${status}"]`);
  }

  card(account: string): Locator {
    return this.page.locator(`.board__card[data-account="${account}"]`);
  }
}
