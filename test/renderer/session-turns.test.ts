import { describe, expect, it } from 'vitest';
import { endsSignIn } from '../../renderer/session/expired';

const expired = { kind: 'unauthenticated', code: 'operation.needs_sign_in' } as const;

describe('D-UI-6 an answer signs out only the session its call was made in', () => {
  it('a refusal for a session no longer known, to a call of the current sign-in, sends the person back to sign in', () => {
    expect(endsSignIn(expired, 3, 3)).toBe(true);
  });

  it('the same refusal to a call made before the last sign-out and sign-in leaves the new operator signed in', () => {
    expect(endsSignIn(expired, 1, 3)).toBe(false);
  });

  it('too many tries, or a refusal of another kind, never ends a sign-in, whenever asked', () => {
    expect(endsSignIn({ kind: 'unauthenticated', code: 'session.backoff' }, 3, 3)).toBe(false);
    expect(endsSignIn({ kind: 'forbidden', code: 'operation.needs_sign_in' }, 3, 3)).toBe(false);
  });
});
