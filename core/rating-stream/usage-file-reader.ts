import { closeSync, openSync, readSync } from 'node:fs';
import { InputError } from '../errors';
import { isJsonSpace, ValueEnd } from './value-end';

/** What a walk through a usage file hands on, in file order. */
export interface UsageFileVisitor {
  /** A field of the top-level object other than an `accounts` list, its value parsed. */
  field(key: string, value: unknown): void;
  /** An `accounts` field whose value is a list: its elements follow (`account`), then `endAccounts`. */
  startAccounts(): void;
  account(value: unknown): void;
  endAccounts(): void;
  /** The file is JSON but its top-level value is not an object. */
  notAnObject(): void;
}

/** How much of the file is read at a time (a value longer than this grows the buffer). */
export const CHUNK_BYTES = 1 << 20;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const COLON = 0x3a;
const COMMA = 0x2c;
const END = -1;

/**
 * Walks a usage file (shared/contracts/rating.md) from disk a piece at a time, so that no more than one
 * account's text is held at once, whatever the file's size: the top-level object is read byte by byte, each
 * field's value and each element of an `accounts` list is found by ValueEnd and parsed alone by JSON.parse.
 * A file that is not JSON is refused as a whole, named by its path (`file`), as JSON.parse of the whole file
 * would refuse it; the visitor may have heard part of it by then.
 */
export function walkUsageFile(file: string, visitor: UsageFileVisitor, chunkBytes = CHUNK_BYTES): void {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw cannotRead(file, e);
  }
  try {
    new Walk(file, fd, visitor, Buffer.allocUnsafe(chunkBytes)).run();
  } finally {
    closeSync(fd);
  }
}

function cannotRead(file: string, e: unknown): InputError {
  const reason = (e as NodeJS.ErrnoException).code ?? String(e);
  return InputError.one(file, 'file.unreadable', `cannot read the file (${reason})`, { reason });
}

class Walk {
  /** Bytes [0, end) of `bytes` hold the file from offset `base`. */
  private end = 0;
  private base = 0;
  private pos = 0;
  private eof = false;
  private readonly valueEnd = new ValueEnd();

  constructor(
    private readonly file: string,
    private readonly fd: number,
    private readonly visitor: UsageFileVisitor,
    private bytes: Buffer,
  ) {}

  run(): void {
    const first = this.peek();
    if (first !== OPEN_BRACE) {
      this.value();
      this.expectEndOfFile();
      this.visitor.notAnObject();
      return;
    }
    this.pos++;
    if (this.peek() === CLOSE_BRACE) this.pos++;
    else {
      for (;;) {
        if (this.peek() !== QUOTE) this.unexpected('a field name');
        const key = this.value() as string;
        if (this.peek() !== COLON) this.unexpected('":"');
        this.pos++;
        if (key === 'accounts' && this.peek() === OPEN_BRACKET) this.accounts();
        else this.visitor.field(key, this.value());
        const next = this.peek();
        if (next !== COMMA && next !== CLOSE_BRACE) this.unexpected('"," or "}"');
        this.pos++;
        if (next === CLOSE_BRACE) break;
      }
    }
    this.expectEndOfFile();
  }

  private accounts(): void {
    this.pos++;
    this.visitor.startAccounts();
    if (this.peek() === CLOSE_BRACKET) this.pos++;
    else {
      for (;;) {
        this.visitor.account(this.value());
        const next = this.peek();
        if (next !== COMMA && next !== CLOSE_BRACKET) this.unexpected('"," or "]"');
        this.pos++;
        if (next === CLOSE_BRACKET) break;
      }
    }
    this.visitor.endAccounts();
  }

  /** The next value, parsed; `pos` is then after it. */
  private value(): unknown {
    const first = this.peek();
    if (first === END) this.notJson('the file ends where a value should be');
    const valueEnd = this.valueEnd;
    valueEnd.begin(first);
    let scanned = this.pos + 1;
    let at: number;
    for (;;) {
      at = valueEnd.find(this.bytes, scanned, this.end);
      if (at >= 0) break;
      const alreadyScanned = this.end - this.pos;
      if (!this.fill(this.pos)) {
        if (!valueEnd.endsAtEndOfInput()) this.notJson('the file ends inside a value');
        at = this.end;
        break;
      }
      scanned = this.pos + alreadyScanned;
    }
    const text = this.bytes.toString('utf8', this.pos, at);
    const offset = this.base + this.pos;
    this.pos = at;
    try {
      return JSON.parse(text);
    } catch (e) {
      // JSON.parse quotes the text around the error, line breaks and all: one line per problem.
      const message = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ');
      return this.notJson(`${message}, in the value at byte ${offset}`);
    }
  }

  /** The next byte that is not whitespace, left unread; END at the end of the file. */
  private peek(): number {
    for (;;) {
      const bytes = this.bytes;
      const end = this.end;
      let i = this.pos;
      while (i < end && isJsonSpace(bytes[i]!)) i++;
      this.pos = i;
      if (i < end) return bytes[i]!;
      if (!this.fill(i)) return END;
    }
  }

  /**
   * Reads more of the file, keeping the bytes from `keep` on (moved to the start of the buffer, which grows
   * when they fill it). `pos` keeps pointing at the same byte. False at the end of the file.
   */
  private fill(keep: number): boolean {
    if (this.eof) return false;
    const kept = this.end - keep;
    if (keep > 0) {
      this.bytes.copyWithin(0, keep, this.end);
      this.base += keep;
      this.pos -= keep;
    }
    if (kept === this.bytes.length) {
      const bigger = Buffer.allocUnsafe(this.bytes.length * 2);
      this.bytes.copy(bigger, 0, 0, kept);
      this.bytes = bigger;
    }
    this.end = kept;
    let read: number;
    try {
      read = readSync(this.fd, this.bytes, kept, this.bytes.length - kept, this.base + kept);
    } catch (e) {
      throw cannotRead(this.file, e);
    }
    this.end += read;
    if (read === 0) this.eof = true;
    return read > 0;
  }

  private expectEndOfFile(): void {
    if (this.peek() !== END) this.unexpected('the end of the file');
  }

  /** The next byte is not what the grammar wants there. */
  private unexpected(wanted: string): never {
    const found = this.peek();
    if (found === END) return this.notJson(`the file ends where ${wanted} should be`);
    const shown = found < 0x80 ? JSON.stringify(String.fromCharCode(found)) : `byte 0x${found.toString(16)}`;
    return this.notJson(`${shown} at byte ${this.base + this.pos} where ${wanted} should be`);
  }

  private notJson(detail: string): never {
    throw InputError.one(this.file, 'file.not_json', `not JSON (${detail})`, { detail });
  }
}
