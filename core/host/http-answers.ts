import type { CallFailureKind, CallResult } from '../api/service';
import type { FieldProblem, ProblemCode, ProblemParams } from '../errors';

/** How a CallResult travels over HTTP (the doors contract): status codes and JSON bodies. */

const STATUS_OF_FAILURE: Record<CallFailureKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  throttled: 429,
  busy: 503,
  disk_full: 507,
  unknown_operation: 404,
  failed: 500,
};

export interface HttpAnswer {
  status: number;
  body: unknown;
}

export function answerOf(result: CallResult, session?: string): HttpAnswer {
  if (result.ok) {
    return {
      status: 200,
      body: session === undefined ? { output: result.output } : { output: result.output, session },
    };
  }
  const body: Record<string, unknown> = { kind: result.kind, code: result.code, message: result.message };
  if (result.params !== undefined) body.params = result.params;
  if (result.problems !== undefined) body.problems = result.problems;
  return { status: STATUS_OF_FAILURE[result.kind], body };
}

/** A refusal the host itself answers (before the catalog): its kind, code and params as a CallResult's. */
export function failure(
  status: number,
  kind: CallFailureKind,
  refusal: { code: ProblemCode; params?: ProblemParams; message: string },
  problems?: FieldProblem[],
): HttpAnswer {
  return { status, body: problems === undefined ? { kind, ...refusal } : { kind, ...refusal, problems } };
}
