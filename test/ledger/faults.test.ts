import { closeSync, existsSync, openSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackoffice } from '../../core/api/open';
import { main } from '../../core/cli/main';
import { DiskFullError, LedgerFault } from '../../core/ledger/faults';
import { openDatabase, type SqliteLedger } from '../../core/ledger/open-database';
import { transact } from '../../core/ledger/transaction';
import { createOperator } from '../../core/parties';
import { tempDir } from '../support/temp-dir';

/** Issue 13: the ledger file under faults (D-SEC-14…16 in core/ledger/README.md). SQLite's own file only. */

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

function folder(): string {
  const made = tempDir();
  cleanup = made.cleanup;
  return made.dir;
}

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { status, out: out.join(''), err: err.join('') };
}

/** A ledger file with an admin and a few hundred rows, checkpointed so every page is in the file itself. */
async function filledLedger(file: string): Promise<void> {
  const ledger = (await openDatabase(file)) as SqliteLedger;
  await createOperator(
    ledger.db,
    { login: 'admin', displayName: '管理者', password: 'demo', roles: ['admin'] },
    '2026-11-01T00:00:00Z',
  );
  for (let i = 0; i < 300; i++)
    await sql`insert into outbox (created_at, channel, topic, payload, status) values ('2026-11-01T00:00:00Z', 'email', 'x', ${'本文'.repeat(100)}, 'pending')`.execute(
      ledger.db,
    );
  ledger.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await ledger.close();
}

describe('a full disk', () => {
  it('D-SEC-14: is said as "the disk is full; nothing was written", not as a failed rollback, and nothing is written', async () => {
    const file = path.join(folder(), 'ledger.db');
    const ledger = (await openDatabase(file)) as SqliteLedger;
    try {
      const pages = Number(ledger.sqlite.pragma('page_count', { simple: true }));
      ledger.sqlite.pragma(`max_page_count = ${pages + 2}`);
      const write = transact(ledger.db, async (trx) => {
        for (let i = 0; i < 200; i++)
          await sql`insert into outbox (created_at, channel, topic, payload, status) values ('t', 'email', 'x', ${'x'.repeat(4000)}, 'pending')`.execute(
            trx,
          );
      });
      await expect(write).rejects.toThrow(DiskFullError);
      await expect(write).rejects.toThrow('the disk is full; nothing was written');
      const { rows } = await sql<{ n: number }>`select count(*) as n from outbox`.execute(ledger.db);
      expect(rows[0]!.n).toBe(0);
      // The ledger works on once there is room.
      ledger.sqlite.pragma('max_page_count = 1073741823');
      await transact(ledger.db, (trx) =>
        sql`insert into outbox (created_at, channel, topic, payload, status) values ('t', 'email', 'x', 'y', 'pending')`.execute(
          trx,
        ),
      );
    } finally {
      await ledger.close();
    }
  });
});

describe('a damaged ledger file', () => {
  it('D-SEC-15: garbage is refused on open, naming the file', async () => {
    const file = path.join(folder(), 'garbage.db');
    writeFileSync(file, Buffer.alloc(8192, 0x41));
    const opening = openBackoffice(file);
    await expect(opening).rejects.toThrow(LedgerFault);
    await expect(opening).rejects.toThrow(`the ledger ${file} cannot be read`);
    const r = await cli('trial-balance', '--as', 'admin', '--db', file);
    expect(r.status).toBe(1);
    expect(r.err).toMatch(
      new RegExp(
        `^the ledger ${file} cannot be read \\(.*\\): is it a back office ledger\\? Restore it from a backup\\n$`,
      ),
    );
  });

  it('D-SEC-15: a truncated file and a file with a damaged page are refused by the quick check, naming the file', async () => {
    const dir = folder();
    const truncated = path.join(dir, 'truncated.db');
    await filledLedger(truncated);
    truncateSync(truncated, Math.floor(statSync(truncated).size / 2));
    await expect(openBackoffice(truncated)).rejects.toMatchObject({
      code: 'ledger.damaged',
      params: { file: truncated },
    });

    const damaged = path.join(dir, 'damaged.db');
    await filledLedger(damaged);
    const pageSize = 4096;
    const pages = statSync(damaged).size / pageSize;
    const fd = openSync(damaged, 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0xff), 0, pageSize, Math.floor(pages / 2) * pageSize);
    closeSync(fd);
    const r = await cli('trial-balance', '--as', 'admin', '--db', damaged);
    expect(r.status).toBe(1);
    expect(r.err).toMatch(new RegExp(`^the ledger ${damaged} is damaged \\(.+\\): restore it from a backup`));
    expect(r.out).toBe('');
  });
});

describe('a missing or empty ledger file', () => {
  it('D-SEC-15: a mistyped --db or an empty file is refused naming it, and no ledger is made', async () => {
    const dir = folder();
    const typo = path.join(dir, 'ledgr.db');
    const r = await cli('trial-balance', '--as', 'admin', '--db', typo);
    expect([r.status, r.err]).toEqual([
      1,
      `there is no ledger at ${typo}: check --db (a new ledger is made only by setup, demo or the app's first start)\n`,
    ]);
    expect(existsSync(typo)).toBe(false);
    const empty = path.join(dir, 'empty.db');
    writeFileSync(empty, '');
    expect((await cli('close-month', '2026-10', '--as', 'accounting', '--db', empty)).err).toMatch(
      /^there is no ledger at .*empty\.db/,
    );
    expect(statSync(empty).size).toBe(0);
  });

  it('D-SEC-15, D-SEC-16: setup makes a new ledger, readable by its owner alone; so is a backup', async () => {
    const dir = folder();
    const file = path.join(dir, 'new.db');
    const setup = await cli('call', 'setup.status', '{}', '--db', file);
    expect(setup.status).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    for (const side of ['-wal', '-shm'])
      if (existsSync(file + side)) expect(statSync(file + side).mode & 0o777).toBe(0o600);
    const ledger = await openDatabase(file);
    await createOperator(
      ledger.db,
      { login: 'admin', displayName: '管理者', password: 'demo', roles: ['admin'] },
      '2026-11-01T00:00:00Z',
    );
    await ledger.close();
    const copy = path.join(dir, 'copy.db');
    expect((await cli('backup', '--to', copy, '--as', 'admin', '--db', file)).status).toBe(0);
    expect(statSync(copy).mode & 0o777).toBe(0o600);
  });
});
