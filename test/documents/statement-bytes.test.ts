import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderCombined, renderEstimate, renderMonthlyStatement, type EstimateData } from '../../core/documents';
import { runRenderJob } from '../../core/close/render-worker';
import { renderStatementPdfs } from '../../core/close/render-pool';
import { ESTIMATE, MONTHLY_STATEMENT, PREPAID_ID_NOTICE, SELLER } from './fixtures';
import { STATEMENT_BATCH } from './statement-batch';

/**
 * The SHA-256 of each statement of the batch as rendered before any font work was shared across documents
 * (each rendered alone in a fresh process, pdfkit 0.20.2, fontkit 2.0.4). Archived statements are kept byte
 * for byte (電子帳簿保存法), so a cache may make rendering faster but never change these.
 */
const BEFORE_ANY_CACHE: Record<string, string> = {
  'INV-2026-10-000123': 'b1e3679c5cdfec587e9e4691c83366a7664efc5a3ca966b5de034f2a3b84280d',
  'INV-2026-10-000124': '50c6ea463c9ea873eeafd64be64eff4ed604204410299b552e649224173be722',
  'INV-2026-10-000125': 'dc1ba2b4a2248c4aa1724ae5831563fc98ba36379718178fcaf8ed85c66c9d55',
  'INV-2026-10-000126': '73a75eb60118d3c42ff6b6a0acc2bdea171cdf7c2e408d35a8657fe427f7f195',
  'INV-2026-10-000127': 'db6b3f8a96e207afe83aa756c0f93694c490bfcbba45db399c41b00974ecd228',
  'INV-2026-10-000128': '9cc25e782e98379e0c71d55166c55a2d0f122daff3c7ad18b27ac7eb2580c839',
};

/** The batch's PDF for printing (renderStatementBatch), as rendered before any text layout was shared. */
const BATCH_BEFORE_ANY_CACHE = 'e80f25132cbfda7b5216a4f9b5f2de765a601bee7b16b274c7ecb657e066b029';

/** An estimate of 40 items whose names wrap over one to three lines, over several pages. */
const LONG_ESTIMATE: EstimateData = {
  ...ESTIMATE,
  items: Array.from({ length: 40 }, (_, i) => ({
    ...ESTIMATE.items[0]!,
    name: `とても長い品名の見積項目です、折り返しが起きるように十分な長さの説明文を付けています（その${i}）`.repeat(
      1 + (i % 3),
    ),
  })),
  taxes: [{ rate: '0.10', taxable: '4000000', tax: '400000' }],
  total: '4400000',
};

const sha256 = (pdf: Buffer) => createHash('sha256').update(pdf).digest('hex');

describe('statements render to the same bytes whatever was rendered before them', () => {
  it('one after another in one process, then again in the reverse order after an estimate', async () => {
    for (const s of STATEMENT_BATCH)
      expect(sha256(await renderMonthlyStatement(s, SELLER)), s.number).toBe(BEFORE_ANY_CACHE[s.number]);
    await renderEstimate(ESTIMATE, SELLER);
    for (const s of [...STATEMENT_BATCH].reverse())
      expect(sha256(await renderMonthlyStatement(s, SELLER)), s.number).toBe(BEFORE_ANY_CACHE[s.number]);
  });

  it('on two worker threads, each rendering several statements in turn', async () => {
    const pdfs = await renderStatementPdfs(
      STATEMENT_BATCH.map((data) => ({ data, seller: SELLER })),
      2,
    );
    expect(pdfs.map(sha256)).toEqual(STATEMENT_BATCH.map((s) => BEFORE_ANY_CACHE[s.number]));
  });

  it('a render job drawing each statement beside the PDF for printing gives both their own bytes', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'statement-job-'));
    try {
      const volumeFile = path.join(dir, 'statements-2026-10.pdf');
      const singles = await runRenderJob({
        id: 0,
        statements: STATEMENT_BATCH,
        sellers: STATEMENT_BATCH.map(() => SELLER),
        singles: [1, 2, 5],
        volumeFile,
      });
      expect(singles.map(sha256)).toEqual([1, 2, 5].map((i) => BEFORE_ANY_CACHE[STATEMENT_BATCH[i]!.number]));
      expect(sha256(readFileSync(volumeFile))).toBe(BATCH_BEFORE_ANY_CACHE);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('texts wrapped over several lines and pages keep the bytes they had before any wrap was shared', async () => {
    expect(sha256(await renderEstimate(LONG_ESTIMATE, SELLER))).toBe(
      '8f4884faf21336e654bfa2fc0c8fc1ef275415c94807274a1d3c855c2140b6f4',
    );
    const combined = await renderCombined(
      [
        { kind: 'estimate', data: LONG_ESTIMATE },
        { kind: 'prepaid_id_notice', data: PREPAID_ID_NOTICE },
        { kind: 'monthly_statement', data: MONTHLY_STATEMENT },
      ],
      SELLER,
    );
    expect(sha256(combined)).toBe('a52cc81f0262a2100f0012e5676464e1453ce322b2e8ba09936fa4c1c3873243');
  });
});
