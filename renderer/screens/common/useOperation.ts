import { useCallback, useEffect, useState } from 'react';
import type { CallResult } from '../../api/client';
import { useSession } from '../../session/session';

export type Failure = Extract<CallResult, { ok: false }>;

export interface Read<T> {
  data: T | null;
  failure: Failure | null;
  loading: boolean;
  reload(): void;
}

export interface ReadOptions {
  /** Leaves it unread: an operation the operator's roles do not allow, a form not filled in yet. */
  skip?: boolean;
  /** Read again whenever this changes (another panel changed what this one shows). */
  refresh?: number;
}

/** Reads one operation when the screen opens and whenever its input (serialised), `refresh` or `reload()` change. */
export function useOperation<T>(
  operation: string,
  input: unknown,
  toData: (output: unknown) => T,
  options: ReadOptions = {},
): Read<T> {
  const skip = options.skip === true;
  const refresh = options.refresh ?? 0;
  const { call } = useSession();
  const key = JSON.stringify(input);
  const [data, setData] = useState<T | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [loading, setLoading] = useState(!skip);
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (skip) return;
    let live = true;
    setLoading(true);
    void call(operation, JSON.parse(key)).then((result) => {
      if (!live) return;
      setLoading(false);
      if (result.ok) {
        setFailure(null);
        setData(toData(result.output));
      } else setFailure(result);
    });
    return () => {
      live = false;
    };
    // toData is a pure reader and the key carries the input, so neither is a dependency.
  }, [operation, key, skip, call, round, refresh]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data, failure, loading, reload };
}
