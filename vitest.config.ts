import { defineConfig } from 'vitest/config';

// Tests never read the wall clock: the back office's clock (core/api/clock.ts) reads this instant in every
// test process and every CLI child a test starts. A test that needs another day passes its own `now`.
const env = { BACKOFFICE_NOW: '2026-11-24T10:00:00+09:00' };

/**
 * The tests of everything that reads or writes the ledger (the catalog, the ledger, the close, prepaid, the
 * daily run with its dunning, payments, bank files and their reconciliation, the team server) run a second
 * time on PostgreSQL. The rest (rating, documents, time, the renderer, e2e…) does not touch the engine.
 */
const LEDGER_TESTS = [
  'test/{api,ledger,close,prepaid,daily,payments,reconcile,team}/**/*.test.ts',
  'test/banking/import-bank-cli.test.ts',
];
const SQLITE_ONLY = [
  // SQLite's own file: its crash safety and its schema as existing ledger files have it.
  'test/ledger/crash.test.ts',
  'test/ledger/schema-snapshot.test.ts',
  // No ledger inside.
  'test/prepaid/code.test.ts',
  'test/prepaid/eml.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        test: {
          name: 'sqlite',
          include: ['test/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          // e2e: builds dist/renderer once (skipped when up to date) before any test file starts.
          globalSetup: ['test/e2e/global-setup.ts'],
          env,
        },
      },
      {
        test: {
          name: 'postgres',
          include: LEDGER_TESTS,
          exclude: SQLITE_ONLY,
          testTimeout: 30_000,
          hookTimeout: 120_000,
          // One PostgreSQL for the run; each test's ledger is a database of its own (test/support/engine.ts).
          globalSetup: ['test/support/postgres-global-setup.ts'],
          env: { ...env, BACKOFFICE_TEST_ENGINE: 'postgres' },
        },
      },
    ],
  },
});
