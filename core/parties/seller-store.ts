import { InputReader, readSeller } from '../documents/input';
import type { SellerProfile } from '../documents/types';
import type { LedgerDb } from '../ledger/open-database';

/**
 * D-SELLER-1: what a document shows as its seller before an administrator has set one. Its name says so, it has
 * no registration number (so nothing is a qualified invoice, R-TAX-4) and no bank account (the statement says
 * the account will be given separately).
 */
export const UNSET_SELLER: SellerProfile = {
  name: '（販売者未設定）',
  address: '管理者が販売者情報を設定してください',
  bankAccounts: [],
};

/** One dated setting of the seller (R-TAX-5). */
export interface DatedSeller {
  id: number;
  /** JST date YYYY-MM-DD from which documents show this seller. */
  effectiveFrom: string;
  seller: SellerProfile;
  createdAt: string;
  createdBy: string | null;
}

/** A seal larger than this is refused: it is stamped on every document, 10,000 statements a month. */
const MAX_SEAL_BYTES = 256 * 1024;
const PNG_MAGIC = '89504e470d0a1a0a';

/** Every setting of the seller, oldest first (by effective date, then as set). */
export async function sellerHistory(db: LedgerDb): Promise<DatedSeller[]> {
  const rows = await db.selectFrom('seller_settings').selectAll().orderBy('effective_from').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    effectiveFrom: r.effective_from,
    seller: JSON.parse(r.content) as SellerProfile,
    createdAt: r.created_at,
    createdBy: r.created_by,
  }));
}

/** R-TAX-5: the seller as set on `date` (YYYY-MM-DD): the latest setting effective on or before it. */
export function sellerOn(history: readonly DatedSeller[], date: string): SellerProfile {
  let found: DatedSeller | undefined;
  for (const h of history) if (h.effectiveFrom <= date) found = h;
  return found?.seller ?? UNSET_SELLER;
}

/** The seller a document issued on `date` shows (R-TAX-5). */
export async function sellerAsOf(db: LedgerDb, date: string): Promise<SellerProfile> {
  return sellerOn(await sellerHistory(db), date);
}

/** The seller with only the fields a document prints, empty optional ones dropped. */
function tidy(s: SellerProfile): SellerProfile {
  const optional = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());
  const out: SellerProfile = { name: s.name.trim(), address: s.address.trim(), bankAccounts: s.bankAccounts };
  for (const key of ['postalCode', 'phone', 'email', 'contactName', 'registrationNumber', 'sealPng'] as const) {
    const v = optional(s[key]);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/**
 * Sets the seller from `effectiveFrom` (R-TAX-5), checked as every document checks it (the registration number's
 * check digit, R-TAX-4; bank codes, kana). D-SELLER-2: no date before today (JST): a document already issued
 * keeps the seller it was issued with. A later setting for the same date replaces it from then on.
 */
export async function setSeller(
  db: LedgerDb,
  input: { seller: SellerProfile; effectiveFrom: string },
  today: string,
  at: string,
  by: string | null,
): Promise<DatedSeller> {
  const seller = tidy(input.seller);
  const r = new InputReader();
  readSeller(r, seller);
  if (seller.sealPng !== undefined) {
    const bytes = Buffer.from(seller.sealPng, 'base64');
    if (bytes.subarray(0, 8).toString('hex') !== PNG_MAGIC)
      r.add('seller.sealPng', 'seller.seal_not_png', 'the seal image is not a PNG file');
    else if (bytes.length > MAX_SEAL_BYTES)
      r.add('seller.sealPng', 'seller.seal_too_large', `the seal image is over ${MAX_SEAL_BYTES / 1024} KB`, {
        maxKb: MAX_SEAL_BYTES / 1024,
      });
  }
  if (input.effectiveFrom < today)
    r.add('effectiveFrom', 'seller.effective_in_past', `before today (${today}): issued documents keep their seller`, {
      today,
    });
  r.throwIfAny();
  const { id } = await db
    .insertInto('seller_settings')
    .values({ effective_from: input.effectiveFrom, content: JSON.stringify(seller), created_at: at, created_by: by })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, effectiveFrom: input.effectiveFrom, seller, createdAt: at, createdBy: by };
}
