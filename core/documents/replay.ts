import { PAGE_OPTIONS } from './layout';
import { streamText } from './stream-text';

/** pdfkit 0.20's EmbeddedFont, as far as a replay reads and writes it. */
interface EmbeddedFont {
  id: string;
  font: object;
  dictionary: object | null;
  subset: { glyphs: number[]; includeGlyph(gid: number): number };
  widths: number[];
  unicode: number[][];
}

interface Page {
  content: object;
  resources: { data: Record<string, unknown> };
  dictionary: { data: Record<string, unknown> };
  fonts: Record<string, object>;
  write(text: string): void;
}

/** The parts of pdfkit 0.20's PDFDocument a replay reads and sets (pdfkit's types list none of them). */
interface Document {
  x: number;
  y: number;
  page: Page;
  _pageBuffer: Page[];
  _offsets: unknown[];
  _font: EmbeddedFont;
  _fontFamilies: Record<string, EmbeddedFont>;
  _fontCount: number;
  _fontSize: number;
  _fontFamily: unknown;
  _fontSource: unknown;
  _fillColor: unknown;
  _strokeColor: unknown;
  addPage(options: object): unknown;
}

/** The state a document's drawing leaves behind, which the next document drawn after it may read. */
const DRAWING_STATE = ['x', 'y', '_fontSize', '_fontFamily', '_fontSource', '_fillColor', '_strokeColor'] as const;

/** What the drawing of a document put in its own PDF: enough to put it in another PDF without drawing it again. */
export interface DrawnDocument {
  /** Each page's operators after the transform every new page starts with (null: none), and its fonts in their order. */
  pages: { text: string | null; fonts: string[] }[];
  /** Each font used, by its id: the font file it is a subset of, and its glyphs in the order first drawn. */
  fonts: Map<string, EmbeddedFont>;
  /** The fonts the drawing opened (used or not): drawing here opens none, so this PDF must hold them all. */
  created: EmbeddedFont[];
  /** The font ids pdfkit counted while drawing that it did not use for a new font. */
  fontIdsSkipped: number;
  state: Pick<Document, (typeof DRAWING_STATE)[number]> & { font: EmbeddedFont };
}

/** What a fresh document holds before anything is drawn, to tell afterwards what the drawing added. */
export interface DrawingStart {
  objects: number;
  fontCount: number;
  fonts: Set<EmbeddedFont>;
}

export function drawingStart(pdf: PDFKit.PDFDocument): DrawingStart {
  const doc = pdf as unknown as Document;
  return { objects: doc._offsets.length, fontCount: doc._fontCount, fonts: new Set(Object.values(doc._fontFamilies)) };
}

/** The transform pdfkit writes first on every new page of the A4 portrait documents (PAGE_OPTIONS). */
const PAGE_START = '1 0 0 -1 0 841.89 cm\n';

/**
 * What a document drawn alone on a fresh PDF (not yet ended) drew, or null when it drew anything a replay does
 * not reproduce: an object besides its pages and fonts (an image, a transparency…), a page resource besides
 * fonts, an annotation.
 */
export function drawnDocument(pdf: PDFKit.PDFDocument, start: DrawingStart): DrawnDocument | null {
  const doc = pdf as unknown as Document;
  const fonts = new Map<string, EmbeddedFont>();
  const pages: DrawnDocument['pages'] = [];
  for (const page of doc._pageBuffer) {
    const resources = Object.keys(page.resources.data);
    if (resources.some((key) => key !== 'ProcSet' && key !== 'Font')) return null;
    if (Object.keys(page.dictionary.data).some((key) => key === 'Annots' || key === 'StructParents')) return null;
    const text = streamText(page.content);
    if (text === null || !text.startsWith(PAGE_START)) return null;
    // pdfkit ends every operator with a line feed, which writing the text adds back.
    const drawnText = text.length > PAGE_START.length ? text.slice(PAGE_START.length, -1) : null;
    pages.push({ text: drawnText, fonts: Object.keys(page.fonts) });
  }
  const created = new Set<EmbeddedFont>();
  for (const font of Object.values(doc._fontFamilies)) {
    if (!start.fonts.has(font)) created.add(font);
    if (font.dictionary) fonts.set(font.id, font);
  }
  for (const page of pages) if (page.fonts.some((id) => !fonts.has(id))) return null;
  const pageObjects = 3 * (doc._pageBuffer.length - 1);
  if (doc._offsets.length !== start.objects + pageObjects + fonts.size) return null;
  const state = { font: doc._font } as DrawnDocument['state'];
  for (const key of DRAWING_STATE) (state as Record<string, unknown>)[key] = doc[key];
  return {
    pages,
    fonts,
    created: [...created],
    fontIdsSkipped: doc._fontCount - start.fontCount - created.size,
    state,
  };
}

const hex = (gid: number) => gid.toString(16).padStart(4, '0');

/**
 * Puts a document drawn elsewhere (`drawnDocument`) into this PDF as drawing it here would, byte for byte: the
 * same pages, each glyph renumbered in this PDF's font subsets in the order the drawing first used it, the same
 * resources, and the drawing's state left behind. Returns false, having changed nothing, when this PDF does
 * not already hold each font the document uses under the same id (drawing it here would create one).
 */
export function replayDocument(pdf: PDFKit.PDFDocument, drawn: DrawnDocument): boolean {
  const doc = pdf as unknown as Document;
  const here = new Map<string, EmbeddedFont>();
  for (const font of Object.values(doc._fontFamilies)) here.set(font.id, font);
  const holds = (font: EmbeddedFont) => here.get(font.id)?.font === font.font;
  if (![...drawn.created, drawn.state.font].every(holds)) return false;
  for (const font of drawn.fonts.values()) if (!holds(font) || !here.get(font.id)!.dictionary) return false;

  const glyphs = new Map<string, string[]>();
  for (const [id, theirs] of drawn.fonts) {
    const ours = here.get(id)!;
    const renumbered: string[] = [];
    theirs.subset.glyphs.forEach((gid, i) => {
      const n = ours.subset.includeGlyph(gid);
      ours.widths[n] ??= theirs.widths[i]!;
      ours.unicode[n] ??= theirs.unicode[i]!;
      renumbered.push(hex(n));
    });
    glyphs.set(id, renumbered);
  }
  for (const page of drawn.pages) {
    doc.addPage(PAGE_OPTIONS);
    for (const id of page.fonts) doc.page.fonts[id] = here.get(id)!.dictionary!;
    if (page.text === null) continue;
    let current: string[] = [];
    doc.page.write(
      page.text.replace(/\/(F\d+) [0-9.]+ Tf|<([0-9a-f]+)>/g, (match, font?: string, glyphHex?: string) => {
        if (font !== undefined) {
          current = glyphs.get(font)!;
          return match;
        }
        let out = '<';
        for (let i = 0; i < glyphHex!.length; i += 4) out += current[parseInt(glyphHex!.slice(i, i + 4), 16)];
        return `${out}>`;
      }),
    );
  }
  doc._fontCount += drawn.fontIdsSkipped;
  for (const key of DRAWING_STATE) (doc as unknown as Record<string, unknown>)[key] = drawn.state[key];
  doc._font = here.get(drawn.state.font.id)!;
  return true;
}
