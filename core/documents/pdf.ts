import PDFDocument from 'pdfkit';
import { jstMidnight, type CalendarDate } from '../time';
import { defaultFontOption, registerJapaneseFonts } from './fonts';
import { beginDocument } from './lasting-cache';
import { reuseOpenFonts } from './open-fonts';
import { shareWordLayouts } from './shared-layout';
import { shareWraps } from './shared-wraps';
import { joinStreamText } from './stream-text';
import { drawingStart, drawnDocument, type DrawnDocument } from './replay';
import { PAGE_OPTIONS, drawBusinessDocument, numberPages, type BusinessDocument } from './layout';

export interface PdfInfo {
  title: string;
  author: string;
  /** The document's date; it is also the PDF's CreationDate, so the same input gives the same bytes. */
  date: CalendarDate;
}

/** A new A4 document with the Japanese fonts registered and pages buffered for numbering. */
export function createPdf(info: PdfInfo): PDFKit.PDFDocument {
  beginDocument();
  const created = new Date(jstMidnight(info.date));
  const doc = new PDFDocument({
    ...PAGE_OPTIONS,
    ...defaultFontOption(),
    bufferPages: true,
    lang: 'ja-JP',
    info: { Title: info.title, Author: info.author, Creator: info.author, CreationDate: created, ModDate: created },
  });
  reuseOpenFonts(doc);
  shareWordLayouts(doc);
  shareWraps(doc);
  joinStreamText(doc);
  registerJapaneseFonts(doc);
  return doc;
}

/** Draws a business document on the current (fresh) page and numbers its pages. */
export function appendDocument(doc: PDFKit.PDFDocument, d: BusinessDocument): void {
  const { firstPage } = drawBusinessDocument(doc, d);
  numberPages(doc, firstPage, d.title, d.number, d.watermark);
}

/** Ends the document and collects its bytes. */
export function finishPdf(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** A document checked and laid out as data, ready to draw alone or in a batch. */
export interface BuiltDocument {
  document: BusinessDocument;
  /** The issue date, also the PDF's creation date. */
  date: CalendarDate;
}

function ownPdf({ document, date }: BuiltDocument): PDFKit.PDFDocument {
  return createPdf({ title: `${document.title} ${document.number}`, author: document.seller.name, date });
}

/** One business document drawn on a PDF of its own, not yet ended, with what it drew (replay.ts). */
export function drawBuilt(built: BuiltDocument): { doc: PDFKit.PDFDocument; drawn: DrawnDocument | null } {
  const doc = ownPdf(built);
  const start = drawingStart(doc);
  appendDocument(doc, built.document);
  return { doc, drawn: drawnDocument(doc, start) };
}

/** One business document as one PDF. */
export function renderBuilt(built: BuiltDocument): Promise<Buffer> {
  const doc = ownPdf(built);
  appendDocument(doc, built.document);
  return finishPdf(doc);
}
