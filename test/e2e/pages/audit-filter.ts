import type { Locator, Page } from 'playwright-core';
import { say, type Messages } from './words';

/** The audit log's filter form (operator, operation, JST days) beside the AuditLogPage's rows. */
export class AuditFilter {
  readonly form: Locator;
  readonly count: Locator;

  constructor(
    readonly page: Page,
    readonly words: Messages,
  ) {
    this.form = page.getByRole('search', { name: say(words, 'audit.filter') });
    this.count = page.locator('.screen-head .muted');
  }

  async byOperator(login: string): Promise<void> {
    await this.form.getByLabel(say(this.words, 'audit.filter.operator')).fill(login);
  }

  async byOperation(name: string): Promise<void> {
    await this.form.getByLabel(say(this.words, 'audit.filter.operation')).selectOption(name);
  }

  async between(from: string, to: string): Promise<void> {
    await this.form.getByLabel(say(this.words, 'audit.filter.from')).fill(from);
    await this.form.getByLabel(say(this.words, 'audit.filter.to')).fill(to);
  }

  async clear(): Promise<void> {
    await this.form.getByRole('button', { name: say(this.words, 'common.clear') }).click();
  }
}
