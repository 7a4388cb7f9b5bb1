import { NOW_ENV } from '../../core/api/clock';

/** The instant every test process runs at (vitest.config.ts sets BACKOFFICE_NOW): never the wall clock. */
export const TEST_NOW: Date = new Date(process.env[NOW_ENV] ?? '2026-11-24T10:00:00+09:00');
