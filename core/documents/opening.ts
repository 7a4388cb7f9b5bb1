import { compareDates, type CalendarDate } from '../time';
import { japaneseDate } from './format';
import { InputReader, readAddressee, readSeller } from './input';
import type { BusinessDocument } from './layout';
import type { BuiltDocument } from './pdf';
import type { Addressee, SellerProfile } from './types';

/** What every business document opens with: its number, its issue date and whom it is addressed to. */
export interface OpeningData {
  number: string;
  /** YYYY-MM-DD */
  issueDate: string;
  addressee: Addressee;
}

export interface Opening {
  r: InputReader;
  issueDate: CalendarDate;
  /** The document's own later date (有効期限, お支払期限, 登録期限), when it has one. */
  later: CalendarDate | null;
  addressee: Addressee;
  number: string;
}

/** A date a document prints that may not come before its issue date. */
export function readDateNotBefore(r: InputReader, value: unknown, path: string, issueDate: CalendarDate): CalendarDate {
  const date = r.date(value, path);
  if (compareDates(date, issueDate) < 0) r.add(path, 'date.before_issue', 'before the issue date');
  return date;
}

/**
 * Starts reading a document's input: the issue date, its later date (`later`: the field's path and value)
 * not before it, the addressee and the number, each problem collected on the returned reader.
 */
export function readOpening(data: OpeningData, later?: { path: string; value: unknown }): Opening {
  const r = new InputReader();
  const issueDate = r.date(data.issueDate, 'issueDate');
  const laterDate = later ? readDateNotBefore(r, later.value, later.path, issueDate) : null;
  const addressee = readAddressee(r, data.addressee, 'addressee');
  const number = r.text(data.number, 'number');
  return { r, issueDate, later: laterDate, addressee, number };
}

/**
 * Ends reading (the seller checked, every problem thrown at once) and dates the document: its issue date
 * printed in Japanese, its seller block, and the PDF's creation date.
 */
export function builtDocument(
  o: Opening,
  seller: SellerProfile,
  document: Omit<BusinessDocument, 'number' | 'issueDate' | 'addressee' | 'seller'>,
): BuiltDocument {
  readSeller(o.r, seller);
  o.r.throwIfAny();
  return {
    date: o.issueDate,
    document: { ...document, number: o.number, issueDate: japaneseDate(o.issueDate), addressee: o.addressee, seller },
  };
}
