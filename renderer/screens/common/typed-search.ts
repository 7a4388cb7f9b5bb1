import { typedCode, typedText } from '../../../core/api/schemas/typed';
import { isKanaText, kanaKey } from '../../../core/kana';

/** What a row of a list can be found by: its numbers and codes, its names, its names in kana. */
export interface Findable {
  codes: (string | null | undefined)[];
  names: (string | null | undefined)[];
  kana: (string | null | undefined)[];
}

/**
 * A list's search as people type it (one reading for every list: the bills of a month, the dunning board): a
 * code or number in any case and width (bil-2026-000004, ｃａ－０００１２３), a part of a name, or kana of
 * either width or hiragana compared by the kana key (タナカ and たなか find ｶ)ﾀﾅｶﾃﾞﾝｷ, as bank matching does).
 */
export function typedSearch(query: string): (row: Findable) => boolean {
  const text = typedText(query);
  if (text === '') return () => true;
  const code = typedCode(text);
  const kana = isKanaText(text) ? kanaKey(text) : '';
  const lower = text.toLowerCase();
  return (row) =>
    row.codes.some((c) => !!c && c.toUpperCase().includes(code)) ||
    row.names.some((n) => !!n && n.normalize('NFKC').toLowerCase().includes(lower)) ||
    (kana !== '' && row.kana.some((k) => !!k && kanaKey(k).includes(kana)));
}
