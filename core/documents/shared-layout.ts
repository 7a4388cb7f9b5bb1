import type { Font } from 'fontkit';
import { composedLayout, type GlyphPosition, type GlyphRun } from './composed-layout';
import { LastingCache } from './lasting-cache';

/** A copy of a shaped run: pdfkit scales `positions` in place, so each document gets its own. */
class CopiedRun {
  constructor(
    readonly glyphs: readonly unknown[],
    readonly positions: GlyphPosition[],
  ) {}

  /** Like fontkit's GlyphRun: read after pdfkit has scaled the positions. */
  get advanceWidth(): number {
    let width = 0;
    for (const p of this.positions) width += p.xAdvance;
    return width;
  }
}

const MAX_RUNS = 50_000;

/**
 * The font with its text shaping shared across documents. pdfkit caches shaped text per document only, so a
 * month of statements shaped the same labels ten thousand times (about a seventh of a statement's rendering).
 * A new word of plain characters is composed from shaped characters and pairs (composed-layout.ts). The
 * returned object inherits everything else from the font; glyphs are shared read-only.
 */
export function withSharedLayout(font: Font): Font {
  const runs = new LastingCache<GlyphRun>(MAX_RUNS);
  const compose = composedLayout(font);
  const shapedRun = (text: string, features: unknown) => {
    const key = features === undefined ? text : `${text}\u0000${JSON.stringify(features)}`;
    let run = runs.get(key);
    if (!run) {
      run = (features === undefined ? compose(text) : null) ?? (font.layout(text, features) as GlyphRun);
      runs.set(key, run);
    }
    return run;
  };
  const shared = Object.create(font) as SharedLayoutFont;
  shared.layout = (text, features) => {
    const run = shapedRun(text, features);
    return new CopiedRun(
      run.glyphs,
      run.positions.map((p) => ({
        xAdvance: p.xAdvance,
        yAdvance: p.yAdvance,
        xOffset: p.xOffset,
        yOffset: p.yOffset,
      })),
    );
  };
  shared.scaledLayout = (text, features, scale) => {
    const run = shapedRun(text, features);
    return new CopiedRun(
      run.glyphs,
      run.positions.map((p, i) => ({
        xAdvance: p.xAdvance * scale,
        yAdvance: p.yAdvance * scale,
        xOffset: p.xOffset * scale,
        yOffset: p.yOffset * scale,
        advanceWidth: (run.glyphs[i] as { advanceWidth: number }).advanceWidth * scale,
      })),
    );
  };
  return shared;
}

type SharedLayoutFont = Font & {
  layout(text: string, features?: unknown): CopiedRun;
  /**
   * What pdfkit's EmbeddedFont.layoutRun makes of `layout`: each position scaled, key by key in its order, and
   * given the glyph's scaled advance; made at once, rather than scaled in place and given a fifth property.
   */
  scaledLayout(text: string, features: unknown, scale: number): CopiedRun;
};

/** pdfkit's EmbeddedFont, as far as its per-document cache of laid-out words goes. */
interface EmbeddedFont {
  font?: object;
  scale: number;
  layoutCache?: Record<string, unknown>;
  layoutRun(text: string, features?: unknown): unknown;
  layoutCached(text: string): unknown;
}

/** Words laid out and scaled by pdfkit, per shared font: pdfkit never changes a cached run after making it. */
const wordCaches = new WeakMap<object, LastingCache<unknown>>();

function sharedWords(font: object): LastingCache<unknown> {
  let cache = wordCaches.get(font);
  if (!cache) wordCaches.set(font, (cache = new LastingCache(MAX_RUNS)));
  return cache;
}

/**
 * Makes every font of the document use one cache of laid-out words per font, shared with the documents
 * before it, and scale a new word's run as it is made (`scaledLayout`). pdfkit keeps a cache per document (an
 * EmbeddedFont's `layoutCache`, keyed by the word), so each document laid out and scaled its labels again; the
 * cached run is the one pdfkit would make, so the bytes are the same. Call it on a new document, before any
 * text.
 */
export function shareWordLayouts(doc: PDFKit.PDFDocument): void {
  const internal = doc as unknown as { _font?: EmbeddedFont; font: PDFKit.PDFDocument['font'] };
  const adopted = new WeakSet<EmbeddedFont>();
  const adopt = () => {
    const f = internal._font;
    if (!f || adopted.has(f)) return;
    adopted.add(f);
    if (f.layoutCache && f.font && Object.keys(f.layoutCache).length === 0) {
      const words = sharedWords(f.font);
      f.layoutCached = (text) => {
        let run = words.get(text);
        if (run === undefined) words.set(text, (run = f.layoutRun(text)));
        return run;
      };
    }
    const face = f.font as Partial<SharedLayoutFont> | undefined;
    if (face?.scaledLayout) f.layoutRun = (text, features) => face.scaledLayout!(text, features, f.scale);
  };
  adopt();
  const font = internal.font;
  internal.font = function (this: PDFKit.PDFDocument, ...args: Parameters<typeof font>) {
    const result = font.apply(this, args);
    adopt();
    return result;
  } as typeof font;
}
