import { defineConfig } from 'vitest/config';

/**
 * Tests that start other programs: the `backoffice` command and other Node children, bundlers, Chromium's
 * e2e aside. Kept out of the unit projects, which must answer in seconds (`npx vitest run --project unit`).
 */
const PROCESSES = [
  'test/banking/import-bank-cli.test.ts',
  'test/cli/busy-ledger.test.ts',
  'test/cli/compiled-command.test.ts',
  'test/cli/doors.test.ts',
  'test/close/kill-resume.test.ts',
  'test/electron/build-electron.test.ts',
  'test/electron/main-wiring.test.ts',
  'test/electron/packaging.test.ts',
  'test/host/serve-command.test.ts',
  'test/host/start-script.test.ts',
  'test/ledger/crash.test.ts',
  'test/rating/examples.test.ts',
  'test/rating-stream/usage-file.test.ts',
];
const E2E = ['test/e2e/**/*.test.ts'];

/**
 * The tests of everything that reads or writes the ledger (the catalog, the ledger, the close, prepaid, the
 * daily run with its dunning, payments, bank files and their reconciliation, the team server) run a second
 * time on PostgreSQL. The rest (rating, documents, time, the renderer, e2e…) does not touch the engine.
 */
const LEDGER_TESTS = [
  'test/{api,ledger,close,prepaid,daily,payments,reconcile,team,books}/**/*.test.ts',
  'test/banking/import-bank-cli.test.ts',
  // The doors that read or write the books as a named operator (ledger.backup: a dump on PostgreSQL).
  'test/cli/ledger-doors.test.ts',
];
const SQLITE_ONLY = [
  // SQLite's own file: its crash safety and its schema as existing ledger files have it.
  'test/ledger/crash.test.ts',
  'test/ledger/schema-snapshot.test.ts',
  'test/ledger/faults.test.ts',
  'test/api/readers-beside-a-writer.test.ts',
  'test/api/writers-beside-an-import.test.ts',
  // No ledger inside.
  'test/prepaid/code.test.ts',
  'test/prepaid/eml.test.ts',
];

// Tests never read the wall clock: the back office's clock (core/api/clock.ts) reads this instant in every
// test process and every CLI child a test starts. A test that needs another day passes its own `now`.
// Passwords are hashed with scrypt at N = 2^10 instead of production's 2^17 (core/parties/password.ts, D-SEC-3):
// the only way to lower the cost, and test/api/passwords.test.ts checks production's.
const NOW = { BACKOFFICE_NOW: '2026-11-24T10:00:00+09:00', BACKOFFICE_TEST_SCRYPT_LOG2N: '10' };

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    env: NOW,
    // `npm test` runs every project once: unit, processes and e2e on SQLite, and the tests that touch the
    // ledger again on PostgreSQL (postgres). `npx vitest run --project unit` runs only the fast ones, on SQLite.
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...PROCESSES, ...E2E],
          // The files of a worker share loaded modules (no test mocks modules or changes the environment): a
          // third of the time and CPU.
          isolate: false,
        },
      },
      { extends: true, test: { name: 'processes', include: PROCESSES } },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: E2E,
          // Builds dist/renderer once (skipped when up to date) before any e2e file starts.
          globalSetup: ['test/e2e/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          // The ledger's tests again, the process tests among them (kill-resume, import-bank-cli), on one
          // PostgreSQL for the run; each test's ledger is a database of its own (test/support/engine.ts).
          include: LEDGER_TESTS,
          exclude: SQLITE_ONLY,
          isolate: false,
          globalSetup: ['test/support/postgres-global-setup.ts'],
          env: { ...NOW, BACKOFFICE_TEST_ENGINE: 'postgres' },
        },
      },
    ],
  },
});
