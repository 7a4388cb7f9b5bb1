import type { Font } from 'fontkit';

interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

interface GlyphRun {
  glyphs: readonly unknown[];
  positions: GlyphPosition[];
}

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
 * The returned object inherits everything else from the font; glyphs are shared read-only.
 */
export function withSharedLayout(font: Font): Font {
  const runs = new Map<string, GlyphRun>();
  const shared = Object.create(font) as Font & { layout(text: string, features?: unknown): CopiedRun };
  shared.layout = (text: string, features?: unknown) => {
    const key = features === undefined ? text : `${text}\u0000${JSON.stringify(features)}`;
    let run = runs.get(key);
    if (!run) {
      if (runs.size >= MAX_RUNS) runs.clear();
      run = font.layout(text, features) as GlyphRun;
      runs.set(key, run);
    }
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
  return shared;
}
