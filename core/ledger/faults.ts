import type { ProblemCode, ProblemParams } from '../problem-codes';

/**
 * What went wrong with the ledger itself rather than with a call (D-SEC-14…16): said in a sentence that names
 * the file and what to do, with a code of its own, never as a driver's stack trace.
 */
export class LedgerFault extends Error {
  constructor(
    readonly code: Extract<ProblemCode, `ledger.${string}`>,
    message: string,
    readonly params?: ProblemParams,
  ) {
    super(message);
    this.name = 'LedgerFault';
  }
}

/** The disk (or the database's quota) is full: the transaction was rolled back, nothing of it is written. */
export class DiskFullError extends LedgerFault {
  constructor() {
    super('ledger.disk_full', 'the disk is full; nothing was written. Free some space and try again');
    this.name = 'DiskFullError';
  }
}

/** SQLITE_FULL, or PostgreSQL's disk_full (53100) and out of memory for it (53200 is not: that is memory). */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === '53100';
}
