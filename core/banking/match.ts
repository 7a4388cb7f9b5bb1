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
  /** The deposit (its number in this matcher) that last found the item, and how: NAME / REFERENCE bits. */
  foundBy: number;
  flags: number;
}

interface Link {
  /** deposit − amount due. */
  difference: bigint;
  distance: bigint;
  /** 2: the exact amount; 1: short by at most the fee tolerance; 0: neither. */
  amountScore: number;
  /** difference as decimal.js, made when first given out. */
  decimal?: Dec;
}

/** Per deposit amount: the items it links to by itself, and the links of items found otherwise (by name, reference). */
interface AmountLinks {
  amount: bigint;
  linked: Map<IndexedItem, Link>;
  others: Map<IndexedItem, Link>;
}

/** An item found for a deposit, with what ranks it. */
interface Found {
  entry: IndexedItem;
  link: Link;
  flags: number;
  taken: boolean;
  score: number;
}

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

/** The name compared: normalised, without a member number written before or after it. */
function nameKey(payer: string): string {
  const canonical = canonicalKana(payer).replace(/^[0-9\-.]+|[0-9\-.]+$/g, '');
  return stripCorporateAbbreviations(canonical);
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
  static readonly none = new RankedCandidates([]);
  readonly length: number;

  constructor(private readonly found: readonly Found[]) {
    this.length = Math.min(found.length, MAX_CANDIDATES);
  }

  forEach(visit: CandidateVisitor): void {
    for (let i = 0; i < this.length; i++) {
      const f = this.found[i]!;
      visit(
        f.entry.item.id,
        f.entry.item.kind,
        f.link.difference,
        (f.flags & NAME) !== 0,
        (f.flags & REFERENCE) !== 0,
        f.taken,
      );
    }
  }

  /** The candidates as the caller of match() sees them (decimal.js money). */
  toCandidates(): Candidate[] {
    const out: Candidate[] = [];
    for (let i = 0; i < this.length; i++) {
      const f = this.found[i]!;
      out.push({
        itemId: f.entry.item.id,
        kind: f.entry.item.kind,
        amountDue: f.entry.item.amountDue,
        difference: (f.link.decimal ??= new Dec(f.link.difference.toString())),
        nameMatches: (f.flags & NAME) !== 0,
        referenceMatches: (f.flags & REFERENCE) !== 0,
        taken: f.taken,
      });
    }
    return out;
  }
}

