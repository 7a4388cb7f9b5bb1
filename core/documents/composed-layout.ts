import type { Font } from 'fontkit';

/** A glyph's position in a run, as fontkit's GlyphPosition holds it (font units). */
export interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

export interface GlyphRun {
  glyphs: readonly unknown[];
  positions: GlyphPosition[];
}

/** The parts of fontkit's OpenType tables read here (fontkit ships no types). */
interface LayoutTable {
  featureList: { tag: string; feature: { lookupListIndexes: number[] } }[];
  lookupList: { get(index: number): { lookupType: number; subTables: LookupSubTable[] } };
}

interface LookupSubTable {
  coverage?: GlyphCoverage;
  markCoverage?: GlyphCoverage;
  ligatureSets?: { get(index: number): { components: number[] }[] };
}

interface GlyphCoverage {
  glyphs?: number[];
  rangeRecords?: { start: number; end: number; startCoverageIndex: number }[];
}

interface OpenTypeFont {
  GSUB?: LayoutTable;
  GPOS?: LayoutTable;
  glyphsForString(text: string): { id: number }[];
  layout(text: string, features?: unknown, script?: string): GlyphRun;
}

/** The features fontkit's default shaper applies to horizontal text when pdfkit asks for none. */
const DEFAULT_FEATURES = new Set([
  'ccmp',
  'locl',
  'rlig',
  'mark',
  'mkmk',
  'calt',
  'clig',
  'liga',
  'rclt',
  'curs',
  'kern',
]);
/** Lookups whose effect on a glyph depends on the glyph alone (single substitution) or on its pair (below). */
const GSUB_SINGLE = 1;
const GSUB_LIGATURE = 4;
const GPOS_PAIR = 2;
const GPOS_MARK_TO_BASE = 4;

/** A Unicode script tag as fontkit names it: `zzzz` for Common (punctuation, digits, spaces). */
type ScriptTag = 'zzzz' | 'latn' | 'hani' | 'hira' | 'kana';

/**
 * The script of a character a word may be composed of, or null for any other: printable ASCII (letters Latin),
 * the yen sign, ×, ※, CJK punctuation and brackets, hiragana, katakana and the prolonged sound mark, the CJK
 * unified ideographs fontkit's Unicode data knows (to U+9FEF), the full-width forms (letters Latin) and the
 * half-width katakana; none is default-ignorable or a combining mark. A word's script is its first
 * character's that is not Common, as fontkit detects it.
 */
export function scriptOf(code: number): ScriptTag | null {
  if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return 'latn';
  if ((code >= 0x20 && code <= 0x7e) || code === 0xa5 || code === 0xd7 || code === 0x203b) return 'zzzz';
  if ((code >= 0x3000 && code <= 0x3004) || (code >= 0x3008 && code <= 0x3011) || code === 0x301c) return 'zzzz';
  if (code === 0x3005 || code === 0x3007 || (code >= 0x4e00 && code <= 0x9fef)) return 'hani';
  if ((code >= 0x3041 && code <= 0x3096) || code === 0x309d || code === 0x309e) return 'hira';
  if ((code >= 0x30a1 && code <= 0x30fa) || code === 0x30fd || code === 0x30fe) return 'kana';
  if (code === 0x30fb || code === 0x30fc) return 'zzzz';
  if ((code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a)) return 'latn';
  if ((code >= 0xff66 && code <= 0xff6f) || (code >= 0xff71 && code <= 0xff9d)) return 'kana';
  if (code >= 0xff01 && code <= 0xff9f) return 'zzzz';
  return null;
}

/** Each glyph of a coverage table with its index in it. */
function covered(coverage: GlyphCoverage | undefined): [glyph: number, index: number][] {
  if (!coverage) return [];
  const out: [number, number][] = (coverage.glyphs ?? []).map((g, i) => [g, i]);
  for (const r of coverage.rangeRecords ?? [])
    for (let g = r.start; g <= r.end; g++) out.push([g, r.startCoverageIndex + g - r.start]);
  return out;
}

/** What in the font's default features may look past a pair of glyphs. */
interface BeyondPairs {
  /** Mark glyphs: a mark is placed on the glyph before it. */
  marks: Set<number>;
  /** Ligatures of three glyphs or more, by their first glyph: the glyphs after it. */
  longLigatures: Map<number, number[][]>;
}

/**
 * Marks and long ligatures of the font's default features, or null when they use a lookup that looks past a
 * pair of glyphs in another way (contextual, chained, cursive…).
 */
function beyondPairs(font: OpenTypeFont): BeyondPairs | null {
  const found: BeyondPairs = { marks: new Set(), longLigatures: new Map() };
  const tables: [LayoutTable | undefined, number[]][] = [
    [font.GSUB, [GSUB_SINGLE, GSUB_LIGATURE]],
    [font.GPOS, [GPOS_PAIR, GPOS_MARK_TO_BASE]],
  ];
  for (const [table, allowed] of tables) {
    if (!table) continue;
    for (const { tag, feature } of table.featureList) {
      if (!DEFAULT_FEATURES.has(tag)) continue;
      for (const index of feature.lookupListIndexes) {
        const lookup = table.lookupList.get(index);
        if (!allowed.includes(lookup.lookupType)) return null;
        for (const sub of lookup.subTables) {
          if (table === font.GPOS && lookup.lookupType === GPOS_MARK_TO_BASE)
            for (const [g] of covered(sub.markCoverage)) found.marks.add(g);
          if (table === font.GSUB && lookup.lookupType === GSUB_LIGATURE)
            for (const [g, i] of covered(sub.coverage))
              for (const { components } of sub.ligatureSets!.get(i))
                if (components.length >= 2) {
                  const list = found.longLigatures.get(g) ?? [];
                  list.push(components);
                  found.longLigatures.set(g, list);
                }
        }
      }
    }
  }
  return found;
}

