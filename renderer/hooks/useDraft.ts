import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Form state kept in sessionStorage under `key`, so what a person typed survives switching screens and a
 * reload. Passwords never go through here.
 */
export function useDraft<T extends Record<string, string>>(
  key: string,
  initial: T,
): [T, (patch: Partial<T>) => void, () => void] {
  const storageKey = `backoffice.draft.${key}`;
  const initialRef = useRef(initial);
  const [draft, setDraft] = useState<T>(() => {
    try {
      const saved = sessionStorage.getItem(storageKey);
      return saved ? { ...initial, ...(JSON.parse(saved) as Partial<T>) } : initial;
    } catch {
      return initial;
    }
  });

  useEffect(() => {
    try {
      sessionStorage.setItem(storageKey, JSON.stringify(draft));
    } catch {
      // storage full or refused: the draft still lives in component state
    }
  }, [storageKey, draft]);

  const update = useCallback((patch: Partial<T>) => setDraft((d) => ({ ...d, ...patch })), []);
  const clear = useCallback(() => {
    sessionStorage.removeItem(storageKey);
    setDraft(initialRef.current);
  }, [storageKey]);
  return [draft, update, clear];
}
