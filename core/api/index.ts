export { openBackoffice, describeOperation, type BackofficeOptions } from './open';
export { openDatabase, type OpenedDatabase, type LedgerDb } from '../ledger/open-database';
export * from './service';
