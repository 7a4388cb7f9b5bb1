import { beforeAll, describe, expect, it } from 'vitest';
import { Dec } from '../../core/money';
import { renderEstimate } from '../../core/documents';
import { CUSTOMER, ESTIMATE, SELLER } from './fixtures';
import { problemsOf } from './input-problems';
import { pdfFonts, pdfRawText, pdfText, savePdf } from './pdf-tools';

describe('見積書 (estimate)', () => {
  let path = '';
  let text = '';
  beforeAll(async () => {
    path = savePdf('estimate.pdf', await renderEstimate(ESTIMATE, SELLER));
    text = pdfText(path);
  });

  it('R-PRE-2: the estimate shows title, number, issue date, validity and the amount ¥110,000-(税込)', () => {
    expect(text).toContain('見積書');
    expect(text).toContain('EST-2026-000123');
    expect(text).toMatch(/発行日\s+2026年10月1日/);
    expect(text).toMatch(/有効期限\s+2026年10月31日/);
    expect(text).toMatch(/御見積金額\s+¥110,000-\s*（税込）/);
    expect(text).toContain('プリペイドクレジットのご購入');
  });

  it('D-PRE-M: a draft carries DRAFT / 下書き across the page and names the rep in charge; the issued one neither mark', async () => {
    const draft = savePdf(
      'estimate-draft.pdf',
      await renderEstimate({ ...ESTIMATE, draft: true, repName: '営業 花子' }, SELLER),
    );
    expect(pdfRawText(draft).replace(/\s+/g, '')).toContain('DRAFT/下書き');
    expect(pdfText(draft)).toMatch(/担当者\s+営業 花子/);
    expect(pdfRawText(path)).not.toContain('DRAFT');
    expect(text).not.toContain('担当者');
  });

  it('R-PARTY-1: a corporation is addressed 御中', () => {
    expect(text).toContain('株式会社山田商事 御中');
    expect(text).not.toContain('様');
  });

  it('R-TAX-3: the seller block shows the registration number and the tax per rate', () => {
    expect(text).toContain('登録番号 T1120001234567');
    expect(text).toMatch(/10%対象 ¥100,000\s+消費税 ¥10,000/);
    expect(text).toMatch(/小計（税抜）\s+¥100,000/);
    expect(text).toMatch(/合計（税込）\s+¥110,000/);
    expect(text).toMatch(/プリペイドクレジット 100,000円分\s+1\s*式\s+¥100,000\s+¥100,000/);
  });

  it('embeds Noto Sans JP as subsets (regular and bold)', () => {
    const fonts = pdfFonts(path);
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
      'NotoSansJP-Bold',
      'NotoSansJP-Regular',
    ]);
    for (const font of fonts) expect(font).toMatchObject({ embedded: true, subset: true });
  });

  it('gives the same bytes for the same input (the creation date is the issue date)', async () => {
    const again = await renderEstimate(ESTIMATE, SELLER);
    const first = await renderEstimate(ESTIMATE, SELLER);
    expect(again.equals(first)).toBe(true);
  });

  it('R-PARTY-1: an individual is addressed 様; a named contact at a corporation gets 様 after the company', async () => {
    const person = pdfText(
      savePdf(
        'estimate-individual.pdf',
        await renderEstimate({ ...ESTIMATE, addressee: { kind: 'individual', name: '山田太郎' } }, SELLER),
      ),
    );
    expect(person).toContain('山田太郎 様');
    expect(person).not.toContain('御中');
    const contact = pdfText(
      savePdf(
        'estimate-contact.pdf',
        await renderEstimate(
          { ...ESTIMATE, addressee: { ...CUSTOMER, department: '経理部', contactName: '鈴木花子' } },
          SELLER,
        ),
      ),
    );
    expect(contact).toContain('経理部 鈴木花子 様');
    expect(contact).not.toContain('御中');
  });

  it('prints a line outside the tax with its own category when rates are mixed', async () => {
    const mixed = {
      ...ESTIMATE,
      items: [...ESTIMATE.items, { name: '収入印紙代', quantity: '1', unitPrice: '200', amount: '200', taxRate: null }],
      taxes: [...ESTIMATE.taxes, { rate: null, taxable: '200', tax: '0' }],
      total: '110200',
    };
    const t = pdfText(savePdf('estimate-mixed.pdf', await renderEstimate(mixed, SELLER)));
    expect(t).toContain('収入印紙代［対象外］');
    expect(t).toMatch(/対象外\s+¥200/);
    expect(t).toMatch(/合計（税込）\s+¥110,200/);
  });

  it('accepts Dec amounts as well as decimal strings', async () => {
    const withDec = { ...ESTIMATE, total: new Dec('110000') };
    expect((await renderEstimate(withDec, SELLER)).equals(await renderEstimate(ESTIMATE, SELLER))).toBe(true);
  });

  it('refuses figures that do not add up, naming each field', () => {
    const problems = problemsOf(() =>
      renderEstimate(
        { ...ESTIMATE, taxes: [{ rate: '0.10', taxable: '90000', tax: '9000' }], total: '110000' },
        SELLER,
      ),
    );
    expect(problems).toEqual([
      'taxes[0].taxable: ¥90,000 but the 10% lines sum to ¥100,000',
      'total: ¥110,000 but taxable totals and tax sum to ¥99,000',
    ]);
  });

  it('refuses JavaScript numbers, bad dates, a validity before issue and a malformed registration number', () => {
    const bad = {
      ...ESTIMATE,
      issueDate: '2026-10-01',
      validUntil: '2026-09-30',
      total: 110000 as unknown as string,
    };
    const problems = problemsOf(() => renderEstimate(bad, { ...SELLER, registrationNumber: 'T123' }));
    expect(problems).toContain('validUntil: before the issue date');
    expect(problems).toContain('total: a JavaScript number; give a decimal string such as "12.5"');
    expect(problems).toContain('seller.registrationNumber: not a registration number: "T" and 13 digits');
    expect(problemsOf(() => renderEstimate({ ...ESTIMATE, issueDate: '2026-02-30' }, SELLER))).toContain(
      'issueDate: not a date as YYYY-MM-DD',
    );
    const nullItem = { ...ESTIMATE, items: [ESTIMATE.items[0]!, null as unknown as (typeof ESTIMATE.items)[0]] };
    expect(problemsOf(() => renderEstimate(nullItem, SELLER))).toEqual(['items[1]: not a line item']);
  });
});
