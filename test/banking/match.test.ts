import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../core/money';
import {
  DepositMatcher,
  matchDeposits,
  matchReportToJson,
  type BankDeposit,
  type MatchOutcome,
  type OpenItem,
} from '../../core/banking';

const item = (id: string, amountDue: string, payerKana: string, references?: string[]): OpenItem => ({
  id,
  kind: id.startsWith('ST') ? 'prepaid_statement' : 'monthly_bill',
  amountDue: new Dec(amountDue),
  payerKana,
  ...(references ? { references } : {}),
});

const deposit = (amount: string, payer: string, extra: Partial<BankDeposit> = {}): BankDeposit => ({
  date: '2026-12-01',
  amount,
  payer,
  reference: `test:${amount}:${payer}`,
  cancelled: false,
  format: 'zengin-01',
  record: 2,
  edi: '',
  ...extra,
});

const summary = (o: MatchOutcome): unknown =>
  o.status === 'matched'
    ? { status: o.status, itemId: o.itemId, basis: o.basis, fee: o.fee.toFixed() }
    : { status: o.status, reason: 'reason' in o ? o.reason : undefined, candidates: o.candidates.map((c) => c.itemId) };

describe('matching deposits to open items', () => {
  const items = [
    item('BILL-1', '33000', 'ﾀﾅｶﾃﾞﾝｷ'),
    item('BILL-2', '48500', 'ｻﾄｳﾊﾅｺ'),
    item('ST-7', '110000', 'ｽｽﾞｷｼﾖｳｼﾞ', ['ST20261234', '12345']),
  ];

  it('R-BANK-8: the exact amount and the name → matched, fee 0', () => {
    expect(summary(new DepositMatcher(items).match(deposit('33000', 'ﾀﾅｶﾃﾞﾝｷ')))).toEqual({
      status: 'matched',
      itemId: 'BILL-1',
      basis: 'amount_and_name',
      fee: '0',
    });
  });

  it('R-BANK-8: 32,560 for a 33,000 bill (fee 440 deducted, within 880) → matched with fee 440', () => {
    expect(summary(new DepositMatcher(items).match(deposit('32560', 'ﾀﾅｶﾃﾞﾝｷ')))).toEqual({
      status: 'matched',
      itemId: 'BILL-1',
      basis: 'amount_and_name',
      fee: '440',
    });
  });

  it('R-BANK-8: a shortfall of exactly 880 is within the default tolerance; 881 is not (review)', () => {
    expect(summary(new DepositMatcher(items).match(deposit('32120', 'ﾀﾅｶﾃﾞﾝｷ')))).toEqual({
      status: 'matched',
      itemId: 'BILL-1',
      basis: 'amount_and_name',
      fee: '880',
    });
    expect(summary(new DepositMatcher(items).match(deposit('32119', 'ﾀﾅｶﾃﾞﾝｷ')))).toEqual({
      status: 'review',
      reason: 'shortfall_beyond_tolerance',
      candidates: ['BILL-1'],
    });
  });

  it('R-BANK-8: the tolerance is configurable: with 330, a 440 shortfall goes to review', () => {
    const matcher = new DepositMatcher(items, { feeTolerance: new Dec(330) });
    expect(summary(matcher.match(deposit('32560', 'ﾀﾅｶﾃﾞﾝｷ')))).toEqual({
      status: 'review',
      reason: 'shortfall_beyond_tolerance',
      candidates: ['BILL-1'],
    });
  });

  it('R-BANK-8: a name written with ｶ) before it, or (ｶ after it, or in full-width kana, still matches', () => {
    for (const payer of ['ｶ)ﾀﾅｶﾃﾞﾝｷ', 'ﾀﾅｶﾃﾞﾝｷ(ｶ', 'カ）タナカデンキ', 'ﾀﾅｶ ﾃﾞﾝｷ']) {
      expect(summary(new DepositMatcher(items).match(deposit('33000', payer)))).toEqual({
        status: 'matched',
        itemId: 'BILL-1',
        basis: 'amount_and_name',
        fee: '0',
      });
    }
  });

  it('R-BANK-8: a member number written before the name does not stop the name match', () => {
    expect(summary(new DepositMatcher(items).match(deposit('48500', '0042 ｻﾄｳ ﾊﾅｺ')))).toEqual({
      status: 'matched',
      itemId: 'BILL-2',
      basis: 'amount_and_name',
      fee: '0',
    });
  });

  it('R-BANK-8: two bills of the same amount for the same payer → review, both listed', () => {
    const twins = [item('BILL-10', '22000', 'ﾀﾅｶﾃﾞﾝｷ'), item('BILL-11', '22000', 'ﾀﾅｶﾃﾞﾝｷ')];
    expect(summary(new DepositMatcher(twins).match(deposit('22000', 'ｶ)ﾀﾅｶﾃﾞﾝｷ')))).toEqual({
      status: 'review',
      reason: 'several_candidates',
      candidates: ['BILL-10', 'BILL-11'],
    });
  });

  it('R-BANK-8: an excess (34,000 for 33,000) → review with the bill as candidate', () => {
    expect(summary(new DepositMatcher(items).match(deposit('34000', 'ﾀﾅｶﾃﾞﾝｷ')))).toEqual({
      status: 'review',
      reason: 'excess',
      candidates: ['BILL-1'],
    });
  });

  it('R-BANK-8: a statement number in the EDI field or a member number in the payer name → matched, whatever the name', () => {
    expect(summary(new DepositMatcher(items).match(deposit('110000', 'ﾔﾏﾀﾞ ﾀﾛｳ', { edi: 'ST20261234' })))).toEqual({
      status: 'matched',
      itemId: 'ST-7',
      basis: 'reference',
      fee: '0',
    });
    expect(summary(new DepositMatcher(items).match(deposit('109560', '12345 ﾔﾏﾀﾞ')))).toEqual({
      status: 'matched',
      itemId: 'ST-7',
      basis: 'reference',
      fee: '440',
    });
    expect(summary(new DepositMatcher(items).match(deposit('120000', 'ﾔﾏﾀﾞ', { edi: 'ST20261234' })))).toEqual({
      status: 'review',
      reason: 'excess',
      candidates: ['ST-7'],
    });
  });

  it('R-BANK-10: a reference shorter than 4 characters is ignored (123 in a name is not a match)', () => {
    const short = [item('BILL-20', '5000', 'ｱｲｳ', ['123'])];
    expect(summary(new DepositMatcher(short).match(deposit('7000', 'ｶｷｸ 123')))).toEqual({
      status: 'unknown',
      reason: undefined,
      candidates: [],
    });
  });

  it('R-BANK-8: the amount without the name → review (name_differs); neither → unknown', () => {
    expect(summary(new DepositMatcher(items).match(deposit('48500', 'ﾔﾏﾀﾞ ﾀﾛｳ')))).toEqual({
      status: 'review',
      reason: 'name_differs',
      candidates: ['BILL-2'],
    });
    expect(summary(new DepositMatcher(items).match(deposit('48300', 'ﾔﾏﾀﾞ ﾀﾛｳ')))).toEqual({
      status: 'review',
      reason: 'name_differs',
      candidates: ['BILL-2'],
    });
    expect(summary(new DepositMatcher(items).match(deposit('77777', 'ﾔﾏﾀﾞ ﾀﾛｳ')))).toEqual({
      status: 'unknown',
      reason: undefined,
      candidates: [],
    });
  });

  it('R-BANK-8: candidates are listed best first: the name and exact amount before the amount alone', () => {
    const list = [
      item('A', '50000', 'ﾎｶﾉｶｲｼﾔ'),
      item('B', '50440', 'ﾀﾅｶﾃﾞﾝｷ'),
      item('C', '50000', 'ﾀﾅｶﾃﾞﾝｷ'),
      item('D', '50000', 'ﾀﾅｶﾃﾞﾝｷ'),
    ];
    const outcome = new DepositMatcher(list).match(deposit('50000', 'ﾀﾅｶﾃﾞﾝｷ'));
    expect(summary(outcome)).toEqual({
      status: 'review',
      reason: 'several_candidates',
      candidates: ['C', 'D', 'B', 'A'],
    });
  });

  it('R-BANK-5: a cancelled deposit is never matched, even with the exact amount and name', () => {
    expect(summary(new DepositMatcher(items).match(deposit('33000', 'ﾀﾅｶﾃﾞﾝｷ', { cancelled: true })))).toEqual({
      status: 'cancelled',
      reason: undefined,
      candidates: [],
    });
  });

  it('R-BANK-9: an item matched by one deposit is not matched again by a second deposit of the import', () => {
    const report = matchDeposits([deposit('33000', 'ﾀﾅｶﾃﾞﾝｷ'), deposit('33000', 'ﾀﾅｶﾃﾞﾝｷ', { record: 3 })], items);
    expect(report.results.map((r) => summary(r.outcome))).toEqual([
      { status: 'matched', itemId: 'BILL-1', basis: 'amount_and_name', fee: '0' },
      { status: 'review', reason: 'already_matched', candidates: ['BILL-1'] },
    ]);
  });

  it('R-BANK-8: the import summary counts and sums matched, awaiting review, unknown and cancelled deposits', () => {
    const report = matchDeposits(
      [
        deposit('32560', 'ｶ)ﾀﾅｶﾃﾞﾝｷ'), // matched, fee 440
        deposit('48500', 'ｻﾄｳ ﾊﾅｺ'), // matched
        deposit('34000', 'ﾜﾀﾅﾍﾞ'), // unknown: no amount, name or reference in common
        deposit('110000', 'ﾔﾏﾀﾞ'), // review: amount of ST-7, other name
        deposit('10000', 'ﾔﾏﾀﾞ ﾀﾛｳ', { cancelled: true }),
      ],
      items,
    );
    const s = report.summary;
    expect([s.matched.count, s.matched.amount.toFixed(), s.fees.toFixed()]).toEqual([2, '81060', '440']);
    expect([s.review.count, s.review.amount.toFixed()]).toEqual([1, '110000']);
    expect([s.unknown.count, s.unknown.amount.toFixed()]).toEqual([1, '34000']);
    expect([s.cancelled.count, s.cancelled.amount.toFixed()]).toEqual([1, '10000']);
  });

  it('R-BANK-8: a match fee is never negative and never above the tolerance; a matched item owes at least the deposit (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ due: fc.integer({ min: 1, max: 200_000 }), name: fc.constantFrom('ﾀﾅｶ', 'ｻﾄｳ', 'ｽｽﾞｷ') }),
          { minLength: 1, maxLength: 20 },
        ),
        fc.integer({ min: 1, max: 200_000 }),
        fc.constantFrom('ﾀﾅｶ', 'ｻﾄｳ', 'ｽｽﾞｷ', 'ﾔﾏﾀﾞ'),
        fc.integer({ min: 0, max: 2000 }),
        (dues, amount, payer, tolerance) => {
          const list = dues.map((d, i) => item(`I${i}`, String(d.due), d.name));
          const outcome = new DepositMatcher(list, { feeTolerance: new Dec(tolerance) }).match(
            deposit(String(amount), payer),
          );
          if (outcome.status !== 'matched') return;
          const matched = list.find((i) => i.id === outcome.itemId)!;
          expect(outcome.fee.isNegative()).toBe(false);
          expect(outcome.fee.lessThanOrEqualTo(tolerance)).toBe(true);
          expect(matched.amountDue.minus(amount).equals(outcome.fee)).toBe(true);
          expect(matched.payerKana).toBe(payer);
        },
      ),
    );
  });

  it('R-BANK-8: an empty payer name (a cash deposit) never name-matches an item whose kana normalises to nothing', () => {
    const odd = [item('BILL-30', '5000', 'ｶ)')];
    expect(summary(new DepositMatcher(odd).match(deposit('7000', '')))).toEqual({
      status: 'unknown',
      reason: undefined,
      candidates: [],
    });
  });

  it('R-BANK-8: the report as JSON carries money as decimal strings', () => {
    const json = matchReportToJson(matchDeposits([deposit('32560', 'ｶ)ﾀﾅｶﾃﾞﾝｷ')], items)) as {
      results: { status: string; fee: string; candidates: { amountDue: string; difference: string }[] }[];
      summary: { matched: { count: number; amount: string }; fees: string };
    };
    expect(json.results[0]).toMatchObject({
      status: 'matched',
      itemId: 'BILL-1',
      fee: '440',
      reference: 'test:32560:ｶ)ﾀﾅｶﾃﾞﾝｷ',
    });
    expect(json.results[0]!.candidates[0]).toMatchObject({
      itemId: 'BILL-1',
      amountDue: '33000',
      difference: '-440',
      nameMatches: true,
    });
    expect(json.summary).toMatchObject({ matched: { count: 1, amount: '32560' }, fees: '440' });
  });

  it("R-BANK-11: 500 prepaid statements of 30,000 yen: the member's own is matched by name; a stranger's 30,000 lists 10 candidates", () => {
    const many = Array.from({ length: 500 }, (_, i) => item(`ST-${i}`, '30000', `ｶｲｲﾝ${i}`));
    const matcher = new DepositMatcher([...many, item('ST-X', '30000', 'ﾀﾅｶﾃﾞﾝｷ')]);
    expect(summary(matcher.match(deposit('30000', 'ｶ)ﾀﾅｶﾃﾞﾝｷ')))).toMatchObject({
      status: 'matched',
      itemId: 'ST-X',
      fee: '0',
    });
    const stranger = matcher.match(deposit('30000', 'ﾔﾏﾀﾞ'));
    expect(stranger.status).toBe('review');
    expect(stranger.candidates.map((c) => c.itemId)).toEqual(Array.from({ length: 10 }, (_, i) => `ST-${i}`));
  });
});
