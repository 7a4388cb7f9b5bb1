import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerDb } from '../../core/ledger/open-database';
import { Dec } from '../../core/money';
import { recordBankReceipt } from '../../core/payments/record';
import type { OpenTarget } from '../../core/reconcile/open-items';
import { settleDeposit, settleDeposits, type DepositToSettle, type Settlement } from '../../core/reconcile/settle';
import { addDays, formatDate, parseDate } from '../../core/time';
import { reconcileOffice, type ReconcileOffice } from './fixture';

/**
 * Two ledgers that start alike and are given the same bills, earlier payments and bank deposits, run after run:
 * one settles the deposits as a bank import does (settleDeposits, one batch), the other one deposit at a time
 * (settleDeposit, as a confirmation by hand). After every run both hold the same rows, ids included.
 */
const TABLES = [
  'select * from ledger_transactions order by id',
  'select * from ledger_entries order by id',
  'select * from payments order by id',
  'select * from deposits order by id',
  'select * from dunning_progress order by cloud_account_id',
  'select * from account_status_history order by id',
  // Not the label: the fixture numbers them across both ledgers.
  'select id, code, status from cloud_accounts order by id',
  'select * from outbox order by id',
];

const billArb = fc.record({
  member: fc.nat(1),
  amount: fc.integer({ min: 1_000, max: 60_000 }),
  method: fc.constantFrom('bank_transfer', 'direct_debit'),
  /** Days before the run's day that the bill was due (negative: not yet due). */
  dueDaysAgo: fc.integer({ min: -10, max: 45 }),
  /** A second bill on the account of the bill before it. */
  sameAccount: fc.boolean(),
  /** Paid in part before the run, as a share of the amount (0: nothing). */
  paidBefore: fc.constantFrom(0, 0, 0.25, 0.5),
});
const depositArb = fc.record({
  bill: fc.nat(5),
  /** all: the whole amount still owed; fee: that less a transfer fee; part: some of it. */
  kind: fc.constantFrom('all', 'fee', 'part'),
  fee: fc.integer({ min: 1, max: 880 }),
  share: fc.double({ min: 0.1, max: 0.9, noNaN: true }),
  day: fc.integer({ min: 0, max: 3 }),
});
const caseArb = fc.record({
  bills: fc.array(billArb, { minLength: 1, maxLength: 5 }),
  deposits: fc.array(depositArb, { minLength: 1, maxLength: 8 }),
});

let batch: ReconcileOffice;
let single: ReconcileOffice;
const members: number[] = [];
let run = 0;
const accountOf: number[] = [];

beforeAll(async () => {
  batch = await reconcileOffice();
  single = await reconcileOffice();
  for (const name of ['ﾀﾅｶﾃﾞﾝｷ', 'ｽｽﾞｷｼﾖｳｼﾞ']) {
    const a = await batch.member(name, `ｶ)${name}`);
    const b = await single.member(name, `ｶ)${name}`);
    expect(b.memberId).toBe(a.memberId);
    members.push(a.memberId);
  }
});
afterAll(async () => {
  await batch.close();
  await single.close();
});

async function tableRows(office: ReconcileOffice): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const query of TABLES) out[query] = await office.rows(query);
  return out;
}

