import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LedgerDb } from '../ledger/open-database';
import { sideFilesBase } from '../ledger/dialect';

/** Where the key comes from when set: base64 of at least 32 bytes (for a shared or hardware-held key). */
export const PREPAID_KEY_ENV = 'BACKOFFICE_PREPAID_KEY';

const MIN_KEY_BYTES = 32;
const cache = new Map<string, Buffer>();

function decodeKey(text: string, source: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length < MIN_KEY_BYTES)
    throw new Error(`${source}: the prepaid code key must be base64 of at least ${MIN_KEY_BYTES} bytes`);
  return key;
}

/**
 * The HMAC key for prepaid codes, kept outside the database so a copy of the ledger reveals no usable code:
 * BACKOFFICE_PREPAID_KEY when set, else the file `<ledger>.prepaid-key` beside the database, created (mode
 * 0600, 32 random bytes) on first use. Losing the key makes the unregistered codes unverifiable: back it up
 * with the ledger, but store it apart.
 */
export async function prepaidCodeKey(db: LedgerDb): Promise<Buffer> {
  const fromEnv = process.env[PREPAID_KEY_ENV];
  if (fromEnv) return decodeKey(fromEnv, PREPAID_KEY_ENV);
  const file = await sideFilesBase(db);
  if (file === '') throw new Error(`an in-memory ledger has no key file: set ${PREPAID_KEY_ENV}`);
  const keyFile = `${file}.prepaid-key`;
  const cached = cache.get(keyFile);
  if (cached) return cached;
  let key: Buffer;
  try {
    key = decodeKey(readFileSync(keyFile, 'utf8'), keyFile);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    key = randomBytes(MIN_KEY_BYTES);
    mkdirSync(path.dirname(keyFile), { recursive: true, mode: 0o700 });
    try {
      // 'wx': never overwrite a key another process created meanwhile; use theirs instead.
      writeFileSync(keyFile, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
      chmodSync(keyFile, 0o600);
    } catch (raced) {
      if ((raced as NodeJS.ErrnoException).code !== 'EEXIST') throw raced;
      key = decodeKey(readFileSync(keyFile, 'utf8'), keyFile);
    }
  }
  cache.set(keyFile, key);
  return key;
}

/** The stored form of a normalized code: HMAC-SHA256 under the key, hex. */
export function hashCode(key: Buffer, code: string): string {
  return createHmac('sha256', key).update(code, 'utf8').digest('hex');
}
