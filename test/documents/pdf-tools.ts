import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the rendered samples are kept for a person to look at. */
export const OUTPUT_DIR = join(process.cwd(), 'test-output', 'documents');

/** Writes a PDF under test-output/documents/ and returns its path (poppler reads files). */
export function savePdf(name: string, pdf: Buffer): string {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const path = join(OUTPUT_DIR, name);
  writeFileSync(path, pdf);
  return path;
}

/** The text of a PDF laid out as on the page (poppler's pdftotext -layout). */
export function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

/** The text in content order (poppler's pdftotext -raw), where text drawn at an angle stays together. */
export function pdfRawText(path: string): string {
  return execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' });
}

/** The text of one page. */
export function pageText(path: string, page: number): string {
  return execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), path, '-'], {
    encoding: 'utf8',
  });
}

export function pageCount(path: string): number {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  const m = /^Pages:\s+(\d+)/m.exec(info);
  if (!m) throw new Error(`pdfinfo gave no page count for ${path}`);
  return Number(m[1]);
}

export interface PdfFont {
  name: string;
  embedded: boolean;
  subset: boolean;
}

/** The fonts of a PDF as pdffonts lists them. */
export function pdfFonts(path: string): PdfFont[] {
  const lines = execFileSync('pdffonts', [path], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '');
  return lines.map((line) => {
    const cols = line.trim().split(/\s+/);
    // name type... encoding emb sub uni objectId gen: the flags are the 5th, 4th and 3rd columns from the end.
    return { name: cols[0]!, embedded: cols[cols.length - 5] === 'yes', subset: cols[cols.length - 4] === 'yes' };
  });
}
