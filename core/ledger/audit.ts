import { createHash, type Hash } from 'node:crypto';
import type { LedgerDb } from './open-database';
import type { AuditOutcome } from './schema';

/** JSON with object keys sorted at every level, so equal inputs give equal digests whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** Printable ASCII but `"` and `\`: a string JSON writes as it is, whose UTF-8 bytes are its Latin-1 bytes. */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;
/** Strings at least this long are hashed apart rather than copied into the JSON text first. */
const LONG = 4_096;

/** Hashes text as UTF-8; a long plain string (a bank file as base64) by its bytes, without an encoding pass. */
function hashText(hash: Hash, text: string): void {
  if (text.length >= LONG && PLAIN.test(text)) hashLatin1(hash, text);
  else hash.update(text);
}

/** Characters hashed per update of a long plain string. */
const HASH_CHUNK = 1 << 20;

/**
 * A long plain string's bytes hashed a megabyte at a time: given whole, Node copied all 27 MB of a bank file's
 * base64 into fresh memory first, and touching those new pages cost five times the hashing (~90 ms a digest).
 */
function hashLatin1(hash: Hash, text: string): void {
  for (let i = 0; i < text.length; i += HASH_CHUNK) hash.update(text.slice(i, i + HASH_CHUNK), 'latin1');
}

/** Feeds canonicalJson(value) to the hash piece by piece: a long string is not copied into one big text. */
function hashCanonicalJson(hash: Hash, value: unknown): void {
  if (typeof value === 'string' && value.length >= LONG) {
    if (!PLAIN.test(value)) return hashText(hash, JSON.stringify(value));
    hash.update('"');
    hashLatin1(hash, value);
    hash.update('"');
    return;
  }
  if (value === undefined || value === null || typeof value !== 'object') return hashText(hash, canonicalJson(value));
  if (Array.isArray(value)) {
    hash.update('[');
    value.forEach((v, i) => {
      if (i > 0) hash.update(',');
      hashCanonicalJson(hash, v);
    });
    hash.update(']');
    return;
  }
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  hash.update('{');
  entries.forEach(([k, v], i) => {
    hashText(hash, `${i > 0 ? ',' : ''}${JSON.stringify(k)}:`);
    hashCanonicalJson(hash, v);
  });
  hash.update('}');
}

/** sha256 of canonicalJson(input), hashed piece by piece (a bank file travels inline: 27 MB of base64). */
export function inputDigest(input: unknown): string {
  const hash = createHash('sha256');
  hashCanonicalJson(hash, input);
  return hash.digest('hex');
}

export interface AuditEntry {
  at: string;
  operatorLogin: string | null;
  channel: string;
  operation: string;
  /** The input as called, its secrets already masked. */
  input: unknown;
  outcome: AuditOutcome;
  detail?: string | null;
  /** A refusal's code and params (stored as `detail_code`/`detail_params`), so a screen words the detail in its own language. */
  problem?: { code: string; params?: Record<string, string | number> | undefined };
  /** The network address the call came from, where the door has one (the HTTP hosts, D-SEC-19). */
  address?: string | null | undefined;
}

/** Longest string kept whole in the stored input; a longer one (a bank file inline) is kept as its length and digest. */
export const AUDIT_STRING_LIMIT = 2000;

function shortened(value: unknown): unknown {
  if (typeof value === 'string' && value.length > AUDIT_STRING_LIMIT) {
    const hash = createHash('sha256');
    hashText(hash, value);
    const digest = hash.digest('hex');
    return `${value.slice(0, 200)}… (${value.length} characters, sha256 ${digest})`;
  }
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(shortened);
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, shortened(v)]));
}

/**
 * The input as the audit log stores it (D-SEC-9): canonical JSON of what was called, secrets masked by the
 * catalog, a string past AUDIT_STRING_LIMIT characters cut to its start, length and sha256 (a bank or usage
 * file travels inline and is kept whole where it was imported).
 */
export function auditedInput(input: unknown): string {
  return canonicalJson(shortened(input));
}

/** Appends one audit row (append-only: triggers refuse UPDATE and DELETE). */
export async function writeAudit(db: LedgerDb, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: entry.at,
      operator_login: entry.operatorLogin,
      channel: entry.channel,
      operation: entry.operation,
      input_digest: inputDigest(entry.input),
      input: auditedInput(entry.input),
      outcome: entry.outcome,
      detail: entry.detail ?? null,
      detail_code: entry.problem?.code ?? null,
      detail_params: entry.problem?.params === undefined ? null : JSON.stringify(entry.problem.params),
      client_address: entry.address ?? null,
    })
    .execute();
}
