import fc from 'fast-check';
import { create } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { FONT_BOLD, FONT_REGULAR, fontBytes } from '../../core/documents/fonts';
import { withSharedGlyphs } from '../../core/documents/shared-glyphs';

interface Subset {
  includeGlyph(gid: number): number;
  encode(): Uint8Array;
}
type SubsettingFont = { createSubset(): Subset; numGlyphs: number };

describe('D-DOC-8 a font subset written as fontkit writes it', () => {
  for (const name of [FONT_REGULAR, FONT_BOLD] as const) {
    const plain = create(fontBytes(name)) as unknown as SubsettingFont;
    // Fonts of their own: a subset reads glyphs no text of the documents' shared fonts would.
    const shared = withSharedGlyphs(create(fontBytes(name))) as unknown as SubsettingFont;
    const both = (glyphs: readonly number[]) =>
      [plain, shared].map((font) => {
        const subset = font.createSubset();
        for (const g of glyphs) subset.includeGlyph(g);
        return Buffer.from(subset.encode());
      });

    it(`${name}: the glyphs of a statement, byte for byte (a file of some 1,420 bytes)`, () => {
      const [fontkit, ours] = both([18, 19, 500, 15399, 34, 1234, 15286, 78, 46]);
      expect(ours!.length).toBe(name === FONT_REGULAR ? 1_420 : 1_421);
      expect(ours!.equals(fontkit!)).toBe(true);
    });

    it(`${name}: any glyphs in any order, compound ones included, byte for byte`, () => {
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 0, max: plain.numGlyphs - 1 }), { maxLength: 300 }), (glyphs) => {
          const [fontkit, ours] = both(glyphs);
          expect(ours!.equals(fontkit!)).toBe(true);
        }),
        { numRuns: 60 },
      );
    });

    it(`${name}: a subset of 5,000 glyphs, byte for byte`, () => {
      const [fontkit, ours] = both(Array.from({ length: 5_000 }, (_, i) => (i * 7919) % plain.numGlyphs));
      expect(ours!.equals(fontkit!)).toBe(true);
    });
  }
});
