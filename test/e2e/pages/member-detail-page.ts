import type { Locator, Page } from 'playwright-core';
import { say, type Messages } from './words';

export class MemberDetailPage {
  readonly heading: Locator;
  readonly accounts: Locator;
  readonly details: Locator;
  readonly notice: Locator;

  constructor(
    readonly page: Page,
    readonly words: Messages,
  ) {
    this.heading = page.locator('#member-title');
    this.accounts = page.locator('.table tbody tr');
    this.details = page.locator('dl.details').first();
    this.notice = page.locator('p.notice[role="status"]');
  }

  /** Opens the edit form, changes what is given, saves. */
  async edit(changes: { name?: string; nameKana?: string; email?: string; address?: string }): Promise<void> {
    await this.page.getByRole('button', { name: say(this.words, 'memberEdit.open') }).click();
    const form = this.page.getByRole('form', { name: say(this.words, 'memberEdit.title') });
    const fields = {
      name: 'memberForm.name',
      nameKana: 'memberForm.nameKana',
      email: 'memberForm.email',
      address: 'memberForm.addressOptional',
    } as const;
    for (const [field, value] of Object.entries(changes) as [keyof typeof fields, string][])
      await form.getByLabel(say(this.words, fields[field]), { exact: true }).fill(value);
    await form.getByRole('button', { name: say(this.words, 'memberEdit.save') }).click();
  }

  /** Opens one more cloud account for the member, with a label. */
  async addAccount(label: string): Promise<void> {
    const form = this.page.getByRole('form', { name: say(this.words, 'accountForm.title') });
    await form.getByLabel(say(this.words, 'accountForm.label')).fill(label);
    await form.getByRole('button', { name: say(this.words, 'accountForm.submit') }).click();
  }

  async backToMembers(): Promise<void> {
    await this.page.getByRole('link', { name: say(this.words, 'members.back') }).click();
  }
}
