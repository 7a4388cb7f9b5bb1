import { randomBytes } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { tempDir } from './temp-dir';

/** The migrated, empty ledger every PostgreSQL test ledger is copied from (postgres-global-setup.ts makes it). */
export const TEMPLATE_DATABASE = 'ledger_template';

export type TestEngine = 'sqlite' | 'postgres';

/**
 * The engine this test process runs the ledger on: the vitest project decides (vitest.config.ts), so the same
 * test file runs once on SQLite and once on PostgreSQL.
 */
export const TEST_ENGINE: TestEngine = process.env.BACKOFFICE_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

export interface TestLedgerPlace {
  engine: TestEngine;
  /** What openDatabase / openBackoffice / --db take: a file path or a postgres:// URL. */
  location: string;
  /** A scratch folder of the test's own (PDFs written for reading, bank files, backups). */
  dir: string;
  /** Drops the database (PostgreSQL) and removes the scratch folder. */
  dispose(): Promise<void>;
}

let admin: pg.Pool | null = null;
let created = 0;

function adminPool(server: string): pg.Pool {
  admin ??= new pg.Pool({ connectionString: `${server}postgres`, max: 2 });
  return admin;
}

/**
 * A place for a fresh ledger: on SQLite a file path in a new temp folder (openDatabase creates and migrates it),
 * on PostgreSQL a new database copied from the migrated template (CREATE DATABASE … TEMPLATE: a few
 * milliseconds, where running the migrations would take far longer).
 */
export async function freshLedgerPlace(engine: TestEngine = TEST_ENGINE): Promise<TestLedgerPlace> {
  const { dir, cleanup } = tempDir();
  if (engine === 'sqlite') {
    return { engine, location: `${dir}/ledger.db`, dir, dispose: async () => cleanup() };
  }
  return newDatabase(TEMPLATE_DATABASE, dir, cleanup);
}

/**
 * A place for a ledger with no migration run yet: on SQLite a file path in a new temp folder, on PostgreSQL a new
 * empty database (for a test that brings a ledger to an older migration first).
 */
export async function emptyLedgerPlace(engine: TestEngine = TEST_ENGINE): Promise<TestLedgerPlace> {
  if (engine === 'sqlite') return freshLedgerPlace(engine);
  const { dir, cleanup } = tempDir();
  return newDatabase('template0', dir, cleanup);
}

/**
 * A copy of a ledger nobody has open (its every row, as a file copy or CREATE DATABASE … TEMPLATE), for tests
 * that run the same thing twice from one starting point.
 */
export async function copyLedgerPlace(original: TestLedgerPlace): Promise<TestLedgerPlace> {
  const { dir, cleanup } = tempDir();
  if (original.engine === 'sqlite') {
    const location = `${dir}/ledger.db`;
    copyFileSync(original.location, location);
    return { engine: 'sqlite', location, dir, dispose: async () => cleanup() };
  }
  return newDatabase(new URL(original.location).pathname.slice(1), dir, cleanup);
}

async function newDatabase(template: string, dir: string, cleanup: () => void): Promise<TestLedgerPlace> {
  const server = inject('postgresServer');
  // What a PostgreSQL ledger keeps beside it goes into this run's folder, for this process and its CLI children.
  process.env.XDG_DATA_HOME = inject('postgresDataHome');
  const name = `ledger_${process.pid}_${++created}_${randomBytes(3).toString('hex')}`;
  await adminPool(server).query(`create database ${name} template ${template} strategy file_copy`);
  return {
    engine: 'postgres',
    location: `${server}${name}`,
    dir,
    async dispose() {
      // Not waited for: the next test need not pay for it (the whole cluster goes at the end of the run anyway).
      adminPool(server)
        .query(`drop database if exists ${name} with (force)`)
        .catch(() => undefined);
      cleanup();
    },
  };
}
