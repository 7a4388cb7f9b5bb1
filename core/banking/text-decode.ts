import iconv from 'iconv-lite';

/**
 * Decodes one Shift_JIS (CP932) field. ASCII and half-width kana (one byte each, the bulk of a bank file)
 * take a fast path; anything else goes through iconv-lite. Returns null when the bytes are not CP932 text
 * (an undecodable sequence or a control character), so the caller can name the field.
 */
export function decodeSjisField(bytes: Uint8Array, start: number, end: number): string | null {
  let simple = true;
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    if (b < 0x20 || b === 0x7f) return null;
    if (b >= 0x80 && !(b >= 0xa1 && b <= 0xdf)) {
      simple = false;
      break;
    }
  }
  if (simple) return charCodesText(bytes, start, end, 0xfec0);
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start), 'cp932');
  return isCleanText(text) ? text : null;
}

/** One code unit per byte, reused: a bank file has 500,000 short fields, each made into a string in one step. */
const codes: number[] = [];

/**
 * bytes[start, end) as text, one character a byte: ASCII as is, a byte from 0x80 shifted by `kanaShift` (0xFEC0
 * takes half-width katakana A1–DF to U+FF61–FF9F). One string made at once, not one per character appended.
 */
export function charCodesText(bytes: Uint8Array, start: number, end: number, kanaShift: number): string {
  codes.length = end - start;
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    codes[i - start] = b < 0x80 ? b : b + kanaShift;
  }
  return String.fromCharCode.apply(null, codes);
}

/** Decodes a whole file that is not UTF-8 as CP932; null when it holds undecodable bytes. */
export function decodeSjisText(bytes: Uint8Array): string | null {
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'cp932');
  return text.includes('\uFFFD') ? null : text;
}

function isCleanText(text: string): boolean {
  return !/[\uFFFD\u0000-\u001F\u007F]/.test(text);
}

/** Trims trailing ASCII and full-width spaces (fields are space-padded on the right). */
export function trimTrailingSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 0x20 || text.charCodeAt(end - 1) === 0x3000)) end--;
  return end === text.length ? text : text.slice(0, end);
}
