// The matcher as it was before D-RECON-7 (decimal.js throughout), kept as the oracle of
// match-bigint.property.test.ts: the bigint matcher must decide every deposit as this one did.
import { Dec } from '../../core/money';
import { canonicalKana, kanaKey, stripCorporateAbbreviations } from '../../core/kana';
import type {
  Candidate,
  DepositToMatch,
  MatchBasis,
  MatchOptions,
  MatchOutcome,
  OpenItem,
} from '../../core/banking/match';

const DEFAULT_FEE_TOLERANCE = new Dec(880);
const MIN_REFERENCE_LENGTH = 4;
const MAX_CANDIDATES = 10;
const NAME = 1;
const REFERENCE = 2;

interface IndexedItem {
  item: OpenItem;
  due: Dec;
  /** kanaKey(payerKana), computed once. */
  name: string;
  order: number;
}

interface Link {
  /** deposit − amount due. */
  difference: Dec;
  distance: Dec;
  /** 2: the exact amount; 1: short by at most the fee tolerance; 0: neither. */
  amountScore: number;
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

/**
 * Indexes the open items once (by name, by amount, by reference, and by amount in order for the fee
 * tolerance), so matching a deposit costs a few lookups, not a scan of every item.
 */
export class DecimalMatcher {
  private readonly byName = new Map<string, IndexedItem[]>();
  private readonly byAmount = new Map<string, IndexedItem[]>();
  private readonly byReference = new Map<string, IndexedItem[]>();
  private readonly sortedByDue: IndexedItem[];
  private readonly taken = new Set<string>();
  /** The items a deposit amount links to by itself, with their differences: a file repeats amounts many times. */
  private readonly linksByAmount = new Map<string, Map<IndexedItem, Link>>();
  readonly feeTolerance: Dec;
  /** −feeTolerance: a difference at or above it (and below 0) is a shortfall the fee covers. */
  private readonly lowestFeeDifference: Dec;

  constructor(items: readonly OpenItem[], options: MatchOptions = {}) {
    this.feeTolerance = options.feeTolerance ?? DEFAULT_FEE_TOLERANCE;
    this.lowestFeeDifference = this.feeTolerance.negated();
    const indexed = items.map((item, order) => ({
      item,
      due: item.amountDue,
      name: kanaKey(item.payerKana),
      order,
    }));
    for (const entry of indexed) {
      push(this.byName, entry.name, entry);
      push(this.byAmount, entry.due.toFixed(), entry);
      for (const ref of entry.item.references ?? []) {
        const canonical = canonicalKana(ref);
        if (canonical.length < MIN_REFERENCE_LENGTH) continue;
        for (const key of new Set(referenceKeys(canonical))) push(this.byReference, key, entry);
      }
    }
    this.sortedByDue = [...indexed].sort((a, b) => a.due.comparedTo(b.due) || a.order - b.order);
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
    if (deposit.cancelled) return { status: 'cancelled', candidates: [] };
    const amount = new Dec(deposit.amount);
    const candidates = this.candidates(deposit, amount);
    const free = candidates.filter((c) => !c.taken);

    const byReference = free.filter((c) => c.referenceMatches);
    if (byReference.length > 0) {
      const pick = this.single(
        byReference.length === 1 ? byReference : byReference.filter((c) => c.difference.isZero()),
      );
      if (pick) return this.decide(pick, 'reference', candidates);
      return { status: 'review', reason: 'several_candidates', candidates: top(candidates) };
    }

    const named = free.filter((c) => c.nameMatches);
    const exact = named.filter((c) => c.difference.isZero());
    if (exact.length > 1) return { status: 'review', reason: 'several_candidates', candidates: top(candidates) };
    if (exact.length === 1) return this.decide(exact[0]!, 'amount_and_name', candidates);
    const short = named.filter((c) => this.withinFee(c.difference));
    if (short.length > 1) return { status: 'review', reason: 'several_candidates', candidates: top(candidates) };
    if (short.length === 1) return this.decide(short[0]!, 'amount_and_name', candidates);
    if (named.length > 0) {
      const reason = named.some((c) => c.difference.isPositive()) ? 'excess' : 'shortfall_beyond_tolerance';
      return { status: 'review', reason, candidates: top(candidates) };
    }
    if (free.length > 0) return { status: 'review', reason: 'name_differs', candidates: top(candidates) };
    if (candidates.length > 0) return { status: 'review', reason: 'already_matched', candidates: top(candidates) };
    return { status: 'unknown', candidates: [] };
  }

  private single(list: Candidate[]): Candidate | null {
    return list.length === 1 ? list[0]! : null;
  }

