/** The parts of pdfkit 0.20's PDFDocument that choosing a font goes through (pdfkit's types list none of them). */
interface FontDocument {
  _registeredFonts: Record<string, { src: unknown; family: unknown } | undefined>;
  _fontFamilies: Record<string, { font: unknown } | undefined>;
  _fontCount: number;
  _fontSource: unknown;
  _fontFamily: unknown;
  _font: unknown;
  fontSize(size: unknown): unknown;
  font(src: unknown, family?: unknown, size?: unknown): unknown;
}

/**
 * Makes choosing a registered font that the document already has open take that font at once. pdfkit 0.20
 * remembers a font under its registered name only when it first opens it; a font opened first some other way
 * (the default font, given as a parsed font) is opened anew at every choice by name (a subset made, widths
 * read) only to be found equal to the open one by its name table and dropped: a fiftieth of a statement. What
 * it leaves is kept: the font id it counted, the source, family and size, and the open font as current.
 */
export function reuseOpenFonts(pdf: PDFKit.PDFDocument): void {
  const doc = pdf as unknown as FontDocument;
  const font = doc.font;
  doc.font = function (this: FontDocument, src: unknown, family?: unknown, size?: unknown) {
    const registered = typeof src === 'string' ? this._registeredFonts[src] : undefined;
    const name = (registered?.src as { postscriptName?: unknown } | undefined)?.postscriptName;
    const open = typeof name === 'string' ? this._fontFamilies[name] : undefined;
    if (!registered || this._fontFamilies[src as string] || open?.font !== registered.src)
      return font.call(this, src, family, size);
    if (typeof family === 'number') size = family;
    this._fontSource = registered.src;
    this._fontFamily = registered.family;
    if (size != null) this.fontSize(size);
    this._fontCount++;
    this._font = open;
    return this;
  };
}
