import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { FONT_REGULAR, defaultFontOption, registerJapaneseFonts } from '../../core/documents/fonts';
import { finishPdf } from '../../core/documents/pdf';
import { shareWraps } from '../../core/documents/shared-wraps';

const TEXT = '折り返しのある長い文章です。Wrapped text, 12,345円。'.repeat(6);

/** The same drawing with pdfkit's own wraps or the shared ones; heights measured at awkward positions too. */
async function draw(shared: boolean): Promise<{ pdf: Buffer; heights: number[]; pages: number }> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 40,
    bufferPages: true,
    ...defaultFontOption(),
    info: { CreationDate: new Date(0), ModDate: new Date(0) },
  });
  if (shared) shareWraps(doc);
  registerJapaneseFonts(doc);
  doc.font(FONT_REGULAR).fontSize(10);
  const heights: number[] = [];
  for (const y of [40, 123.456, 700.1]) {
    doc.y = y;
    heights.push(doc.heightOfString(TEXT, { width: 120 }));
  }
  doc.text(TEXT, 40, 40, { width: 120 });
  // Near the page's end: pdfkit breaks the page inside the text, so a wrap made higher up must not be replayed.
  doc.text(TEXT, 200, doc.page.maxY() - heights[0]! / 2, { width: 120, align: 'right' });
  doc.text(TEXT, 300, 60, { width: 120, align: 'center', lineGap: 2 });
  const pages = doc.bufferedPageRange().count;
  return { pdf: await finishPdf(doc), heights, pages };
}

const sha256 = (pdf: Buffer) => createHash('sha256').update(pdf).digest('hex');

describe('D-DOC-5: wraps shared across documents', () => {
  it('draw and measure as pdfkit does, a text that breaks the page included', async () => {
    const plain = await draw(false);
    await draw(true);
    const shared = await draw(true);
    expect(plain.pages).toBe(2);
    expect(shared.pages).toBe(2);
    expect(shared.heights).toEqual(plain.heights);
    expect(sha256(shared.pdf)).toBe(sha256(plain.pdf));
  });
});
