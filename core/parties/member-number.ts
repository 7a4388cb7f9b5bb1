/** Member numbers are gapless: M- and at least six digits (M-000123). */
export function formatMemberNumber(n: number): string {
  return `M-${String(n).padStart(6, '0')}`;
}

const MEMBER_NUMBER_QUERY = /^(?:M-?)?([0-9]{1,9})$/i;

/** What a person types for a member number (M-000123, m123 or 123) as the member number; null otherwise. */
export function memberNumberInQuery(query: string): string | null {
  const m = MEMBER_NUMBER_QUERY.exec(query);
  return m ? formatMemberNumber(Number(m[1])) : null;
}
