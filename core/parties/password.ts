import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

function scrypt(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** scrypt's cost: N (a power of two), r, p. */
export interface PasswordCost {
  N: number;
  r: number;
  p: number;
}

/** What every password is hashed with in production (D-SEC-3): about 128 MiB and a few hundred ms per hash. */
export const PRODUCTION_COST: PasswordCost = { N: 2 ** 17, r: 8, p: 1 };

/**
 * The test seam (D-SEC-3): vitest's config sets it so the suite does not spend a third of a second per hash.
 * Only ever lowers N, to a power of two between 2^10 and 2^17; nothing in production sets it.
 */
export const TEST_COST_ENV = 'BACKOFFICE_TEST_SCRYPT_LOG2N';

const KEYLEN = 32;

/** The cost new hashes are made with: PRODUCTION_COST, unless the test seam lowers N. */
export function passwordCost(env: NodeJS.ProcessEnv = process.env): PasswordCost {
  const log2n = env[TEST_COST_ENV];
  if (log2n === undefined || log2n === '') return PRODUCTION_COST;
  const n = Number(log2n);
  if (!Number.isInteger(n) || n < 10 || n > 17) throw new Error(`${TEST_COST_ENV}=${log2n}: a whole number 10–17`);
  return { ...PRODUCTION_COST, N: 2 ** n };
}

/** scrypt needs 128·N·r bytes; Node's default limit (32 MiB) is below what N = 2^17 takes. */
function maxmem(cost: PasswordCost): number {
  return 128 * cost.N * cost.r + 16 * 1024 * 1024;
}

/** `scrypt$N$r$p$salt$hash`: the parameters travel with the hash so they can be raised later. */
export async function hashPassword(password: string, cost: PasswordCost = passwordCost()): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEYLEN, { ...cost, maxmem: maxmem(cost) });
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

function parseHash(stored: string): { cost: PasswordCost; salt: Buffer; hash: Buffer } | null {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return null;
  return {
    cost: { N: Number(n), r: Number(r), p: Number(p) },
    salt: Buffer.from(salt, 'base64'),
    hash: Buffer.from(hash, 'base64'),
  };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await scrypt(password, parsed.salt, parsed.hash.length, { ...parsed.cost, maxmem: maxmem(parsed.cost) });
  return timingSafeEqual(key, parsed.hash);
}

/** Whether a stored hash was made with less work than new hashes get: it is made again at the next sign-in. */
export function needsRehash(stored: string, cost: PasswordCost = passwordCost()): boolean {
  const parsed = parseHash(stored);
  return parsed === null || parsed.cost.N < cost.N || parsed.cost.r < cost.r || parsed.cost.p < cost.p;
}

/**
 * The same work as checking a real password, for a login that does not exist (D-SEC-4): the answer's time must
 * not tell which logins exist.
 */
export async function verifyAgainstNobody(password: string): Promise<false> {
  await hashPassword(password);
  return false;
}
