import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // e2e: builds dist/renderer once (skipped when up to date) before any test file starts.
    globalSetup: ['test/e2e/global-setup.ts'],
    // Tests never read the wall clock: the back office's clock (core/api/clock.ts) reads this instant in every
    // test process and every CLI child a test starts. A test that needs another day passes its own `now`.
    env: { BACKOFFICE_NOW: '2026-11-24T10:00:00+09:00' },
  },
});
