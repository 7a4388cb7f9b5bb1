/** Every way a call can be refused, as the doors send it (`kind`); a door that reads an answer checks it here. */
export const CALL_FAILURE_KINDS = [
  /** no such operation */
  'unknown_operation',
  /** no operator signed in, or no such operator */
  'unauthenticated',
  /** the operator's roles do not allow it (audited) */
  'forbidden',
  /** the input failed its schema or a business rule; `problems` name the fields; nothing written */
  'invalid',
  /** too many failed sign-ins from the caller's address: wait, then try again (D-SEC-19, HTTP 429) */
  'throttled',
  /** the ledger was too busy with other writers to run it; nothing written; the same call may be made again */
  'busy',
  /** the disk under the ledger is full; nothing written (D-SEC-14) */
  'disk_full',
  /** anything else; nothing written */
  'failed',
] as const;

export type CallFailureKind = (typeof CALL_FAILURE_KINDS)[number];

export function isCallFailureKind(kind: unknown): kind is CallFailureKind {
  return (CALL_FAILURE_KINDS as readonly unknown[]).includes(kind);
}
