import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pdfText } from '../../documents/pdf-tools';

/** The code as pdftotext lays it out: it may split the spaced-out highlight with a stray space ("H9V V-VJET-…"). */
const CODE = /[2-9A-Z](?: ?[2-9A-Z]){3}(?: ?- ?[2-9A-Z](?: ?[2-9A-Z]){3}){3}/;

/** The prepaid ID printed in a notice PDF (base64), as the member would read it. */
export function codeInNotice(base64: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'notice-'));
  try {
    const file = join(dir, 'notice.pdf');
    writeFileSync(file, Buffer.from(base64, 'base64'));
    const text = pdfText(file);
    const code = CODE.exec(text)?.[0].replaceAll(' ', '');
    if (!code) throw new Error(`no prepaid ID in the notice PDF:\n${text}`);
    return code;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
