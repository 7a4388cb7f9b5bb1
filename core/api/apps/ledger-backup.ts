import { backupLedger } from '../../ledger/backup';
import { defineOperation, type OperationApp } from '../operation';
import { backupInput } from '../schemas/ledger';

/**
 * ledger.backup: the whole ledger copied into a new file while it is in use: SQLite's online backup, or on
 * PostgreSQL a logical dump in a snapshot of its own (core/ledger/backup.ts), restored by `backup --restore`.
 *
 * D-API-1: an operation that writes a file where its caller names it runs only through the command line door:
 * there the path is on the caller's own machine; from a browser or a team server it would name a path on the
 * server, a door to write anywhere the back office may.
 * D-API-2: admin (who keeps the system) and accounting (who keeps the books) may copy the ledger; it holds every
 * member's personal data, so sales and supervisors may not. Audited: the books leaving the system is an event.
 */
const backup = defineOperation({
  name: 'ledger.backup',
  roles: ['admin', 'accounting'],
  channels: ['cli'],
  input: backupInput,
  audited: true,
  handler: (ctx, input) => backupLedger(ctx.location, input.to),
});

export const ledgerBackupApp = { domain: 'ledger', operations: [backup] } as const satisfies OperationApp;
