import { describe, expect, it } from 'vitest';
import { prepaidOffice, HANAKO, YAMADA } from './office';
import { DEMO_SELLER } from '../../core/demo/demo-seller';
import type { FileToSave } from '../../core/api/file-output';

describe('estimates and prepaid statements', () => {
  it('R-PRE-1: amounts of 10,000, 30,000, 50,000 and 123,457 yen are accepted; 20,000, 49,999 and 0 are refused, naming the amount', async () => {
    const t = await prepaidOffice();
    try {
      const m = await t.ok<{ memberNumber: string }>('members.create', YAMADA, 'sales');
      for (const amount of ['10000', '30000', '50000', '123457']) {
        expect(await t.ok('estimates.draft', { memberNumber: m.memberNumber, amount }, 'sales')).toMatchObject({
          amount,
          status: 'draft',
        });
      }
      const before = [await t.count('prepaid_applications'), await t.count('counters'), await t.count('audit_log')];
      for (const amount of ['20000', '49999']) {
        expect(await t.office.call('estimates.draft', { memberNumber: m.memberNumber, amount }, 'sales')).toMatchObject(
          {
            ok: false,
            kind: 'invalid',
            problems: [{ path: 'amount', message: expect.stringContaining('R-PRE-1') }],
          },
        );
      }
      expect(
        await t.office.call('estimates.draft', { memberNumber: m.memberNumber, amount: '0' }, 'sales'),
      ).toMatchObject({ ok: false, problems: [{ path: 'amount' }] });
      expect(
        await t.office.call('estimates.draft', { memberNumber: m.memberNumber, amount: 50000 }, 'sales'),
      ).toMatchObject({ ok: false, problems: [{ path: 'amount' }] });
      expect([await t.count('prepaid_applications'), await t.count('counters'), await t.count('audit_log')]).toEqual(
        before,
      );
    } finally {
      await t.close();
    }
  });

  it('R-PARTY-3: an individual cannot get a prepaid estimate', async () => {
    const t = await prepaidOffice();
    try {
      const m = await t.ok<{ memberNumber: string }>('members.create', HANAKO, 'sales');
      expect(
        await t.office.call('estimates.draft', { memberNumber: m.memberNumber, amount: '10000' }, 'sales'),
      ).toMatchObject({
        ok: false,
        kind: 'invalid',
        problems: [{ path: 'memberNumber', message: expect.stringContaining('R-PARTY-3') }],
      });
      expect(await t.count('prepaid_applications')).toBe(0);
    } finally {
      await t.close();
    }
  });

  it('R-PRE-2: one estimate per application, numbered EST-2026-000001…, editable only while draft, issued for 30 days, then one statement', async () => {
    const t = await prepaidOffice('2026-03-02T01:00:00.000Z'); // Mon 2 March 2026, 10:00 JST
    try {
      const m = await t.ok<{ memberNumber: string }>('members.create', YAMADA, 'sales');
      const a = await t.ok<{ estimateNumber: string }>(
        'estimates.draft',
        { memberNumber: m.memberNumber, amount: '50000', notes: ['検収後のお支払い'] },
        'sales',
      );
      const b = await t.ok<{ estimateNumber: string }>(
        'estimates.draft',
        { memberNumber: m.memberNumber, amount: '10000' },
        'sales',
      );
      expect([a.estimateNumber, b.estimateNumber]).toEqual(['EST-2026-000001', 'EST-2026-000002']);
      expect(
        await t.ok('estimates.update', { estimateNumber: a.estimateNumber, amount: '60000' }, 'sales'),
      ).toMatchObject({ amount: '60000', validUntil: null });
      expect(await t.ok('estimates.issue', { estimateNumber: a.estimateNumber }, 'sales')).toMatchObject({
        status: 'issued',
        amount: '60000',
        validUntil: '2026-04-01',
        issuedAt: '2026-03-02T01:00:00.000Z',
      });
      expect(
        await t.office.call('estimates.update', { estimateNumber: a.estimateNumber, amount: '70000' }, 'sales'),
      ).toMatchObject({
        ok: false,
        problems: [{ path: 'estimateNumber', message: expect.stringContaining('is issued') }],
      });
      expect(await t.office.call('estimates.issue', { estimateNumber: a.estimateNumber }, 'accounting')).toMatchObject({
        ok: false,
        kind: 'forbidden',
      });

      // Statement: BIL number, due 14 days later (Mon 16 March), payer name = statement digits + kana.
      const st = await t.ok('prepaid.issueStatement', { estimateNumber: a.estimateNumber }, 'sales');
      expect(st).toEqual({
        statementNumber: 'BIL-2026-000001',
        estimateNumber: 'EST-2026-000001',
        amount: '60000',
        dueDate: '2026-03-16',
        payerNameKana: '2026000001 ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ',
      });
      expect(
        await t.office.call('prepaid.issueStatement', { estimateNumber: a.estimateNumber }, 'sales'),
      ).toMatchObject({ ok: false, kind: 'invalid' });
      expect(await t.ok('estimates.get', { estimateNumber: a.estimateNumber }, 'supervisor')).toMatchObject({
        status: 'billed',
      });

      // The other estimate is cancelled; a cancelled one cannot be issued.
      expect(await t.ok('estimates.cancel', { estimateNumber: b.estimateNumber }, 'sales')).toMatchObject({
        status: 'cancelled',
      });
      expect(await t.office.call('estimates.issue', { estimateNumber: b.estimateNumber }, 'sales')).toMatchObject({
        ok: false,
        kind: 'invalid',
      });
      expect(await t.ok<unknown[]>('estimates.list', { memberNumber: m.memberNumber }, 'accounting')).toHaveLength(2);
    } finally {
      await t.close();
    }
  });

  it('an issued estimate expires after its validity: shown as expired, and no statement follows it', async () => {
    const t = await prepaidOffice('2026-03-02T01:00:00.000Z');
    try {
      const m = await t.ok<{ memberNumber: string }>('members.create', YAMADA, 'sales');
      const { estimateNumber } = await t.ok<{ estimateNumber: string }>(
        'estimates.draft',
        { memberNumber: m.memberNumber, amount: '30000', validDays: 7 },
        'sales',
      );
      const a = { estimateNumber };
      await t.ok('estimates.issue', { estimateNumber: a.estimateNumber }, 'sales');
      t.at('2026-03-09T14:59:59.000Z'); // 23:59:59 JST on 9 March, the last valid day
      expect(await t.ok('estimates.get', a, 'sales')).toMatchObject({ status: 'issued', validUntil: '2026-03-09' });
      t.at('2026-03-09T15:00:00.000Z'); // 10 March JST
      expect(await t.ok('estimates.get', a, 'sales')).toMatchObject({ status: 'expired' });
      expect(await t.office.call('prepaid.issueStatement', a, 'sales')).toMatchObject({
        ok: false,
        problems: [{ path: 'estimateNumber', message: 'EST-2026-000001 expired on 2026-03-09: draft a new estimate' }],
      });
    } finally {
      await t.close();
    }
  });

  it('R-TAX-5, D-PRE-M: estimate and statement PDFs carry the number, the rep, the amount outside tax, the seller’s bank account, the due date and the payer name', async () => {
    const t = await prepaidOffice('2026-03-02T01:00:00.000Z');
    try {
      await t.ok('seller.set', { seller: DEMO_SELLER, effectiveFrom: '2026-03-02' }, 'admin');
      const m = await t.ok<{ memberNumber: string }>('members.create', YAMADA, 'sales');
      const { estimateNumber } = await t.ok<{ estimateNumber: string }>(
        'estimates.draft',
        { memberNumber: m.memberNumber, amount: '120000' },
        'sales',
      );
      const a = { estimateNumber };
      const draft = t.pdfText((await t.ok<{ file: FileToSave }>('estimates.pdf', a, 'sales')).file.base64, 'draft');
      expect(draft).toContain('下書き');
      expect(draft).toMatch(/担当者\s+sales/);
      expect(draft).toContain('2026年4月1日'); // valid 30 days if issued today
      await t.ok('estimates.issue', a, 'sales');
      const { file: estimate } = await t.ok<{ file: FileToSave }>('estimates.pdf', a, 'accounting');
      expect(estimate).toMatchObject({ name: 'EST-2026-000001.pdf', mediaType: 'application/pdf' });
      const text = t.pdfText(estimate.base64, 'estimate');
      for (const word of ['見積書', 'EST-2026-000001', '株式会社山田商事', '¥120,000', '対象外', '2026年4月1日'])
        expect(text).toContain(word);
      expect(text).not.toContain('下書き');
      expect(text).not.toContain('DRAFT');
      expect(text).toMatch(/担当者\s+sales/);
      const { statementNumber } = await t.ok<{ statementNumber: string }>('prepaid.issueStatement', a, 'sales');
      const stText = t.pdfText(
        (await t.ok<{ file: FileToSave }>('prepaid.statementPdf', { statementNumber }, 'accounting')).file.base64,
        'statement',
      );
      for (const word of [
        '請求書',
        'BIL-2026-000001',
        'EST-2026-000001',
        '¥120,000',
        'みずなみ銀行',
        '1234567',
        '2026年3月16日',
        '2026000001 ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ',
      ]) {
        expect(stText).toContain(word);
      }
    } finally {
      await t.close();
    }
  });
});
