// fontkit (installed with pdfkit, which parses fonts with it) ships no types; only what fonts.ts uses.
declare module 'fontkit' {
  /** A parsed font. pdfkit accepts it wherever it takes a font file, and reuses its parsed tables and glyphs. */
  export interface Font {
    postscriptName: string;
    layout(text: string, features?: unknown): unknown;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
