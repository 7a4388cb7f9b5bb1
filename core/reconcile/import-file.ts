import { createHash } from 'node:crypto';
import { DEFAULT_FEE_TOLERANCE, parseBankFile, type BankDeposit } from '../banking';
import type { LedgerDb } from '../ledger/open-database';
import { insertRows } from '../ledger/insert-rows';
import { parameterMarks } from '../ledger/dialect';
import { CompiledQuery } from 'kysely';
import type { BankImportOutcome } from '../ledger/schema';
import { yenTextToDb, yenToDb } from '../ledger/yen';
import { Dec } from '../money';
import { loadOpenItems } from './open-items';
import { settleDeposits, type Actor, type DepositToSettle } from './settle';
import { postImportToSuspense } from './suspense';
import { summarize, SummaryTally, type CandidateJson, type ImportSummary } from './summary';
import { readCandidates } from './candidate-text';
import { matchJobItems, type MatchedRecord } from './match-chunks';
import { Matching } from './match-thread';

export interface ImportRequest {
  fileName: string;
  bytes: Uint8Array;
  /** Read and match, write nothing. */
  dryRun?: boolean;
  /** The largest shortfall taken as the payer's transfer fee (R-RECON-3); default 880 yen. */
  feeTolerance?: Dec;
  /** Match on a thread of its own (D-RECON-10); default: when there are THREAD_FROM new deposits or more. */
  matchThread?: boolean;
}

export interface ImportLine {
  record: number;
  reference: string;
  date: string;
  amount: string;
  payer: string;
  /** EDI / payer code text the bank sent with it. */
  edi: string;
  outcome: BankImportOutcome;
  depositId: number | null;
  /** The statement number paid (matched, held). */
  target: string | null;
  fee: string;
  reason: string | null;
  candidates: CandidateJson[];
  message: string | null;
}

export interface ImportResult {
  importId: number | null;
  fileName: string;
  format: string;
  digest: string;
  dryRun: boolean;
  /** The same bytes were imported before (importId names that import): nothing was added. */
  alreadyImported: boolean;
  feeTolerance: string;
  summary: ImportSummary;
  /** What needs attention (held, review, unknown, cancelled), in file order, at most ATTENTION_LINES. */
  attention: ImportLine[];
  message: string;
}

const ATTENTION_LINES = 200;
/** What suspense takes (R-ACC-1): a deposit of at least one yen, whole. */
const POSITIVE_WHOLE_YEN = /^[1-9][0-9]*$/;
/** Matched deposits settled together (settleDeposits) while the next ones are matched. */
const SETTLE_EVERY = 2_000;

export function fileDigest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** References looked up per query. */
const LOOKUP_CHUNK = 500;

/**
 * Deposits already recorded (by an earlier import or typed in), by bank reference. Every chunk is one SQL text
 * (the last padded with a repeated reference), prepared once: built and compiled by Kysely, the ~200 lookups of a
 * 100,000-record file cost five times what SQLite took to answer them.
 */
async function knownReferences(db: LedgerDb, references: string[]): Promise<Map<string, number>> {
  const known = new Map<string, number>();
  if (references.length === 0) return known;
  const text = `select "id", "bank_reference" from "deposits" where "bank_reference" in (${parameterMarks(db, LOOKUP_CHUNK)})`;
  for (let start = 0; start < references.length; start += LOOKUP_CHUNK) {
    const part = references.slice(start, start + LOOKUP_CHUNK);
    while (part.length < LOOKUP_CHUNK) part.push(part[0]!);
    const { rows } = await db.executeQuery<{ id: number; bank_reference: string }>(CompiledQuery.raw(text, part));
    for (const r of rows) known.set(r.bank_reference, Number(r.id));
  }
  return known;
}

/**
 * A line as the import builds it: its candidates as the text stored (D-RECON-9), made as the record is matched so
 * that an import holds one string per line, not ten objects, until it stores them.
 */
interface Line extends Omit<ImportLine, 'candidates'> {
  candidates: string;
}

