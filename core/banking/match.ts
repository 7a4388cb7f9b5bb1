import { Dec } from '../money';
import { canonicalKana, kanaKey, stripCorporateAbbreviations } from '../kana';

/**
 * Matching deposits to what is owed (入金消込), pure: no database, no clock. The caller gives the open items
 * (prepaid billing statements and monthly bills not yet paid) and gets, per deposit, a decision and the
 * candidates best first. Nothing here writes: confirming a match is the ledger's business.
 */

export type OpenItemKind = 'prepaid_statement' | 'monthly_bill';

export interface OpenItem {
  id: string;
  kind: OpenItemKind;
  amountDue: Dec;
  /** The member's name in kana (any spelling: it is normalised again here). */
  payerKana: string;
  /** Numbers a payer may write in the transfer name or EDI field: statement number, member number. */
  references?: string[];
}

/** What the matcher needs of a deposit (a BankDeposit fits). */
export interface DepositToMatch {
  amount: string;
  payer: string;
  edi?: string;
  cancelled: boolean;
}

export interface MatchOptions {
  /** The largest shortfall taken as the bank fee the payer deducted (振込手数料). Default 880 yen. */
  feeTolerance?: Dec;
}

export const DEFAULT_FEE_TOLERANCE = new Dec(880);

/** Decision: references shorter than this are ignored; a 1–3 character number matches by chance. */
export const MIN_REFERENCE_LENGTH = 4;
const MAX_CANDIDATES = 10;
const NAME = 1;
const REFERENCE = 2;

export interface Candidate {
  itemId: string;
  kind: OpenItemKind;
  amountDue: Dec;
  /** deposit − amount due: negative is a shortfall, positive an excess. */
  difference: Dec;
  nameMatches: boolean;
  referenceMatches: boolean;
  /** Already matched automatically by an earlier deposit of the same import. */
  taken: boolean;
}

export type MatchBasis = 'amount_and_name' | 'reference';
export type ReviewReason =
  'several_candidates' | 'excess' | 'shortfall_beyond_tolerance' | 'name_differs' | 'already_matched';

type Outcome<C> =
  | { status: 'matched'; itemId: string; basis: MatchBasis; fee: Dec; candidates: C }
  | { status: 'review'; reason: ReviewReason; candidates: C }
  | { status: 'unknown'; candidates: C }
  | { status: 'cancelled'; candidates: C };

export type MatchOutcome = Outcome<Candidate[]>;
/** The same decision, its candidates as ranked, read without making a Candidate of each (DepositMatcher.rank). */
export type RankedOutcome = Outcome<RankedCandidates>;

interface IndexedItem {
  item: OpenItem;
  /** item.amountDue in whole yen (D-RECON-7). */
  due: bigint;
  /** kanaKey(payerKana), computed once. */
  name: string;
  order: number;
  /** Its id was matched automatically by an earlier deposit of this matcher. */
  taken: boolean;
  // How the deposit being ranked (its number: foundBy) found the item, kept on the item itself so that ranking
  // makes no object per candidate and looks nothing up by object.
  foundBy: number;
  /** NAME / REFERENCE bits (0: linked by the amount alone). */
  flags: number;
  /** deposit − amount due. */
  difference: bigint;
  score: number;
}

/**
 * Per deposit amount, the items it links to by itself: the first few due exactly that amount, then the nearest
 * few above it within the fee (a range of sortedByDue). Indices only: the differences are made as needed.
 */
interface AmountLinks {
  amount: bigint;
  exact: readonly IndexedItem[];
  exactCount: number;
  aboveFrom: number;
  aboveTo: number;
}

/** Per payer text: the items its name key finds and those a reference number written in it finds. */
interface TextLinks {
  named: readonly IndexedItem[];
  referenced: readonly IndexedItem[];
}

const NONE: readonly IndexedItem[] = [];
/** Score of an item not taken yet: it outranks every taken one. */
const FREE = 8;
/** RankedCandidates' mark, beside NAME and REFERENCE, of an item already taken when ranked. */
const TAKEN = 4;

