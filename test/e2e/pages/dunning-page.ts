import type { Locator, Page } from 'playwright-core';
import { say, type Messages } from './words';

type Stage = 'active' | 'restricted' | 'suspended' | 'terminated';

/** The dunning board: the daily run and accounts by status with their timeline and commands. */
export class DunningPage {
  readonly heading: Locator;
  readonly said: Locator;
  readonly refusal: Locator;
  /** R-DUN-8: up to which day the job has run. */
  readonly dailyRuns: Locator;
  /** R-DUN-9: the VM deletions awaiting a supervisor. */
  readonly releaseQueue: Locator;

  constructor(
    readonly page: Page,
    readonly words: Messages,
  ) {
    this.heading = page.getByRole('heading', { name: say(words, 'dunning.title'), level: 1 });
    this.said = page.locator('form[aria-labelledby="daily-title"] p.notice');
    this.refusal = page.locator('form[aria-labelledby="daily-title"] [role="alert"]');
    this.dailyRuns = page.locator('form[aria-labelledby="daily-title"] .daily-runs');
    this.releaseQueue = page.locator('section[aria-labelledby="release-title"]');
  }

  async runDaily(date: string): Promise<void> {
    await this.page.getByLabel(say(this.words, 'dailyForm.date')).fill(date);
    await this.page.getByRole('button', { name: say(this.words, 'dunning.runDaily') }).click();
  }

  awaiting(account: string): Locator {
    return this.releaseQueue.locator(`article[data-account="${account}"]`);
  }

  /** R-DUN-9: the supervisor releases the deletion, confirming what the confirmation names. */
  async release(account: string): Promise<Locator> {
    const card = this.awaiting(account);
    await card.getByRole('button', { name: say(this.words, 'release.release') }).click();
    const confirm = card.getByRole('alertdialog');
    await confirm.waitFor();
    return confirm;
  }

  async confirmRelease(account: string): Promise<void> {
    await this.awaiting(account)
      .getByRole('button', { name: say(this.words, 'release.confirmButton') })
      .click();
  }

  /** R-DUN-9: the supervisor holds the account at Suspend instead, with a reason. */
  async holdAtSuspend(account: string, reason: string): Promise<void> {
    const card = this.awaiting(account);
    await card.getByLabel(say(this.words, 'release.reason')).fill(reason);
    await card.getByRole('button', { name: say(this.words, 'release.hold') }).click();
  }

  /** Shows one stage of the board (its cards), as a person picks it above the cards. */
  async showStage(status: Stage): Promise<Locator> {
    await this.page.locator(`.stage-tab[data-status="${status}"]`).click();
    return this.column(status);
  }

  /** The cards of the stage shown. */
  column(status: Stage): Locator {
    return this.page.locator(`.board-cards__grid[data-status="${status}"]`);
  }

  /** The search above the cards: account, member number or name, typed as people type. */
  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: say(this.words, 'dunning.search') }).fill(text);
  }

  /** How many of the stage shown match the search (the line beside it). */
  get matching(): Locator {
    return this.page.locator('.board-cards .search-bar [role="status"]');
  }

  card(account: string): Locator {
    return this.page.locator(`.board__card[data-account="${account}"]`);
  }
}
