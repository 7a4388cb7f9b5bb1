import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { renderEstimate, renderMonthlyStatement } from '../../core/documents';
import { ESTIMATE, MONTHLY_STATEMENT, SELLER } from './fixtures';
import { pdfText, savePdf } from './pdf-tools';

/** An 8 × 8 red PNG: a stand-in for the company seal (角印). */
const SEAL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGM4o6SEFTEMLQkAvM5EAT6yk8sAAAAASUVORK5CYII=';

function imageCount(path: string): number {
  const lines = execFileSync('pdfimages', ['-list', path], { encoding: 'utf8' }).trim().split('\n');
  return lines.length - 2; // two header lines
}

describe('the seller block (R-TAX-5)', () => {
  it('R-TAX-5: the seal image is placed on the document; without one there is no image', async () => {
    const sealed = savePdf('estimate-seal.pdf', await renderEstimate(ESTIMATE, { ...SELLER, sealPng: SEAL_PNG }));
    const plain = savePdf('estimate-no-seal.pdf', await renderEstimate(ESTIMATE, SELLER));
    expect(imageCount(sealed)).toBe(1);
    expect(imageCount(plain)).toBe(0);
  });

  it('R-TAX-5: the contact and every bank account are printed, numbered when there are two', async () => {
    const second = {
      ...SELLER.bankAccounts[0]!,
      bankName: 'さくら信用金庫',
      bankCode: '1234',
      accountNumber: '7654321',
    };
    const text = pdfText(
      savePdf(
        'statement-two-banks.pdf',
        await renderMonthlyStatement(MONTHLY_STATEMENT, {
          ...SELLER,
          contactName: '経理部 請求担当',
          bankAccounts: [SELLER.bankAccounts[0]!, second],
        }),
      ),
    );
    expect(text).toContain('担当 経理部 請求担当');
    expect(text).toMatch(/金融機関（振込先1）\s+みずなみ銀行（0001）/);
    expect(text).toMatch(/金融機関（振込先2）\s+さくら信用金庫（1234）/);
    expect(text).toMatch(/口座\s+普通 7654321/);
  });

  it('D-SELLER-1: a seller with no bank account says the account will be given separately', async () => {
    const text = pdfText(
      savePdf(
        'statement-no-bank.pdf',
        await renderMonthlyStatement(MONTHLY_STATEMENT, { ...SELLER, bankAccounts: [] }),
      ),
    );
    expect(text).toMatch(/振込先\s+別途ご案内いたします/);
  });
});