function line(d: BankDeposit, outcome: BankImportOutcome, extra: Partial<Line> = {}): Line {
  return {
    record: d.record,
    reference: d.reference,
    date: d.date,
    amount: d.amount,
    payer: d.payer,
    edi: d.edi,
    outcome,
    depositId: null,
    target: null,
    fee: '0',
    reason: null,
    candidates: '[]',
    message: null,
    ...extra,
  };
}

/**
 * Imports a bank file (R-RECON-1): every record read (the format told by core/banking), each new deposit
 * stored, matched to an open prepaid statement or monthly bill (R-RECON-2) and, when matched, settled through
 * the same code as a manual entry; the rest queued for review and posted to suspense (R-ACC-1). All or nothing: call it in one transaction (an
 * operation's); a malformed record refuses the file before anything is written. Idempotent: the same bytes
 * again add nothing, and a record whose bank reference is already recorded is reported as a duplicate.
 */
export async function importBankFile(db: LedgerDb, request: ImportRequest, a: Actor): Promise<ImportResult> {
  const parsed = parseBankFile(request.bytes);
  const digest = fileDigest(request.bytes);
  const feeTolerance = request.feeTolerance ?? DEFAULT_FEE_TOLERANCE;
  const dryRun = request.dryRun ?? false;
  const base = {
    fileName: request.fileName,
    format: parsed.format,
    digest,
    dryRun,
    feeTolerance: feeTolerance.toFixed(),
  };

  const earlier = await db
    .selectFrom('bank_imports')
    .select(['id', 'imported_at'])
    .where('content_digest', '=', digest)
    .executeTakeFirst();
  if (earlier) {
    const lines = await db
      .selectFrom('bank_import_lines')
      .select(['outcome', 'amount', 'fee'])
      .where('import_id', '=', earlier.id)
      .execute();
    return {
      ...base,
      importId: earlier.id,
      alreadyImported: true,
      summary: summarize(lines),
      attention: [],
      message: `this file was already imported (import ${earlier.id} at ${earlier.imported_at}): nothing was added`,
    };
  }

  const live = parsed.deposits.filter((d) => !d.cancelled);
  // D-RECON-10: the new deposits are matched (which reads nothing from the ledger) while this thread writes.
  const matching = new Matching(live.length, request.matchThread);
  let summary: ImportSummary;
  let shown: ImportLine[];
  let importId: number | null = null;
  try {
    const known = await knownReferences(db, [...new Set(live.map((d) => d.reference))]);
    const open = await loadOpenItems(db);
    const at = a.now.toISOString();
    // The first record of each new reference, in file order, and where each reference is among them.
    const fresh: BankDeposit[] = [];
    const freshIndex = new Map<string, number>();
    /** The new deposits' ids, by their place in `fresh` (none in a dry run). */
    let depositIds: number[] = [];
    for (const d of live) {
      if (known.has(d.reference) || freshIndex.has(d.reference)) continue;
      freshIndex.set(d.reference, fresh.length);
      fresh.push(d);
    }
    matching.match({
      amounts: fresh.map((d) => d.amount),
      payers: fresh.map((d) => d.payer),
      edis: fresh.map((d) => d.edi),
      items: matchJobItems(open.items),
      feeTolerance: feeTolerance.toFixed(),
    });
    if (!dryRun) {
      ({ id: importId } = await db
        .insertInto('bank_imports')
        .values({
          file_name: request.fileName,
          content_digest: digest,
          format: parsed.format,
          fee_tolerance: yenToDb(feeTolerance),
          record_count: parsed.deposits.length,
          imported_at: at,
          imported_by: a.by,
        })
        .returning('id')
        .executeTakeFirstOrThrow());
      depositIds = await insertRows(
        db,
        'deposits',
        DEPOSIT_COLUMNS,
        fresh.map((d) => ({
          value_date: d.date,
          amount: yenTextToDb(d.amount),
          payer_kana: d.payer,
          bank_reference: d.reference,
          source_digest: digest,
          status: 'unmatched' as const,
          matched_document_id: null,
          confirmed_at: null,
          confirmed_by: null,
          created_at: at,
        })),
        { returning: true },
      );
    }

    // Lines are stored as their part is decided, but a matched one after its settlement.
    const tally = new SummaryTally();
    const attention: { position: number; line: Line }[] = [];
    let unsettledAttention = 0;
    const stored = new LineStore(db, importId, at);
    const keep = (l: Line, position: number) => {
      tally.add(l.outcome, l.amount, l.fee);
      if (l.outcome !== 'matched' && l.outcome !== 'duplicate' && unsettledAttention < ATTENTION_LINES) {
        unsettledAttention++;
        attention.push({ position, line: l });
      }
      if (queued(l) && !POSITIVE_WHOLE_YEN.test(l.amount))
        throw new Error(`deposit ${l.depositId}: ${l.amount} is not a positive whole yen amount`);
      stored.add(l);
    };

    let toSettle: DepositToSettle[] = [];
    let settling: { position: number; deposit: BankDeposit; basis: string; candidates: string }[] = [];
    // Matched deposits settled a batch at a time, in file order: the ledger is the one settling them one by one
    // would write (D-RECON-6), so batches of any size write the same rows, ids included.
    const settle = async () => {
      const settled = await settleDeposits(db, toSettle, a);
      settling.forEach(({ position, deposit: d, basis, candidates }, i) => {
        const s = settled[i]!;
        const { deposit, target } = toSettle[i]!;
        const settledLine = line(d, s.outcome, {
          depositId: deposit.id,
          target: target.statementNumber,
          fee: s.fee.toFixed(),
          reason: basis,
          candidates: s.outcome === 'held' ? candidates : '[]',
          message: s.message,
        });
        tally.add(settledLine.outcome, settledLine.amount, settledLine.fee);
        if (settledLine.outcome === 'held') attention.push({ position, line: settledLine });
        stored.add(settledLine);
      });
      toSettle = [];
      settling = [];
    };
    let nextFresh = 0;
    let part: MatchedRecord[] = [];
    let next = 0;
    for (let position = 0; position < parsed.deposits.length; position++) {
      const d = parsed.deposits[position]!;
      if (d.cancelled) {
        const prior = known.get(d.reference);
        keep(
          line(d, 'cancelled', {
            depositId: prior ?? null,
            message:
              prior === undefined
                ? null
                : `deposit ${prior} with this reference was imported before: correct it by hand`,
          }),
          position,
        );
        continue;
      }
      if (fresh[nextFresh] !== d) {
        keep(
          line(d, 'duplicate', {
            depositId: known.get(d.reference) ?? depositIds[freshIndex.get(d.reference)!] ?? null,
            message: 'already recorded: nothing added',
          }),
          position,
        );
        continue;
      }
      if (next === part.length) {
        // What is decided so far is written while the next part is matched.
        if (toSettle.length >= SETTLE_EVERY) await settle();
        await stored.write();
        part = (await matching.next()) ?? [];
        next = 0;
        if (part.length === 0) throw new Error('the matcher gave fewer decisions than there are new deposits');
      }
      const [status, basisOrReason, itemId, fee, candidates] = part[next++]!;
      const depositId = depositIds[nextFresh++] ?? null;
      if (status !== 'matched') {
        keep(line(d, status, { depositId, reason: basisOrReason, candidates }), position);
        continue;
      }
      const target = open.targets.get(itemId)!;
      if (depositId === null) {
        keep(line(d, 'matched', { target: target.statementNumber, fee, reason: basisOrReason, candidates }), position);
        continue;
      }
      toSettle.push({
        deposit: { id: depositId, amount: new Dec(d.amount), bank_reference: d.reference, value_date: d.date },
        target,
        fee: new Dec(fee),
      });
      settling.push({ position, deposit: d, basis: basisOrReason, candidates });
    }
    await settle();
    await stored.write(true);
    // R-ACC-1: what is not matched is money at the bank too, waiting in suspense.
    if (importId !== null) await postImportToSuspense(db, importId, a);
    summary = tally.summary();
    shown = attention
      .sort((x, y) => x.position - y.position)
      .slice(0, ATTENTION_LINES)
      .map(({ line: l }) => ({
        ...l,
        candidates: readCandidates(JSON.parse(l.candidates) as unknown[], new Dec(l.amount)),
      }));
  } finally {
    await matching.stop();
  }
  const verb = dryRun ? 'would import' : 'imported';
  return {
    ...base,
    importId,
    alreadyImported: false,
    summary,
    attention: shown,
    message: `${verb} ${parsed.deposits.length} record(s): ${summary.matched.count} matched, ${summary.held.count} held, ${summary.review.count} for review, ${summary.unknown.count} unknown, ${summary.cancelled.count} cancelled, ${summary.duplicate.count} already recorded`,
  };
}

