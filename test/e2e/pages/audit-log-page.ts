import type { Locator, Page } from 'playwright-core';
import { say, type Messages } from './words';

export class AuditLogPage {
  readonly heading: Locator;
  readonly rows: Locator;
  readonly refusal: Locator;

  constructor(
    readonly page: Page,
    readonly words: Messages,
  ) {
    this.heading = page.getByRole('heading', { name: say(words, 'audit.title'), level: 1 });
    this.rows = page.locator('.table tbody tr');
    this.refusal = page.locator('.refusal');
  }
}
