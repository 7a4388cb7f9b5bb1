import { InputError } from '../errors';
import type { ProblemArgs, ProblemCode } from '../problem-codes';
import { decodeSjisField, trimTrailingSpaces } from './text-decode';
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
    for (let i = pos; i < pos + ZENGIN_RECORD_BYTES; i++) {
      if (bytes[i] === CR || bytes[i] === LF) {
        throw InputError.one(
          `record ${number}`,
          'bank_file.record_line_break',
          `line break at byte ${i - pos + 1}; a record is ${ZENGIN_RECORD_BYTES} bytes`,
          { byte: i - pos + 1, size: ZENGIN_RECORD_BYTES },
        );
      }
    }
    spans.push({ number, start: pos });
    pos += ZENGIN_RECORD_BYTES;
  }
  return spans;
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
    let s = '';
    for (let i = this.span.start + from - 1; i < this.span.start + to; i++) {
      const b = this.bytes[i]!;
      if (b < 0x30 || b > 0x39) throw this.fail(field, 'bank_file.not_digits', 'not digits');
      s += String.fromCharCode(b);
    }
    return s;
  }

  /** Digits, or null when the field is blank (all spaces). */
  optionalDigits(from: number, to: number, field: string): string | null {
    return this.isBlank(from, to) ? null : this.digits(from, to, field);
  }

  /** A whole-yen amount as a decimal string without leading zeros ("0" for zero). */
  amount(from: number, to: number, field: string): string {
    return stripZeros(this.digits(from, to, field));
  }

  /** A Reiwa YYMMDD date as `YYYY-MM-DD`. */
  date(from: number, to: number, field: string): string {
    const raw = this.digits(from, to, field);
    const date = reiwaDate(raw);
    if (!date) throw this.fail(field, 'bank_file.date_invalid', `${raw} is not a Reiwa YYMMDD date`, { value: raw });
    return date;
  }

  /** A Shift_JIS text field, decoded, trailing spaces trimmed. */
  text(from: number, to: number, field: string): string {
    const text = decodeSjisField(this.bytes, this.span.start + from - 1, this.span.start + to);
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
  const s = digits.replace(/^0+/, '');
  return s === '' ? '0' : s;
}
