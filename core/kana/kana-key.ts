/**
 * The kana key: one canonical spelling of a name in kana, so the name a bank writes (ｶ)ﾀﾅｶﾃﾞﾝｷ), the name a
 * member gave (ﾀﾅｶﾃﾞﾝｷ(ｶ) and what a person types to find it (タナカ, たなか, ﾀﾅｶ) compare equal. Bank
 * matching (core/banking) compares payer names by it and member search (core/parties) looks members up by it.
 * The canonical form is what Zengin files carry: half-width katakana with separate voicing marks, large kana
 * only, "-" for every long-vowel or dash sign, upper-case Latin, ASCII digits, no spaces, and no corporate-form
 * abbreviation.
 */

/**
 * Half-width katakana as Japanese banks send payer names (全銀 character set): ｶ)ﾀﾅｶﾃﾞﾝｷ. Upper-case letters,
 * digits, spaces and ( ) . , - / are allowed too.
 */
export const HALF_WIDTH_KANA = /^[\uFF66-\uFF9F0-9A-Z ().,\-/]+$/;

// Full-width katakana (after NFKC) → half-width, voiced ones as base + mark, as Zengin writes them.
const FULL_TO_HALF: Record<string, string> = {};
{
  const plain = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン';
  const half = 'ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝ';
  for (let i = 0; i < plain.length; i++) FULL_TO_HALF[plain[i]!] = half[i]!;
  const voiced = 'ガギグゲゴザジズゼゾダヂヅデドバビブベボ';
  const voicedBase = 'ｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾊﾋﾌﾍﾎ';
  for (let i = 0; i < voiced.length; i++) FULL_TO_HALF[voiced[i]!] = `${voicedBase[i]!}ﾞ`;
  const semi = 'パピプペポ';
  for (let i = 0; i < semi.length; i++) FULL_TO_HALF[semi[i]!] = `${'ﾊﾋﾌﾍﾎ'[i]!}ﾟ`;
  Object.assign(FULL_TO_HALF, {
    ヴ: 'ｳﾞ',
    ヷ: 'ﾜﾞ',
    ヺ: 'ｦﾞ',
    ヰ: 'ｲ',
    ヱ: 'ｴ',
    // Banks write small kana as large ones (ｷﾔﾉﾝ for キャノン).
    ァ: 'ｱ',
    ィ: 'ｲ',
    ゥ: 'ｳ',
    ェ: 'ｴ',
    ォ: 'ｵ',
    ッ: 'ﾂ',
    ャ: 'ﾔ',
    ュ: 'ﾕ',
    ョ: 'ﾖ',
    ヮ: 'ﾜ',
    ヵ: 'ｶ',
    ヶ: 'ｹ',
    // NFKC turns a spacing voicing mark into a space + combining mark; the space goes with SPACES.
    '\u3099': 'ﾞ',
    '\u309A': 'ﾟ',
    '・': '.',
  });
}

// Small kana as a person types them, kept small in half width (ｯ); the key compares them large, as banks write.
const SMALL_FULL = 'ァィゥェォッャュョ';
const SMALL_HALF = 'ｧｨｩｪｫｯｬｭｮ';
const LARGE_HALF = 'ｱｲｳｴｵﾂﾔﾕﾖ';
const TYPED_FULL_TO_HALF: Record<string, string> = { ...FULL_TO_HALF };
for (let i = 0; i < SMALL_FULL.length; i++) TYPED_FULL_TO_HALF[SMALL_FULL[i]!] = SMALL_HALF[i]!;
const SMALL_HALF_KANA = new RegExp(`[${SMALL_HALF}]`, 'g');

// Every sign a person or a bank uses for a long vowel or a hyphen.
const DASHES = /[ー‐‑‒–—―−－﹣ｰ~〜～]/g;
const SPACES = /[\s\u3000]+/g;
const HIRAGANA = /[\u3041-\u3096]/g;

/**
 * Corporate-form abbreviations (Zengin 法人略語), in canonical form: 株式 ｶ, 有限 ﾕ, 合同 ﾄﾞ, 合資 ｼ, 合名 ﾒ,
 * 医療 ｲ, 財団 ｻﾞｲ, 社団 ｼﾔ, 学校 ｶﾞｸ, 特定非営利 ﾄｸﾋ, 宗教 ｼﾕｳ, 社会福祉 ﾌｸ, 相互 ｿ. Longest first, so ｼﾔ) is
 * not read as ｼ) followed by ﾔ.
 */
const ABBREVIATIONS = ['ﾄｸﾋ', 'ｼﾕｳ', 'ｻﾞｲ', 'ｶﾞｸ', 'ﾄﾞ', 'ｼﾔ', 'ﾌｸ', 'ｶ', 'ﾕ', 'ｼ', 'ﾒ', 'ｲ', 'ｿ'];
const ALTERNATION = ABBREVIATIONS.join('|');
const LEADING_ABBREVIATION = new RegExp(`^\\(?(?:${ALTERNATION})\\)`);
const TRAILING_ABBREVIATION = new RegExp(`\\((?:${ALTERNATION})\\)?$`);

/**
 * A name in kana as a person types it (タナカ　ハナコ, たなか はなこ, ｶ）ﾀﾅｶ) in half width, as the member form
 * stores フリガナ: half-width katakana, voicing marks apart, small kana kept small, "-" for a long vowel,
 * upper-case Latin, ASCII digits and signs, one space between words.
 */
export function halfWidthKana(text: string): string {
  // NFKC turns a spacing voicing mark (゛) into a space and a combining mark: the space is not the person's.
  const nfkc = text
    .normalize('NFKC')
    .replace(/\s+(?=[\u3099\u309A])/g, '')
    .toUpperCase();
  let out = '';
  for (const ch of nfkc.replace(HIRAGANA, (h) => String.fromCharCode(h.charCodeAt(0) + 0x60))) {
    out += TYPED_FULL_TO_HALF[ch] ?? ch;
  }
  return out.replace(DASHES, '-').replace(SPACES, ' ').trim();
}

/** Canonical kana without removing corporate abbreviations (useful to show what was compared). */
export function canonicalKana(text: string): string {
  return halfWidthKana(text)
    .replace(SMALL_HALF_KANA, (small) => LARGE_HALF[SMALL_HALF.indexOf(small)]!)
    .replace(SPACES, '');
}

/** Removes one corporate-form abbreviation before the name (ｶ) ...) and one after it (... (ｶ or ... (ｶ)). */
export function stripCorporateAbbreviations(canonical: string): string {
  return canonical.replace(LEADING_ABBREVIATION, '').replace(TRAILING_ABBREVIATION, '');
}

/** The form two names in kana are compared in (see the file comment). */
export function kanaKey(text: string): string {
  return stripCorporateAbbreviations(canonicalKana(text));
}

/**
 * Whether a person typing `text` means a name in kana: katakana of either width or hiragana, with what Zengin
 * names also hold (upper-case Latin, digits, spaces, ( ) . , - /). Lower-case Latin is a name, not kana.
 */
export function isKanaText(text: string): boolean {
  return !/[a-z]/.test(text) && HALF_WIDTH_KANA.test(canonicalKana(text));
}
