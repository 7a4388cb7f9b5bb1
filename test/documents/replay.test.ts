import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildDocuments, CombinedPdf, drawBuilt, finishPdf, renderCombined } from '../../core/documents';
import { FONT_BOLD } from '../../core/documents/fonts';
import { PAGE_OPTIONS } from '../../core/documents/layout';
import { appendDocument, createPdf } from '../../core/documents/pdf';
import { replayDocument } from '../../core/documents/replay';
import { SELLER } from './fixtures';
import { STATEMENT_BATCH } from './statement-batch';

const SEAL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGM4o6SEFTEMLQkAvM5EAT6yk8sAAAAASUVORK5CYII=';
const SEALED = { ...SELLER, sealPng: SEAL_PNG };
const sha256 = (pdf: Buffer) => createHash('sha256').update(pdf).digest('hex');
const statements = (sellers: (typeof SELLER)[]) =>
  buildDocuments(
    STATEMENT_BATCH.map((data) => ({ kind: 'monthly_statement' as const, data })),
    sellers,
  );
const objectCount = (doc: PDFKit.PDFDocument) => (doc as unknown as { _offsets: unknown[] })._offsets.length;

describe('D-DOC-9 a document put into a volume from its own PDF, as drawing it there would', () => {
  it('every statement after the first is put in, not drawn, and the volume is the drawn one byte for byte', async () => {
    const built = statements(STATEMENT_BATCH.map(() => SELLER));
    const volume = createPdf({ title: 'test', author: SELLER.name, date: built[0]!.date });
    appendDocument(volume, built[0]!.document);
    for (const b of built.slice(1)) {
      const { doc, drawn } = drawBuilt(b);
      expect(drawn).not.toBeNull();
      expect(replayDocument(volume, drawn!)).toBe(true);
      await finishPdf(doc);
    }
    const drawnVolume = createPdf({ title: 'test', author: SELLER.name, date: built[0]!.date });
    for (const [i, b] of built.entries()) {
      if (i > 0) drawnVolume.addPage(PAGE_OPTIONS);
      appendDocument(drawnVolume, b.document);
    }
    expect(sha256(await finishPdf(volume))).toBe(sha256(await finishPdf(drawnVolume)));
  });

  it('a statement bearing a seal image is drawn; statements put in around it keep the volume drawn alike', async () => {
    const sellers = STATEMENT_BATCH.map((_, i) => (i % 3 === 1 ? SEALED : SELLER));
    const built = statements(sellers);
    expect(drawBuilt(built[1]!).drawn).toBeNull();
    const volume = new CombinedPdf(built);
    for (const b of built) {
      const { doc, drawn } = drawBuilt(b);
      volume.appendNext(drawn);
      await finishPdf(doc);
    }
    const items = STATEMENT_BATCH.map((data) => ({ kind: 'monthly_statement' as const, data }));
    expect(sha256(await volume.finish())).toBe(sha256(await renderCombined(items, sellers)));
  });

  it('leaves the state the drawing leaves (font, size, colours, position) for whatever is drawn next', async () => {
    const built = statements(STATEMENT_BATCH.map(() => SELLER));
    const [put, drawn] = [true, false].map((replayed) => {
      const doc = createPdf({ title: 'test', author: SELLER.name, date: built[0]!.date });
      appendDocument(doc, built[0]!.document);
      doc.font(FONT_BOLD).fontSize(20).fillColor('#ff0000');
      if (replayed) expect(replayDocument(doc, drawBuilt(built[1]!).drawn!)).toBe(true);
      else {
        doc.addPage(PAGE_OPTIONS);
        appendDocument(doc, built[1]!.document);
      }
      doc.text('以上 the end');
      return finishPdf(doc);
    });
    expect(sha256(await put!)).toBe(sha256(await drawn!));
  });

  it('a PDF without the fonts the document uses is left as it was', () => {
    const built = statements(STATEMENT_BATCH.map(() => SELLER));
    const empty = createPdf({ title: 'test', author: SELLER.name, date: built[0]!.date });
    const before = objectCount(empty);
    expect(replayDocument(empty, drawBuilt(built[0]!).drawn!)).toBe(false);
    expect(objectCount(empty)).toBe(before);
    expect(empty.bufferedPageRange().count).toBe(1);
  });
});
