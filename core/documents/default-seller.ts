import type { SellerProfile } from './types';

/** The issuer used when no other profile is configured (a plausible placeholder company). */
export const DEFAULT_SELLER: SellerProfile = {
  name: '株式会社あおぞらクラウド',
  postalCode: '530-0011',
  address: '大阪府大阪市北区大深町3番1号 グランフロント大阪タワーB 12階',
  phone: '06-6123-4567',
  email: 'billing@aozora-cloud.example.jp',
  registrationNumber: 'T1120001234567',
  bankAccount: {
    bankName: 'みずなみ銀行',
    bankCode: '0001',
    branchName: '梅田支店',
    branchCode: '123',
    accountType: 'ordinary',
    accountNumber: '1234567',
    accountHolderKana: 'ｶ)ｱｵｿﾞﾗｸﾗｳﾄﾞ',
  },
};
