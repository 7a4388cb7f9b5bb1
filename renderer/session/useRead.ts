import { keepPreviousData, QueryClient, useQuery } from '@tanstack/react-query';
import type { CallFailure, OperationInput, OperationName, Output } from '../api/client';
import { useSession, type Call } from './session';

/** A read that the catalog refused or that failed: its answer, for <Refusal>. */
class Refused extends Error {
  constructor(readonly failure: CallFailure) {
    super(failure.message);
  }
}

/**
 * The renderer's query cache: a read is kept under its operation name and input and read again when a write
 * changes it (renderer/api/invalidation.ts), when a screen showing it opens, or never twice at once. A
 * refusal is an answer, not a hiccup: not retried.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
  });
}

export interface Read<T> {
  /** The last answer (kept while a new input is being read), null until the first. */
  data: T | null;
  failure: CallFailure | null;
}

/** One read as the cache keeps it: under its operation name and input (what invalidation names). */
export function readQuery<K extends OperationName>(call: Call, operation: K, input: OperationInput<K>) {
  return {
    queryKey: [operation, input] as const,
    queryFn: async (): Promise<Output<K>> => {
      const result = await call(operation, input);
      if (!result.ok) throw new Refused(result);
      return result.output;
    },
  };
}

/** Why a read has no answer, as the catalog said it. */
export function failureOf(error: Error | null): CallFailure | null {
  if (error === null) return null;
  return error instanceof Refused
    ? error.failure
    : { ok: false, kind: 'failed', code: 'operation.failed', message: error.message };
}

/**
 * Reads one operation, typed by its name: `useRead('members.get', { memberNumber })`. `enabled: false` leaves
 * it unread (an operation the operator's roles do not allow, a form not filled in yet).
 */
export function useRead<K extends OperationName>(
  operation: K,
  input: OperationInput<K>,
  { enabled = true }: { enabled?: boolean } = {},
): Read<Output<K>> {
  const { call } = useSession();
  const query = useQuery({ ...readQuery(call, operation, input), enabled, placeholderData: keepPreviousData });
  return { data: query.data ?? null, failure: failureOf(query.error) };
}
