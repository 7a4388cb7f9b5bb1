import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditedInput, canonicalJson, inputDigest } from '../../core/ledger/audit';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe("an audit row's input digest", () => {
  it('D-SEC-9: the digest hashed piece by piece is sha256 of the canonical JSON, long strings of any characters included (property)', () => {
    // Long strings: base64 (written as they are), and ones JSON escapes or that are not ASCII.
    const long = fc
      .tuple(
        fc.constantFrom('QUJD', 'a"b', 'x\\y', 'ﾀﾅｶ', 'é', '\n', '\u2028', '😀'),
        fc.integer({ min: 4_096, max: 4_200 }),
      )
      .map(([unit, times]) => unit.repeat(times));
    const value = fc.letrec((tie) => ({
      any: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue({ maxDepth: 2 }),
        long,
        fc.constant(undefined),
        fc.array(tie('any'), { maxLength: 4 }),
        fc.dictionary(fc.string({ maxLength: 6 }), tie('any'), { maxKeys: 4 }),
      ),
    })).any;
    fc.assert(
      fc.property(value, (v) => {
        expect(inputDigest(v)).toBe(sha256(canonicalJson(v)));
      }),
      { numRuns: 300 },
    );
  });

  it('D-SEC-9: a bank file inline is digested as its canonical JSON, and stored as its start, length and sha256', () => {
    // 2.5 MB of base64: hashed a megabyte at a time, the last piece shorter.
    const contentBase64 = Buffer.from(Array.from({ length: 1_900_000 }, (_, i) => (i * 7) % 256)).toString('base64');
    const input = { fileName: '入金.dat', contentBase64 };
    expect(inputDigest(input)).toBe(sha256(`{"contentBase64":"${contentBase64}","fileName":"入金.dat"}`));
    expect(JSON.parse(auditedInput(input))).toEqual({
      fileName: '入金.dat',
      contentBase64: `${contentBase64.slice(0, 200)}… (2533336 characters, sha256 ${sha256(contentBase64)})`,
    });
  });
});
