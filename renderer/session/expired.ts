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
