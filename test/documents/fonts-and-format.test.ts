import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FONT_FILES, fontFace, fontsDir } from '../../core/documents/fonts';
import { resolveRendererFile } from '../../core/host/static-files';
import { addresseeLines, groupedNumber, japaneseDate, rateLabel, yenWithFraction } from '../../core/documents/format';
import { Dec } from '../../core/money';
import { renderEstimate, renderMonthlyStatement } from '../../core/documents';
import { ESTIMATE, MONTHLY_STATEMENT, SELLER, longStatement } from './fixtures';

describe('fonts', () => {
  it('parses each Noto Sans JP weight once and reuses it for every document', () => {
    expect(fontFace('NotoSansJP')).toBe(fontFace('NotoSansJP'));
    expect(fontFace('NotoSansJP').postscriptName).toBe('NotoSansJP-Regular');
    expect(fontFace('NotoSansJP-Bold').postscriptName).toBe('NotoSansJP-Bold');
  });

  const repo = path.resolve(import.meta.dirname, '../..');

  it('are the two Noto Sans JP weights the documents were made with, byte for byte (a PDF changes with its font)', () => {
    const sha256 = (file: string) =>
      createHash('sha256')
        .update(readFileSync(path.join(fontsDir(), file)))
        .digest('hex');
    expect(fontsDir()).toBe(path.join(repo, 'resources', 'fonts'));
    expect(sha256(FONT_FILES.NotoSansJP)).toBe('d930d5d52d15231c283089760f84584272ad5e37e14607ba0d19c798e7a9caec');
    expect(sha256(FONT_FILES['NotoSansJP-Bold'])).toBe(
      'c5b7b9d6a6eb682b0d4e6bbb38509575fd2759a28f147daa74714d1359a7909e',
    );
  });

  it('are found from a bundle (dist/electron) as from the source', () => {
    expect(fontsDir(path.join(repo, 'dist', 'electron'))).toBe(path.join(repo, 'resources', 'fonts'));
    expect(() => fontsDir('/')).toThrow(/resources\/fonts/);
  });

  it('are served to the renderer at /fonts/ from the same files, and nothing else from there', async () => {
    const renderer = path.join(repo, 'renderer', 'public');
    expect(await resolveRendererFile(renderer, '/fonts/NotoSansJP-Bold.ttf')).toEqual({
      file: path.join(fontsDir(), 'NotoSansJP-Bold.ttf'),
      mediaType: 'font/ttf',
    });
    for (const url of ['/fonts/', '/fonts/..%2fcatalog.json', '/fonts/%2e%2e/catalog.json', '/fonts/missing.ttf'])
      expect(await resolveRendererFile(renderer, url), url).toBeNull();
    expect((await resolveRendererFile(renderer, '/favicon.svg'))?.file).toBe(path.join(renderer, 'favicon.svg'));
  });
});

describe('print formats', () => {
  it('writes dates the Japanese way without leading zeros', () => {
    expect(japaneseDate({ year: 2026, month: 1, day: 5 })).toBe('2026年1月5日');
    expect(japaneseDate({ year: 2026, month: 12, day: 31 })).toBe('2026年12月31日');
  });

  it('R-RATE-8: keeps the fraction of a line amount: ¥4,662.333333, -¥0.5, ¥1,000', () => {
    expect(yenWithFraction(new Dec('4662.333333'))).toBe('¥4,662.333333');
    expect(yenWithFraction(new Dec('-0.5'))).toBe('-¥0.5');
    expect(yenWithFraction(new Dec('-1234.25'))).toBe('-¥1,234.25');
    expect(yenWithFraction(new Dec('1000'))).toBe('¥1,000');
    expect(groupedNumber(new Dec('103200'))).toBe('103,200');
  });

  it('R-RATE-8: a printed amount reads back as exactly the amount given', () => {
    const amount = fc
      .tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 0, max: 6 }))
      .map(([units, places]) => new Dec(units.toString()).dividedBy(new Dec(10).pow(places)));
    fc.assert(
      fc.property(amount, (d) => {
        const printed = yenWithFraction(d).replace('¥', '').replaceAll(',', '');
        expect(new Dec(printed).equals(d)).toBe(true);
      }),
    );
  });

  it('prints rates as percentages, and no rate as 対象外', () => {
    expect(rateLabel(new Dec('0.10'))).toBe('10%');
    expect(rateLabel(new Dec('0.08'))).toBe('8%');
    expect(rateLabel(null)).toBe('対象外');
  });

  it('R-PARTY-1: 御中 for a corporation, 様 for a person', () => {
    expect(addresseeLines({ kind: 'corporation', name: '株式会社A' })).toEqual({
      name: '株式会社A 御中',
      contact: undefined,
    });
    expect(addresseeLines({ kind: 'corporation', name: '株式会社A', department: '経理部' })).toEqual({
      name: '株式会社A 御中',
      contact: '経理部',
    });
    expect(addresseeLines({ kind: 'individual', name: '山田太郎' })).toEqual({ name: '山田太郎 様' });
  });
});

describe('text shaping shared across documents', () => {
  it('a document renders to the same bytes before and after other documents reused its shaped text', async () => {
    const first = await renderMonthlyStatement(MONTHLY_STATEMENT, SELLER);
    await renderEstimate(ESTIMATE, SELLER);
    await renderMonthlyStatement(longStatement(40), SELLER);
    const again = await renderMonthlyStatement(MONTHLY_STATEMENT, SELLER);
    expect(again.equals(first)).toBe(true);
  });
});
