import type { Locator, Page } from 'playwright-core';
import { say, type Messages } from './words';

/** A team desktop's own parts: joining a team server on first start, and the synchronisation strip. */
export class TeamDesktop {
  readonly strip: Locator;
  readonly state: Locator;
  readonly waiting: Locator;
  readonly lastSynced: Locator;
  readonly problems: Locator;

  constructor(
    readonly page: Page,
    readonly words: Messages,
  ) {
    this.strip = page.getByRole('region', { name: say(words, 'sync.label') });
    this.state = this.strip.locator('.sync-status__online, .sync-status__offline');
    this.waiting = this.strip.locator('.sync-status__waiting');
    this.lastSynced = this.strip.locator('.sync-status__last');
    this.problems = this.strip.locator('.sync-status__problems');
  }

  /** First start: opens "join a team server", types its address and the company CA, and joins. */
  async joinTeam(server: string, ca: string): Promise<void> {
    await this.page.getByText(say(this.words, 'team.join'), { exact: true }).click();
    await this.page.getByLabel(say(this.words, 'team.server')).fill(server);
    await this.page.getByLabel(say(this.words, 'team.ca')).fill(ca);
    await this.page.getByRole('button', { name: say(this.words, 'team.connect') }).click();
  }

  async openProblems(): Promise<void> {
    await this.problems.locator('summary').click();
  }
}
