import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { say, type Messages } from './words';

/** A PDF an operation returned, previewed in a frame with a Save link. */
export class FilePreviewPanel {
  readonly panel: Locator;
  readonly frame: Locator;

  /** `name`: the previewed file's name, where more than one preview may be open. */
  constructor(
    readonly page: Page,
    readonly words: Messages,
    name?: string,
  ) {
    this.panel = name
      ? page.getByRole('region', { name: say(words, 'file.preview', { name }), exact: true })
      : page.locator('.file-preview');
    this.frame = this.panel.locator('iframe');
  }

  /** Clicks Print as a person would (the browser's print of the previewed PDF). */
  async print(): Promise<void> {
    await this.panel.getByRole('button', { name: say(this.words, 'file.print') }).click();
  }

  async close(): Promise<void> {
    await this.panel.getByRole('button', { name: say(this.words, 'file.close') }).click();
  }

  /** Clicks Save as a person would and returns the downloaded file's name and bytes. */
  async save(): Promise<{ name: string; bytes: Buffer }> {
    const download = this.page.waitForEvent('download');
    await this.panel.getByRole('link', { name: say(this.words, 'file.save') }).click();
    const file = await download;
    return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
  }
}
