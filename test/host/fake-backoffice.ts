import type { Backoffice, CallResult, OperationDescription, Role } from '../../core/api/service';

/** A small stand-in for the real Backoffice: two operators, a few operations, and a log of every call. */

const OPERATORS: Record<string, { name: string; password: string; roles: Role[] }> = {
  sato: { name: '佐藤', password: 'sales-pass', roles: ['sales'] },
  admin: { name: '管理者', password: 'admin-pass', roles: ['admin'] },
};

const OPERATIONS: OperationDescription[] = [
  { name: 'session.signIn', roles: [], input: { type: 'object' } },
  { name: 'setup.status', roles: [], input: { type: 'object' } },
  { name: 'members.create', roles: ['sales', 'admin'], input: { type: 'object' } },
  { name: 'operators.create', roles: ['admin'], input: { type: 'object' } },
];

export interface RecordedCall {
  operation: string;
  input: unknown;
  operatorLogin: string | null;
}

/** The catalog's call as a transport sees it: any name, any input. */
export type UntypedCall = (operation: string, input: unknown, operatorLogin: string | null) => Promise<CallResult>;

/** A stand-in answers untyped: the typed overload is the real catalog's (core/api/catalog-types.ts). */
export const answering = (call: UntypedCall): Backoffice['call'] => call as Backoffice['call'];

export class FakeBackoffice implements Backoffice {
  readonly calls: RecordedCall[] = [];
  closed = false;

  operations(): OperationDescription[] {
    return OPERATIONS;
  }

  call = answering(this.answer.bind(this));

  /** The schedule's door (R-DUN-8) answers like a call with nobody signed in. */
  runScheduled = ((operation: string, input: unknown) =>
    this.answer(operation, input, null)) as unknown as Backoffice['runScheduled'];

  private async answer(operation: string, input: unknown, operatorLogin: string | null): Promise<CallResult> {
    this.calls.push({ operation, input, operatorLogin });
    const description = OPERATIONS.find((o) => o.name === operation);
    if (!description)
      return {
        ok: false,
        kind: 'unknown_operation',
        code: 'operation.unknown',
        params: { operation },
        message: `no operation ${operation}`,
      };
    if (operation === 'session.signIn') {
      const { login, password } = input as { login?: string; password?: string };
      const operator = login === undefined ? undefined : OPERATORS[login];
      if (!operator || operator.password !== password) {
        return {
          ok: false,
          kind: 'invalid',
          code: 'session.wrong_password',
          message: 'wrong login or password',
          problems: [{ path: 'password', code: 'session.wrong_password', message: 'wrong login or password' }],
        };
      }
      return { ok: true, output: { login, name: operator.name, roles: operator.roles } };
    }
    if (operation === 'setup.status') return { ok: true, output: { hasOperators: true } };
    if (description.roles.length > 0) {
      const operator = operatorLogin === null ? undefined : OPERATORS[operatorLogin];
      if (!operator)
        return {
          ok: false,
          kind: 'unauthenticated',
          code: 'operation.needs_sign_in',
          params: { operation },
          message: 'sign in first',
        };
      if (!operator.roles.some((r) => description.roles.includes(r)))
        return {
          ok: false,
          kind: 'forbidden',
          code: 'operation.needs_role',
          params: { operation, roles: description.roles.join(', ') },
          message: `${operation} needs ${description.roles.join(' or ')}`,
        };
    }
    if (operation === 'members.create') {
      const { name } = (input ?? {}) as { name?: unknown };
      if (typeof name !== 'string' || name === '') {
        return {
          ok: false,
          kind: 'invalid',
          code: 'value.required',
          message: 'name: required',
          problems: [{ path: 'name', code: 'value.required', message: 'required' }],
        };
      }
      return { ok: true, output: { memberId: 'M000001', name, createdBy: operatorLogin } };
    }
    return { ok: true, output: { done: operation } };
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
