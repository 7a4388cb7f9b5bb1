import type { Locator, Page } from 'playwright-core';
import { say, type Messages } from './words';

/** 帳簿と書類: the archive search (電子帳簿保存法), the journal export and the reports, one tab each. */
export class BooksPage {
  readonly searchForm: Locator;
  readonly archiveRows: Locator;
  readonly archiveCount: Locator;
  readonly reportForm: Locator;

  constructor(
    readonly page: Page,
    readonly words: Messages,
  ) {
    this.searchForm = page.getByRole('search', { name: say(words, 'archive.title') });
    this.archiveRows = page.getByRole('table', { name: say(words, 'archive.title') }).locator('tbody tr');
    this.archiveCount = page.locator('section[aria-labelledby="archive-title"] .screen-head .muted');
    this.reportForm = page.getByRole('form', { name: say(words, 'reports.title') });
  }

  tab(key: 'books.tab.archive' | 'books.tab.journal' | 'books.tab.reports'): Locator {
    return this.page.getByRole('link', { name: say(this.words, key), exact: true });
  }

  /** Fills the archive's criteria; a criterion left out stays as it is. */
  async searchArchive(criteria: {
    issuedFrom?: string;
    issuedTo?: string;
    amountMin?: string;
    amountMax?: string;
    counterparty?: string;
  }): Promise<void> {
    const field = (key: Parameters<typeof say>[1]) => this.searchForm.getByLabel(say(this.words, key), { exact: true });
    if (criteria.issuedFrom !== undefined) await field('archive.issuedFrom').fill(criteria.issuedFrom);
    if (criteria.issuedTo !== undefined) await field('archive.issuedTo').fill(criteria.issuedTo);
    if (criteria.amountMin !== undefined) await field('archive.amountMin').fill(criteria.amountMin);
    if (criteria.amountMax !== undefined) await field('archive.amountMax').fill(criteria.amountMax);
    if (criteria.counterparty !== undefined) await field('archive.counterparty').fill(criteria.counterparty);
  }

  async openReports(): Promise<void> {
    await this.tab('books.tab.reports').click();
  }

  async showSales(fromMonth: string, toMonth: string): Promise<void> {
    await this.reportForm.getByLabel(say(this.words, 'reports.kind')).selectOption('sales');
    await this.reportForm.getByLabel(say(this.words, 'reports.fromMonth')).fill(fromMonth);
    await this.reportForm.getByLabel(say(this.words, 'reports.toMonth')).fill(toMonth);
  }

  salesTable(): Locator {
    return this.page.getByRole('table', { name: say(this.words, 'reports.kind.sales') });
  }

  salesChart(): Locator {
    return this.page.getByRole('figure', { name: say(this.words, 'reports.chart.sales') });
  }
}
