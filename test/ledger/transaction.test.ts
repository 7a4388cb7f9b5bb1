import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { conflictOf } from '../../core/ledger/dialect';
import { BusyError, transact } from '../../core/ledger/transaction';
import { tempLedger } from './helpers';

describe('transact: one transaction, run again when it collided with another writer', () => {
  it('a serialization failure or deadlock is run again from the start, nothing of the failed attempt kept; after 5 attempts: busy', async () => {
    const l = await tempLedger();
    try {
      let attempts = 0;
      const value = await transact(l.db, async (trx) => {
        attempts++;
        await sql`insert into counters (name, last_value) values (${`try-${attempts}`}, ${attempts})`.execute(trx);
        if (attempts < 3) throw Object.assign(new Error('could not serialize access'), { code: '40001' });
        return 'done';
      });
      expect([value, attempts]).toEqual(['done', 3]);
      // Only the attempt that committed left its row.
      expect(await l.db.selectFrom('counters').select('name').execute()).toEqual([{ name: 'try-3' }]);

      let tries = 0;
      const always = transact(l.db, async () => {
        tries++;
        throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
      });
      await expect(always).rejects.toBeInstanceOf(BusyError);
      await expect(always).rejects.toThrow('5 attempts collided with other writers; nothing was written');
      expect(tries).toBe(5);

      // Anything else is not retried.
      let once = 0;
      await expect(
        transact(l.db, async () => {
          once++;
          throw new Error('a bug');
        }),
      ).rejects.toThrow('a bug');
      expect(once).toBe(1);
    } finally {
      await l.dispose();
    }
  });

  it('inside a transaction it runs in that transaction, without one of its own', async () => {
    const l = await tempLedger();
    try {
      await l.db.transaction().execute(async (outer) => {
        await transact(outer, (trx) => {
          expect(trx).toBe(outer);
          return Promise.resolve();
        });
      });
    } finally {
      await l.dispose();
    }
  });

  it('knows which failures are collisions: PostgreSQL 40001 and 40P01 and SQLite busy are run again, a lock timeout is busy', () => {
    expect(conflictOf({ code: '40001' })).toBe('retry');
    expect(conflictOf({ code: '40P01' })).toBe('retry');
    expect(conflictOf({ code: 'SQLITE_BUSY' })).toBe('retry');
    expect(conflictOf({ code: '55P03' })).toBe('busy');
    expect(conflictOf({ code: '23505' })).toBeNull();
    expect(conflictOf(new Error('x'))).toBeNull();
    expect(conflictOf(null)).toBeNull();
  });
});
