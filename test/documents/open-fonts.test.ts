import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { FONT_BOLD, FONT_REGULAR, fontFace } from '../../core/documents/fonts';
import { createPdf } from '../../core/documents/pdf';

interface FontState {
  _fontCount: number;
  _fontSize: number;
  _fontFamily: unknown;
  _font: { id: string; scale: number; layoutRun(text: string): { positions: object[] } };
  _fontFamilies: Record<string, unknown>;
}

const pdfkitFont = PDFDocument.prototype.font;
const state = (doc: PDFKit.PDFDocument) => {
  const d = doc as unknown as FontState;
  return {
    count: d._fontCount,
    id: d._font.id,
    size: d._fontSize,
    family: d._fontFamily,
    open: Object.keys(d._fontFamilies),
  };
};
const DATE = { year: 2026, month: 11, day: 1 } as const;

describe('D-DOC-10 choosing a font the document already has open', () => {
  it("leaves what pdfkit's own choice leaves: the ids counted, the size, the open fonts and the current one", () => {
    const ours = createPdf({ title: 't', author: 'a', date: DATE });
    const theirs = createPdf({ title: 't', author: 'a', date: DATE });
    const calls: [string, number?][] = [
      [FONT_REGULAR],
      [FONT_REGULAR, 9],
      [FONT_BOLD],
      [FONT_REGULAR],
      [FONT_BOLD, 14],
    ];
    for (const [name, size] of calls) {
      ours.font(name, size as number);
      pdfkitFont.call(theirs, name, size as number);
      expect(state(ours)).toEqual(state(theirs));
    }
    expect(state(ours)).toMatchObject({ count: 5, id: 'F4', size: 14 });
  });
});

describe('D-DOC-10 a new word scaled as it is laid out', () => {
  it("gives the positions pdfkit's layoutRun gives, at a font scale other than 1", () => {
    const doc = createPdf({ title: 't', author: 'a', date: DATE }) as unknown as FontState;
    const font = doc._font;
    expect(font.scale).toBe(1);
    font.scale = 2.5;
    const ours = font.layoutRun('¥12,345 請求書');
    const pdfkit = Object.getPrototypeOf(font).layoutRun.call(font, '¥12,345 請求書') as { positions: object[] };
    expect(ours.positions).toEqual(pdfkit.positions);
    expect(ours.positions[0]).toEqual({ xAdvance: 1387.5, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: 1387.5 });
    expect(fontFace(FONT_REGULAR)).toBe((font as unknown as { font: unknown }).font);
  });
});
