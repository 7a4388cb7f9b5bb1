import type { LedgerDb } from '../ledger/open-database';
import { formatYen, type Dec } from '../money';
import { queueMail } from './notice-mail';

export type AlertKind = 'low_balance' | 'used_up';

export interface AlertTarget {
  cloudAccountId: number;
  accountCode: string;
  month: string;
  projected: Dec;
  threshold: Dec | null;
}

/**
 * R-PRE-13: which alert the projected balance calls for. used_up: nothing left, so normal billing begins;
 * low_balance: something left, but below the threshold the member set. Null: none.
 */
export function alertFor(projected: Dec, threshold: Dec | null): AlertKind | null {
  if (projected.lessThanOrEqualTo(0)) return 'used_up';
  if (threshold !== null && projected.lessThan(threshold)) return 'low_balance';
  return null;
}

function mailText(kind: AlertKind, t: AlertTarget): { subject: string; text: string } {
  if (kind === 'used_up') {
    return {
      subject: `【ご請求開始のお知らせ】${t.accountCode} のプリペイド残高がなくなりました`,
      text: `クラウドアカウント ${t.accountCode} のプリペイド残高を使い切りました。これ以降のご利用料金は、お選びいただいたお支払方法（クレジットカードまたは請求書）でご請求いたします。`,
    };
  }
  return {
    subject: `【残高アラート】${t.accountCode} のプリペイド残高が ${formatYen(t.threshold!)} を下回りました`,
    text: `クラウドアカウント ${t.accountCode} のプリペイド残高（見込み）は ${formatYen(t.projected)} です。ご設定の ${formatYen(t.threshold!)} を下回りました。`,
  };
}

/** Queues the alert e-mail to the member once per account, month and kind; false when it was already sent. */
export async function sendAlertOnce(
  db: LedgerDb,
  kind: AlertKind,
  t: AlertTarget,
  email: string,
  now: Date,
): Promise<boolean> {
  const sent = await db
    .selectFrom('prepaid_alerts')
    .select('outbox_id')
    .where('cloud_account_id', '=', t.cloudAccountId)
    .where('month', '=', t.month)
    .where('kind', '=', kind)
    .executeTakeFirst();
  if (sent) return false;
  const { subject, text } = mailText(kind, t);
  const { outboxId } = await queueMail(
    db,
    { to: email, subject, text, topic: `prepaid.${kind}`, cloudAccountId: t.cloudAccountId },
    now,
  );
  await db
    .insertInto('prepaid_alerts')
    .values({
      cloud_account_id: t.cloudAccountId,
      month: t.month,
      kind,
      outbox_id: outboxId,
      created_at: now.toISOString(),
    })
    .execute();
  return true;
}
