import type { Backoffice } from '../../../core/api/service';
import { expectOk, seedOperators } from './harness';

export const ADMIN = { login: 'admin', displayName: '管理 太郎', password: 'admin-passphrase' };
export const SALES = {
  login: 'tanaka',
  displayName: '田中 一郎',
  password: 'sales-passphrase',
  roles: ['sales' as const],
};
export const ACCOUNTING = {
  login: 'suzuki',
  displayName: '鈴木 経子',
  password: 'acct-passphrase',
  roles: ['accounting' as const],
};

export const FILLER_MEMBERS = 240;

/**
 * Operators of each kind and a member list long enough to need paging (240 filler members after the two
 * named ones, pages of 100), written through the Backoffice door as the sales operator.
 */
export async function seedMembers(backoffice: Backoffice): Promise<{ tanakaDenki: string }> {
  await seedOperators(backoffice, ADMIN, [SALES, ACCOUNTING]);
  const create = (input: object) =>
    expectOk(backoffice.call('members.create', input, SALES.login)) as Promise<{ memberNumber: string }>;
  const tanaka = await create({
    kind: 'corporation',
    name: '株式会社田中電機',
    nameKana: 'ｶ)ﾀﾅｶﾃﾞﾝｷ',
    email: 'keiri@tanaka-denki.example.jp',
  });
  await create({ kind: 'individual', name: '山田 花子', nameKana: 'ﾔﾏﾀﾞ ﾊﾅｺ', email: 'hanako@example.jp' });
  for (let i = 1; i <= FILLER_MEMBERS; i++) {
    await create({
      kind: 'corporation',
      name: `合同会社サンプル${String(i).padStart(3, '0')}`,
      nameKana: 'ﾄﾞ)ｻﾝﾌﾟﾙ',
      email: `s${i}@sample.example.jp`,
    });
  }
  await expectOk(
    backoffice.call('cloudAccounts.create', { memberNumber: tanaka.memberNumber, label: '本番環境' }, SALES.login),
  );
  await expectOk(
    backoffice.call('cloudAccounts.create', { memberNumber: tanaka.memberNumber, label: '検証環境' }, SALES.login),
  );
  return { tanakaDenki: tanaka.memberNumber };
}
