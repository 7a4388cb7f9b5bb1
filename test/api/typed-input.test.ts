import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemberInput } from '../../core/api/schemas/members';
import { confirmDepositInput } from '../../core/api/schemas/prepaid';
import { monthInput } from '../../core/api/schemas/billing';
import { typedCode, typedDate, typedKana, typedYen } from '../../core/api/schemas/typed';
import { HALF_WIDTH_KANA, kanaKey } from '../../core/kana';

describe('input as people type it in Japan, read one way by every door (core/api/schemas/typed.ts)', () => {
  it('amounts: full-width digits, thousands separators, a yen sign or 円 are the same yen', () => {
    for (const typed of [
      '50000',
      '50,000',
      '５００００',
      '５０，０００',
      '¥50,000',
      '￥５０，０００',
      '50,000円',
      ' 50,000 ',
    ])
      expect(typedYen(typed), typed).toBe('50000');
  });

  it('document numbers: lower case, full width, a long-vowel mark for the hyphen, as printed', () => {
    for (const typed of ['bil-2026-000004', 'BIL-2026-000004', 'ｂｉｌー２０２６ー０００００４', ' Bil－2026－000004 '])
      expect(typedCode(typed), typed).toBe('BIL-2026-000004');
    expect(typedCode('m-000123')).toBe('M-000123');
    expect(typedDate('２０２６ー１０')).toBe('2026-10');
  });

  it('フリガナ: full-width katakana, hiragana and half-width all become the bank’s half-width kana', () => {
    expect(typedKana('タナカ　ハナコ')).toBe('ﾀﾅｶ ﾊﾅｺ');
    expect(typedKana('たなか はなこ')).toBe('ﾀﾅｶ ﾊﾅｺ');
    expect(typedKana('カ）タナカデンキ')).toBe('ｶ)ﾀﾅｶﾃﾞﾝｷ');
    expect(typedKana('ｶ)ﾀﾅｶﾃﾞﾝｷ')).toBe('ｶ)ﾀﾅｶﾃﾞﾝｷ');
    expect(typedKana('スズキ　パン')).toBe('ｽｽﾞｷ ﾊﾟﾝ');
  });

  it('typed kana is always what the schema stores and matches the kana key of the same name (property)', () => {
    const unit = fc.constantFrom(...'アイウカガキャッーたなかはぱタナカﾀﾅｶﾞ　 （）'.split(''));
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 12 }), (chars) => {
        const typed = chars.join('');
        const stored = typedKana(typed);
        if (stored === '') return;
        expect(stored).toMatch(HALF_WIDTH_KANA);
        expect(typedKana(stored)).toBe(stored);
        expect(kanaKey(stored)).toBe(kanaKey(typed));
      }),
    );
  });

  it('the catalog’s schemas read them: a member typed in hiragana, a deposit of "５０，０００" for a lower-case number', () => {
    const member = createMemberInput.parse({
      kind: 'corporation',
      name: '株式会社田中電機',
      nameKana: 'かぶしきがいしゃ たなかでんき',
      email: 'keiri@tanaka.example.jp',
    });
    expect(member.nameKana).toBe('ｶﾌﾞｼｷｶﾞｲｼｬ ﾀﾅｶﾃﾞﾝｷ');
    const deposit = confirmDepositInput.parse({
      statementNumber: 'bil-2026-000004',
      amount: '５０，０００',
      valueDate: '2026-11-20',
      bankReference: 'R-1',
    });
    expect(deposit).toMatchObject({ statementNumber: 'BIL-2026-000004', amount: '50000' });
    expect(monthInput.parse({ month: '２０２６－１０' })).toEqual({ month: '2026-10' });
  });

  it('what is not an amount or a number stays refused: "5万", "50,000.5", "BIL-26-1"', () => {
    for (const amount of ['5万', '50,000.5', '-50,000', ''])
      expect(
        confirmDepositInput.safeParse({
          statementNumber: 'BIL-2026-000004',
          amount,
          valueDate: '2026-11-20',
          bankReference: 'R',
        }).success,
        amount,
      ).toBe(false);
    expect(
      confirmDepositInput.safeParse({
        statementNumber: 'BIL-26-1',
        amount: '1',
        valueDate: '2026-11-20',
        bankReference: 'R',
      }).success,
    ).toBe(false);
  });
});