/** The columns of a new deposit, in the order the import writes them. */
export const DEPOSIT_COLUMNS = [
  'value_date',
  'amount',
  'payer_kana',
  'bank_reference',
  'source_digest',
  'status',
  'matched_document_id',
  'confirmed_at',
  'confirmed_by',
  'created_at',
] as const;
const LINE_COLUMNS = [
  'import_id',
  'record_no',
  'bank_reference',
  'amount',
  'payer',
  'deposit_id',
  'outcome',
  'target',
  'fee',
  'detail',
] as const;
const REVIEW_COLUMNS = [
  'deposit_id',
  'import_id',
  'record_no',
  'state',
  'reason',
  'edi',
  'candidates',
  'updated_at',
  'decided_by',
  'note',
] as const;

/** Is the line's deposit queued for review (R-RECON-4)? */
function queued(l: Line): boolean {
  return (l.outcome === 'review' || l.outcome === 'unknown') && l.depositId !== null;
}

/** Lines per INSERT of lines or reviews (insertRows' chunk for their ten columns): one SQL text, prepared once. */
const STORE_EVERY = 2_000;

/** An import's lines and review rows (none in a dry run), written in whole statements as they come. */
class LineStore {
  private lines: Line[] = [];
  private reviews: Line[] = [];

  constructor(
    private readonly db: LedgerDb,
    private readonly importId: number | null,
    private readonly at: string,
  ) {}

