/** fontkit's TTFSubset as far as its `encode` reads and writes it (glyf, loca, hmtx and offset are set by `encode`). */
export interface TrueTypeSubsetState {
  glyphs: number[];
  glyf: Uint8Array[];
  loca: { offsets: number[]; version: number };
  hmtx: { metrics: { advance: number; bearing: number }[]; bearings: number[] };
  offset: number;
  _addGlyph(gid: number): number;
}

/** A table of the font file fontkit writes: its tag and, for those that do not depend on the glyphs, its bytes. */
interface TableLayout {
  tag: string;
  bytes: Uint8Array;
}

const DIRECTORY_HEADER = 12;
const TABLE_ENTRY = 16;
/** Where `hhea` keeps numberOfMetrics and `maxp` numGlyphs (OpenType spec; both uint16). */
const HHEA_NUMBER_OF_METRICS = 34;
const MAXP_NUM_GLYPHS = 4;
/** Where `head` says whether loca holds short (0) or long (1) offsets (int16). */
const HEAD_INDEX_TO_LOC_FORMAT = 50;

/** The tables of a file fontkit wrote, in its order, read from its table directory. */
function readTables(file: Uint8Array): TableLayout[] {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const count = view.getUint16(4);
  const tables: TableLayout[] = [];
  for (let i = 0; i < count; i++) {
    const entry = DIRECTORY_HEADER + i * TABLE_ENTRY;
    const tag = String.fromCharCode(...file.subarray(entry, entry + 4));
    const offset = view.getUint32(entry + 8);
    const length = view.getUint32(entry + 12);
    tables.push({ tag, bytes: file.slice(offset, offset + length) });
  }
  return tables;
}

/**
 * Writes TrueType subsets as fontkit 2.0.4's `TTFSubset.encode` does, byte for byte, without its generic
 * encoder. fontkit writes the table directory (tag `true`, checksums 0) and then head, hhea, loca, maxp, cvt,
 * prep, glyf, hmtx and fpgm back to back; all but loca, glyf and hmtx are the font's own, with the glyph count
 * set in hhea and maxp. They are taken from one subset fontkit encodes itself (`reference`), the rest written
 * here. Why: encoding a subset through restructure's structures was a twelfth of a statement's rendering.
 */
export function subsetFileWriter(reference: Uint8Array): (subset: TrueTypeSubsetState) => Buffer {
  const tables = readTables(reference);
  const header = reference.subarray(0, DIRECTORY_HEADER);
  const head = tables.find((t) => t.tag === 'head')!.bytes;
  const locaVersion = new DataView(head.buffer, head.byteOffset, head.byteLength).getInt16(HEAD_INDEX_TO_LOC_FORMAT);
  return (subset) => {
    subset.glyf = [];
    subset.offset = 0;
    subset.loca = { offsets: [], version: locaVersion };
    subset.hmtx = { metrics: [], bearings: [] };
    // _addGlyph may add a compound glyph's components to `glyphs` as it goes.
    for (let i = 0; i < subset.glyphs.length; i++) subset._addGlyph(subset.glyphs[i]!);
    subset.loca.offsets.push(subset.offset);
    const count = subset.glyf.length;
    const short = subset.loca.version === 0;
    const lengthOf = (tag: string, fixed: Uint8Array): number => {
      if (tag === 'loca') return subset.loca.offsets.length * (short ? 2 : 4);
      if (tag === 'glyf') return subset.offset;
      if (tag === 'hmtx') return count * 4;
      return fixed.length;
    };
    const lengths = tables.map((t) => lengthOf(t.tag, t.bytes));
    const start = DIRECTORY_HEADER + TABLE_ENTRY * tables.length;
    const file = Buffer.alloc(lengths.reduce((a, b) => a + b, start));
    const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
    file.set(header, 0);
    let at = start;
    tables.forEach((table, i) => {
      const entry = DIRECTORY_HEADER + i * TABLE_ENTRY;
      file.write(table.tag, entry, 'latin1');
      view.setUint32(entry + 8, at);
      view.setUint32(entry + 12, lengths[i]!);
      if (table.tag === 'loca') {
        for (const [k, offset] of subset.loca.offsets.entries())
          if (short) view.setUint16(at + k * 2, offset >>> 1);
          else view.setUint32(at + k * 4, offset);
      } else if (table.tag === 'glyf') {
        let p = at;
        for (const glyph of subset.glyf) {
          file.set(glyph, p);
          p += glyph.length;
        }
      } else if (table.tag === 'hmtx') {
        for (const [k, m] of subset.hmtx.metrics.entries()) {
          view.setUint16(at + k * 4, m.advance);
          view.setInt16(at + k * 4 + 2, m.bearing);
        }
      } else {
        file.set(table.bytes, at);
        if (table.tag === 'hhea') view.setUint16(at + HHEA_NUMBER_OF_METRICS, count);
        if (table.tag === 'maxp') view.setUint16(at + MAXP_NUM_GLYPHS, count);
      }
      at += lengths[i]!;
    });
    return file;
  };
}
