import { describe, expect, it } from 'vitest';
import { typedSearch, type Findable } from '../../renderer/screens/common/typed-search';
import { pageOf } from '../../renderer/components/Pager';

const tanaka: Findable = {
  codes: ['CA-000123', 'M-000090', 'BIL-2026-000004'],
  names: ['株式会社田中印刷'],
  kana: ['ｶ)ﾀﾅｶｲﾝｻﾂ'],
};
const suzuki: Findable = { codes: ['CA-000124', 'M-000091', null], names: ['鈴木商店'], kana: ['ｽｽﾞｷｼﾖｳﾃﾝ'] };

describe('a list’s search as people type it (renderer/screens/common/typed-search.ts)', () => {
  it('タナカ, たなか and ﾀﾅｶ find ｶ)ﾀﾅｶｲﾝｻﾂ by the kana key, as bank matching compares payers', () => {
    for (const typed of ['タナカ', 'たなか', 'ﾀﾅｶ', 'ｶ)ﾀﾅｶ', 'たなかいんさつ']) {
      const found = typedSearch(typed);
      expect([found(tanaka), found(suzuki)], typed).toEqual([true, false]);
    }
    expect(typedSearch('すずき')(suzuki)).toBe(true);
  });

  it('codes in any case or width: bil-2026-000004, ｃａ－０００１２３, m-000090', () => {
    for (const typed of ['bil-2026-000004', 'ｃａ－０００１２３', 'm-000090', '000123'])
      expect(typedSearch(typed)(tanaka), typed).toBe(true);
    expect(typedSearch('bil-2026-000004')(suzuki)).toBe(false);
  });

  it('a part of the name; nothing typed finds everything', () => {
    expect(typedSearch('田中')(tanaka)).toBe(true);
    expect(typedSearch('田中')(suzuki)).toBe(false);
    expect(typedSearch('  ')(suzuki)).toBe(true);
  });

  it('pages of a list: 581 bills in pages of 100 end with 81; a page past the end is the last', () => {
    const rows = Array.from({ length: 581 }, (_, i) => i);
    expect(pageOf(rows, 6, 100)).toEqual({ rows: rows.slice(500), page: 6 });
    expect(pageOf(rows, 9, 100).page).toBe(6);
    expect(pageOf([], 3, 100)).toEqual({ rows: [], page: 1 });
  });
});
