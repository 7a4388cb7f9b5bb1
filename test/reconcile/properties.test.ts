import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticeFile, type NoticeEntry } from '../banking/zengin-builder';
import { reconcileOffice, type ImportOutput, type ReconcileOffice } from './fixture';

const NAMES = ['ﾀﾅｶﾃﾞﾝｷ', 'ｽｽﾞｷｼﾖｳｼﾞ', 'ｻﾄｳｻﾝｷﾞﾖｳ'];
const AMOUNTS = ['11000', '33000', '55000'];

type Variant = 'exact' | 'fee' | 'stranger' | 'cancelled' | 'repeat';
const depositArb = fc.record({
  who: fc.nat(NAMES.length - 1),
  amount: fc.nat(AMOUNTS.length - 1),
  variant: fc.constantFrom<Variant>('exact', 'fee', 'stranger', 'cancelled', 'repeat'),
  fee: fc.integer({ min: 1, max: 1200 }),
});
const caseArb = fc.record({
  bills: fc.array(fc.record({ who: fc.nat(NAMES.length - 1), amount: fc.nat(AMOUNTS.length - 1) }), { maxLength: 6 }),
  deposits: fc.array(depositArb, { minLength: 1, maxLength: 8 }),
});

let office: ReconcileOffice;
const memberIds: number[] = [];
let run = 0;

beforeAll(async () => {
  office = await reconcileOffice();
  for (const name of NAMES) memberIds.push((await office.member(name, `ｶ)${name}`)).memberId);
});
afterAll(async () => {
  await office.close();
});

const num = async (q: string) => Number(await office.scalar(q));

describe('bank import invariants (fast-check)', () => {
  it('R-RECON-1/2/3: whatever the file, postings balance, no bill is paid beyond its amount due, the bank holds exactly the confirmed deposits, every record is reported once, and importing again adds nothing', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ bills, deposits }) => {
        run++;
        for (const b of bills) await office.bill(memberIds[b.who]!, AMOUNTS[b.amount]!);
        const entries: NoticeEntry[] = deposits.map((d, i) => {
          const due = Number(AMOUNTS[d.amount]);
          const ref = d.variant === 'repeat' && i > 0 ? run * 100 : run * 100 + i;
          const amount = d.variant === 'fee' ? String(due - d.fee) : String(due);
          const payer = d.variant === 'stranger' ? 'ﾀﾞﾚｶ' : NAMES[d.who]!;
          return { ref, date: '081110', amount, payer, cancelled: d.variant === 'cancelled' };
        });
        const file = noticeFile(entries);
        const out = await office.importFile(`run-${run}.dat`, file);
        const counted = Object.entries(out.summary)
          .filter(([k]) => k !== 'fees')
          .reduce((n, [, v]) => n + (v as { count: number }).count, 0);
        expect(counted).toBe(entries.length);
        expect(await num('select sum(debit) from ledger_entries')).toBe(
          await num('select sum(credit) from ledger_entries'),
        );
        expect(
          await num(
            `select count(*) from bills where amount_due < (select coalesce(sum(amount), 0) from payments where payments.bill_id = bills.id)`,
          ),
        ).toBe(0);
        // R-ACC-1: the bank follows the bank file: every deposit is posted, what waits for review in suspense.
        expect(await num(`select coalesce(sum(debit - credit), 0) from ledger_entries where account = 'bank'`)).toBe(
          await num(`select coalesce(sum(amount), 0) from deposits`),
        );
        expect(
          await num(`select coalesce(sum(credit - debit), 0) from ledger_entries where account = 'suspense'`),
        ).toBe(
          await num(
            `select coalesce(sum(d.amount), 0) from deposits d join deposit_reviews r on r.deposit_id = d.id where r.state in ('review', 'unknown')`,
          ),
        );
        expect(
          await num(
            `select count(*) from deposits d where status = 'confirmed' and exists (select 1 from deposit_reviews r where r.deposit_id = d.id and r.state in ('review', 'unknown'))`,
          ),
        ).toBe(0);
        const tables = ['deposits', 'payments', 'ledger_entries', 'deposit_reviews', 'bank_import_lines'];
        const before = await Promise.all(tables.map((t) => office.count(t)));
        const again: ImportOutput = await office.importFile(`run-${run}-again.dat`, file);
        expect(again.alreadyImported).toBe(true);
        expect(await Promise.all(tables.map((t) => office.count(t)))).toEqual(before);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
