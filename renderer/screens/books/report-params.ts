import type { LedgerAccount } from '../../../core/api/schemas/journal';
import type { OperationInput } from '../../api/client';

export const REPORTS = ['trialBalance', 'generalLedger', 'sales', 'prepaidLiability', 'aging'] as const;
export type ReportKind = (typeof REPORTS)[number];

/** What the reports screen asks for: the report and every parameter any report takes. */
export interface ReportParams {
  kind: ReportKind;
  from: string;
  to: string;
  fromMonth: string;
  toMonth: string;
  account: LedgerAccount;
  asOf: string;
}

/** The report as reports.file's input. */
export function fileInput(p: ReportParams, format: 'csv' | 'pdf'): OperationInput<'reports.file'> {
  switch (p.kind) {
    case 'trialBalance':
      return { report: p.kind, format, from: p.from, to: p.to };
    case 'generalLedger':
      return { report: p.kind, format, account: p.account, from: p.from, to: p.to };
    case 'sales':
      return { report: p.kind, format, fromMonth: p.fromMonth, toMonth: p.toMonth };
    case 'prepaidLiability':
      return { report: p.kind, format };
    case 'aging':
      return { report: p.kind, format, asOf: p.asOf };
  }
}
