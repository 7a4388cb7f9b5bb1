import fc from 'fast-check';
import type { OpenItem } from '../../core/banking';
import { Dec } from '../../core/money';

/** Payer names in half-width kana as banks write them, with their legal forms, and none. */
export const PAYER_NAMES = ['ﾀﾅｶ', 'ｶ)ﾀﾅｶ', 'ｻﾄｳ', 'ｽｽﾞｷ', 'ﾔﾏﾀﾞ(ｶ', ''];

export interface OpenItemRow {
  due: number;
  name: string;
  statement: number;
  prepaid: boolean;
}

/** Up to 40 open items: an amount due, a payer, a statement number that repeats now and then, prepaid or not. */
export const openItemRows: fc.Arbitrary<OpenItemRow[]> = fc.array(
  fc.record({
    due: fc.integer({ min: 1, max: 3_000 }),
    name: fc.constantFrom(...PAYER_NAMES),
    statement: fc.integer({ min: 1, max: 40 }),
    prepaid: fc.boolean(),
  }),
  { maxLength: 40 },
);

export interface TransferRow {
  of: number;
  less: number;
  any: number | undefined;
  payer: string;
  edi: number | undefined;
  cancelled: boolean;
}

/**
 * One to 60 transfers: most pay an open item's amount (`of`) less a fee (`less`), some any amount, from a
 * payer, quoting a statement number in EDI or not, cancelled or not.
 */
export function transferRows(less: readonly number[], payers: readonly string[]): fc.Arbitrary<TransferRow[]> {
  return fc.array(
    fc.record({
      of: fc.nat(),
      less: fc.constantFrom(...less),
      any: fc.option(fc.integer({ min: 0, max: 3_500 }), { freq: 4, nil: undefined }),
      payer: fc.constantFrom(...payers),
      edi: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
      cancelled: fc.boolean(),
    }),
    { minLength: 1, maxLength: 60 },
  );
}

const statementNumber = (n: number) => String(n).padStart(6, '0');

/** The transfer a row stands for, against the open items' rows (an amount of ¥1,000 when there are none). */
export function transferOf(d: TransferRow, rows: readonly OpenItemRow[]) {
  return {
    amount: String(d.any ?? (rows.length === 0 ? 1_000 : rows[d.of % rows.length]!.due - d.less)),
    payer: d.payer,
    edi: d.edi === undefined ? '' : `BIL-2026-${statementNumber(d.edi)}`,
    cancelled: d.cancelled,
  };
}

/** The open items of the rows; `bareNumbers` adds each statement's number without its prefix as a reference. */
export function openItemsOf(rows: readonly OpenItemRow[], bareNumbers = false): OpenItem[] {
  return rows.map((r, i) => ({
    // Statement numbers repeat now and then: an item of a taken id is taken too.
    id: `BIL-2026-${statementNumber(r.statement)}${i % 7 === 0 ? '' : `-${i}`}`,
    kind: r.prepaid ? 'prepaid_statement' : 'monthly_bill',
    amountDue: new Dec(r.due),
    payerKana: r.name,
    references: [`BIL-2026-${statementNumber(r.statement)}`, ...(bareNumbers ? [statementNumber(r.statement)] : [])],
  }));
}
