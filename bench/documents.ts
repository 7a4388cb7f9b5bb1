import { cachedFontCount } from '../core/documents/fonts';
import { renderEstimate, type EstimateData } from '../core/documents';
import { DEMO_SELLER } from '../core/demo/demo-seller';
import type { Benchmark } from './lib/benchmark';
import { ms, perSecond, printBlock } from './lib/report';

const COUNT = 1_000;
/** A floor well under the measured rate (48/s wall on a shared, loaded machine; about 10 ms of CPU per PDF), to catch a regression such as re-parsing the fonts. */
const MIN_PER_SECOND = 25;

/** The i-th estimate: a different number and amount each time, so no two PDFs are the same. */
function estimate(i: number): EstimateData {
  const amount = 50_000 + i * 1_000;
  const tax = Math.floor(amount / 10);
  return {
    number: `EST-BENCH-${String(i).padStart(6, '0')}`,
    issueDate: '2026-10-01',
    validUntil: '2026-10-31',
    addressee: {
      kind: 'corporation',
      name: `株式会社ベンチ商事${i}`,
      postalCode: '100-0005',
      address: '東京都千代田区丸の内1丁目9番2号',
    },
    subject: 'プリペイドクレジットのご購入',
    items: [
      {
        name: `プリペイドクレジット ${amount.toLocaleString('en-US')}円分`,
        quantity: '1',
        unit: '式',
        unitPrice: String(amount),
        amount: String(amount),
        taxRate: '0.10',
      },
    ],
    taxes: [{ rate: '0.10', taxable: String(amount), tax: String(tax) }],
    total: String(amount + tax),
  };
}

/** Renders COUNT estimate PDFs in this process, one after another, and reports PDFs per second. */
export async function benchDocuments(
  count = COUNT,
): Promise<{ wallMs: number; firstMs: number; bytes: number; fontReads: number }> {
  let bytes = 0;
  const started = performance.now();
  bytes += (await renderEstimate(estimate(0), DEMO_SELLER)).length;
  const firstMs = performance.now() - started;
  for (let i = 1; i < count; i++) bytes += (await renderEstimate(estimate(i), DEMO_SELLER)).length;
  return { wallMs: performance.now() - started, firstMs, bytes, fontReads: cachedFontCount() };
}

export const benchmark: Benchmark = {
  name: 'documents',
  async run() {
    const r = await benchDocuments();
    const rate = COUNT / (r.wallMs / 1000);
    const ok = rate >= MIN_PER_SECOND && r.fontReads === 2;
    printBlock(`documents: ${COUNT.toLocaleString('en-US')} estimate PDFs (見積書), rendered in process`, [
      ['total', `${ms(r.wallMs)}  ${perSecond(COUNT, r.wallMs)}`],
      ['first PDF (reads the fonts)', ms(r.firstMs)],
      ['mean size', `${(r.bytes / COUNT / 1024).toFixed(1)} KiB`],
      ['font files read', `${r.fontReads} (limit 2: regular and bold, once each)`],
      ['floor', `${MIN_PER_SECOND}/s`],
      ['verdict', ok ? 'within limits' : 'OVER LIMITS'],
    ]);
    return ok;
  },
};
