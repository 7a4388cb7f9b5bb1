import { InputError } from '../errors';
import type { ProblemArgs, ProblemCode } from '../problem-codes';
import { charCodesText, decodeSjisField, trimTrailingSpaces } from './text-decode';
import { reiwaDate } from './wareki';

export const ZENGIN_RECORD_BYTES = 200;

export type ZenginRecordKind = 'header' | 'data' | 'trailer' | 'end';

const KIND_BY_TYPE: Record<string, ZenginRecordKind> = { '1': 'header', '2': 'data', '8': 'trailer', '9': 'end' };

/** Where one 200-byte record sits in the file. */
export interface ZenginRecordSpan {
  /** 1-based record number, for messages. */
  number: number;
  start: number;
}

const CR = 0x0d;
const LF = 0x0a;
const EOF_MARK = 0x1a;

/**
 * Cuts a Zengin file into 200-byte records. Banks send them back to back or with CRLF / LF between them;
 * a DOS end-of-file mark (0x1A) may close the file. A short last record or a line break inside a record
 * means the file is damaged: refused. Each turn of the loop consumes at least one byte, so it always ends.
 */
export function splitZenginRecords(bytes: Uint8Array): ZenginRecordSpan[] {
  const spans: ZenginRecordSpan[] = [];
  let pos = 0;
  while (pos < bytes.length) {
    const b = bytes[pos]!;
    if (b === CR || b === LF || b === EOF_MARK) {
      pos++;
      continue;
    }
    const number = spans.length + 1;
    const left = bytes.length - pos;
    if (left < ZENGIN_RECORD_BYTES) {
      throw InputError.one(
        `record ${number}`,
        'bank_file.record_truncated',
        `truncated: ${left} bytes, a record is ${ZENGIN_RECORD_BYTES}`,
        { bytes: left, size: ZENGIN_RECORD_BYTES },
      );
    }
    const lineBreak = firstLineBreak(bytes, pos, pos + ZENGIN_RECORD_BYTES);
    if (lineBreak >= 0) {
      throw InputError.one(
        `record ${number}`,
        'bank_file.record_line_break',
        `line break at byte ${lineBreak - pos + 1}; a record is ${ZENGIN_RECORD_BYTES} bytes`,
        { byte: lineBreak - pos + 1, size: ZENGIN_RECORD_BYTES },
      );
    }
    spans.push({ number, start: pos });
    pos += ZENGIN_RECORD_BYTES;
  }
  return spans;
}

/** The first CR or LF in bytes[from, to), -1 when none (searched natively: a file is 20 MB). */
function firstLineBreak(bytes: Uint8Array, from: number, to: number): number {
  const cr = bytes.indexOf(CR, from);
  const lf = bytes.indexOf(LF, from);
  const first = cr < 0 ? lf : lf < 0 ? cr : Math.min(cr, lf);
  return first >= 0 && first < to ? first : -1;
}

/** A field's bytes as text, one byte a character (ASCII digits and marks), made in one step. */
function latin1(bytes: Uint8Array, from: number, to: number): string {
  return charCodesText(bytes, from, to, 0);
}

/** Reiwa dates already read, by their six digits: a file has a few dates over 100,000 records. */
const readDates = new Map<string, string | null>();
const DATES_KEPT = 1_000;

function readDate(raw: string): string | null {
  let date = readDates.get(raw);
  if (date === undefined) {
    date = reiwaDate(raw);
    if (readDates.size >= DATES_KEPT) readDates.clear();
    readDates.set(raw, date);
  }
  return date;
}

/** Reads the fields of one record by 1-based inclusive byte columns, naming the record and field on error. */
export class ZenginRecord {
  readonly kind: ZenginRecordKind;

  constructor(
    private readonly bytes: Uint8Array,
    readonly span: ZenginRecordSpan,
  ) {
    const type = String.fromCharCode(bytes[span.start]!);
    const kind = KIND_BY_TYPE[type];
    if (!kind)
      throw InputError.one(
        `record ${span.number}`,
        'bank_file.record_type_unknown',
        `record type ${JSON.stringify(type)} unknown (1, 2, 8 or 9)`,
        { type },
      );
    this.kind = kind;
  }

  fail<C extends ProblemCode>(field: string, code: C, message: string, ...params: ProblemArgs<C>): InputError {
    return InputError.one(`record ${this.span.number} (${this.kind}) ${field}`, code, message, ...params);
  }

  /** A run of ASCII digits, as written (leading zeros kept). */
  digits(from: number, to: number, field: string): string {
    const start = this.span.start + from - 1;
    const end = this.span.start + to;
    this.checkDigits(start, end, field);
    return latin1(this.bytes, start, end);
  }

  private checkDigits(start: number, end: number, field: string): void {
    for (let i = start; i < end; i++) {
      const b = this.bytes[i]!;
      if (b < 0x30 || b > 0x39) throw this.fail(field, 'bank_file.not_digits', 'not digits');
    }
  }

  /** Digits, or null when the field is blank (all spaces). */
  optionalDigits(from: number, to: number, field: string): string | null {
    return this.isBlank(from, to) ? null : this.digits(from, to, field);
  }

  /** A whole-yen amount as a decimal string without leading zeros ("0" for zero). */
  amount(from: number, to: number, field: string): string {
    let start = this.span.start + from - 1;
    const end = this.span.start + to;
    this.checkDigits(start, end, field);
    while (start < end - 1 && this.bytes[start] === 0x30) start++;
    return latin1(this.bytes, start, end);
  }

  /** A Reiwa YYMMDD date as `YYYY-MM-DD`. */
  date(from: number, to: number, field: string): string {
    const raw = this.digits(from, to, field);
    const date = readDate(raw);
    if (!date) throw this.fail(field, 'bank_file.date_invalid', `${raw} is not a Reiwa YYMMDD date`, { value: raw });
    return date;
  }

  /** A Shift_JIS text field, decoded, trailing spaces trimmed. */
  text(from: number, to: number, field: string): string {
    const start = this.span.start + from - 1;
    let end = this.span.start + to;
    // Trailing ASCII spaces are trimmed before decoding: 0x20 is never the second byte of a Shift_JIS character.
    while (end > start && this.bytes[end - 1] === 0x20) end--;
    const text = decodeSjisField(this.bytes, start, end);
    if (text === null) throw this.fail(field, 'bank_file.not_shift_jis', 'not Shift_JIS text');
    return trimTrailingSpaces(text);
  }

  char(column: number): string {
    return String.fromCharCode(this.bytes[this.span.start + column - 1]!);
  }

  isBlank(from: number, to: number): boolean {
    for (let i = this.span.start + from - 1; i < this.span.start + to; i++) if (this.bytes[i] !== 0x20) return false;
    return true;
  }
}

/** "000123" → "123"; "0000" → "0". */
export function stripZeros(digits: string): string {
  let i = 0;
  while (i < digits.length - 1 && digits.charCodeAt(i) === 0x30) i++;
  return digits === '' ? '0' : i === 0 ? digits : digits.slice(i);
}
