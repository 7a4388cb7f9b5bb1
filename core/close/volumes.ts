// Node-free: the renderer counts a month's printing volumes with these too.

/**
 * Decision: the PDF for printing holds at most 1,000 statements; a bigger month gets volumes
 * (statements-2026-10-01.pdf, -02…). Reason: a 10,000-page print job is unwieldy for the printer and the
 * person at it, and volumes render in parallel.
 */
export const VOLUME_SIZE = 1000;

/** How many PDFs for printing a month of `statements` statements makes. */
export function volumeCount(statements: number): number {
  return Math.ceil(statements / VOLUME_SIZE);
}

/** The name of a month's PDF for printing: `statements-2026-10.pdf`, or per volume `statements-2026-10-02.pdf`. */
export function volumeFileName(key: string, volume: number, volumes: number): string {
  return volumes <= 1 ? `statements-${key}.pdf` : `statements-${key}-${String(volume).padStart(2, '0')}.pdf`;
}
