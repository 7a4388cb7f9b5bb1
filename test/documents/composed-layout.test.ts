import fc from 'fast-check';
import { create, type Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { composedLayout, scriptOf, type GlyphRun } from '../../core/documents/composed-layout';
import { FONT_BOLD, FONT_REGULAR, fontBytes } from '../../core/documents/fonts';

/** What pdfkit reads of a run: each glyph's id and position. */
function summary(run: GlyphRun): string[] {
  return run.glyphs.map((g, i) => {
    const p = run.positions[i]!;
    return `${(g as { id: number }).id}:${p.xAdvance},${p.yAdvance},${p.xOffset},${p.yOffset}`;
  });
}

const PLAIN = [
  ...' 0123456789,.-/:%()+¥（）　ACDEIKLMTVWYabcdefghiklmnoprstuvwxy',
  ...'株式会社請求書月額上限適用々〇あいうえおがぱゝアイウエオガパーヴ・ヽ、。「」〜※×ＡＢａ１２％ｶﾞｰｯ',
];

describe('D-DOC-7 words of plain characters composed as fontkit shapes them', () => {
  for (const name of [FONT_REGULAR, FONT_BOLD] as const) {
    const font = create(fontBytes(name));
    const compose = composedLayout(font);
    const shaped = (text: string) => summary(font.layout(text) as unknown as GlyphRun);

    it(`${name}: amounts, numbers and service names come out glyph for glyph and unit for unit`, () => {
      const words = [
        '¥12,345.67 ',
        '2026-11-01 ',
        'BIL-2026-000101',
        'vm.highmem.m32（vm-100-0） ',
        '37,501.4',
        'AVAVA',
      ];
      for (const word of words) {
        const run = compose(word);
        expect(run, word).not.toBeNull();
        expect(summary(run!), word).toEqual(shaped(word));
      }
    });

    it(`${name}: kerning between letters is fontkit's (A before V: 590 units rather than 608)`, () => {
      if (name !== FONT_REGULAR) return;
      expect(summary(compose('AV')!)).toEqual(['34:590,0,0,0', '55:575,0,0,0']);
      expect(summary(compose('A')!)).toEqual(['34:608,0,0,0']);
    });

    it(`${name}: every word of up to three digits and signs equals fontkit's`, () => {
      const signs = [...'0123456789,.-¥（） '];
      for (const a of signs)
        for (const b of signs) {
          expect(summary(compose(a + b)!)).toEqual(shaped(a + b));
          for (const c of signs) expect(summary(compose(a + b + c)!)).toEqual(shaped(a + b + c));
        }
    });

    it(`${name}: a random word of plain characters is fontkit's whenever it is composed`, () => {
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...PLAIN), { minLength: 1, maxLength: 16 }), (chars) => {
          const word = chars.join('');
          const run = compose(word);
          if (run) expect(summary(run)).toEqual(shaped(word));
        }),
        { numRuns: 400 },
      );
    });

    it(`${name}: company names, labels and notes in kanji and kana come out as fontkit shapes them`, () => {
      for (const word of ['株式会社ベンチ50', '請求書', '※月額上限適用 ', 'ｶ)ﾍﾞﾝﾁ', 'ＡＢＣ株式会社']) {
        expect(compose(word), word).not.toBeNull();
        expect(summary(compose(word)!), word).toEqual(shaped(word));
      }
    });

    it(`${name}: a ligature (fl), a character outside the table and the empty word are left to fontkit`, () => {
      expect(compose('internet.flat')).toBeNull();
      expect(compose('한국')).toBeNull();
      expect(compose('\u9ff0')).toBeNull();
      expect(compose('')).toBeNull();
    });
  }
});

/** A font of one glyph per character (its code), with the lookups given, shaping a ligature `abc` → 1000. */
function fakeFont(gsubLookupType: number): Font {
  const glyphs = new Map<number, { id: number }>();
  const glyph = (id: number) => glyphs.get(id) ?? glyphs.set(id, { id }).get(id)!;
  const table = (tag: string, lookupType: number, subTable: object) => ({
    featureList: [{ tag, feature: { lookupListIndexes: [0] } }],
    lookupList: { get: () => ({ lookupType, subTables: [subTable] }) },
  });
  const font = {
    GSUB: table('liga', gsubLookupType, {
      coverage: { glyphs: [97] },
      ligatureSets: { get: () => [{ components: [98, 99] }] },
    }),
    glyphsForString: (text: string) => [...text].map((c) => glyph(c.charCodeAt(0))),
    layout: (text: string): GlyphRun => {
      const ids = [...text.replaceAll('abc', '\u03e8')].map((c) => c.charCodeAt(0));
      return {
        glyphs: ids.map(glyph),
        positions: ids.map(() => ({ xAdvance: 500, yAdvance: 0, xOffset: 0, yOffset: 0 })),
      };
    },
  };
  return font as unknown as Font;
}

describe('D-DOC-7 a word is shaped in the script fontkit detects', () => {
  it('each character of the table has the script fontkit gives it alone (zzzz: Common)', () => {
    const font = create(fontBytes(FONT_REGULAR)) as unknown as { layout(text: string): { script: string } };
    let checked = 0;
    for (let code = 0; code < 0x10000; code++) {
      const script = scriptOf(code);
      if (script === null) continue;
      checked++;
      expect(font.layout(String.fromCharCode(code)).script, code.toString(16)).toBe(script);
    }
    expect(checked).toBe(21_433);
  });
});

describe('D-DOC-7 what looks past a pair of glyphs is left to fontkit', () => {
  it('a word holding a ligature of three glyphs is shaped by fontkit; the same letters apart are composed', () => {
    const compose = composedLayout(fakeFont(4));
    expect(compose('xabc')).toBeNull();
    expect(compose('xab')!.glyphs).toHaveLength(3);
    expect(compose('acb')!.glyphs).toHaveLength(3);
  });

  it('a font whose default features use a contextual lookup composes nothing', () => {
    expect(composedLayout(fakeFont(6))('xy')).toBeNull();
    expect(composedLayout(fakeFont(4))('xy')).not.toBeNull();
  });
});
