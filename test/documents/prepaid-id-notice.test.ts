import { beforeAll, describe, expect, it } from 'vitest';
import { renderPrepaidIdNotice } from '../../core/documents';
import { PREPAID_ID_NOTICE, SELLER } from './fixtures';
import { problemsOf } from './input-problems';
import { pdfText, savePdf } from './pdf-tools';

describe('プリペイドID発行のお知らせ', () => {
  let pdf: Buffer = Buffer.alloc(0);
  let text = '';
  beforeAll(async () => {
    pdf = await renderPrepaidIdNotice(PREPAID_ID_NOTICE, SELLER);
    text = pdfText(savePdf('prepaid-id-notice.pdf', pdf));
  });

  it('R-PRE-2: the notice shows the ID code exactly once, and the amount', () => {
    expect(text).toContain('プリペイドID発行のお知らせ');
    expect(text.split('PP7K-2Q9D-XM4T-8HRC').length - 1).toBe(1);
    expect(text).toMatch(/プリペイド金額\s+¥100,000-/);
    expect(text).toMatch(/会員ID\s+M-1000123/);
  });

  it('R-PRE-2: the ID code is not in the PDF metadata either', () => {
    expect(pdf.toString('latin1')).not.toContain('PP7K');
  });

  it('R-PRE-5: the registration deadline is shown', () => {
    expect(text).toMatch(/登録期限\s+2027年10月8日まで/);
    expect(text).toContain('登録期限（2027年10月8日）を過ぎたプリペイドIDは無効となります。');
  });

  it('R-PRE-4: only the paying member may register it, and it cannot move once registered', () => {
    expect(text).toContain('会員ID M-1000123 のクラウドアカウント');
    expect(text.replace(/\s+/g, '')).toContain('他の会員への譲渡や、登録後の別アカウントへの移動はできません');
  });

  it('R-PRE-6, R-PRE-7: validity of 12 months from registration; the month of registration is covered whole', () => {
    expect(text).toContain('登録日から12か月後の同日・同時刻');
    expect(text).toContain('登録した月のご利用料金（月初からの全期間）から充当されます');
  });

  it('refuses a deadline before the issue date and a malformed ID', () => {
    expect(
      problemsOf(() =>
        renderPrepaidIdNotice({ ...PREPAID_ID_NOTICE, registrationDeadline: '2026-10-07', prepaidId: 'PP 7K' }, SELLER),
      ),
    ).toEqual(['registrationDeadline: before the issue date', 'prepaidId: not a prepaid ID (letters, digits and "-")']);
  });
});
