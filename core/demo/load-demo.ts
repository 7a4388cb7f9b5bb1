import { createHash } from 'node:crypto';
import { createCloudAccount, createMember, createOperator, sellerHistory, setSeller, type Role } from '../parties';
import { DEMO_SELLER } from './demo-seller';
import type { LedgerDb } from '../ledger/open-database';
import { catalogJson } from '../rating';
import { jstToday, monthOfDate } from '../time';
import { BUSINESSES, CITIES, GIVEN_NAMES, SURNAMES } from './names';
import { SeededRandom } from './random';
import { demoUsageFiles } from './usage';

export interface DemoOptions {
  seed: number;
  /** How many members to create (a few hundred by default). */
  members: number;
  now: Date;
}

export const DEMO_PASSWORD = 'demo';
const DEMO_SELLER_FROM = '2023-10-01';

const DEMO_OPERATORS: { login: string; displayName: string; roles: Role[] }[] = [
  { login: 'admin', displayName: '管理 太郎', roles: ['admin'] },
  { login: 'sales', displayName: '営業 花子', roles: ['sales'] },
  { login: 'accounting', displayName: '経理 次郎', roles: ['accounting'] },
  { login: 'supervisor', displayName: '監督 三郎', roles: ['supervisor'] },
];

export interface DemoSummary {
  members: number;
  corporations: number;
  individuals: number;
  cloudAccounts: number;
  usageMonths: string[];
  operators: { login: string; password: string; roles: Role[] }[];
}

function demoMember(random: SeededRandom, index: number) {
  const surname = random.pick(SURNAMES);
  const address = `${random.pick(CITIES)}${random.int(1, 9)}-${random.int(1, 30)}-${random.int(1, 20)}`;
  if (random.chance(0.8)) {
    const business = random.pick(BUSINESSES);
    const prefixed = random.chance(0.75);
    return {
      kind: 'corporation' as const,
      name: prefixed ? `株式会社${surname[0]}${business[0]}` : `${surname[0]}${business[0]}株式会社`,
      // Zengin writes 株式会社 as ｶ) before the name or (ｶ after it.
      nameKana: prefixed ? `ｶ)${surname[1]}${business[1]}` : `${surname[1]}${business[1]}(ｶ`,
      email: `keiri${index}@${surname[2]}-${business[2]}.example.co.jp`,
      address,
    };
  }
  const given = random.pick(GIVEN_NAMES);
  return {
    kind: 'individual' as const,
    name: `${surname[0]} ${given[0]}`,
    nameKana: `${surname[1]} ${given[1]}`,
    email: `${given[2]}.${surname[2]}${index}@example.jp`,
    address,
  };
}

/**
 * A believable company for trying the product: members (mostly corporations), 1–3 cloud accounts each, the
 * default price plans, usage files for the three months before the current one (stored as usage imports), and
 * one operator per role (password "demo"), into an empty ledger only (D-SEC-1, setup.loadDemo). The same seed and
 * clock give the same data.
 */
export async function loadDemo(db: LedgerDb, options: DemoOptions): Promise<DemoSummary> {
  const random = new SeededRandom(options.seed);
  const at = options.now.toISOString();
  const operators = [];
  for (const op of DEMO_OPERATORS) {
    await createOperator(db, { ...op, password: DEMO_PASSWORD }, at);
    operators.push({ login: op.login, password: DEMO_PASSWORD, roles: op.roles });
  }
  // The demo's history starts years back, so its seller is in force from the qualified-invoice start (R-TAX-4):
  // a company's own seller is set from today on (D-PARTY-5), the demo's is its past as well.
  if ((await sellerHistory(db)).length === 0)
    await setSeller(db, { seller: DEMO_SELLER, effectiveFrom: DEMO_SELLER_FROM }, DEMO_SELLER_FROM, at, null);
  const codes: string[] = [];
  let corporations = 0;
  for (let i = 1; i <= options.members; i++) {
    const input = demoMember(random, i);
    if (input.kind === 'corporation') corporations++;
    const member = await createMember(db, input, at);
    for (let a = 0, n = random.int(1, 3); a < n; a++) {
      const label = a === 0 ? '本番環境' : a === 1 ? '開発環境' : '検証環境';
      codes.push((await createCloudAccount(db, member.id, label, at)).code);
    }
  }
  const files = demoUsageFiles(random, codes, monthOfDate(jstToday(options.now)));
  const firstMonth = files[0]!.month;
  const catalog = catalogJson as { plans: Record<string, string | undefined>[] };
  for (const plan of catalog.plans) {
    await db
      .insertInto('price_plans')
      .values({
        id: plan.id!,
        valid_from: firstMonth,
        service: plan.service!,
        meter: plan.meter!,
        charge: plan.charge!,
        unit_price: plan.unitPrice ?? null,
        monthly_cap: plan.monthlyCap ?? null,
        monthly_price: plan.monthlyPrice ?? null,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  for (const file of files) {
    const content = `${JSON.stringify(file, null, 2)}\n`;
    const stored = await db
      .insertInto('usage_imports')
      .values({
        month: file.month,
        content_digest: createHash('sha256').update(content).digest('hex'),
        content,
        imported_at: at,
        imported_by: 'demo',
      })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    // Which import holds each account's month, as usage.import records it (one file per account and month).
    const accounts = file.accounts.map((a) => ({
      month: file.month,
      account_code: a.account,
      usage_import_id: stored?.id ?? 0,
    }));
    for (let i = 0; stored && i < accounts.length; i += 500)
      await db
        .insertInto('usage_accounts')
        .values(accounts.slice(i, i + 500))
        .execute();
  }
  return {
    members: options.members,
    corporations,
    individuals: options.members - corporations,
    cloudAccounts: codes.length,
    usageMonths: files.map((f) => f.month),
    operators,
  };
}
