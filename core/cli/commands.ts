import type { CliCommand } from './io';

/** A command by name, its code loaded only when it runs: `backoffice rate` must not pay for the server's start-up. */
export interface CommandEntry {
  name: string;
  load(): Promise<CliCommand>;
}

/** Every `backoffice` command, in the order `--help` lists them. Each lives in its own file. */
export const commands: CommandEntry[] = [
  { name: 'serve', load: async () => (await import('./commands/serve')).serveCommand },
  { name: 'rate', load: async () => (await import('./commands/rate')).rateCommand },
  { name: 'plans', load: async () => (await import('./commands/plans')).plansCommand },
  { name: 'import-bank', load: async () => (await import('./commands/import-bank')).importBankCommand },
  { name: 'operations', load: async () => (await import('./commands/operations')).operationsCommand },
  { name: 'call', load: async () => (await import('./commands/call')).callCommand },
  { name: 'trial-balance', load: async () => (await import('./commands/trial-balance')).trialBalanceCommand },
  { name: 'backup', load: async () => (await import('./commands/backup')).backupCommand },
  { name: 'migrate-to', load: async () => (await import('./commands/migrate-to')).migrateToCommand },
  { name: 'demo', load: async () => (await import('./commands/demo')).demoCommand },
  { name: 'import-usage', load: async () => (await import('./commands/import-usage')).importUsageCommand },
  { name: 'close-month', load: async () => (await import('./commands/close-month')).closeMonthCommand },
  { name: 'statements', load: async () => (await import('./commands/statements')).statementsCommand },
  { name: 'daily', load: async () => (await import('./commands/daily')).dailyCommand },
  { name: 'export-journal', load: async () => (await import('./commands/export-journal')).exportJournalCommand },
  { name: 'verify', load: async () => (await import('./commands/verify')).verifyCommand },
];
