/**
 * D-SEC-5: failed sign-ins slow the next attempt for that login. From the 5th failure since the login last
 * signed in (within a day), each attempt waits 2^(failures − 5) minutes after the latest failure, at most an
 * hour: 200 guesses take days instead of seconds, and the operator whose login is being tried waits an hour at
 * worst. The failures are the audit log's refused sign-ins (every attempt is audited), so every door and
 * process counts the same ones.
 */

export const BACKOFF_AFTER_FAILURES = 5;
export const BACKOFF_WINDOW_MS = 24 * 3600_000;
const MAX_WAIT_MS = 3600_000;

/** One audited sign-in attempt for a login, newest first. */
export interface SignInAttempt {
  at: string;
  failed: boolean;
}

/** The instant before which the next attempt is refused without checking the password, or null. */
export function signInWaitUntil(attempts: readonly SignInAttempt[], now: Date): Date | null {
  const since = now.getTime() - BACKOFF_WINDOW_MS;
  let failures = 0;
  let latest = 0;
  for (const attempt of attempts) {
    const at = Date.parse(attempt.at);
    if (at <= since || !attempt.failed) break;
    failures++;
    latest = Math.max(latest, at);
  }
  if (failures < BACKOFF_AFTER_FAILURES) return null;
  const wait = Math.min(2 ** (failures - BACKOFF_AFTER_FAILURES) * 60_000, MAX_WAIT_MS);
  const until = latest + wait;
  return until > now.getTime() ? new Date(until) : null;
}

/**
 * D-SEC-19: ten failed sign-ins from one network address within 15 minutes, whatever the logins, close signing
 * in from that address until the oldest of those ten is 15 minutes old. A success does not clear them: one
 * valid login must not wipe the count between guesses at the others.
 */
export const ADDRESS_FAILURES = 10;
export const ADDRESS_WINDOW_MS = 15 * 60_000;

/** The instant before which a sign-in from the address is refused, given its failures' instants newest first. */
export function addressWaitUntil(failuresAt: readonly string[], now: Date): Date | null {
  const since = now.getTime() - ADDRESS_WINDOW_MS;
  const recent = failuresAt.map((at) => Date.parse(at)).filter((at) => at > since);
  if (recent.length < ADDRESS_FAILURES) return null;
  const oldestOfTen = [...recent].sort((a, b) => b - a)[ADDRESS_FAILURES - 1]!;
  return new Date(oldestOfTen + ADDRESS_WINDOW_MS);
}
