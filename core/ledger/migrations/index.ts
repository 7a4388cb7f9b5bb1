import type { Migration } from 'kysely';
import * as m0001 from './0001_initial';
import * as m0002 from './0002_prepaid';

/**
 * Every migration, in order. Forward-only: a released migration is never edited; a later issue adds a file
 * (0002_prepaid.ts…) and one line here.
 */
export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_prepaid': m0002,
};