interface Shaped {
  /** The character's glyph before substitutions (ligatures match these). */
  cmapped: number;
  glyph: unknown;
  position: GlyphPosition;
}

/**
 * Lays out words of plain characters (`scriptOf`) the way fontkit does, without shaping each:
 * every character's glyph and position as fontkit shapes it alone, plus the kerning fontkit applies between it
 * and the next (shaped once per pair). That is fontkit's result exactly when the font's default features hold
 * only single substitutions, ligatures, pair kerning and marks, and the word holds no mark and no ligature of
 * three glyphs or more: then no lookup sees more than a pair. A pair whose shaping changes more than the first glyph's advance
 * (a two-glyph ligature, kerning that moves the second glyph) is not composed. Shaping a word took about 40 µs;
 * the statements' amounts, quantities and numbers, a new word each, were most of a month's shaping.
 * Returns null for a word fontkit must shape.
 */
export function composedLayout(font: Font): (text: string) => GlyphRun | null {
  const ot = font as unknown as OpenTypeFont;
  const beyond = beyondPairs(ot);
  if (beyond === null) return () => null;
  const { marks, longLigatures } = beyond;
  const scripts = new Map<string, { singles: Map<string, Shaped | null>; kerning: Map<string, number | null> }>();
  const tablesOf = (script: string) => {
    let t = scripts.get(script);
    if (!t) scripts.set(script, (t = { singles: new Map(), kerning: new Map() }));
    return t;
  };
  const shape = (text: string, script: string) => ot.layout(text, undefined, script);

  const single = (char: string, script: string): Shaped | null => {
    const { singles } = tablesOf(script);
    let s = singles.get(char);
    if (s === undefined) {
      const run = shape(char, script);
      const cmapped = ot.glyphsForString(char);
      const ok =
        run.glyphs.length === 1 &&
        cmapped.length === 1 &&
        !marks.has(cmapped[0]!.id) &&
        !marks.has(glyphId(run.glyphs[0]));
      s = ok ? { cmapped: cmapped[0]!.id, glyph: run.glyphs[0], position: run.positions[0]! } : null;
      singles.set(char, s);
    }
    return s;
  };

  /** What fontkit adds to the first glyph's advance before the second; null when the pair is not composed. */
  const kerning = (a: string, b: string, script: string): number | null => {
    const table = tablesOf(script).kerning;
    const pair = a + b;
    let k = table.get(pair);
    if (k === undefined) {
      const first = single(a, script)!;
      const second = single(b, script)!;
      const run = shape(pair, script);
      const [p, q] = run.positions;
      const same =
        run.glyphs.length === 2 &&
        run.glyphs[0] === first.glyph &&
        run.glyphs[1] === second.glyph &&
        p!.yAdvance === first.position.yAdvance &&
        p!.xOffset === first.position.xOffset &&
        p!.yOffset === first.position.yOffset &&
        samePosition(q!, second.position);
      k = same ? p!.xAdvance - first.position.xAdvance : null;
      table.set(pair, k);
    }
    return k;
  };

  return (text) => {
    if (text.length === 0) return null;
    let script: ScriptTag = 'zzzz';
    for (let i = 0; i < text.length; i++) {
      const own = scriptOf(text.charCodeAt(i));
      if (own === null) return null;
      if (script === 'zzzz') script = own;
    }
    const shaped: Shaped[] = [];
    for (let i = 0; i < text.length; i++) {
      const s = single(text[i]!, script);
      if (s === null) return null;
      shaped.push(s);
    }
    if (longLigatures.size > 0 && formsLongLigature(shaped, longLigatures)) return null;
    const glyphs: unknown[] = [];
    const positions: GlyphPosition[] = [];
    for (let i = 0; i < text.length; i++) {
      const s = shaped[i]!;
      let xAdvance = s.position.xAdvance;
      if (i + 1 < text.length) {
        const k = kerning(text[i]!, text[i + 1]!, script);
        if (k === null) return null;
        xAdvance += k;
      }
      glyphs.push(s.glyph);
      positions.push({
        xAdvance,
        yAdvance: s.position.yAdvance,
        xOffset: s.position.xOffset,
        yOffset: s.position.yOffset,
      });
    }
    return { glyphs, positions };
  };
}

function formsLongLigature(shaped: readonly Shaped[], longLigatures: Map<number, number[][]>): boolean {
  for (let i = 0; i < shaped.length; i++) {
    const ligatures = longLigatures.get(shaped[i]!.cmapped);
    if (ligatures?.some((rest) => rest.every((g, j) => shaped[i + 1 + j]?.cmapped === g))) return true;
  }
  return false;
}

function glyphId(glyph: unknown): number {
  return (glyph as { id: number }).id;
}

function samePosition(a: GlyphPosition, b: GlyphPosition): boolean {
  return a.xAdvance === b.xAdvance && a.yAdvance === b.yAdvance && a.xOffset === b.xOffset && a.yOffset === b.yOffset;
}
