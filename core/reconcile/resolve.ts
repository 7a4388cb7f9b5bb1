import { InputError } from '../errors';
import { canonicalKana, kanaKey } from '../kana';
import type { LedgerDb } from '../ledger/open-database';
import { Dec } from '../money';
import { recordBankReceipt } from '../payments/record';
import { parseDate } from '../time';
import { findOpenTarget, loadOpenItems, type OpenTarget } from './open-items';
import { decide, queued, suspenseOf } from './review';
import type { Actor } from './settle';
import { creditFromSuspense, refundFromSuspense } from './suspense';

export interface OpenBill {
  statementNumber: string;
  kind: OpenTarget['kind'];
  memberNumber: string;
  memberName: string;
  payerKana: string;
  amountDue: string;
}

/**
 * What a clerk looks for to match a deposit by hand (issue 14): the open statements and bills whose statement
 * number, member number, member name or kana contains `query`, or whose amount owed is `query` yen ("50,000",
 * full-width digits and kana as people type them). At most `limit`, by statement number.
 */
export async function searchOpenBills(db: LedgerDb, query: string, limit = 50): Promise<OpenBill[]> {
  const { targets } = await loadOpenItems(db);
  const memberIds = [...new Set([...targets.values()].map((t) => t.memberId))];
  const members = new Map<number, { member_number: string; name: string; name_kana: string }>();
  for (let i = 0; i < memberIds.length; i += 500) {
    const rows = await db
      .selectFrom('members')
      .select(['id', 'member_number', 'name', 'name_kana'])
      .where('id', 'in', memberIds.slice(i, i + 500))
      .execute();
    for (const r of rows) members.set(r.id, r);
  }
  const text = query.normalize('NFKC').trim();
  const digits = text.replace(/[,\s¥円]/g, '');
  const amount = /^\d+$/.test(digits) ? new Dec(digits) : null;
  const upper = text.toUpperCase();
  const kana = text === '' ? '' : kanaKey(text);
  const hits: OpenBill[] = [];
  for (const t of targets.values()) {
    const m = members.get(t.memberId)!;
    const matches =
      text === '' ||
      (amount !== null && t.amountDue.equals(amount)) ||
      t.statementNumber.includes(upper) ||
      m.member_number.includes(upper) ||
      m.name.normalize('NFKC').includes(text) ||
      (kana !== '' && kanaKey(m.name_kana).includes(kana)) ||
      canonicalKana(m.name_kana).includes(canonicalKana(text));
    if (!matches) continue;
    hits.push({
      statementNumber: t.statementNumber,
      kind: t.kind,
      memberNumber: m.member_number,
      memberName: m.name,
      payerKana: m.name_kana,
      amountDue: t.amountDue.toFixed(),
    });
  }
  hits.sort((a, b) => (a.statementNumber < b.statementNumber ? -1 : 1));
  return hits.slice(0, limit);
}

export interface DepositPart {
  statementNumber: string;
  amount: string;
}

export interface ResolveInput {
  depositId: number;
  /** Monthly bills the deposit pays, each in full or in part. */
  parts: DepositPart[];
  /** What is left of the deposit after the parts: kept as the member's credit, or refunded to the payer. */
  rest?: 'credit' | 'refund';
  /** Whose credit the rest becomes; default the member of the first part. */
  memberNumber?: string;
  note?: string;
}

export interface Resolution {
  depositId: number;
  paid: { statementNumber: string; amount: string; outstanding: string }[];
  credit: string;
  refund: string;
  refundId: number | null;
}

/**
 * Issue 14, R-ACC-1: a queued deposit resolved by hand. It pays one or several open monthly bills (each at most
 * what is still owed), and what is left is kept as the member's credit (offsetting their next bill) or owed back
 * to the payer as a refund. Every yen leaves suspense: the parts to receivables, the rest to customer_credit or
 * refunds_payable. A prepaid statement is confirmed with bank.confirmMatch (its deposit buys credit as a whole).
 */
