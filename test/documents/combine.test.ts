import { describe, expect, it } from 'vitest';
import { renderCombined, renderMonthlyStatement, renderStatementBatch } from '../../core/documents';
import {
  ESTIMATE,
  MONTHLY_STATEMENT,
  MONTHLY_STATEMENT_PER_INVOICE,
  PREPAID_ID_NOTICE,
  PREPAID_STATEMENT,
  SELLER,
  longStatement,
} from './fixtures';
import { problemsOf } from './input-problems';
import { pageCount, pageText, savePdf } from './pdf-tools';

describe('batch printing', () => {
  it('R-BILL-3: many statements in one PDF, each starting on a new page and numbered on its own', async () => {
    // 1 + 5 + 1 pages, as each renders alone (the long statement's 120 lines take 5 pages).
    const long = await renderMonthlyStatement(longStatement(120), SELLER);
    expect(pageCount(savePdf('monthly-statement-long-alone.pdf', long))).toBe(5);
    const path = savePdf(
      'statement-batch.pdf',
      await renderStatementBatch([MONTHLY_STATEMENT, longStatement(120), MONTHLY_STATEMENT_PER_INVOICE], SELLER),
    );
    expect(pageCount(path)).toBe(7);
    expect(pageText(path, 1)).toContain('INV-2026-10-000123');
    expect(pageText(path, 1)).toContain('1 / 1');
    expect(pageText(path, 2)).toContain('INV-2026-10-LONG');
    expect(pageText(path, 2)).toContain('1 / 5');
    expect(pageText(path, 6)).toContain('5 / 5');
    expect(pageText(path, 7)).toContain('INV-2026-10-000124');
    expect(pageText(path, 7)).toMatch(/ご請求金額\s+¥10,699-/);
    expect(pageText(path, 7)).toContain('1 / 1');
  });

  it('mixes every kind of document: one page each', async () => {
    const path = savePdf(
      'combined-all-kinds.pdf',
      await renderCombined(
        [
          { kind: 'estimate', data: ESTIMATE },
          { kind: 'prepaid_statement', data: PREPAID_STATEMENT },
          { kind: 'prepaid_id_notice', data: PREPAID_ID_NOTICE },
          { kind: 'monthly_statement', data: MONTHLY_STATEMENT },
        ],
        SELLER,
      ),
    );
    expect(pageCount(path)).toBe(4);
    expect(pageText(path, 1)).toContain('見積書');
    expect(pageText(path, 2)).toContain('INV-P-2026-000045');
    expect(pageText(path, 3)).toContain('プリペイドID発行のお知らせ');
    expect(pageText(path, 4)).toContain('INV-2026-10-000123');
  });

  it('checks every document before drawing and names the bad one by position', () => {
    expect(
      problemsOf(() =>
        renderStatementBatch(
          [MONTHLY_STATEMENT, { ...MONTHLY_STATEMENT, total: '1' }, { ...MONTHLY_STATEMENT, month: '2026-13' }],
          SELLER,
        ),
      ),
    ).toEqual(['documents[1].total: ¥1 but subtotal + tax is ¥10,699', 'documents[2].month: not a month as YYYY-MM']);
    expect(problemsOf(() => renderStatementBatch([], SELLER))).toEqual(['documents: nothing to print']);
  });
});
