import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../core/ledger/open-database';
import { startEmbeddedPostgres } from '../../scripts/embedded-postgres.mjs';
import { TEMPLATE_DATABASE } from './engine';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The test cluster's URL without a database name (postgres://postgres:…@127.0.0.1:PORT/). */
    postgresServer: string;
    /** A data folder for what a PostgreSQL ledger keeps beside it (prepaid key, outbox mail) in this run. */
    postgresDataHome: string;
  }
}

/**
 * One PostgreSQL for the whole run of the postgres project (embedded-postgres: the registry's binaries, about a
 * second to start once initdb has run). The ledger's migrations run once, into a template database; each
 * test's ledger is a copy of it (test/support/engine.ts), so a test starts from a fresh ledger in milliseconds.
 * Durability is off (fsync): a crash of the test cluster loses nothing worth keeping.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = mkdtempSync(path.join(tmpdir(), 'backoffice-pg-'));
  const dataHome = path.join(root, 'data-home');
  mkdirSync(dataHome, { recursive: true, mode: 0o777 });
  const { server, stop } = await startEmbeddedPostgres({ dir: root, durable: false, persistent: false });
  const admin = new pg.Client({ connectionString: `${server}postgres` });
  await admin.connect();
  try {
    await admin.query(`create database ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  const template = await openDatabase(`${server}${TEMPLATE_DATABASE}`);
  await template.close();
  project.provide('postgresServer', server);
  project.provide('postgresDataHome', dataHome);
  return async () => {
    await stop();
    rmSync(root, { recursive: true, force: true });
  };
}
