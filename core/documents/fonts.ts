import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Font names registered on every document. */
export const FONT_REGULAR = 'NotoSansJP';
export const FONT_BOLD = 'NotoSansJP-Bold';

const FONT_FILES = {
  [FONT_REGULAR]: '400Regular/NotoSansJP_400Regular.ttf',
  [FONT_BOLD]: '700Bold/NotoSansJP_700Bold.ttf',
} as const;

type FontName = keyof typeof FONT_FILES;

// The TTFs are 5 MB each: read once per process, whatever the number of documents rendered.
const cache = new Map<FontName, Buffer>();

function packageDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('@expo-google-fonts/noto-sans-jp/package.json'));
}

/** The TTF bytes of a Noto Sans JP weight, read from the installed font package on first use. */
export function fontBytes(name: FontName): Buffer {
  let bytes = cache.get(name);
  if (!bytes) {
    bytes = readFileSync(join(packageDir(), FONT_FILES[name]));
    cache.set(name, bytes);
  }
  return bytes;
}

/** How many times the font files were read from disk (a benchmark and test probe). */
export function cachedFontCount(): number {
  return cache.size;
}

/** Registers both weights on a document; pdfkit embeds only the glyphs used (a subset). */
export function registerJapaneseFonts(doc: PDFKit.PDFDocument): void {
  doc.registerFont(FONT_REGULAR, fontBytes(FONT_REGULAR));
  doc.registerFont(FONT_BOLD, fontBytes(FONT_BOLD));
}