function push<K>(map: Map<K, IndexedItem[]>, key: K, value: IndexedItem): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Upper-case Latin / digit runs ("ST-2026-0001", "12345") in canonical text. */
const REFERENCE_TOKEN = /[0-9A-Z]+(?:-[0-9A-Z]+)*/g;

function referenceKeys(canonical: string): string[] {
  const keys = [canonical];
  if (/^\d+$/.test(canonical)) keys.push(canonical.replace(/^0+(?=\d)/, ''));
  return keys;
}

/** The name compared (from the payer's canonical kana): without a member number written before or after it. */
function nameKey(canonical: string): string {
  return stripCorporateAbbreviations(canonical.replace(/^[0-9\-.]+|[0-9\-.]+$/g, ''));
}

/** A whole-yen amount as bigint, exactly; a fraction of a yen is a caller's error (the parsers refuse it). */
function wholeYen(amount: Dec | string): bigint {
  if (typeof amount === 'string' && /^-?[0-9]+$/.test(amount)) return BigInt(amount);
  const value = typeof amount === 'string' ? new Dec(amount) : amount;
  if (!value.isInteger()) throw new Error(`the matcher takes whole yen: ${value.toFixed()}`);
  return BigInt(value.toFixed());
}

function compareBig(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** |a| against |b|, negating neither when their signs agree (nearly always: ~30 comparisons a deposit). */
function compareDistance(a: bigint, b: bigint): number {
  if (a === b) return 0;
  if (a < 0n === b < 0n) return a < 0n ? compareBig(b, a) : compareBig(a, b);
  return compareBig(a < 0n ? -a : a, b < 0n ? -b : b);
}

/** Score desc, |difference| asc, item order asc: a total order, so any sort gives the same ranking. */
function ranksBefore(a: IndexedItem, b: IndexedItem): boolean {
  return (b.score - a.score || compareDistance(a.difference, b.difference) || a.order - b.order) < 0;
}

/** Visits a candidate: its difference (deposit − amount due) in whole yen, as the matcher holds it. */
export type CandidateVisitor = (
  itemId: string,
  kind: OpenItemKind,
  difference: bigint,
  nameMatches: boolean,
  referenceMatches: boolean,
  taken: boolean,
) => void;

/**
 * A deposit's best MAX_CANDIDATES as ranked: read one by one (forEach) or made into Candidates (toCandidates).
 * An import stores most deposits' candidates as text at once, so it need not make ~950,000 objects first.
 */
export class RankedCandidates {
  static readonly none = new RankedCandidates([], [], []);
  readonly length: number;

  /** The items, their differences and their NAME / REFERENCE / TAKEN bits, as they stood when ranked. */
  constructor(
    private readonly items: readonly IndexedItem[],
    private readonly differences: readonly bigint[],
    private readonly marks: readonly number[],
  ) {
    this.length = items.length;
  }

  forEach(visit: CandidateVisitor): void {
    for (let i = 0; i < this.length; i++) {
      const item = this.items[i]!.item;
      const marks = this.marks[i]!;
      visit(
        item.id,
        item.kind,
        this.differences[i]!,
        (marks & NAME) !== 0,
        (marks & REFERENCE) !== 0,
        (marks & TAKEN) !== 0,
      );
    }
  }

  /** The candidates as the caller of match() sees them (decimal.js money). */
  toCandidates(): Candidate[] {
    const out: Candidate[] = [];
    for (let i = 0; i < this.length; i++) {
      const item = this.items[i]!.item;
      const marks = this.marks[i]!;
      out.push({
        itemId: item.id,
        kind: item.kind,
        amountDue: item.amountDue,
        difference: new Dec(this.differences[i]!.toString()),
        nameMatches: (marks & NAME) !== 0,
        referenceMatches: (marks & REFERENCE) !== 0,
        taken: (marks & TAKEN) !== 0,
      });
    }
    return out;
  }
}

/**
 * Indexes the open items once (by name, by amount, by reference, and by amount in order for the fee
 * tolerance), so matching a deposit costs a few lookups, not a scan of every item. Amounts are compared as
 * whole-yen bigint (D-RECON-7) and given back as decimal.js values.
 */
export class DepositMatcher {
  private readonly byName = new Map<string, IndexedItem[]>();
  private readonly byAmount = new Map<bigint, IndexedItem[]>();
  private readonly byReference = new Map<string, IndexedItem[]>();
  private readonly byId = new Map<string, IndexedItem[]>();
  private readonly sortedByDue: IndexedItem[];
  /** Per deposit amount as written, its links: a file repeats amounts many times (the same payer pays the same). */
  private readonly linksByAmount = new Map<string, AmountLinks>();
  /** Payers and transfer texts repeat in a file: what they find, normalised and looked up once. */
  private readonly linksByPayer = new Map<string, TextLinks>();
  private readonly referencedByText = new Map<string, readonly IndexedItem[]>();
  /** The items found for the deposit being ranked, reused from one deposit to the next; `count` of them hold. */
  private readonly found: IndexedItem[] = [];
  private count = 0;
  private deposits = 0;
  readonly feeTolerance: Dec;
  /** The tolerance in whole yen: differences are whole yen, so a fraction of the tolerance never counts. */
  private readonly tolerance: bigint;
  private readonly lowestFee: bigint;

  constructor(items: readonly OpenItem[], options: MatchOptions = {}) {
    this.feeTolerance = options.feeTolerance ?? DEFAULT_FEE_TOLERANCE;
    this.tolerance = BigInt(this.feeTolerance.floor().toFixed());
    this.lowestFee = -this.tolerance;
    const indexed: IndexedItem[] = items.map((item, order) => ({
      item,
      due: wholeYen(item.amountDue),
      name: kanaKey(item.payerKana),
      order,
      taken: false,
      foundBy: -1,
      flags: 0,
      difference: 0n,
      score: 0,
    }));
    for (const entry of indexed) {
      push(this.byId, entry.item.id, entry);
      push(this.byName, entry.name, entry);
      push(this.byAmount, entry.due, entry);
      for (const ref of entry.item.references ?? []) {
        const canonical = canonicalKana(ref);
        if (canonical.length < MIN_REFERENCE_LENGTH) continue;
        for (const key of new Set(referenceKeys(canonical))) push(this.byReference, key, entry);
      }
    }
    this.sortedByDue = [...indexed].sort((a, b) => compareBig(a.due, b.due) || a.order - b.order);
  }

  /**
   * Decides one deposit. Rules, in order:
   * 1. cancelled → cancelled, never matched.
   * 2. a reference (statement or member number) of exactly one item in the payer name or EDI → matched when
   *    the amount is due in full or short by at most the fee tolerance (the shortfall is the fee).
   * 3. a name match with the exact amount due on exactly one item → matched, fee 0; else a name match short
   *    by at most the tolerance on exactly one item → matched, fee = shortfall.
   * 4. anything else with candidates (several, an excess, a larger shortfall, the amount without the name)
   *    → review, candidates best first; no candidate at all → unknown.
   * An item matched by an earlier deposit of the same matcher is not matched twice (review: already_matched).
   */
  match(deposit: DepositToMatch): MatchOutcome {
    const ranked = this.rank(deposit);
    return { ...ranked, candidates: ranked.candidates.toCandidates() };
  }

  /** match(), its candidates left as ranked (RankedCandidates): the same decision, the same candidates in order. */
  rank(deposit: DepositToMatch): RankedOutcome {
    if (deposit.cancelled) return { status: 'cancelled', candidates: RankedCandidates.none };
    this.rankCandidates(deposit);
    const found = this.found;
    const count = this.count;
    // One pass in rank order: the first of each kind is the first a filter would give.
    let byReference = 0;
    let firstByReference: IndexedItem | null = null;
    let exactByReference = 0;
    let firstExactByReference: IndexedItem | null = null;
    let free = 0;
    let named = 0;
    let namedExcess = false;
    let exact: IndexedItem | null = null;
    let exactCount = 0;
    let short: IndexedItem | null = null;
    let shortCount = 0;
    for (let i = 0; i < count; i++) {
      const c = found[i]!;
      if (c.score < FREE) continue;
      free++;
      const difference = c.difference;
      if ((c.flags & REFERENCE) !== 0) {
        if (byReference++ === 0) firstByReference = c;
        if (difference === 0n && exactByReference++ === 0) firstExactByReference = c;
      }
      if ((c.flags & NAME) === 0) continue;
      named++;
      if (difference > 0n) namedExcess = true;
      if (difference === 0n) {
        if (exactCount++ === 0) exact = c;
      } else if (this.withinFee(difference) && shortCount++ === 0) short = c;
    }

    if (byReference > 0) {
      // One item by reference, or else the one of them due exactly the amount.
      const pick = byReference === 1 ? firstByReference : exactByReference === 1 ? firstExactByReference : null;
      if (pick) return this.decide(pick, 'reference');
      return { status: 'review', reason: 'several_candidates', candidates: this.top() };
    }

    if (exactCount > 1) return { status: 'review', reason: 'several_candidates', candidates: this.top() };
    if (exact) return this.decide(exact, 'amount_and_name');
    if (shortCount > 1) return { status: 'review', reason: 'several_candidates', candidates: this.top() };
    if (short) return this.decide(short, 'amount_and_name');
    if (named > 0) {
      const reason = namedExcess ? 'excess' : 'shortfall_beyond_tolerance';
      return { status: 'review', reason, candidates: this.top() };
    }
    if (free > 0) return { status: 'review', reason: 'name_differs', candidates: this.top() };
    if (count > 0) return { status: 'review', reason: 'already_matched', candidates: this.top() };
    return { status: 'unknown', candidates: RankedCandidates.none };
  }

  private withinFee(difference: bigint): boolean {
    return difference < 0n && difference >= this.lowestFee;
  }

  private decide(pick: IndexedItem, basis: MatchBasis): RankedOutcome {
    const difference = pick.difference;
    // The candidates as ranked, before the pick is marked taken.
    const candidates = this.top();
    if (difference === 0n || this.withinFee(difference)) {
      for (const entry of this.byId.get(pick.item.id)!) entry.taken = true;
      return {
        status: 'matched',
        itemId: pick.item.id,
        basis,
        fee: difference === 0n ? new Dec(0) : new Dec((-difference).toString()),
        candidates,
      };
    }
    const reason = difference > 0n ? 'excess' : 'shortfall_beyond_tolerance';
    return { status: 'review', reason, candidates };
  }

  /** The best MAX_CANDIDATES as ranked, copied: the scratch they are read from serves the next deposit. */
  private top(): RankedCandidates {
    const length = Math.min(this.count, MAX_CANDIDATES);
    const items = new Array<IndexedItem>(length);
    const differences = new Array<bigint>(length);
    const marks = new Array<number>(length);
    for (let i = 0; i < length; i++) {
      const c = this.found[i]!;
      items[i] = c;
      differences[i] = c.difference;
      marks[i] = c.flags | (c.score < FREE ? TAKEN : 0);
    }
    return new RankedCandidates(items, differences, marks);
  }

  /**
   * Items sharing the name, the amount (or within the fee above it) or a reference with the deposit, best
   * first, into found[0 .. count).
   */
  private rankCandidates(deposit: DepositToMatch): void {
    const stamp = this.deposits++;
    const found = this.found;
    const { amount, exact, exactCount, aboveFrom, aboveTo } = this.amountLinks(deposit.amount);
    let count = 0;
    for (let i = 0; i < exactCount; i++) count = this.note(exact[i]!, 0, amount, stamp, count);
    for (let i = aboveFrom; i < aboveTo; i++) count = this.note(this.sortedByDue[i]!, 0, amount, stamp, count);
    const { named, referenced } = this.textLinks(deposit.payer, deposit.edi ?? '');
    for (const entry of named) count = this.note(entry, NAME, amount, stamp, count);
    for (const entry of referenced) count = this.note(entry, REFERENCE, amount, stamp, count);
    for (let i = 0; i < count; i++) {
      const c = found[i]!;
      const flags = c.flags;
      c.score =
        (c.taken ? 0 : FREE) + (flags & REFERENCE ? 4 : 0) + (flags & NAME ? 2 : 0) + this.amountScore(c.difference);
    }
    // Insertion sort: ~12 items, mostly in order already (the amount's links come best first).
    for (let i = 1; i < count; i++) {
      const c = found[i]!;
      let j = i;
      for (; j > 0 && ranksBefore(c, found[j - 1]!); j--) found[j] = found[j - 1]!;
      found[j] = c;
    }
    this.count = count;
  }

  /** Adds the entry to found[] (once per deposit) with its difference, or only its flags if already there. */
  private note(entry: IndexedItem, flags: number, amount: bigint, stamp: number, count: number): number {
    if (entry.foundBy === stamp) {
      entry.flags |= flags;
      return count;
    }
    entry.foundBy = stamp;
    entry.flags = flags;
    // 0n as a constant: most candidates are due exactly the amount, and a subtraction makes a new bigint.
    entry.difference = entry.due === amount ? 0n : amount - entry.due;
    this.found[count] = entry;
    return count + 1;
  }

  /** 2: the exact amount; 1: short by at most the fee tolerance; 0: neither. */
  private amountScore(difference: bigint): number {
    return difference === 0n ? 2 : this.withinFee(difference) ? 1 : 0;
  }

  /** The items found by the payer's name and by the reference numbers in the payer name or EDI text. */
  private textLinks(payer: string, edi: string): TextLinks {
    let links = this.linksByPayer.get(payer);
    if (links === undefined) {
      // The transfer's text is `${payer} ${edi}`: canonicalKana drops spaces, so with no EDI it is the payer's own.
      const canonical = canonicalKana(payer);
      const key = nameKey(canonical);
      // An empty name (a cash deposit, a name of abbreviations only) matches no one.
      const named = key === '' ? NONE : (this.byName.get(key) ?? NONE);
      this.linksByPayer.set(payer, (links = { named, referenced: this.referencedBy(canonical) }));
    }
    if (edi === '') return links;
    const text = `${payer} ${edi}`;
    let referenced = this.referencedByText.get(text);
    if (referenced === undefined)
      this.referencedByText.set(text, (referenced = this.referencedBy(canonicalKana(text))));
    return { named: links.named, referenced };
  }

  /** The items a reference key of a number-like token of a transfer's text (canonical kana) finds. */
  private referencedBy(canonical: string): readonly IndexedItem[] {
    const out: IndexedItem[] = [];
    for (const token of canonical.match(REFERENCE_TOKEN) ?? [])
      for (const key of referenceKeys(token)) out.push(...(this.byReference.get(key) ?? NONE));
    return out.length === 0 ? NONE : out;
  }

  /**
   * The items linked to a deposit by its amount alone, once per amount. Items linked by the amount alone only
   * ever go to review, and prepaid statements share a few amounts (10,000, 30,000 yen): the first few of exactly
   * that amount and the nearest few above it within the fee, so one deposit never builds thousands of candidates.
   */
  private amountLinks(written: string): AmountLinks {
    let links = this.linksByAmount.get(written);
    if (links === undefined) {
      const amount = wholeYen(written);
      const exact = this.byAmount.get(amount) ?? NONE;
      const [aboveFrom, aboveTo] = this.dueWithinFeeAbove(amount, MAX_CANDIDATES);
      links = { amount, exact, exactCount: Math.min(exact.length, MAX_CANDIDATES), aboveFrom, aboveTo };
      this.linksByAmount.set(written, links);
    }
    return links;
  }

  /**
   * The nearest `limit` items whose amount due is above the deposit by at most the fee tolerance, as a range of
   * sortedByDue (binary search).
   */
  private dueWithinFeeAbove(amount: bigint, limit: number): [from: number, to: number] {
    const list = this.sortedByDue;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid]!.due <= amount) lo = mid + 1;
      else hi = mid;
    }
    const highest = amount + this.tolerance;
    let to = lo;
    while (to < list.length && to - lo < limit && list[to]!.due <= highest) to++;
    return [lo, to];
  }
}
