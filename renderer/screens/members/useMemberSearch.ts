import { useQueries } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { CallFailure, Output } from '../../api/client';
import { useSession } from '../../session/session';
import { failureOf, readQuery } from '../../session/useRead';

export const SEARCH_PAGE_SIZE = 100;

type Member = Output<'members.search'>['items'][number];

export interface MemberSearch {
  /** null until the first page of this query has answered */
  total: number | null;
  rowAt(index: number): Member | undefined;
  /** Loads the pages holding these rows, once each. */
  ensureRows(first: number, last: number): void;
  failure: CallFailure | null;
}

/**
 * members.search, a page at a time as rows scroll into view, each page a read of the cache under its query
 * and page: a new query starts over, and a slow answer to an older one never shows under the newer.
 */
export function useMemberSearch(query: string): MemberSearch {
  const { call } = useSession();
  const [wanted, setWanted] = useState({ query, pages: [1] });
  const pages = wanted.query === query ? wanted.pages : [1];
  const answers = useQueries({
    queries: pages.map((page) => readQuery(call, 'members.search', { query, page, pageSize: SEARCH_PAGE_SIZE })),
  });
  const first = answers[0];
  const failure = failureOf(answers.find((a) => a.error !== null)?.error ?? null);

  const ensureRows = useCallback(
    (firstRow: number, lastRow: number) => {
      const needed: number[] = [];
      for (let p = Math.floor(firstRow / SEARCH_PAGE_SIZE) + 1; p <= Math.floor(lastRow / SEARCH_PAGE_SIZE) + 1; p++)
        needed.push(p);
      setWanted((was) => {
        const known = was.query === query ? was.pages : [1];
        const more = needed.filter((p) => !known.includes(p));
        return more.length === 0 && was.query === query ? was : { query, pages: [...known, ...more] };
      });
    },
    [query],
  );

  const rowAt = (index: number) =>
    answers[pages.indexOf(Math.floor(index / SEARCH_PAGE_SIZE) + 1)]?.data?.items[index % SEARCH_PAGE_SIZE];

  return { total: failure ? 0 : (first?.data?.total ?? null), rowAt, ensureRows, failure };
}