async function inserted(db: LedgerDb, deposits: { amount: Dec; reference: string; date: string }[], at: string) {
  const ids: number[] = [];
  for (const d of deposits) {
    const { id } = await db
      .insertInto('deposits')
      .values({
        value_date: d.date,
        amount: d.amount.toNumber(),
        payer_kana: 'ﾃｽﾄ',
        bank_reference: d.reference,
        source_digest: null,
        status: 'unmatched',
        matched_document_id: null,
        confirmed_at: null,
        confirmed_by: null,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(id);
  }
  return ids;
}

/** The bill as an open item (a direct debit bill too: settleDeposit takes any final bill). */
async function targetOf(db: LedgerDb, billId: number): Promise<OpenTarget> {
  const d = await db
    .selectFrom('documents')
    .select(['id', 'number', 'member_id', 'total'])
    .where('bill_id', '=', billId)
    .where('kind', '=', 'statement')
    .executeTakeFirstOrThrow();
  return {
    statementNumber: d.number,
    documentId: d.id,
    kind: 'monthly_bill',
    memberId: d.member_id!,
    billId,
    amountDue: new Dec(d.total),
  };
}

describe('batch settlement (fast-check)', () => {
  it('R-ACC-1, R-ACC-2, R-RECON-3, R-DUN-4/5: settling a run of deposits at once leaves the same ledger, payments, deposits and dunning as settling them one by one', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ bills, deposits }) => {
        run++;
        const now = new Date(Date.UTC(2026, 10, 10 + run * 3, 1));
        const today = parseDate(now.toISOString().slice(0, 10))!;
        const who = { at: now.toISOString(), by: 'accounting' };
        // The same bills (and earlier payments) in both ledgers.
        const made: { billId: number; owed: Dec }[] = [];
        for (const [i, b] of bills.entries()) {
          const dueDate = formatDate(addDays(today, -b.dueDaysAgo));
          const on = {
            dueDate,
            ...(b.sameAccount && i > 0 ? { cloudAccountId: accountOf[i - 1]!, month: `2026-0${i}` } : {}),
          };
          const x = await batch.bill(members[b.member]!, String(b.amount), b.method, on);
          const y = await single.bill(members[b.member]!, String(b.amount), b.method, on);
          expect(y.billId).toBe(x.billId);
          accountOf[i] = x.cloudAccountId;
          let owed = new Dec(b.amount);
          if (b.paidBefore > 0) {
            const part = owed.times(b.paidBefore).floor();
            const earlier = { at: new Date(now.getTime() - 86_400_000).toISOString(), by: 'accounting' };
            for (const o of [batch, single])
              await o.db.transaction().execute((trx) => recordBankReceipt(trx, { billId: x.billId }, part, earlier));
            owed = owed.minus(part);
          }
          made.push({ billId: x.billId, owed });
        }
        // Deposits that never pay more than is still owed (a refused one is the caller's error either way).
        const planned: { bill: number; amount: Dec; fee: Dec; reference: string; date: string }[] = [];
        const left = made.map((m) => m.owed);
        for (const [i, d] of deposits.entries()) {
          const bill = d.bill % made.length;
          const owed = left[bill]!;
          if (owed.isZero()) continue;
          let amount = owed;
          let fee = new Dec(0);
          if (d.kind === 'fee' && owed.greaterThan(d.fee)) {
            fee = new Dec(d.fee);
            amount = owed.minus(fee);
          } else if (d.kind === 'part') amount = Dec.max(owed.times(d.share).floor(), 1);
          left[bill] = owed.minus(amount).minus(fee);
          const date = formatDate(addDays(today, -d.day));
          planned.push({ bill, amount, fee, reference: `run${run}:${i}`, date });
        }
        const results: Settlement[][] = [];
        for (const [o, settle] of [
          [batch, 'batch'],
          [single, 'single'],
        ] as const) {
          results.push(
            await o.db.transaction().execute(async (trx) => {
              const ids = await inserted(trx, planned, who.at);
              const list: DepositToSettle[] = [];
              for (const [i, p] of planned.entries())
                list.push({
                  deposit: { id: ids[i]!, amount: p.amount, bank_reference: p.reference, value_date: p.date },
                  target: await targetOf(trx, made[p.bill]!.billId),
                  fee: p.fee,
                });
              const a = { now, by: who.by };
              if (settle === 'batch') return settleDeposits(trx, list, a);
              const out: Settlement[] = [];
              for (const s of list) out.push(await settleDeposit(trx, s.deposit, s.target, s.fee, a));
              return out;
            }),
          );
        }
        expect(results[0]).toEqual(results[1]);
        expect(await tableRows(batch)).toEqual(await tableRows(single));
      }),
      { numRuns: 12 },
    );
  });
});
