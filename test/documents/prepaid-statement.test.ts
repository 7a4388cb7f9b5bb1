import { beforeAll, describe, expect, it } from 'vitest';
import { renderPrepaidStatement } from '../../core/documents';
import { PREPAID_STATEMENT, SELLER } from './fixtures';
import { problemsOf } from './input-problems';
import { pdfText, savePdf } from './pdf-tools';

describe('請求書 for a prepaid purchase', () => {
  let text = '';
  beforeAll(async () => {
    text = pdfText(savePdf('prepaid-statement.pdf', await renderPrepaidStatement(PREPAID_STATEMENT, SELLER)));
  });

  it('R-PRE-2: the statement follows the estimate and asks for ¥110,000-(税込) by the due date', () => {
    expect(text).toContain('請求書');
    expect(text).toContain('INV-P-2026-000045');
    expect(text).toMatch(/見積番号\s+EST-2026-000123/);
    expect(text).toMatch(/ご請求金額\s+¥110,000-\s*（税込）/);
    expect(text).toMatch(/お支払期限\s+2026年10月30日/);
    expect(text).toContain('株式会社山田商事 御中');
  });

  it("R-PRE-1: the prepaid fee is paid by billing statement into the seller's bank account", () => {
    expect(text).toMatch(/金融機関\s+みずなみ銀行（0001）/);
    expect(text).toMatch(/支店\s+梅田支店（123）/);
    expect(text).toMatch(/口座\s+普通 1234567/);
    expect(text).toMatch(/口座名義\s+ｶ\)ｱｵｿﾞﾗｸﾗｳﾄﾞ/);
    expect(text).toMatch(/振込依頼人名\s+1000123 ｶ\)ﾔﾏﾀﾞｼﾖｳｼﾞ/);
  });

  it('R-PRE-3: the statement says the ID follows 3 to 5 business days after the deposit', () => {
    expect(text).toContain('3〜5営業日以内にプリペイドIDを発行');
  });

  it('R-TAX-3: registration number and tax per rate', () => {
    expect(text).toContain('登録番号 T1120001234567');
    expect(text).toMatch(/10%対象 ¥100,000\s+消費税 ¥10,000/);
  });

  it('R-PARTY-3: refuses an individual, a payer name not in half-width kana and a due date before issue', () => {
    const problems = problemsOf(() =>
      renderPrepaidStatement(
        {
          ...PREPAID_STATEMENT,
          addressee: { kind: 'individual', name: '山田太郎' },
          payerNameKana: 'ヤマダショウジ',
          dueDate: '2026-10-01',
        },
        SELLER,
      ),
    );
    expect(problems).toEqual([
      'dueDate: before the issue date',
      'addressee.kind: the prepaid method is for corporations only (R-PARTY-3)',
      'payerNameKana: not half-width kana (ｶﾅ, digits, A-Z, space and ().,-/ only)',
    ]);
  });
});
