import type { OperationApp } from '../operation';
import { auditApp } from './audit';
import { cloudAccountsApp } from './cloud-accounts';
import { ledgerApp } from './ledger';
import { membersApp } from './members';
import { operatorsApp } from './operators';
import { sessionApp } from './session';
import { setupApp } from './setup';
import { prepaidApps } from './prepaid';
import { billingApp, usageApp } from './billing';
import { paymentsApp } from './payments';
import { dunningApp } from './dunning';
import { dunningReleaseApp } from './dunning-release';
import { monthJobsApp, usageImportsApp } from './month-jobs';
import { bankingApp } from './banking';
import { dunningBoardApp } from './dunning-board';
import { ledgerBackupApp } from './ledger-backup';
import { statementFilesApp } from './statement-files';
import { sellerApp } from './seller';
import { archiveApp } from './archive';
import { journalApp } from './journal';
import { reportsApp } from './reports';
import { syncApp } from './sync';

/** Every domain's operations (each name unique, checked by buildCatalog). */
export const apps = [
  sessionApp,
  setupApp,
  membersApp,
  cloudAccountsApp,
  operatorsApp,
  ledgerApp,
  ledgerBackupApp,
  auditApp,
  ...prepaidApps,
  usageApp,
  billingApp,
  statementFilesApp,
  paymentsApp,
  dunningApp,
  dunningReleaseApp,
  monthJobsApp,
  usageImportsApp,
  bankingApp,
  dunningBoardApp,
  sellerApp,
  archiveApp,
  journalApp,
  reportsApp,
  syncApp,
] as const satisfies readonly OperationApp[];
