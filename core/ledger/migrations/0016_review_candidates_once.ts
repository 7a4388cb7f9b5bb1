import { sql, type Kysely } from 'kysely';

/**
 * D-RECON-8: a queued deposit's candidates as at its import are stored once, on its import line
 * (bank_import_lines.detail); the review names that line (`record_no`, with `import_id`) and keeps candidates
 * of its own (`candidates`, now nullable) only once a rematch has found others. Rows written before: a review
 * whose candidates are those its import line holds gets the line's number and no copy.
 *
 * D-LEDGER-5: deposits had two indexes of bank_reference alone (0002's, 0004's unique one): 0002's is dropped.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was, untyped
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('deposit_reviews').addColumn('record_no', 'integer').execute();
  await db.schema.alterTable('deposit_reviews').addColumn('own_candidates', 'text').execute();
  // Lines are found by deposit only here: a temporary index, so a ledger of many imports migrates in one pass.
  await db.schema
    .createIndex('bank_import_lines_deposit_once')
    .on('bank_import_lines')
    .columns(['deposit_id', 'import_id'])
    .execute();
  await sql`
    update deposit_reviews set record_no = (
      select min(l.record_no) from bank_import_lines l
      where l.import_id = deposit_reviews.import_id and l.deposit_id = deposit_reviews.deposit_id
        and l.outcome in ('review', 'unknown')
    )
    where import_id is not null`.execute(db);
  // The line's detail is the text JSON.stringify({ reason, message, candidates }) gives: candidates come last.
  await sql`
    update deposit_reviews set own_candidates = candidates
    where record_no is null or not exists (
      select 1 from bank_import_lines l
      where l.import_id = deposit_reviews.import_id and l.record_no = deposit_reviews.record_no
        and substr(l.detail, length(l.detail) - length(deposit_reviews.candidates) - 13)
          = '"candidates":' || deposit_reviews.candidates || '}'
    )`.execute(db);
  await db.schema.dropIndex('bank_import_lines_deposit_once').execute();
  await db.schema.alterTable('deposit_reviews').dropColumn('candidates').execute();
  await db.schema.alterTable('deposit_reviews').renameColumn('own_candidates', 'candidates').execute();
  await db.schema.dropIndex('deposits_bank_reference').execute();
}
