import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // e2e: builds dist/renderer once (skipped when up to date) before any test file starts.
    globalSetup: ['test/e2e/global-setup.ts'],
  },
});