function byRank(a: Found, b: Found): number {
  return b.score - a.score || compareBig(a.link.distance, b.link.distance) || a.entry.order - b.entry.order;
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
  /** Payers and transfer texts repeat in a file: their name key and reference keys, normalised once. */
  private readonly nameKeys = new Map<string, string>();
  private readonly referenceKeysOf = new Map<string, string[]>();
  private deposits = 0;
  readonly feeTolerance: Dec;
  /** The tolerance in whole yen: differences are whole yen, so a fraction of the tolerance never counts. */
  private readonly tolerance: bigint;

  constructor(items: readonly OpenItem[], options: MatchOptions = {}) {
    this.feeTolerance = options.feeTolerance ?? DEFAULT_FEE_TOLERANCE;
    this.tolerance = BigInt(this.feeTolerance.floor().toFixed());
    const indexed: IndexedItem[] = items.map((item, order) => ({
      item,
      due: wholeYen(item.amountDue),
      name: kanaKey(item.payerKana),
      order,
      taken: false,
      foundBy: -1,
      flags: 0,
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
    const found = this.candidates(deposit);
    // One pass in rank order: the first of each kind is the first a filter would give.
    const byReference: Found[] = [];
    let free = 0;
    let named = 0;
    let namedExcess = false;
    let exact: Found | null = null;
    let exactCount = 0;
    let short: Found | null = null;
    let shortCount = 0;
    for (const c of found) {
      if (c.taken) continue;
      free++;
      if ((c.flags & REFERENCE) !== 0) byReference.push(c);
      if ((c.flags & NAME) === 0) continue;
      named++;
      const difference = c.link.difference;
      if (difference > 0n) namedExcess = true;
      if (difference === 0n) {
        if (exactCount++ === 0) exact = c;
      } else if (this.withinFee(difference) && shortCount++ === 0) short = c;
    }

    if (byReference.length > 0) {
      const pick = this.single(
        byReference.length === 1 ? byReference : byReference.filter((c) => c.link.difference === 0n),
      );
      if (pick) return this.decide(pick, 'reference', found);
      return { status: 'review', reason: 'several_candidates', candidates: this.top(found) };
    }

    if (exactCount > 1) return { status: 'review', reason: 'several_candidates', candidates: this.top(found) };
    if (exact) return this.decide(exact, 'amount_and_name', found);
    if (shortCount > 1) return { status: 'review', reason: 'several_candidates', candidates: this.top(found) };
    if (short) return this.decide(short, 'amount_and_name', found);
    if (named > 0) {
      const reason = namedExcess ? 'excess' : 'shortfall_beyond_tolerance';
      return { status: 'review', reason, candidates: this.top(found) };
    }
    if (free > 0) return { status: 'review', reason: 'name_differs', candidates: this.top(found) };
    if (found.length > 0) return { status: 'review', reason: 'already_matched', candidates: this.top(found) };
    return { status: 'unknown', candidates: RankedCandidates.none };
  }

  private single(list: Found[]): Found | null {
    return list.length === 1 ? list[0]! : null;
  }

  private withinFee(difference: bigint): boolean {
    return difference < 0n && difference >= -this.tolerance;
  }

  private decide(pick: Found, basis: MatchBasis, found: Found[]): RankedOutcome {
    const difference = pick.link.difference;
    if (difference === 0n || this.withinFee(difference)) {
      for (const entry of this.byId.get(pick.entry.item.id)!) entry.taken = true;
      return {
        status: 'matched',
        itemId: pick.entry.item.id,
        basis,
        fee: difference === 0n ? new Dec(0) : new Dec((-difference).toString()),
        candidates: this.top(found),
      };
    }
    const reason = difference > 0n ? 'excess' : 'shortfall_beyond_tolerance';
    return { status: 'review', reason, candidates: this.top(found) };
  }

  /** The best MAX_CANDIDATES, as ranked. */
  private top(found: Found[]): RankedCandidates {
    return new RankedCandidates(found);
  }

  /** Items sharing the name, the amount (or within the fee above it) or a reference with the deposit, best first. */
  private candidates(deposit: DepositToMatch): Found[] {
    const stamp = this.deposits++;
    const entries: IndexedItem[] = [];
    // Per item found: NAME and/or REFERENCE bits (0: linked by the amount alone).
    const note = (entry: IndexedItem, flags: number): void => {
      if (entry.foundBy !== stamp) {
        entry.foundBy = stamp;
        entry.flags = 0;
        entries.push(entry);
      }
      entry.flags |= flags;
    };
    // An empty name (a cash deposit, a name of abbreviations only) matches no one.
    const key = this.nameKeyOf(deposit.payer);
    if (key !== '') for (const entry of this.byName.get(key) ?? []) note(entry, NAME);
    const { amount, linked, others } = this.amountLinks(deposit.amount);
    for (const entry of linked.keys()) note(entry, 0);
    for (const k of this.referenceKeysIn(`${deposit.payer} ${deposit.edi ?? ''}`))
      for (const entry of this.byReference.get(k) ?? []) note(entry, REFERENCE);
    const list: Found[] = entries.map((entry) => {
      let link = linked.get(entry) ?? others.get(entry);
      if (link === undefined) others.set(entry, (link = this.link(entry, amount)));
      const flags = entry.flags;
      const taken = entry.taken;
      const score = (taken ? 0 : 8) + (flags & REFERENCE ? 4 : 0) + (flags & NAME ? 2 : 0) + link.amountScore;
      return { entry, link, flags, taken, score };
    });
    return list.sort(byRank);
  }

  private nameKeyOf(payer: string): string {
    let key = this.nameKeys.get(payer);
    if (key === undefined) this.nameKeys.set(payer, (key = nameKey(payer)));
    return key;
  }

  /** The reference keys of every number-like token of a transfer's text. */
  private referenceKeysIn(text: string): string[] {
    let keys = this.referenceKeysOf.get(text);
    if (keys === undefined) {
      keys = [];
      for (const token of canonicalKana(text).match(REFERENCE_TOKEN) ?? []) keys.push(...referenceKeys(token));
      this.referenceKeysOf.set(text, keys);
    }
    return keys;
  }

  /** How the deposit's amount stands to the item's: computed once per amount and item (see amountLinks). */
  private link(entry: IndexedItem, amount: bigint): Link {
    const difference = amount - entry.due;
    const amountScore = difference === 0n ? 2 : this.withinFee(difference) ? 1 : 0;
    return { difference, distance: difference < 0n ? -difference : difference, amountScore };
  }

  /**
   * The items linked to a deposit by its amount alone, with their links, once per amount. Items linked by the
   * amount alone only ever go to review, and prepaid statements share a few amounts (10,000, 30,000 yen): the
   * first few of exactly that amount and the nearest few above it within the fee, so one deposit never builds
   * thousands of candidates.
   */
  private amountLinks(written: string): AmountLinks {
    let links = this.linksByAmount.get(written);
    if (links === undefined) {
      const amount = wholeYen(written);
      const linked = new Map<IndexedItem, Link>();
      for (const entry of (this.byAmount.get(amount) ?? []).slice(0, MAX_CANDIDATES))
        linked.set(entry, this.link(entry, amount));
      for (const entry of this.dueWithinFeeAbove(amount, MAX_CANDIDATES))
        if (!linked.has(entry)) linked.set(entry, this.link(entry, amount));
      links = { amount, linked, others: new Map() };
      this.linksByAmount.set(written, links);
    }
    return links;
  }

  /** The nearest `limit` items whose amount due is above the deposit by at most the fee tolerance (binary search). */
  private dueWithinFeeAbove(amount: bigint, limit: number): IndexedItem[] {
    const list = this.sortedByDue;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid]!.due <= amount) lo = mid + 1;
      else hi = mid;
    }
    const highest = amount + this.tolerance;
    const out: IndexedItem[] = [];
    for (let i = lo; i < list.length && out.length < limit && list[i]!.due <= highest; i++) out.push(list[i]!);
    return out;
  }
}
