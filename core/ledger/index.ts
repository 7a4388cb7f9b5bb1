export { openDatabase, type LedgerDb, type OpenedDatabase } from './open-database';
export { LEDGER_ACCOUNTS, LEDGER_ACCOUNT_NAMES, isLedgerAccount, type LedgerAccount } from './accounts';
export { postTransaction, postingProblems, type Posting, type PostingLine } from './post';
export { trialBalance, accountStatement, type TrialBalance, type AccountStatement } from './reports';
export { nextCounterValue, nextDocumentNumber } from './counters';
export { writeAudit, inputDigest, canonicalJson, type AuditEntry } from './audit';
export { yenFromDb, yenToDb } from './yen';
export type * from './schema';
