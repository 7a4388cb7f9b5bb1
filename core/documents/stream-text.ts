/** pdfkit 0.20's PDFReference (every PDF object, its stream included), as far as writing its stream goes. */
interface PdfReference {
  buffer: Uint8Array[];
  data: { Length?: number; Filter?: string };
  compress: boolean;
  uncompressedLength: number;
  write(chunk: unknown): void;
  finalize(): void;
  /** Text written since the last bytes, not yet turned into bytes. */
  pendingText?: string;
}

const patched = new WeakSet<object>();
/** The bytes turned from text here, as opposed to bytes written to a stream as they are. */
const textChunks = new WeakSet<Uint8Array>();
/** Characters of text turned into bytes at a time: a page of a statement is about 17,000. */
const TEXT_RUN = 16_384;

function flushText(ref: PdfReference): void {
  if (!ref.pendingText) return;
  // pdfkit's fromBinaryString keeps each character's low byte, as Buffer's latin1 does.
  const bytes = Buffer.from(ref.pendingText, 'latin1');
  textChunks.add(bytes);
  ref.buffer.push(bytes);
  ref.pendingText = '';
}

/** The text written so far to a stream (a page's operators) not yet ended, or null if bytes were written to it. */
export function streamText(stream: object): string | null {
  const ref = stream as PdfReference;
  if (!patched.has(Object.getPrototypeOf(ref) as object)) return null;
  let text = '';
  for (const chunk of ref.buffer) {
    if (!textChunks.has(chunk)) return null;
    text += Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
  }
  return text + (ref.pendingText ?? '');
}

/**
 * Makes pdfkit keep the text written to a stream (a page's drawing operators, hundreds a page) as one string
 * until bytes are needed, instead of turning each operator into its own array of bytes: the stream's bytes are
 * the same, its `Length` and `uncompressedLength` move as before, and a volume of a thousand statements no
 * longer holds half a million small arrays until it ends. Patches pdfkit's PDFReference once, found from a
 * document's catalog (the class is not exported).
 */
export function joinStreamText(doc: PDFKit.PDFDocument): void {
  const proto = Object.getPrototypeOf((doc as unknown as { _root: object })._root) as PdfReference;
  if (patched.has(proto)) return;
  patched.add(proto);
  const write = proto.write;
  const finalize = proto.finalize;
  proto.write = function (this: PdfReference, chunk: unknown) {
    if (chunk instanceof Uint8Array) {
      flushText(this);
      write.call(this, chunk);
      return;
    }
    // What pdfkit's write does with text, but for the bytes.
    const text = `${chunk as string}\n`;
    this.pendingText = (this.pendingText ?? '') + text;
    // A long run of joined strings is a chain of small ones until flattened: bytes now, before it is kept long.
    if (this.pendingText.length >= TEXT_RUN) flushText(this);
    this.uncompressedLength += text.length;
    if (this.data.Length == null) this.data.Length = 0;
    this.data.Length += text.length;
    if (this.compress) this.data.Filter = 'FlateDecode';
  };
  proto.finalize = function (this: PdfReference) {
    flushText(this);
    finalize.call(this);
  };
}
