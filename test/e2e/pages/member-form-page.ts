import type { Locator, Page } from 'playwright-core';
import { errorOf } from './first-run-page';
import { MemberDetailPage } from './member-detail-page';
import { say, type Messages } from './words';

export interface MemberDraft {
  kind?: 'corporation' | 'individual';
  name?: string;
  nameKana?: string;
  email?: string;
  address?: string;
}

export class MemberFormPage {
  readonly heading: Locator;
  readonly kind: Locator;
  readonly name: Locator;
  readonly nameKana: Locator;
  readonly email: Locator;
  readonly address: Locator;
  readonly refusal: Locator;

  constructor(
    readonly page: Page,
    readonly words: Messages,
  ) {
    this.heading = page.getByRole('heading', { name: say(words, 'memberForm.title') });
    this.kind = page.getByLabel(say(words, 'memberForm.kind'));
    this.name = page.getByLabel(say(words, 'memberForm.name'), { exact: true });
    this.nameKana = page.getByLabel(say(words, 'memberForm.nameKana'));
    this.email = page.getByLabel(say(words, 'memberForm.email'));
    this.address = page.getByLabel(say(words, 'memberForm.addressOptional'));
    this.refusal = page.locator('.refusal');
  }

  async fillIn(draft: MemberDraft): Promise<void> {
    if (draft.kind) await this.kind.selectOption(draft.kind);
    if (draft.name !== undefined) await this.name.fill(draft.name);
    if (draft.nameKana !== undefined) await this.nameKana.fill(draft.nameKana);
    if (draft.email !== undefined) await this.email.fill(draft.email);
    if (draft.address !== undefined) await this.address.fill(draft.address);
  }

  /** Presses Enter in the last field, as a person finishing the form would. */
  async submit(): Promise<MemberDetailPage> {
    await this.address.press('Enter');
    return new MemberDetailPage(this.page, this.words);
  }

  errorUnder(field: Locator): Locator {
    return errorOf(this.page, field);
  }
}
