import type { SellerProfile } from '../documents';

/** The demo company's seller (R-TAX-5): a registered seller, T1120001234567 passing its check digit (R-TAX-4). */
export const DEMO_SELLER: SellerProfile = {
  name: '株式会社あおぞらクラウド',
  postalCode: '530-0011',
  address: '大阪府大阪市北区大深町3番1号 グランフロント大阪タワーB 12階',
  phone: '06-6123-4567',
  email: 'billing@aozora-cloud.example.jp',
  contactName: '経理部 請求担当',
  registrationNumber: 'T1120001234567',
  bankAccounts: [
    {
      bankName: 'みずなみ銀行',
      bankCode: '0001',
      branchName: '梅田支店',
      branchCode: '123',
      accountType: 'ordinary',
      accountNumber: '1234567',
      accountHolderKana: 'ｶ)ｱｵｿﾞﾗｸﾗｳﾄﾞ',
    },
  ],
};
