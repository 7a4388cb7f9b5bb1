import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { create, type Font } from 'fontkit';
import { withSharedGlyphs } from './shared-glyphs';
import { withSharedLayout } from './shared-layout';

/** Font names registered on every document. */
export const FONT_REGULAR = 'NotoSansJP';
export const FONT_BOLD = 'NotoSansJP-Bold';

/** The two weights used, by the documents and the renderer alike (resources/fonts/README.md). */
export const FONT_FILES = {
  [FONT_REGULAR]: 'NotoSansJP-Regular.ttf',
  [FONT_BOLD]: 'NotoSansJP-Bold.ttf',
} as const;

type FontName = keyof typeof FONT_FILES;

/**
 * The TTFs are 5 MB each: each is read and parsed once per process, whatever the number of documents.
 * Handing pdfkit the parsed font (rather than the bytes) spares re-parsing its tables and glyphs for every
 * document, which was most of a document's rendering time; pdfkit still makes a subset per document.
 */
const cache = new Map<FontName, Font>();

/**
 * resources/fonts, found from this module upwards: the same folder whether this code runs from its source
 * (core/documents), from a bundle (dist/electron/main.cjs) or from the packaged app's asar.
 */
export function fontsDir(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from, up = 0; up < 6; dir = dirname(dir), up++) {
    const candidate = join(dir, 'resources', 'fonts');
    if (existsSync(join(candidate, FONT_FILES[FONT_REGULAR]))) return candidate;
  }
  throw new Error(`resources/fonts/${FONT_FILES[FONT_REGULAR]} not found above ${from}`);
}

/** The TTF bytes of a Noto Sans JP weight, read from resources/fonts. */
export function fontBytes(name: FontName): Buffer {
  return readFileSync(join(fontsDir(), FONT_FILES[name]));
}

/** The parsed Noto Sans JP weight, from the in-memory cache after the first use. */
export function fontFace(name: FontName): Font {
  let face = cache.get(name);
  if (!face) {
    face = withSharedLayout(withSharedGlyphs(create(fontBytes(name))));
    withNameTableFingerprint(face);
    cache.set(name, face);
  }
  return face;
}

/**
 * pdfkit tells two fonts apart by serialising their whole `name` table (license text and all) with
 * JSON.stringify, once per document and weight: about a twentieth of a statement. The table's records serialise
 * as their SHA-256 instead, computed once: equal tables still give equal strings, different ones different.
 */
function withNameTableFingerprint(face: Font): void {
  // fontkit decodes a table on its first read and keeps it (in `_tables`, where pdfkit reads it).
  const records = (face as unknown as { name?: { records?: object } }).name?.records;
  if (!records) return;
  const fingerprint = createHash('sha256').update(JSON.stringify(records)).digest('hex');
  Object.defineProperty(records, 'toJSON', { value: () => fingerprint });
}

/** How many font files were read from disk in this process (a benchmark and test probe). */
export function cachedFontCount(): number {
  return cache.size;
}

/** The option that makes Noto Sans JP the document's initial font (pdfkit would otherwise load Helvetica). */
export function defaultFontOption(): { font: string } {
  // pdfkit takes a parsed font here as well as a name; its types only know the name.
  return { font: fontFace(FONT_REGULAR) as unknown as string };
}

/** Registers both weights on a document; pdfkit embeds only the glyphs used (a subset). */
export function registerJapaneseFonts(doc: PDFKit.PDFDocument): void {
  // pdfkit takes a parsed fontkit font wherever it takes font bytes; its types only list the bytes.
  doc.registerFont(FONT_REGULAR, fontFace(FONT_REGULAR) as unknown as Buffer);
  doc.registerFont(FONT_BOLD, fontFace(FONT_BOLD) as unknown as Buffer);
}
