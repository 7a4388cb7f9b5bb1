import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { say, type Messages } from './words';

/** A PDF an operation returned, previewed in a frame with a Save link. */
export class FilePreviewPanel {
  readonly panel: Locator;
  readonly frame: Locator;

  constructor(
    readonly page: Page,
    readonly words: Messages,
  ) {
    this.panel = page.locator('.file-preview');
    this.frame = this.panel.locator('iframe');
  }

  /** Clicks Save as a person would and returns the downloaded file's name and bytes. */
  async save(): Promise<{ name: string; bytes: Buffer }> {
    const download = this.page.waitForEvent('download');
    await this.panel.getByRole('link', { name: say(this.words, 'file.save') }).click();
    const file = await download;
    return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
  }
}