export async function resolveDeposit(db: LedgerDb, input: ResolveInput, a: Actor): Promise<Resolution> {
  const row = await queued(db, input.depositId);
  const deposit = suspenseOf(row);
  const targets: OpenTarget[] = [];
  let sum = new Dec(0);
  for (const [i, part] of input.parts.entries()) {
    const target = await findOpenTarget(db, part.statementNumber);
    if (!target)
      throw InputError.one(
        `parts[${i}].statementNumber`,
        'statement.not_awaiting_payment',
        `${part.statementNumber} is not a statement awaiting payment`,
        { statementNumber: part.statementNumber },
      );
    if (target.kind !== 'monthly_bill')
      throw InputError.one(
        `parts[${i}].statementNumber`,
        'deposit.part_not_monthly_bill',
        `${part.statementNumber} is a prepaid statement: confirm the deposit for it as a whole`,
        { statementNumber: part.statementNumber },
      );
    targets.push(target);
    sum = sum.plus(part.amount);
  }
  if (sum.greaterThan(deposit.amount))
    throw InputError.one(
      'parts',
      'deposit.parts_over_amount',
      `the parts make ¥${sum.toFixed()}, more than the ¥${deposit.amount.toFixed()} deposited`,
      {
        sum: sum.toFixed(),
        amount: deposit.amount.toFixed(),
      },
    );
  const rest = deposit.amount.minus(sum);
  if (rest.greaterThan(0) && input.rest === undefined)
    throw InputError.one(
      'rest',
      'deposit.rest_undecided',
      `¥${rest.toFixed()} is left: keep it as credit or refund it`,
      {
        rest: rest.toFixed(),
      },
    );
  if (input.parts.length === 0 && input.rest === undefined)
    throw InputError.one(
      'parts',
      'deposit.nothing_decided',
      'name the bills it pays, or keep it as credit or refund it',
    );
  let memberId = targets[0]?.memberId ?? null;
  if (input.memberNumber !== undefined) {
    const m = await db
      .selectFrom('members')
      .select('id')
      .where('member_number', '=', input.memberNumber)
      .executeTakeFirst();
    if (!m)
      throw InputError.one('memberNumber', 'member.not_found', `no member ${input.memberNumber}`, {
        memberNumber: input.memberNumber,
      });
    memberId = m.id;
  }
  if (rest.greaterThan(0) && input.rest === 'credit' && memberId === null)
    throw InputError.one('memberNumber', 'deposit.credit_needs_member', 'name the member whose credit it becomes');

  const who = { at: a.now.toISOString(), by: a.by };
  const paid: Resolution['paid'] = [];
  for (const [i, part] of input.parts.entries()) {
    const receipt = await recordBankReceipt(
      db,
      { billId: targets[i]!.billId! },
      new Dec(part.amount),
      who,
      parseDate(deposit.valueDate) ?? undefined,
      'suspense',
    );
    if (receipt.paymentId !== null)
      await db.updateTable('payments').set({ deposit_id: deposit.id }).where('id', '=', receipt.paymentId).execute();
    paid.push({ statementNumber: part.statementNumber, amount: receipt.amount, outstanding: receipt.outstanding });
  }
  const note = input.note ?? '';
  let refundId: number | null = null;
  if (rest.greaterThan(0) && input.rest === 'credit') await creditFromSuspense(db, deposit, rest, memberId!, note, a);
  if (rest.greaterThan(0) && input.rest === 'refund')
    refundId = await refundFromSuspense(db, deposit, rest, memberId, note, a);
  await db
    .updateTable('deposits')
    .set({
      status: input.parts.length === 0 && input.rest === 'refund' ? 'returned' : 'confirmed',
      matched_document_id: targets[0]?.documentId ?? null,
      confirmed_at: who.at,
      confirmed_by: a.by,
    })
    .where('id', '=', deposit.id)
    .execute();
  const credit = input.rest === 'credit' ? rest : new Dec(0);
  const refund = input.rest === 'refund' ? rest : new Dec(0);
  await decide(db, input.depositId, 'confirmed', a, note === '' ? null : note);
  return { depositId: input.depositId, paid, credit: credit.toFixed(), refund: refund.toFixed(), refundId };
}
