import type { Kysely } from 'kysely';
import { kanaKey } from '../../kana';

/**
 * Issue 12: member search and bank matching share one kana key (core/kana kanaKey), which also folds long-vowel
 * signs, small kana and every corporate-form abbreviation. Members stored before keep their old key until it is
 * computed again here, so a search finds them by the same key as a new member (D-PARTY-1). This
 * migration computes the key with the code of its day; a later change of the key brings its own migration.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was, untyped
export async function up(db: Kysely<any>): Promise<void> {
  const members = (await db.selectFrom('members').select(['id', 'name_kana', 'kana_key']).execute()) as {
    id: number;
    name_kana: string;
    kana_key: string;
  }[];
  for (const m of members) {
    const key = kanaKey(m.name_kana);
    if (key !== m.kana_key) await db.updateTable('members').set({ kana_key: key }).where('id', '=', m.id).execute();
  }
}
