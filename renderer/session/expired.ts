import type { CallFailure } from '../api/client';

/**
 * The refusals that mean "this session is no longer known" (the host restarted, the operator was removed):
 * the person is sent back to sign in. Any other unauthenticated refusal (a wrong password, too many tries) is
 * its own reason, shown in its own words.
 */
const EXPIRED_CODES: readonly string[] = ['operation.needs_sign_in', 'request.sign_in_first', 'operator.not_found'];

export function signInExpired(failure: Pick<CallFailure, 'kind' | 'code'>): boolean {
  return failure.kind === 'unauthenticated' && EXPIRED_CODES.includes(failure.code);
}

/**
 * D-UI-6: whether an answer sends the person back to sign in: it says the session is no longer known, and it
 * answers a call made under the sign-in still current (`askedIn` and `now` count sign-ins and sign-outs). An
 * answer to a call made before a sign-out, arriving after the next operator signed in, is about a session
 * that is gone on purpose and leaves the new one alone.
 */
export function endsSignIn(failure: Pick<CallFailure, 'kind' | 'code'>, askedIn: number, now: number): boolean {
  return askedIn === now && signInExpired(failure);
}
