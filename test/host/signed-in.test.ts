import { describe, expect, it } from 'vitest';
import type { OperationDescription } from '../../core/api/service';
import { SignedInClients } from '../../core/host/signed-in';
import { answering, FakeBackoffice } from './fake-backoffice';

describe('SignedInClients: who is signed in, per client, kept by the transport', () => {
  it('remembers the login the backoffice answered for, not the one the client typed', async () => {
    const backoffice = new FakeBackoffice();
    const original = backoffice.call.bind(backoffice);
    // A catalog that normalises logins: the client typed " SATO ", the operator is "sato".
    backoffice.call = answering(async (op, input, login) =>
      op === 'session.signIn'
        ? original(op, { login: 'sato', password: 'sales-pass' }, login)
        : original(op, input, login),
    );
    const clients = new SignedInClients<number>(backoffice);
    const { result, signedInAs } = await clients.call(7, 'session.signIn', { login: ' SATO ', password: 'x' }, () => 7);
    expect(result.ok).toBe(true);
    expect(signedInAs).toBe(7);
    expect(clients.loginOf(7)).toBe('sato');
    expect(backoffice.calls[0]?.operatorLogin).toBeNull();
  });

  it('keeps clients apart and passes null for a client nobody signed in', async () => {
    const backoffice = new FakeBackoffice();
    const clients = new SignedInClients<number>(backoffice);
    await clients.call(1, 'session.signIn', { login: 'admin', password: 'admin-pass' }, () => 1);
    await clients.call(2, 'members.create', { name: 'A' }, () => 2);
    await clients.call(1, 'members.create', { name: 'B' }, () => 1);
    expect(backoffice.calls.slice(1).map((c) => c.operatorLogin)).toEqual([null, 'admin']);
  });

  it('a failed sign-in signs the client out', async () => {
    const clients = new SignedInClients<number>(new FakeBackoffice());
    await clients.call(1, 'session.signIn', { login: 'admin', password: 'admin-pass' }, () => 1);
    const { result, signedInAs } = await clients.call(
      1,
      'session.signIn',
      { login: 'admin', password: 'bad' },
      () => 1,
    );
    expect(result.ok).toBe(false);
    expect(signedInAs).toBeUndefined();
    expect(clients.loginOf(1)).toBeNull();
  });

  it('a sign-in answer without a login is a failure, and nobody is remembered', async () => {
    const backoffice = new FakeBackoffice();
    backoffice.call = answering(async () => ({ ok: true, output: { name: 'no login here' } }));
    const clients = new SignedInClients<number>(backoffice);
    const { result } = await clients.call(1, 'session.signIn', {}, () => 1);
    expect(result).toMatchObject({ ok: false, kind: 'failed' });
    expect(clients.size).toBe(0);
  });

  it('signOut forgets the client, and tells the catalog when it has session.signOut (for its audit)', async () => {
    const backoffice = new FakeBackoffice();
    const clients = new SignedInClients<number>(backoffice);
    await clients.call(1, 'session.signIn', { login: 'sato', password: 'sales-pass' }, () => 1);
    expect(await clients.call(1, 'session.signOut', {}, () => 1)).toEqual({
      result: { ok: true, output: null },
      signedOut: true,
    });
    expect(clients.loginOf(1)).toBeNull();
    expect(backoffice.calls.map((c) => c.operation)).toEqual(['session.signIn']);

    const withSignOut = new FakeBackoffice();
    const catalog: OperationDescription[] = [
      ...withSignOut.operations(),
      { name: 'session.signOut', roles: [], input: {} },
    ];
    withSignOut.operations = () => catalog;
    const original = withSignOut.call.bind(withSignOut);
    withSignOut.call = answering(async (op, input, login) => {
      if (op !== 'session.signOut') return original(op, input, login);
      withSignOut.calls.push({ operation: op, input, operatorLogin: login });
      return { ok: true, output: { signedOut: login } };
    });
    const audited = new SignedInClients<number>(withSignOut);
    await audited.call(1, 'session.signIn', { login: 'sato', password: 'sales-pass' }, () => 1);
    const { result } = await audited.call(1, 'session.signOut', {}, () => 1);
    expect(result).toEqual({ ok: true, output: { signedOut: 'sato' } });
    expect(withSignOut.calls.at(-1)).toEqual({ operation: 'session.signOut', input: {}, operatorLogin: 'sato' });
    expect(audited.loginOf(1)).toBeNull();
  });
});
