import { describe, expect, it } from 'vitest';
import { cardExpiryProblems, cardValidThrough, largeCardAmountAdvice } from '../../core/billing';
import { Dec } from '../../core/money';
import { d } from '../time/date-helper';

describe('credit card acceptance', () => {
  it('R-BILL-2: an expiry MM/YY is valid through the last day of that month', () => {
    expect(cardValidThrough('07/26')).toEqual(d('2026-07-31'));
    expect(cardValidThrough('02/28')).toEqual(d('2028-02-29'));
    expect(cardValidThrough('13/26', 'card')).toEqual({
      path: 'card',
      code: 'card.expiry_invalid',
      message: 'not a card expiry as MM/YY',
    });
    expect(cardValidThrough('7/26')).toEqual({
      path: 'card.expiry',
      code: 'card.expiry_invalid',
      message: 'not a card expiry as MM/YY',
    });
  });

  it('R-BILL-2: a card must still be valid 3 months after today: 07/26 is accepted on 04-30, refused on 05-01', () => {
    expect(cardExpiryProblems('07/26', d('2026-04-30'))).toEqual([]);
    expect(cardExpiryProblems('07/26', d('2026-05-01'))).toEqual([
      {
        path: 'card.expiry',
        code: 'card.validity_too_short',
        params: { validThrough: '2026-07-31', months: 3, today: '2026-05-01', mustBeValidOn: '2026-08-01' },
        message:
          'the card is valid through 2026-07-31, less than 3 months from 2026-05-01; a card must be valid on 2026-08-01 (R-BILL-2)',
      },
    ]);
    expect(cardExpiryProblems('06/26', d('2026-04-15'))).toHaveLength(1);
    expect(cardExpiryProblems('01/25', d('2026-04-15'))).toHaveLength(1); // already expired
    expect(cardExpiryProblems('12/30', d('2026-04-15'))).toEqual([]);
  });

  it('R-BILL-2: today + 3 months is clamped to month end: 02/27 is accepted on 2026-11-30, refused on 12-01', () => {
    expect(cardExpiryProblems('02/27', d('2026-11-30'))).toEqual([]); // must be valid on 2027-02-28
    expect(cardExpiryProblems('02/27', d('2026-12-01'))).toHaveLength(1); // must be valid on 2027-03-01
    expect(cardExpiryProblems(undefined, d('2026-12-01'), 'expiry')).toEqual([
      { path: 'expiry', code: 'card.expiry_invalid', message: 'not a card expiry as MM/YY' },
    ]);
  });

  it('R-BILL-2: an amount above the limit is flagged with bank transfer or direct debit suggested', () => {
    expect(largeCardAmountAdvice(new Dec('1000000'))).toBeNull();
    const advice = largeCardAmountAdvice(new Dec('1000001'));
    expect(advice?.suggest).toEqual(['bank_transfer', 'direct_debit']);
    expect(advice?.message).toBe(
      '¥1,000,001 is above ¥1,000,000: a card charge this large may fail; bank transfer or direct debit is suggested',
    );
    expect(largeCardAmountAdvice(new Dec('300001'), new Dec('300000'))?.limit.toString()).toBe('300000');
    expect(largeCardAmountAdvice(new Dec('300000'), new Dec('300000'))).toBeNull();
  });
});
