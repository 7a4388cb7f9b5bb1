import type { CallFailureKind, CallResult } from '../api/service';

/** How a CallResult travels over HTTP (the doors contract): status codes and JSON bodies. */

const STATUS_OF_FAILURE: Record<CallFailureKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  busy: 503,
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
  const body: Record<string, unknown> = { kind: result.kind, message: result.message };
  if (result.problems !== undefined) body.problems = result.problems;
  return { status: STATUS_OF_FAILURE[result.kind], body };
}

export function failure(
  status: number,
  kind: CallFailureKind,
  message: string,
  problems?: { path: string; message: string }[],
): HttpAnswer {
  return { status, body: problems === undefined ? { kind, message } : { kind, message, problems } };
}
