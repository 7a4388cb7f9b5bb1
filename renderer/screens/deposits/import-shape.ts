import { list, num, obj, str, type Loose } from '../common/read';

export const OUTCOMES = ['matched', 'held', 'review', 'unknown', 'cancelled', 'duplicate'] as const;

export interface ImportLineRow {
  record: string;
  reference: string;
  date: string;
  amount: string;
  payer: string;
  outcome: string;
  target: string;
  fee: string;
  reason: string;
}

export interface ImportAnswer {
  importId: number | null;
  dryRun: boolean;
  alreadyImported: boolean;
  format: string;
  message: string;
  summary: Record<string, { count: number; amount: string }>;
  fees: string;
  lines: ImportLineRow[];
}

function lineOf(v: Loose): ImportLineRow {
  return {
    record: str(v, 'record'),
    reference: str(v, 'reference'),
    date: str(v, 'date'),
    amount: str(v, 'amount'),
    payer: str(v, 'payer'),
    outcome: str(v, 'outcome'),
    target: str(v, 'target'),
    fee: str(v, 'fee'),
    reason: str(v, 'reason'),
  };
}

/** bank.import answers ImportResult (attention lines); bank.importReport answers ImportReport (every line). */
export function importAnswerIn(output: unknown): ImportAnswer {
  const o = obj(output);
  const summary = obj(o, 'summary');
  return {
    importId: num(o, 'importId'),
    dryRun: o.dryRun === true,
    alreadyImported: o.alreadyImported === true,
    format: str(o, 'format'),
    message: str(o, 'message'),
    summary: Object.fromEntries(
      OUTCOMES.map((k) => [
        k,
        { count: num(obj(summary, k), 'count') ?? 0, amount: str(obj(summary, k), 'amount') || '0' },
      ]),
    ),
    fees: str(summary, 'fees') || '0',
    lines: [...list(o, 'attention'), ...list(o, 'lines')].map(lineOf),
  };
}
