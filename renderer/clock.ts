/**
 * The renderer's "now": the back office's clock (session.clock), carried forward by the desktop's own. Every
 * default a screen dates (today, last month) reads it, so the screen and the ledger agree on the day even when
 * the desktop's clock is wrong, and a test's fixed clock reaches the screen.
 */
let offsetMs = 0;

/** Aligns the renderer's clock with the back office's `now` (an ISO instant). */
export function alignClock(serverNow: string): void {
  const server = Date.parse(serverNow);
  if (!Number.isNaN(server)) offsetMs = server - Date.now();
}

/** Epoch milliseconds on the back office's clock. */
export function nowMs(): number {
  return Date.now() + offsetMs;
}