  add(l: Line): void {
    if (this.importId === null) return;
    this.lines.push(l);
    if (queued(l)) this.reviews.push(l);
  }

  /** Writes what fills whole statements, or everything when `last`. */
  async write(last = false): Promise<void> {
    if (this.importId === null) return;
    const importId = this.importId;
    const whole = (list: Line[]) => list.splice(0, last ? list.length : list.length - (list.length % STORE_EVERY));
    await insertRows(
      this.db,
      'bank_import_lines',
      LINE_COLUMNS,
      whole(this.lines).map((l) => ({
        import_id: importId,
        record_no: l.record,
        bank_reference: l.reference,
        amount: yenTextToDb(l.amount),
        payer: l.payer,
        deposit_id: l.depositId,
        outcome: l.outcome,
        target: l.target,
        fee: yenTextToDb(l.fee),
        // { reason, message, candidates }, the candidates as D-RECON-9 stores them.
        detail:
          l.reason === null && l.message === null && l.candidates === '[]'
            ? null
            : `{"reason":${JSON.stringify(l.reason)},"message":${JSON.stringify(l.message)},"candidates":${l.candidates}}`,
      })),
    );
    // D-RECON-8: a review's candidates are its import line's, stored once there.
    await insertRows(
      this.db,
      'deposit_reviews',
      REVIEW_COLUMNS,
      whole(this.reviews).map((l) => ({
        deposit_id: l.depositId!,
        import_id: importId,
        record_no: l.record,
        state: l.outcome as 'review' | 'unknown',
        reason: l.reason ?? 'unknown',
        edi: l.edi,
        candidates: null,
        updated_at: this.at,
        decided_by: null,
        note: null,
      })),
    );
  }
}
