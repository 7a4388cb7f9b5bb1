import { gregorianDate, reiwaYearDate } from './wareki';

/**
 * A date as net-bank exports write it, to `YYYY-MM-DD`; null when it is none of: 2026/10/02, 2026-10-02,
 * 20261002, 2026年10月2日, 令和8年10月2日, R8.10.2 (R08/10/02). Full-width digits are accepted.
 */
export function parseCsvDate(raw: string): string | null {
  const text = raw.normalize('NFKC').trim();
  let m = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(text) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(text);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return gregorianDate(Number(m[1]), Number(m[2]), Number(m[3]));
  const reiwa = /^(?:令和|R)(\d{1,2})(?:年|[/.-])(\d{1,2})(?:月|[/.-])(\d{1,2})日?$/i.exec(text);
  if (reiwa) return reiwaYearDate(Number(reiwa[1]), Number(reiwa[2]), Number(reiwa[3]));
  return null;
}

export type YenCell = { kind: 'empty' } | { kind: 'yen'; value: string } | { kind: 'invalid' };

/**
 * A whole-yen cell: digits with optional thousands separators, "円" or "¥", and a sign when `signed`.
 * Returns the decimal string without leading zeros ("-1500" for a signed withdrawal).
 */
export function parseYenCell(raw: string, signed = false): YenCell {
  const text = raw
    .normalize('NFKC')
    .trim()
    .replace(/^¥|^\\|円$/g, '')
    .trim();
  if (text === '') return { kind: 'empty' };
  const m = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)$/.exec(text);
  if (!m || (m[1] !== '' && !signed)) return { kind: 'invalid' };
  const digits = m[2]!.replace(/,/g, '').replace(/^0+(?=\d)/, '');
  return { kind: 'yen', value: m[1] === '-' && digits !== '0' ? `-${digits}` : digits };
}

/**
 * The payer in a net bank's description: "振込＊タナカデンキ", "振込 ｶ)ﾀﾅｶﾃﾞﾝｷ" → the name after the
 * transfer marker; a description without a marker is the payer as written.
 */
export function payerFromDescription(description: string): string {
  const name = description.replace(/^\s*(?:振込入金|振込み?|ﾌﾘｺﾐ|フリコミ)\s*[＊*・･:：]?\s*/, '');
  return (name === '' ? description : name).replace(/[ \u3000]+$/, '');
}
