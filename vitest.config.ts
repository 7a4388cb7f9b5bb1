import { defineConfig } from 'vitest/config';

/**
 * Tests that start other programs: the `backoffice` command and other Node children, bundlers, Chromium's
 * e2e aside. Kept out of the unit project, which must answer in seconds (`npx vitest run --project unit`).
 */
const PROCESSES = [
  'test/banking/import-bank-cli.test.ts',
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

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Tests never read the wall clock: the back office's clock (core/api/clock.ts) reads this instant in every
    // test process and every CLI child a test starts. A test that needs another day passes its own `now`.
    env: { BACKOFFICE_NOW: '2026-11-24T10:00:00+09:00' },
    // `npm test` runs every project; `npx vitest run --project unit` only the fast ones.
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
      {
        extends: true,
        test: { name: 'processes', include: PROCESSES },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: E2E,
          // Builds dist/renderer once (skipped when up to date) before any e2e file starts.
          globalSetup: ['test/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
