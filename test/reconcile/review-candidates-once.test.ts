import { Migrator, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { PostgresSchemaPlugin } from '../../core/ledger/dialect';
import { migrations } from '../../core/ledger/migrations';
import { openDatabase } from '../../core/ledger/open-database';
import { reviewQueue } from '../../core/reconcile/review';
import { noticeFile, type NoticeEntry } from '../banking/zengin-builder';
import { emptyLedgerPlace } from '../support/engine';
import { reconcileOffice, type ReconcileOffice } from './fixture';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the schema as it was before 0016, untyped
type OldDb = Kysely<any>;

const deposit = (ref: number, amount: string, payer: string): NoticeEntry => ({ ref, date: '081110', amount, payer });

interface Queued {
  depositId: number;
  candidates: { statementNumber: string; difference: string; taken: boolean }[];
}
interface Report {
  lines: { depositId: number | null; detail: { candidates: { statementNumber: string }[] } | null }[];
}

const offices: ReconcileOffice[] = [];
afterEach(async () => {
  while (offices.length > 0) await offices.pop()!.close();
});

describe("a review's candidates are stored once, on its import line (D-RECON-8)", () => {
  it("D-RECON-8: an import stores no second copy; the queue lists the import line's candidates; a rematch keeps its own and the report keeps the import's", async () => {
    const o = await reconcileOffice();
    offices.push(o);
    const { memberId } = await o.member('株式会社田中電機', 'ｶ)ﾀﾅｶﾃﾞﾝｷ');
    const first = await o.bill(memberId, '33000');
    const second = await o.bill(memberId, '33000');
    const out = await o.importFile('notice.dat', noticeFile([deposit(1, '33000', 'ﾀﾅｶﾃﾞﾝｷ')]));
    expect(out.summary.review.count).toBe(1);

    expect(await o.rows('select record_no, candidates from deposit_reviews')).toEqual([
      { record_no: 2, candidates: null },
    ]);
    const queue = await o.ok<Queued[]>('bank.reviewQueue', {}, 'accounting');
    expect(queue.map((q) => q.candidates.map((c) => [c.statementNumber, c.difference, c.taken]))).toEqual([
      [
        [first.statementNumber, '0', false],
        [second.statementNumber, '0', false],
      ],
    ]);
    const report = await o.ok<Report>('bank.importReport', { page: 1, pageSize: 10 }, 'accounting');
    expect(report.lines[0]!.detail!.candidates).toEqual(queue[0]!.candidates);

    // A bill of another member for the same amount: rematching finds three, kept as the review's own.
    const { memberId: other } = await o.member('株式会社佐藤商店', 'ｶ)ｻﾄｳｼﾖｳﾃﾝ');
    const third = await o.bill(other, '33000');
    const decisions = await o.ok<{ state: string }[]>('bank.rematch', {}, 'accounting');
    expect(decisions.map((d) => d.state)).toEqual(['review']);
    const requeued = await o.ok<Queued[]>('bank.reviewQueue', {}, 'accounting');
    expect(requeued[0]!.candidates.map((c) => c.statementNumber)).toEqual([
      first.statementNumber,
      second.statementNumber,
      third.statementNumber,
    ]);
    // Stored as D-RECON-9 stores them: [statement number, difference, flags]; 1 = the name matches.
    expect(JSON.parse(String(await o.scalar('select candidates from deposit_reviews')))).toEqual([
      [first.statementNumber, '0', 1],
      [second.statementNumber, '0', 1],
      [third.statementNumber, '0', 0],
    ]);
    const after = await o.ok<Report>('bank.importReport', { page: 1, pageSize: 10 }, 'accounting');
    expect(after.lines[0]!.detail!.candidates.map((c) => c.statementNumber)).toEqual([
      first.statementNumber,
      second.statementNumber,
    ]);
  });

  it("0016: a review written before whose candidates are its import line's gets the line's number and no copy; a rematched one keeps its own; the queue reads the same", async () => {
    const place = await emptyLedgerPlace();
    const opened = await openDatabase(place.location, { migrate: false });
    try {
      const db = (opened.engine === 'postgres' ? opened.db.withPlugin(new PostgresSchemaPlugin()) : opened.db) as OldDb;
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
      expect((await migrator.migrateTo('0015_audit_one_code')).error).toBeUndefined();
      const at = '2026-11-10T01:00:00.000Z';
      const { id: importId } = (await db
        .insertInto('bank_imports')
        .values({
          file_name: 'notice.dat',
          content_digest: 'd1',
          format: 'zengin-01',
          fee_tolerance: 880,
          record_count: 4,
          imported_at: at,
          imported_by: 'accounting',
        })
        .returning('id')
        .executeTakeFirstOrThrow()) as { id: number };
      const candidates = (n: string) =>
        `[{"statementNumber":"${n}","kind":"monthly_bill","amountDue":"33000","difference":"0","nameMatches":true,"referenceMatches":false,"taken":false}]`;
      const ids: number[] = [];
      for (const ref of ['r1', 'r2', 'r3']) {
        const { id } = (await db
          .insertInto('deposits')
          .values({
            value_date: '2026-11-10',
            amount: 33000,
            payer_kana: 'ﾀﾅｶﾃﾞﾝｷ',
            bank_reference: ref,
            source_digest: 'd1',
            status: 'unmatched',
            matched_document_id: null,
            confirmed_at: null,
            confirmed_by: null,
            created_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow()) as { id: number };
        ids.push(id);
      }
      const detail = (c: string) => `{"reason":"several_candidates","message":null,"candidates":${c}}`;
      await db
        .insertInto('bank_import_lines')
        .values(
          ids.map((id, i) => ({
            import_id: importId,
            record_no: i + 2,
            bank_reference: `r${i + 1}`,
            amount: 33000,
            payer: 'ﾀﾅｶﾃﾞﾝｷ',
            deposit_id: id,
            outcome: 'review',
            target: null,
            fee: 0,
            detail: detail(candidates('BIL-2026-000001')),
          })),
        )
        .execute();
      await db
        .insertInto('deposit_reviews')
        .values(
          ids.map((id, i) => ({
            deposit_id: id,
            // The third was queued by hand, without an import.
            import_id: i === 2 ? null : importId,
            state: 'review',
            reason: 'several_candidates',
            // The second was rematched since: candidates of its own.
            candidates: candidates(i === 1 ? 'BIL-2026-000002' : 'BIL-2026-000001'),
            edi: '',
            updated_at: at,
            decided_by: null,
            note: null,
          })),
        )
        .execute();
      expect((await migrator.migrateToLatest()).error).toBeUndefined();

      const rows = await db
        .selectFrom('deposit_reviews')
        .select(['deposit_id', 'record_no', 'candidates'])
        .orderBy('deposit_id')
        .execute();
      expect(rows.map((r) => [r.record_no, r.candidates])).toEqual([
        [2, null],
        [3, candidates('BIL-2026-000002')],
        [null, candidates('BIL-2026-000001')],
      ]);
      const queue = await reviewQueue(opened.db);
      expect(queue.map((q) => q.candidates.map((c) => c.statementNumber))).toEqual([
        ['BIL-2026-000001'],
        ['BIL-2026-000002'],
        ['BIL-2026-000001'],
      ]);
    } finally {
      await opened.close();
      await place.dispose();
    }
  });
});
