import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors';
import { parseBankFile } from '../../core/banking';

const shared = path.resolve(__dirname, '../../../shared/examples/bank');
const fixtures = path.resolve(__dirname, '../fixtures/bank');
const samples = [
  readFileSync(path.join(shared, 'notice01.dat')),
  readFileSync(path.join(shared, 'statement03.dat')),
  ...['notice01-nobreaks.dat', 'statement03-mixed.dat', 'sbi.csv', 'rakuten.csv', 'anser.csv'].map((f) =>
    readFileSync(path.join(fixtures, f)),
  ),
];

/** Parses; passes when it returns or throws an InputError, fails on any other throw. */
function parsesOrRefuses(bytes: Uint8Array): void {
  try {
    const parsed = parseBankFile(bytes);
    for (const d of parsed.deposits) {
      expect(d.amount).toMatch(/^(0|[1-9]\d*)$/);
      expect(d.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    expect(e.problems.length).toBeGreaterThan(0);
  }
}

const mutation = fc.record({
  sample: fc.nat({ max: samples.length - 1 }),
  edits: fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { maxLength: 8 }),
  cut: fc.option(fc.nat()),
  insert: fc.option(fc.record({ at: fc.nat(), bytes: fc.uint8Array({ maxLength: 4 }) })),
});

describe('bad bytes', () => {
  it('R-BANK-4: random bytes are read or refused with an InputError, never another error', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1200 }), (bytes) => parsesOrRefuses(bytes)),
      { numRuns: 500 },
    );
  });

  it('R-BANK-4: random bytes behind a Zengin or CSV opening are read or refused with an InputError', () => {
    const openings = ['101', '103', '1', '2', '8', '9', '"日付",', '取引日,', '\uFEFF'].map((s) =>
      Buffer.from(s, 'utf8'),
    );
    fc.assert(
      fc.property(fc.constantFrom(...openings), fc.uint8Array({ maxLength: 1200 }), (head, tail) =>
        parsesOrRefuses(Buffer.concat([head, tail])),
      ),
      { numRuns: 500 },
    );
  });

  it('R-BANK-4: mutated, truncated and spliced example files are read or refused with an InputError', () => {
    fc.assert(
      fc.property(mutation, ({ sample, edits, cut, insert }) => {
        let bytes = Buffer.from(samples[sample]!);
        for (const { at, byte } of edits) bytes[at % bytes.length] = byte;
        if (insert) {
          const at = insert.at % (bytes.length + 1);
          bytes = Buffer.concat([bytes.subarray(0, at), insert.bytes, bytes.subarray(at)]);
        }
        if (cut !== null) bytes = bytes.subarray(0, cut % (bytes.length + 1));
        parsesOrRefuses(bytes);
      }),
      { numRuns: 1000 },
    );
  });

  it('R-BANK-4: a mutated digit in an amount is always caught by the trailer total (the file is refused)', () => {
    const file = readFileSync(path.join(shared, 'notice01.dat'));
    // record 2's amount is columns 20–29 of the second CRLF-separated record (offset 202).
    fc.assert(
      fc.property(fc.integer({ min: 19, max: 28 }), fc.integer({ min: 0, max: 9 }), (column, digit) => {
        const bytes = Buffer.from(file);
        const at = 202 + column;
        fc.pre(bytes[at] !== 0x30 + digit);
        bytes[at] = 0x30 + digit;
        expect(() => parseBankFile(bytes)).toThrow(/record 4 \(trailer\) total amount/);
      }),
    );
  });
});
