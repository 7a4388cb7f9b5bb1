import { createHash } from 'node:crypto';
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

export function inputDigest(input: unknown): string {
  return createHash('sha256').update(canonicalJson(input)).digest('hex');
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
    const digest = createHash('sha256').update(value).digest('hex');
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
