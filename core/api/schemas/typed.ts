import { halfWidthKana } from '../../kana';

/**
 * Input as people type it in Japan, read the one way every door reads it (the catalog's schemas apply these
 * before checking a field, and the renderer's forms run the same schemas): an IME's full-width digits and
 * letters, a long-vowel mark typed for a hyphen, "50,000" and "¥50,000円" for an amount, lower-case document
 * numbers, kana of either width or hiragana for a name in kana. Node-free.
 */

// Every sign an IME gives for a hyphen or a long vowel, in a number or a code.
const DASHES = /[ー‐‑‒–—―−－﹣ｰ]/g;

/** Full-width letters, digits and signs folded to ASCII (NFKC), surrounding spaces dropped. */
export function typedText(value: string): string {
  return value.normalize('NFKC').trim();
}

/** A document or party number (bil-2026-000004, ＢＩＬー２０２６ー０００００４) as it is printed: BIL-2026-000004. */
export function typedCode(value: string): string {
  return typedText(value).replace(DASHES, '-').replace(/\s+/g, '').toUpperCase();
}

/** A month or a date typed with full-width digits or a long-vowel mark: 2026ー10 → 2026-10. */
export function typedDate(value: string): string {
  return typedText(value).replace(DASHES, '-');
}

/** An amount of yen as typed: "50,000", "５０，０００", "¥50,000", "50,000円" → "50000". */
export function typedYen(value: string): string {
  return typedText(value)
    .replace(/^[¥\\]/, '')
    .replace(/円$/, '')
    .replace(/[,\s]/g, '');
}

/** A name in kana as typed (タナカ, たなか, ｶ）ﾀﾅｶ) as the bank writes it (core/kana halfWidthKana). */
export function typedKana(value: string): string {
  return halfWidthKana(value);
}
