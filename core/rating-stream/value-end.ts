const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;

/** JSON's whitespace: space, tab, line feed, carriage return. */
export function isJsonSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/**
 * Finds where a JSON value ends in UTF-8 bytes, without parsing it: brackets and braces are counted outside
 * strings, a string ends at its first unescaped quote, a number or literal at the first byte that may follow
 * a value. Whether the value is valid JSON is for JSON.parse to say once its bytes are found. Resumable: the
 * bytes may come in pieces (`find` returns -1 and goes on with the next piece). UTF-8 is safe to scan byte by
 * byte: no byte of a multi-byte character is below 0x80.
 */
export class ValueEnd {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private bare = false;

  /** Starts a value whose first byte is `first` (not whitespace); `find` then scans from the byte after it. */
  begin(first: number): void {
    this.depth = first === OPEN_BRACE || first === OPEN_BRACKET ? 1 : 0;
    this.inString = first === QUOTE;
    this.escaped = false;
    this.bare = this.depth === 0 && !this.inString;
  }

  /** The index after the value's last byte in bytes[from, to), or -1 when the value goes on past `to`. */
  find(bytes: Uint8Array, from: number, to: number): number {
    if (this.bare) {
      for (let i = from; i < to; i++) {
        const c = bytes[i]!;
        if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || isJsonSpace(c)) return i;
      }
      return -1;
    }
    let depth = this.depth;
    let inString = this.inString;
    let i = from;
    if (this.escaped) {
      this.escaped = false;
      i++;
    }
    for (; i < to; i++) {
      const c = bytes[i]!;
      if (inString) {
        if (c === QUOTE) {
          inString = false;
          if (depth === 0) return i + 1;
        } else if (c === BACKSLASH) {
          if (++i === to) {
            this.escaped = true;
            break;
          }
        }
      } else if (c === QUOTE) inString = true;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        if (--depth === 0) return i + 1;
      }
    }
    this.depth = depth;
    this.inString = inString;
    return -1;
  }

  /** True when the value ends with the input (a number or literal at the very end of the file). */
  endsAtEndOfInput(): boolean {
    return this.bare;
  }
}
