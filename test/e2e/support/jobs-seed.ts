import type { Backoffice } from '../../../core/api/service';
import { expectOk, seedOperators, type SeedOperator } from './harness';
import { ACCOUNTING, ADMIN, SALES } from './seed';

export { ACCOUNTING, ADMIN, SALES };
export const SUPERVISOR: SeedOperator = {
  login: 'sato',
  displayName: '佐藤 監督',
  password: 'super-passphrase',
  roles: ['supervisor'],
};

export const TANAKA = {
  kind: 'corporation',
  name: '株式会社田中電機',
  nameKana: 'ｶ)ﾀﾅｶﾃﾞﾝｷ',
  email: 'keiri@tanaka-denki.example.jp',
  address: '東京都千代田区丸の内1-1-1',
};
export const YAMADA = {
  kind: 'corporation',
  name: '株式会社山田商事',
  nameKana: 'ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ',
  email: 'keiri@yamada.example.jp',
  address: '大阪府大阪市北区梅田1-1-1',
};

/** Operators of every role, and corporate members, through the Backoffice door as the app would write them. */
export async function seedJobs(backoffice: Backoffice): Promise<{ tanaka: string; yamada: string }> {
  await seedOperators(backoffice, ADMIN, [SALES, ACCOUNTING, SUPERVISOR]);
  const create = async (input: object) =>
    ((await expectOk(backoffice.call('members.create', input, SALES.login))) as { memberNumber: string }).memberNumber;
  return { tanaka: await create(TANAKA), yamada: await create(YAMADA) };
}

export async function openAccount(backoffice: Backoffice, memberNumber: string, label: string): Promise<string> {
  return (
    (await expectOk(backoffice.call('cloudAccounts.create', { memberNumber, label }, SALES.login))) as { code: string }
  ).code;
}

/** A prepaid statement through the catalog (draft, issue, statement), as earlier steps of the flow would leave it. */
export async function prepaidStatement(backoffice: Backoffice, memberNumber: string, amount: string): Promise<string> {
  const ok = async <T>(operation: string, input: object, login: string) =>
    (await expectOk(backoffice.call(operation, input, login))) as T;
  const estimate = await ok<{ estimateNumber: string }>('estimates.draft', { memberNumber, amount }, SALES.login);
  await ok('estimates.issue', { estimateNumber: estimate.estimateNumber }, SALES.login);
  return (
    await ok<{ statementNumber: string }>(
      'prepaid.issueStatement',
      { estimateNumber: estimate.estimateNumber },
      SALES.login,
    )
  ).statementNumber;
}

/** A usage file (shared/contracts/rating.md): one vm.standard.s4 running all month per account → ¥6,800 + ¥680 tax. */
export function usageFile(month: string, accounts: string[]): string {
  return JSON.stringify({
    month,
    taxMode: 'per_service',
    taxRate: '0.10',
    accounts: accounts.map((account) => ({
      account,
      resources: [
        { id: `vm-${account}`, plan: 'vm.standard.s4', events: [{ at: '2026-09-01T00:00:00+09:00', type: 'create' }] },
      ],
    })),
  });
}
