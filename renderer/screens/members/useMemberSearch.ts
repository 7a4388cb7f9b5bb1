import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallResult } from '../../api/client';
import { useSession } from '../../session/session';
import { memberPageIn, type MemberRow } from './member-shape';

type Failure = Extract<CallResult, { ok: false }>;

export const SEARCH_PAGE_SIZE = 100;

export interface MemberSearch {
  /** null until the first page of this query has answered */
  total: number | null;
  rowAt(index: number): MemberRow | undefined;
  /** Loads the pages holding these rows, once each. */
  ensureRows(first: number, last: number): void;
  failure: Failure | null;
}

/**
 * members.search, a page at a time as rows scroll into view. A new query starts over; answers to an older
 * query are dropped, so a slow answer never replaces a newer one.
 */
export function useMemberSearch(query: string): MemberSearch {
  const { call } = useSession();
  const [total, setTotal] = useState<number | null>(null);
  const [pages, setPages] = useState<Record<number, MemberRow[]>>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const generation = useRef(0);
  const requested = useRef(new Set<number>());

  const load = useCallback(
    async (page: number, forGeneration: number) => {
      requested.current.add(page);
      const result = await call('members.search', { query, page, pageSize: SEARCH_PAGE_SIZE });
      if (forGeneration !== generation.current) return;
      if (!result.ok) {
        setFailure(result);
        setTotal(0);
        return;
      }
      const { items, total: count } = memberPageIn(result.output);
      setFailure(null);
      setTotal(count);
      setPages((was) => ({ ...was, [page]: items }));
    },
    [call, query],
  );

  useEffect(() => {
    generation.current += 1;
    requested.current = new Set();
    setPages({});
    setTotal(null);
    void load(1, generation.current);
  }, [load]);

  const ensureRows = useCallback(
    (first: number, last: number) => {
      for (
        let page = Math.floor(first / SEARCH_PAGE_SIZE) + 1;
        page <= Math.floor(last / SEARCH_PAGE_SIZE) + 1;
        page++
      ) {
        if (!requested.current.has(page)) void load(page, generation.current);
      }
    },
    [load],
  );

  const rowAt = useCallback(
    (index: number) => pages[Math.floor(index / SEARCH_PAGE_SIZE) + 1]?.[index % SEARCH_PAGE_SIZE],
    [pages],
  );

  return { total, rowAt, ensureRows, failure };
}
