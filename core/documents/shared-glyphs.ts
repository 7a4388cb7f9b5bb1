import type { Font } from 'fontkit';
import { subsetFileWriter, type TrueTypeSubsetState } from './subset-file';

/** A glyph of the TrueType `glyf` table as a subset copies it, read once per process. */
interface StoredGlyph {
  /** The glyph's bytes in the font file (empty for a glyph without outline). */
  bytes: Uint8Array;
  /** A compound glyph's components: their glyph ids and where each id sits in `bytes`. */
  components: ReadonlyArray<{ glyphID: number; pos: number }> | null;
  advance: number;
  bearing: number;
}

/** The parts of fontkit's TrueType font that its subset reads (fontkit ships no types). */
interface TrueTypeFont {
  loca: { offsets: number[] };
  _variationProcessor?: unknown;
  _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array };
  getGlyph(gid: number): {
    advanceWidth: number;
    _decode(): { numberOfContours: number; components?: { glyphID: number; pos: number }[] } | null;
    _getMetrics(): { leftBearing: number };
  };
  createSubset(): TrueTypeSubset;
}

/** fontkit's TTFSubset, as far as `_addGlyph` and `encode` use it. */
interface TrueTypeSubset extends TrueTypeSubsetState {
  includeGlyph(gid: number): number;
  encode(): Uint8Array;
}

/**
 * What fontkit's `TTFSubset._addGlyph` reads for a glyph: its bytes, its components and its metrics. fontkit
 * decodes every point of the glyph again for every subset only to learn whether it is compound, which was
 * about half a statement's rendering: a month of statements decoded the same few hundred glyphs ten thousand
 * times.
 */
function readGlyph(font: TrueTypeFont, gid: number): StoredGlyph {
  const glyph = font.getGlyph(gid);
  const glyf = glyph._decode();
  const stream = font._getTableStream('glyf');
  stream.pos += font.loca.offsets[gid]!;
  const bytes = Uint8Array.from(stream.readBuffer(font.loca.offsets[gid + 1]! - font.loca.offsets[gid]!));
  const components =
    glyf && glyf.numberOfContours < 0 ? glyf.components!.map((c) => ({ glyphID: c.glyphID, pos: c.pos })) : null;
  return { bytes, components, advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing };
}

/**
 * The font whose subsets (one per document and weight, made by pdfkit) share what they read of each glyph
 * across documents. Each subset still numbers its glyphs in the order its document uses them and writes the
 * same table fontkit would: `addGlyph` below is fontkit 2.0.4's `TTFSubset._addGlyph` with the glyph read
 * from the store instead of decoded again, and the file is written by `subset-file.ts`. A variable font
 * (fontkit re-encodes its outlines) is left as is.
 */
export function withSharedGlyphs(font: Font): Font {
  const ttf = font as unknown as TrueTypeFont;
  if (ttf._variationProcessor) return font;
  const store = new Map<number, StoredGlyph>();
  const shared = Object.create(font) as Font & { createSubset(): TrueTypeSubset };
  let writeSubsetFile: ((subset: TrueTypeSubsetState) => Buffer) | null = null;
  shared.createSubset = () => {
    const subset = ttf.createSubset.call(shared);
    subset.encode = () => (writeSubsetFile ??= subsetFileWriter(ttf.createSubset.call(shared).encode()))(subset);
    subset._addGlyph = (gid: number) => {
      let glyph = store.get(gid);
      if (!glyph) {
        glyph = readGlyph(shared as unknown as TrueTypeFont, gid);
        store.set(gid, glyph);
      }
      let bytes = glyph.bytes;
      if (glyph.components) {
        // The subset numbers the components anew: a copy with their new ids (fontkit copies it too).
        bytes = Uint8Array.from(glyph.bytes);
        const view = new DataView(bytes.buffer);
        for (const c of glyph.components) view.setUint16(c.pos, subset.includeGlyph(c.glyphID));
      }
      subset.glyf.push(bytes);
      subset.loca.offsets.push(subset.offset);
      subset.hmtx.metrics.push({ advance: glyph.advance, bearing: glyph.bearing });
      subset.offset += bytes.length;
      return subset.glyf.length - 1;
    };
    return subset;
  };
  return shared;
}
