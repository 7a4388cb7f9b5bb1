import { list, str, type Loose } from '../common/read';

export interface EstimateRow {
  estimateNumber: string;
  memberNumber: string;
  status: string;
  amount: string;
  subject: string;
  validUntil: string;
  issuedAt: string;
}

export function toEstimateRow(v: Loose): EstimateRow {
  return {
    estimateNumber: str(v, 'estimateNumber'),
    memberNumber: str(v, 'memberNumber'),
    status: str(v, 'status'),
    amount: str(v, 'amount'),
    subject: str(v, 'subject'),
    validUntil: str(v, 'validUntil'),
    issuedAt: str(v, 'issuedAt'),
  };
}

/** estimates.list answers a plain list of EstimateView. */
export const estimatesIn = (output: unknown): EstimateRow[] => list(output).map(toEstimateRow);