  private withinFee(difference: Dec): boolean {
    return difference.isNegative() && difference.greaterThanOrEqualTo(this.lowestFeeDifference);
  }

  private decide(pick: Candidate, basis: MatchBasis, candidates: Candidate[]): MatchOutcome {
    if (pick.difference.isZero() || this.withinFee(pick.difference)) {
      this.taken.add(pick.itemId);
      return {
        status: 'matched',
        itemId: pick.itemId,
        basis,
        fee: pick.difference.isZero() ? new Dec(0) : pick.difference.negated(),
        candidates: top(candidates),
      };
    }
    const reason = pick.difference.isPositive() ? 'excess' : 'shortfall_beyond_tolerance';
    return { status: 'review', reason, candidates: top(candidates) };
  }

  /** Items sharing the name, the amount (or within the fee above it) or a reference with the deposit, best first. */
  private candidates(deposit: DepositToMatch, amount: Dec): Candidate[] {
    // Per item found: NAME and/or REFERENCE bits (0: linked by the amount alone).
    const found = new Map<IndexedItem, number>();
    const note = (entry: IndexedItem, flags: number): void => {
      found.set(entry, (found.get(entry) ?? 0) | flags);
    };
    // An empty name (a cash deposit, a name of abbreviations only) matches no one.
    const key = nameKey(deposit.payer);
    if (key !== '') for (const entry of this.byName.get(key) ?? []) note(entry, NAME);
    const links = this.amountLinks(amount);
    for (const entry of links.keys()) note(entry, 0);
    const text = canonicalKana(`${deposit.payer} ${deposit.edi ?? ''}`);
    for (const token of text.match(REFERENCE_TOKEN) ?? []) {
      for (const k of referenceKeys(token)) for (const entry of this.byReference.get(k) ?? []) note(entry, REFERENCE);
    }
    const list: { c: Candidate; order: number; score: number; distance: Dec }[] = [];
    for (const [entry, flags] of found) {
      const link = links.get(entry) ?? this.link(entry, amount);
      const taken = this.taken.has(entry.item.id);
      const c: Candidate = {
        itemId: entry.item.id,
        kind: entry.item.kind,
        amountDue: entry.due,
        difference: link.difference,
        nameMatches: (flags & NAME) !== 0,
        referenceMatches: (flags & REFERENCE) !== 0,
        taken,
      };
      const score = (taken ? 0 : 8) + (flags & REFERENCE ? 4 : 0) + (flags & NAME ? 2 : 0) + link.amountScore;
      list.push({ c, order: entry.order, score, distance: link.distance });
    }
    list.sort((a, b) => b.score - a.score || a.distance.comparedTo(b.distance) || a.order - b.order);
    return list.map((x) => x.c);
  }

  /** How the deposit's amount stands to the item's: computed once per amount and item (see amountLinks). */
  private link(entry: IndexedItem, amount: Dec): Link {
    const difference = amount.minus(entry.due);
    const amountScore = difference.isZero() ? 2 : this.withinFee(difference) ? 1 : 0;
    return { difference, distance: difference.abs(), amountScore };
  }

  /**
   * The items linked to a deposit by its amount alone, with their links, once per amount. Items linked by the
   * amount alone only ever go to review, and prepaid statements share a few amounts (10,000, 30,000 yen): the
   * first few of exactly that amount and the nearest few above it within the fee, so one deposit never builds
   * thousands of candidates.
   */
  private amountLinks(amount: Dec): Map<IndexedItem, Link> {
    const amountKey = amount.toFixed();
    let links = this.linksByAmount.get(amountKey);
    if (links === undefined) {
      links = new Map();
      for (const entry of (this.byAmount.get(amountKey) ?? []).slice(0, MAX_CANDIDATES))
        links.set(entry, this.link(entry, amount));
      for (const entry of this.dueWithinFeeAbove(amount, MAX_CANDIDATES))
        if (!links.has(entry)) links.set(entry, this.link(entry, amount));
      this.linksByAmount.set(amountKey, links);
    }
    return links;
  }

  /** The nearest `limit` items whose amount due is above the deposit by at most the fee tolerance (binary search). */
  private dueWithinFeeAbove(amount: Dec, limit: number): IndexedItem[] {
    const list = this.sortedByDue;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid]!.due.lessThanOrEqualTo(amount)) lo = mid + 1;
      else hi = mid;
    }
    const highest = amount.plus(this.feeTolerance);
    const out: IndexedItem[] = [];
    for (let i = lo; i < list.length && out.length < limit && list[i]!.due.lessThanOrEqualTo(highest); i++)
      out.push(list[i]!);
    return out;
  }
}

function top(candidates: Candidate[]): Candidate[] {
  return candidates.slice(0, MAX_CANDIDATES);
}
