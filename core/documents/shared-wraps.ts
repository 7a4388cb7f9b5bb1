import { LastingCache } from './lasting-cache';

/** A line as pdfkit's LineWrapper hands it to the document: its text and what it sets on the options for it. */
interface WrappedLine {
  text: string;
  textWidth: number;
  wordCount: number;
  lineWidth: number;
}

/** The options pdfkit's text layout reads, as `_initOptions` leaves them. */
interface TextOptions {
  width?: number;
  lineGap?: number;
  characterSpacing?: number;
  height?: number;
  textWidth?: number;
  wordCount?: number;
  lineWidth?: number;
  [key: string]: unknown;
}

/** The parts of pdfkit 0.20's PDFDocument that text layout goes through (pdfkit's types list none of them). */
interface TextDocument {
  x: number;
  y: number;
  page: { maxY(): number };
  _font?: { font?: object };
  _fontSize: number;
  _lineGap: number;
  _wrapper: unknown;
  _textOptions: unknown;
  _initOptions(x?: unknown, y?: unknown, options?: unknown): TextOptions;
  _text(text: string, x: number, y: number, options: TextOptions, line: (text: string, o: TextOptions) => void): void;
  _line(text: string, options: TextOptions, wrapper?: unknown): void;
  currentLineHeight(includeGap?: boolean): number;
  text(text: unknown, x?: unknown, y?: unknown, options?: unknown): unknown;
  heightOfString(text: unknown, options?: unknown): number;
}

/** The options the shared wraps handle; anything else (indents, columns, ellipses, links…) takes pdfkit's own way. */
const HANDLED = new Set([
  'width',
  'align',
  'lineGap',
  'characterSpacing',
  'lineBreak',
  'columns',
  'columnGap',
  'rotation',
]);
const ALIGNS = new Set([undefined, 'left', 'right', 'center']);
const MAX_TEXTS = 50_000;

const wrapsByFont = new WeakMap<object, LastingCache<WrappedLine[]>>();

function wrapsOf(font: object): LastingCache<WrappedLine[]> {
  let wraps = wrapsByFont.get(font);
  if (!wraps) wrapsByFont.set(font, (wraps = new LastingCache(MAX_TEXTS)));
  return wraps;
}

/**
 * The key of a text's wrap in its font, or null when pdfkit's own way must run: a text continued from or to
 * another, or an option the wrapper reads beyond the width and the spacing between letters.
 */
function wrapKey(doc: TextDocument, text: string, options: TextOptions): string | null {
  if (doc._wrapper || doc._textOptions || !doc._font?.font || !options.width) return null;
  for (const key of Object.keys(options)) if (!HANDLED.has(key)) return null;
  if (!ALIGNS.has(options.align as string | undefined) || options.columns !== 0 || options.rotation !== 0) return null;
  return `${doc._fontSize}\u0000${options.width}\u0000${options.characterSpacing ?? 0}\u0000${text}`;
}

const record = (text: string, o: TextOptions): WrappedLine => ({
  text,
  textWidth: o.textWidth!,
  wordCount: o.wordCount!,
  lineWidth: o.lineWidth!,
});

/**
 * Makes the document's `text` and `heightOfString` lay a text out in lines once per font, size and width, for
 * every document after it. pdfkit wraps each text anew, word by word, and the statements' table cells are
 * wrapped twice (measured, then drawn), in every one of ten thousand statements: about a third of a statement's
 * rendering. What the wrapper decides depends on the text, the font, its size, the width and the spacing
 * between letters only, unless it breaks the page; so a wrap is reused only where the text fits the page with
 * room to spare, and every line is then drawn by pdfkit's own `_line` with the options the wrapper would have
 * set, in its order: the same bytes (test/documents/statement-bytes.test.ts).
 */
export function shareWraps(pdf: PDFKit.PDFDocument): void {
  const doc = pdf as unknown as TextDocument;
  const text = doc.text;
  const heightOfString = doc.heightOfString;

  const fitsThePage = (lines: number, lineGap: number) =>
    doc.y + (lines + 1) * (doc.currentLineHeight(true) + lineGap) + 1 < doc.page.maxY();

  doc.heightOfString = function (this: TextDocument, value: unknown, given?: unknown) {
    const string = value == null ? '' : `${value as string}`;
    const options = this._initOptions(given);
    const key = wrapKey(this, string, options);
    if (key === null) return heightOfString.call(this, value, given);
    const wraps = wrapsOf(this._font!.font!);
    const lineGap = options.lineGap || this._lineGap || 0;
    const { x, y } = this;
    let lines = wraps.get(key);
    if (!lines) {
      // pdfkit's heightOfString, recording the lines.
      const recorded: WrappedLine[] = [];
      options.height = Infinity;
      this._text(string, this.x, this.y, options, (line, o) => {
        recorded.push(record(line, o));
        this.y += this.currentLineHeight(true) + lineGap;
      });
      wraps.set(key, (lines = recorded));
    } else {
      for (let i = 0; i < lines.length; i++) this.y += this.currentLineHeight(true) + lineGap;
    }
    const height = this.y - y;
    this.x = x;
    this.y = y;
    return height;
  };

  doc.text = function (this: TextDocument, value: unknown, atX?: unknown, atY?: unknown, given?: unknown) {
    const string = value == null ? '' : `${value as string}`;
    const probe = this._initOptions(atX, atY, given);
    const key = wrapKey(this, string, probe);
    if (key === null) return text.call(this, value, atX, atY, given);
    const wraps = wrapsOf(this._font!.font!);
    const lineGap = probe.lineGap || this._lineGap || 0;
    const lines = wraps.get(key);
    if (lines && fitsThePage(lines.length, lineGap)) {
      // What _text and LineWrapper.wrap do for a text that fits: each line drawn, the position back at x.
      const options = probe;
      const startX = this.x;
      this._wrapper = null;
      this._textOptions = null;
      for (const line of lines) {
        options.textWidth = line.textWidth;
        options.wordCount = line.wordCount;
        options.lineWidth = line.lineWidth;
        this._line(line.text, options, true);
      }
      this.x = startX;
      return this;
    }
    const recorded: WrappedLine[] = [];
    const page = this.page;
    const line = this._line;
    this._line = (drawn, o, wrapper) => {
      recorded.push(record(drawn, o));
      line.call(this, drawn, o, wrapper);
    };
    try {
      text.call(this, value, atX, atY, given);
    } finally {
      this._line = line;
    }
    if (this.page === page && !lines) wraps.set(key, recorded);
    return this;
  };
}
