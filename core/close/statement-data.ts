import type { ArrearsPaymentMethod, BillingDates } from '../billing';
import type { MonthlyStatementData, StatementPayment } from '../documents';
import type { MemberKind } from '../ledger/schema';
import type { Dec } from '../money';
import type { AccountBill, BillLine, PlanTable, TaxMode } from '../rating';
import { formatDate } from '../time';

export interface StatementParty {
  kind: MemberKind;
  name: string;
  nameKana: string;
  address: string | null;
  memberNumber: string;
  accountCode: string;
}

export interface StatementFacts {
  number: string;
  party: StatementParty;
  bill: AccountBill;
  /** The price list the bill was rated with, for each line's unit price. */
  plans: PlanTable;
  month: string;
  taxMode: TaxMode;
  taxRate: string;
  prepaidApplied: Dec;
  method: ArrearsPaymentMethod;
  dates: BillingDates;
  card: { brand: string | null; last4: string | null } | null;
}

function payment(f: StatementFacts): StatementPayment {
  switch (f.method) {
    case 'bank_transfer':
      return { method: 'bank_transfer', dueDate: formatDate(f.dates.dueOn), payerNameKana: f.party.nameKana };
    case 'direct_debit':
      return { method: 'direct_debit', debitDate: formatDate(f.dates.dueOn) };
    case 'credit_card': {
      const label = f.card ? `${f.card.brand ?? ''} ****${f.card.last4 ?? ''}`.trim() : undefined;
      return label ? { method: 'credit_card', cardLabel: label } : { method: 'credit_card' };
    }
  }
}

/** A line's price per unit (per hour, GB-hour, GB or month) from the plan it was rated with, when it has one. */
function unitPriceOf(line: BillLine, plans: PlanTable): string | undefined {
  const plan = plans.get(line.plan);
  const price = line.unit === 'month' ? plan?.monthlyPrice : plan?.unitPrice;
  return price?.toFixed();
}

/**
 * Everything the 請求書 of a bill shows (core/documents renderMonthlyStatement), stored with the statement so
 * it renders again identically: the rated lines and services, the tax mode of the usage file (R-TAX-2/3), the
 * prepaid part (R-PRE-9) and the payment block by method (R-BILL-2..4).
 */
export function statementData(f: StatementFacts): MonthlyStatementData {
  return {
    number: f.number,
    issueDate: formatDate(f.dates.issueOn),
    month: f.month,
    addressee: { kind: f.party.kind, name: f.party.name, ...(f.party.address ? { address: f.party.address } : {}) },
    memberId: f.party.memberNumber,
    account: f.party.accountCode,
    taxMode: f.taxMode,
    taxRate: f.taxRate,
    lines: f.bill.lines.map((l) => {
      const unitPrice = unitPriceOf(l, f.plans);
      return {
        service: l.service,
        resource: l.resource,
        plan: l.plan,
        quantity: l.quantity,
        unit: l.unit,
        ...(unitPrice === undefined ? {} : { unitPrice }),
        amount: l.amount,
        capped: l.capped,
      };
    }),
    services: f.bill.services.map((s) => ({
      service: s.service,
      subtotal: s.subtotal,
      ...(s.tax !== undefined ? { tax: s.tax, total: s.total } : {}),
    })),
    subtotal: f.bill.subtotal,
    tax: f.bill.tax,
    total: f.bill.total,
    ...(f.prepaidApplied.isZero() ? {} : { prepaidApplied: f.prepaidApplied.toFixed() }),
    payment: payment(f),
  };
}
