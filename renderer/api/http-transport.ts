import type { CallFailureKind, CallResult, OperationDescription } from '../../core/api/service';
import type { FieldProblem, ProblemCode, ProblemParams } from '../../core/errors';
import { isCallFailureKind } from '../../core/api/failure-kinds';
import { isProblemCode } from '../../core/problem-codes';
import type { Output, Transport } from './transport';

const TOKEN_KEY = 'backoffice.token';
const SESSION_KEY = 'backoffice.session';

/**
 * The launch token arrives once in the URL (`?token=`); it is kept in sessionStorage and removed from the
 * address bar so it does not linger in history or screenshots.
 */
export function takeLaunchToken(location: Location, storage: Storage, history: History): string | null {
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    storage.setItem(TOKEN_KEY, fromUrl);
    params.delete('token');
    const query = params.toString();
    history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
    return fromUrl;
  }
  return storage.getItem(TOKEN_KEY);
}

function failureKind(status: number, kind: unknown): CallFailureKind {
  if (isCallFailureKind(kind)) return kind;
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'unknown_operation';
  if (status === 400 || status === 413) return 'invalid';
  if (status === 429) return 'throttled';
  if (status === 503) return 'busy';
  if (status === 507) return 'disk_full';
  return 'failed';
}

/** A code the host sent, if this renderer knows it (a newer host's unknown code words as a failure). */
function codeOf(value: unknown): ProblemCode {
  return isProblemCode(value) ? value : 'operation.failed';
}

function paramsOf(value: unknown): { params?: ProblemParams } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? { params: value as ProblemParams } : {};
}

function problemsOf(value: unknown): FieldProblem[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value
    .filter(
      (p): p is FieldProblem =>
        typeof p === 'object' && p !== null && typeof p.path === 'string' && typeof p.message === 'string',
    )
    .map((p) => ({ ...p, code: codeOf(p.code) }));
}

/** The browser host: `POST /api/OPERATION`, bearer token, and `X-Session` once signed in. */
export function httpTransport(baseUrl: string, token: string | null, storage: Storage): Transport {
  const headers = (): Record<string, string> => {
    const h: Record<string, string> = { 'Content-Type': 'application/json' };
    if (token) h.Authorization = `Bearer ${token}`;
    const session = storage.getItem(SESSION_KEY);
    if (session) h['X-Session'] = session;
    return h;
  };

  async function post(operation: string, input: unknown): Promise<CallResult> {
    let response: Response;
    try {
      response = await fetch(new URL(`api/${encodeURIComponent(operation)}`, baseUrl), {
        method: 'POST',
        headers: headers(),
        body: JSON.stringify(input ?? {}),
      });
    } catch (error) {
      return {
        ok: false,
        kind: 'failed',
        code: 'transport.unreachable',
        message: error instanceof Error ? error.message : String(error),
      };
    }
    const body: Record<string, unknown> = await response.json().catch(() => ({}));
    if (response.ok) {
      if (operation === 'session.signIn' && typeof body.session === 'string')
        storage.setItem(SESSION_KEY, body.session);
      return { ok: true, output: body.output };
    }
    const kind = failureKind(response.status, body.kind);
    if (kind === 'unauthenticated') storage.removeItem(SESSION_KEY);
    const message = typeof body.message === 'string' ? body.message : `HTTP ${response.status}`;
    const problems = problemsOf(body.problems);
    const refusal = { ok: false as const, kind, code: codeOf(body.code), message, ...paramsOf(body.params) };
    return problems ? { ...refusal, problems } : refusal;
  }

  return {
    // The host answers the catalog's output for this operation as JSON (core/api/catalog-types.ts).
    call: (operation, input) => post(operation, input) as Promise<CallResult<Output<typeof operation>>>,

    async signOut() {
      await post('session.signOut', {});
      storage.removeItem(SESSION_KEY);
    },

    async operations() {
      try {
        const response = await fetch(new URL('api/operations', baseUrl), { headers: headers() });
        if (!response.ok) return null;
        const body: unknown = await response.json();
        const list = Array.isArray(body) ? body : (body as { operations?: unknown }).operations;
        return Array.isArray(list) ? (list as OperationDescription[]) : null;
      } catch {
        return null;
      }
    },
  };
}
