import { testOffice, type TestOffice } from '../api/helpers';

export interface BillingOffice extends TestOffice {
  /** Creates a member (as sales) and returns its number. */
  member(kind: 'corporation' | 'individual', name?: string): Promise<string>;
  /** Opens a cloud account for a member and returns its code. */
  account(memberNumber: string): Promise<string>;
  /** Imports a usage file's text as accounting. */
  importUsage(content: string): Promise<{ imported: boolean; message: string; accounts: number }>;
  setNow(iso: string): void;
}

let counter = 0;

export async function billingOffice(start = '2026-11-02T01:00:00.000Z'): Promise<BillingOffice> {
  const t = await testOffice(start);
  return {
    ...t,
    async member(kind, name) {
      counter++;
      const m = await t.ok<{ memberNumber: string }>(
        'members.create',
        {
          kind,
          name: name ?? (kind === 'corporation' ? `株式会社テスト${counter}` : `山田 太郎${counter}`),
          nameKana: kind === 'corporation' ? 'ｶ)ﾃｽﾄ' : 'ﾔﾏﾀﾞ ﾀﾛｳ',
          email: `m${counter}@example.jp`,
          address: '東京都千代田区丸の内1-1-1',
        },
        'sales',
      );
      return m.memberNumber;
    },
    async account(memberNumber) {
      return (await t.ok<{ code: string }>('cloudAccounts.create', { memberNumber }, 'sales')).code;
    },
    importUsage: (content) => t.ok('usage.import', { content }, 'accounting'),
    setNow(iso) {
      t.clock.now = new Date(iso);
    },
  };
}

export interface UsageAccount {
  code: string;
  /** Default: vm.standard.s4 running the whole month → capped at ¥6,800 (tax ¥680, total ¥7,480). */
  plan?: string;
  /** JST creation time (default before the month: the whole month runs). */
  createdAt?: string;
}

/** A usage file (shared/contracts/rating.md) with one VM per account, default catalog. */
export function usageFile(
  month: string,
  accounts: UsageAccount[],
  taxMode: 'per_service' | 'per_invoice' = 'per_service',
): string {
  return `${JSON.stringify(
    {
      month,
      taxMode,
      taxRate: '0.10',
      accounts: accounts.map((a) => ({
        account: a.code,
        resources: [
          {
            id: 'vm-1',
            plan: a.plan ?? 'vm.standard.s4',
            events: [{ at: a.createdAt ?? '2025-01-01T00:00:00+09:00', type: 'create' }],
          },
        ],
      })),
    },
    null,
    2,
  )}\n`;
}
