import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalKana, isKanaText, kanaKey } from '../../core/kana';

describe('kana normalisation', () => {
  // [what a bank or a member wrote, the canonical form compared]
  const table: [string, string][] = [
    ['ﾀﾅｶﾃﾞﾝｷ', 'ﾀﾅｶﾃﾞﾝｷ'],
    ['タナカデンキ', 'ﾀﾅｶﾃﾞﾝｷ'], // full-width → half-width, ガ → ｶﾞ
    ['たなかでんき', 'ﾀﾅｶﾃﾞﾝｷ'], // hiragana
    ['ｶ)ﾀﾅｶﾃﾞﾝｷ', 'ﾀﾅｶﾃﾞﾝｷ'], // 株式会社 before
    ['ﾀﾅｶﾃﾞﾝｷ(ｶ', 'ﾀﾅｶﾃﾞﾝｷ'], // 株式会社 after
    ['ﾀﾅｶﾃﾞﾝｷ(ｶ)', 'ﾀﾅｶﾃﾞﾝｷ'],
    ['カ）タナカデンキ', 'ﾀﾅｶﾃﾞﾝｷ'], // full-width parenthesis
    ['ｻｸﾗｸﾗｳﾄﾞ(ｶ', 'ｻｸﾗｸﾗｳﾄﾞ'],
    ['ﾕ)ﾔﾏﾀﾞｼﾖｳﾃﾝ', 'ﾔﾏﾀﾞｼﾖｳﾃﾝ'], // 有限会社
    ['ﾄﾞ)ｱｵｿﾞﾗ', 'ｱｵｿﾞﾗ'], // 合同会社
    ['ｼ)ｱｵｿﾞﾗ', 'ｱｵｿﾞﾗ'], // 合資会社
    ['ﾒ)ｱｵｿﾞﾗ', 'ｱｵｿﾞﾗ'], // 合名会社
    ['ｲ)ｹﾝｺｳｶｲ', 'ｹﾝｺｳｶｲ'], // 医療法人
    ['ｻﾞｲ)ﾐﾗｲｷｷﾝ', 'ﾐﾗｲｷｷﾝ'], // 財団法人
    ['ｶﾞｸ)ｻｸﾗｶﾞｸｴﾝ', 'ｻｸﾗｶﾞｸｴﾝ'], // 学校法人
    ['ﾄｸﾋ)ﾐﾄﾞﾘﾉｶｲ', 'ﾐﾄﾞﾘﾉｶｲ'], // 特定非営利活動法人
    ['ｼﾔ)ｵｵｻｶﾃﾞ-ﾀｾﾝﾀ-', 'ｵｵｻｶﾃﾞ-ﾀｾﾝﾀ-'], // 社団法人, as banks spell ｼｬ
    ['ｼｬ)ｵｵｻｶﾃﾞｰﾀｾﾝﾀｰ', 'ｵｵｻｶﾃﾞ-ﾀｾﾝﾀ-'], // small ｬ → ﾔ, ｰ → -
    ['シャ）オオサカデータセンター', 'ｵｵｻｶﾃﾞ-ﾀｾﾝﾀ-'],
    ['ｵｵｻｶﾃﾞ－ﾀｾﾝﾀ―', 'ｵｵｻｶﾃﾞ-ﾀｾﾝﾀ-'], // full-width hyphen, horizontal bar
    ['ｷｬﾉﾝ ｼｮｳｼﾞ', 'ｷﾔﾉﾝｼﾖｳｼﾞ'], // small kana, space
    ['キャノン　ショウジ', 'ｷﾔﾉﾝｼﾖｳｼﾞ'], // ideographic space
    ['ﾆｯﾎﾟﾝ', 'ﾆﾂﾎﾟﾝ'], // ッ → ﾂ, ﾎﾟ kept as two chars
    ['ニッポン', 'ﾆﾂﾎﾟﾝ'],
    ['ｶﾞｽ', 'ｶﾞｽ'], // ｶﾞｽ is not 学校法人 (no parenthesis)
    ['ヴィラ', 'ｳﾞｲﾗ'],
    ['abc ｼﾖｳｼﾞ', 'ABCｼﾖｳｼﾞ'], // lower-case Latin
    ['ＡＢＣ１２３', 'ABC123'], // full-width Latin and digits
    ['ｻﾄｳ ﾊﾅｺ', 'ｻﾄｳﾊﾅｺ'],
  ];

  it.each(table)('R-BANK-7: %s → %s', (input, want) => {
    expect(kanaKey(input)).toBe(want);
  });

  it('R-BANK-7: canonicalKana keeps the corporate abbreviation', () => {
    expect(canonicalKana('カ）タナカ　デンキ')).toBe('ｶ)ﾀﾅｶﾃﾞﾝｷ');
  });

  it('R-BANK-7: normalising twice changes nothing more (property)', () => {
    const kana = fc.string({
      unit: fc.constantFrom(...'アイウカガキャッーｰｶﾞﾊﾟｯ-（）()ｶﾕｼﾔ ａA1１'.split('')),
      maxLength: 20,
    });
    fc.assert(
      fc.property(kana, (s) => {
        const once = canonicalKana(s);
        expect(canonicalKana(once)).toBe(once);
      }),
    );
  });

  it('kana typed in any width or as hiragana is kana text; kanji and lower-case Latin are names', () => {
    for (const text of ['ﾀﾅｶ', 'タナカ', 'たなか', 'ｶ)ﾀﾅｶ', 'カ）タナカ', 'ｽｽﾞｷ ｲﾁﾛｳ', 'ABC'])
      expect([text, isKanaText(text)]).toEqual([text, true]);
    for (const text of ['田中', 'tanaka', '株式会社タナカ', ''])
      expect([text, isKanaText(text)]).toEqual([text, false]);
  });
});
