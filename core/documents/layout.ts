import { FONT_BOLD, FONT_REGULAR } from './fonts';
import { accountTypeLabel, addresseeLines } from './format';
import type { Addressee, SellerProfile } from './types';

/** A label and its value, already formatted for print. */
export interface KeyValue {
  label: string;
  value: string;
}

/** A row of the line-items table; every figure is already formatted. */
export type TableRow =
  | { kind: 'item'; name: string; quantity: string; unitPrice: string; amount: string }
  | { kind: 'group'; label: string }
  | { kind: 'subtotal'; label: string; amount: string };

export interface TotalRow extends KeyValue {
  /** The bottom line of the totals (合計, ご請求金額): bold, ruled above. */
  strong?: boolean;
}

/**
 * Everything one Japanese business document prints, in the order it prints it. Each renderer fills one of
 * these from its own data; this module alone decides where things go on the page.
 */
export interface BusinessDocument {
  /** 見積書, 請求書, プリペイドID発行のお知らせ */
  title: string;
  number: string;
  /** Already formatted: 2026年10月1日 */
  issueDate: string;
  /** Printed under the number and the issue date (有効期限, お支払期限, 請求対象期間...). */
  headerFields: KeyValue[];
  addressee: Addressee;
  subject: string;
  /** One polite sentence above the amount (下記の通りご請求申し上げます。). */
  greeting: string;
  /** The amount in large type: label, ¥110,000-, (税込). */
  headline: { label: string; amount: string; note: string };
  seller: SellerProfile;
  /** A boxed value shown once in large type (the prepaid ID code). */
  highlight?: { label: string; value: string; caption?: string };
  items?: TableRow[];
  totals?: TotalRow[];
  /** One small line under the totals (how the tax was computed). */
  totalsCaption?: string;
  /** Boxed label/value lists: payment details, registration details. */
  blocks?: { heading: string; rows: KeyValue[] }[];
  /** Headed paragraphs or numbered steps (how to register). */
  sections?: { heading: string; lines: string[] }[];
  notes?: string[];
  /** Footnotes under the totals, each opened by its mark (※1 …). */
  footnotes?: string[];
  /** Printed large across every page: DRAFT / 下書き on a draft's preview. */
  watermark?: string;
}

const PAGE_WIDTH = 595.28; // A4 in points
const PAGE_HEIGHT = 841.89;
const MARGIN = 42;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const RIGHT = PAGE_WIDTH - MARGIN;
/** Content stops here; the page number goes below. */
const BOTTOM = PAGE_HEIGHT - 56;
const LEFT_COLUMN_WIDTH = 290;
const RIGHT_COLUMN_X = RIGHT - 205;
const RIGHT_COLUMN_WIDTH = 205;
const SEAL_SIZE = 52;

const INK = '#1a1a1a';
const MUTED = '#555555';
const RULE = '#b8bec8';
const HEADER_FILL = '#e6ebf2';
const GROUP_FILL = '#f4f6f9';
const ACCENT = '#1f3a68';

const COLUMNS = [
  { title: '品目', width: CONTENT_WIDTH - 260, align: 'left' as const },
  { title: '数量', width: 90, align: 'right' as const },
  { title: '単価', width: 80, align: 'right' as const },
  { title: '金額', width: 90, align: 'right' as const },
];
const CELL_PAD = 5;
const TABLE_FONT_SIZE = 9;

/** The page options every document uses: A4, and no pdfkit margins (this module places everything itself). */
export const PAGE_OPTIONS = { size: 'A4', margin: 0 } as const;

/**
 * Draws one business document starting on the current page (which must be fresh), breaking pages as the
 * items require and repeating the document and table headers on each new page. Returns the index of the
 * document's first page among the buffered pages, for numbering.
 */
export function drawBusinessDocument(doc: PDFKit.PDFDocument, d: BusinessDocument): { firstPage: number } {
  const range = doc.bufferedPageRange();
  const firstPage = range.start + range.count - 1;
  const page = new PageFlow(doc, d);

  drawFirstPageHeader(doc, d);
  if (d.highlight) drawHighlight(page, d.highlight);
  if (d.items) drawItemsTable(page, d.items);
  if (d.totals) drawTotals(page, d.totals, d.totalsCaption);
  if (d.footnotes && d.footnotes.length > 0) drawSection(page, '注記', d.footnotes);
  for (const block of d.blocks ?? []) drawBlock(page, block.heading, block.rows);
  for (const section of d.sections ?? []) drawSection(page, section.heading, section.lines);
  if (d.notes && d.notes.length > 0) drawSection(page, '備考', d.notes);
  return { firstPage };
}

/** Writes "1 / 2" at the foot of each page of a document drawn from `firstPage` to the last buffered page. */
export function numberPages(
  doc: PDFKit.PDFDocument,
  firstPage: number,
  title: string,
  number: string,
  watermark?: string,
): void {
  const range = doc.bufferedPageRange();
  const last = range.start + range.count - 1;
  const count = last - firstPage + 1;
  for (let i = firstPage; i <= last; i++) {
    doc.switchToPage(i);
    if (watermark) drawWatermark(doc, watermark);
    doc.font(FONT_REGULAR).fontSize(7.5).fillColor(MUTED);
    doc.text(`${title}  No. ${number}    ${i - firstPage + 1} / ${count}`, MARGIN, PAGE_HEIGHT - 36, {
      width: CONTENT_WIDTH,
      align: 'center',
    });
  }
  doc.switchToPage(last);
}

/** Tracks the vertical position and opens a continuation page when the next thing does not fit. */
class PageFlow {
  y = 0;
  /** Draws the table header again after a break while the table is being drawn. */
  onBreak: (() => void) | null = null;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly d: BusinessDocument,
  ) {}

  ensure(height: number): void {
    if (this.y + height <= BOTTOM) return;
    this.doc.addPage(PAGE_OPTIONS);
    this.y = drawContinuationHeader(this.doc, this.d);
    this.onBreak?.();
  }
}

function drawFirstPageHeader(doc: PDFKit.PDFDocument, d: BusinessDocument): void {
  // Title, centred, with a double rule under it.
  doc.font(FONT_BOLD).fontSize(22).fillColor(ACCENT);
  doc.text(d.title, MARGIN, 40, { width: CONTENT_WIDTH, align: 'center', characterSpacing: 6 });
  doc.moveTo(MARGIN, 74).lineTo(RIGHT, 74).lineWidth(1.2).strokeColor(ACCENT).stroke();
  doc.moveTo(MARGIN, 77).lineTo(RIGHT, 77).lineWidth(0.4).stroke();

  // Right column: number, dates, then the seller.
  let right = 90;
  const meta: KeyValue[] = [
    { label: 'No.', value: d.number },
    { label: '発行日', value: d.issueDate },
    ...d.headerFields,
  ];
  doc.font(FONT_REGULAR).fontSize(8.5).fillColor(INK);
  for (const field of meta) {
    doc.fillColor(MUTED).text(field.label, RIGHT_COLUMN_X, right, { width: 78 });
    doc
      .fillColor(INK)
      .text(field.value, RIGHT_COLUMN_X + 78, right, { width: RIGHT_COLUMN_WIDTH - 78, align: 'right' });
    right = doc.y + 2;
  }
  right = drawSeller(doc, d.seller, right + 12);

  // Left column: addressee, greeting, subject, amount.
  let left = 92;
  const a = d.addressee;
  doc.font(FONT_REGULAR).fontSize(8.5).fillColor(MUTED);
  if (a.postalCode) {
    doc.text(`〒${a.postalCode}`, MARGIN, left, { width: LEFT_COLUMN_WIDTH });
    left = doc.y;
  }
  if (a.address) {
    doc.text(a.address, MARGIN, left, { width: LEFT_COLUMN_WIDTH });
    left = doc.y + 4;
  }
  const names = addresseeLines(a);
  doc.font(FONT_BOLD).fontSize(14).fillColor(INK);
  doc.text(names.name, MARGIN, left, { width: LEFT_COLUMN_WIDTH });
  left = doc.y + 1;
  if (names.contact) {
    doc.font(FONT_REGULAR).fontSize(11).text(names.contact, MARGIN, left, { width: LEFT_COLUMN_WIDTH });
    left = doc.y + 1;
  }
  doc
    .moveTo(MARGIN, left)
    .lineTo(MARGIN + LEFT_COLUMN_WIDTH, left)
    .lineWidth(0.8)
    .strokeColor(INK)
    .stroke();
  left += 12;

  doc.font(FONT_REGULAR).fontSize(9).fillColor(INK);
  doc.text(d.greeting, MARGIN, left, { width: LEFT_COLUMN_WIDTH });
  left = doc.y + 8;
  doc.fillColor(MUTED).text('件名', MARGIN, left, { width: 40 });
  doc.fillColor(INK).text(d.subject, MARGIN + 40, left, { width: LEFT_COLUMN_WIDTH - 40 });
  left = doc.y + 12;

  // The amount, in large type on a tinted band.
  const bandHeight = 40;
  doc.rect(MARGIN, left, LEFT_COLUMN_WIDTH, bandHeight).fillColor(GROUP_FILL).fill();
  doc
    .moveTo(MARGIN, left + bandHeight)
    .lineTo(MARGIN + LEFT_COLUMN_WIDTH, left + bandHeight)
    .lineWidth(1.5)
    .strokeColor(ACCENT)
    .stroke();
  doc
    .font(FONT_BOLD)
    .fontSize(11)
    .fillColor(INK)
    .text(d.headline.label, MARGIN + 8, left + 13, { width: 90 });
  const amountWidth = LEFT_COLUMN_WIDTH - 100 - 48;
  doc.fontSize(19).text(d.headline.amount, MARGIN + 96, left + 7, { width: amountWidth, align: 'right' });
  doc
    .font(FONT_REGULAR)
    .fontSize(9)
    .text(d.headline.note, MARGIN + 100 + amountWidth, left + 17, { width: 44 });
  left += bandHeight;

  doc.y = Math.max(left, right) + 18;
}

/**
 * The seller block. The registration number is printed only when the document passes it (a qualified invoice,
 * R-TAX-4); the seal (角印) is placed over the right end of the seller's name, as it is stamped on paper.
 */
function drawSeller(doc: PDFKit.PDFDocument, s: SellerProfile, top: number): number {
  doc.font(FONT_BOLD).fontSize(10.5).fillColor(INK).text(s.name, RIGHT_COLUMN_X, top, { width: RIGHT_COLUMN_WIDTH });
  doc.font(FONT_REGULAR).fontSize(8).fillColor(INK);
  const lines = [
    ...(s.postalCode ? [`〒${s.postalCode}`] : []),
    s.address,
    ...(s.phone ? [`TEL ${s.phone}`] : []),
    ...(s.email ? [s.email] : []),
    ...(s.contactName ? [`担当 ${s.contactName}`] : []),
    ...(s.registrationNumber ? [`登録番号 ${s.registrationNumber}`] : []),
  ];
  doc.text(lines.join('\n'), RIGHT_COLUMN_X, doc.y + 2, { width: RIGHT_COLUMN_WIDTH, lineGap: 1 });
  const bottom = doc.y;
  if (s.sealPng) {
    doc.image(Buffer.from(s.sealPng, 'base64'), RIGHT - SEAL_SIZE, top - 6, { fit: [SEAL_SIZE, SEAL_SIZE] });
    doc.y = bottom;
  }
  return bottom;
}

/** A large mark across every page of a document that is not issued (a draft's preview). */
function drawWatermark(doc: PDFKit.PDFDocument, text: string): void {
  doc.save();
  doc.rotate(-35, { origin: [PAGE_WIDTH / 2, PAGE_HEIGHT / 2] });
  doc
    .font(FONT_BOLD)
    .fontSize(64)
    .fillColor('#c0392b')
    .fillOpacity(0.18)
    .text(text, 0, PAGE_HEIGHT / 2 - 40, { width: PAGE_WIDTH, align: 'center', lineBreak: false });
  doc.restore();
}

/** A slim header at the top of every continuation page: title, number and addressee. */
function drawContinuationHeader(doc: PDFKit.PDFDocument, d: BusinessDocument): number {
  doc.font(FONT_BOLD).fontSize(12).fillColor(ACCENT).text(`${d.title}（続き）`, MARGIN, 36, { width: 200 });
  doc.font(FONT_REGULAR).fontSize(8.5).fillColor(INK);
  doc.text(`No. ${d.number}　${addresseeLines(d.addressee).name}`, RIGHT - 300, 40, { width: 300, align: 'right' });
  doc.moveTo(MARGIN, 58).lineTo(RIGHT, 58).lineWidth(0.8).strokeColor(ACCENT).stroke();
  return 70;
}

function drawHighlight(page: PageFlow, h: NonNullable<BusinessDocument['highlight']>): void {
  const doc = page.doc;
  page.y = doc.y;
  const height = h.caption ? 78 : 62;
  page.ensure(height + 12);
  const x = MARGIN + 60;
  const width = CONTENT_WIDTH - 120;
  doc.rect(x, page.y, width, height).lineWidth(1.2).strokeColor(ACCENT).stroke();
  doc
    .font(FONT_REGULAR)
    .fontSize(9)
    .fillColor(MUTED)
    .text(h.label, x, page.y + 8, { width, align: 'center' });
  doc
    .font(FONT_BOLD)
    .fontSize(20)
    .fillColor(INK)
    .text(h.value, x, page.y + 22, { width, align: 'center', characterSpacing: 2 });
  if (h.caption)
    doc
      .font(FONT_REGULAR)
      .fontSize(8)
      .fillColor(MUTED)
      .text(h.caption, x, page.y + 56, { width, align: 'center' });
  page.y += height + 16;
  doc.y = page.y;
}

function drawTableHeader(page: PageFlow): void {
  const doc = page.doc;
  const height = 18;
  doc.rect(MARGIN, page.y, CONTENT_WIDTH, height).fillColor(HEADER_FILL).fill();
  doc.font(FONT_BOLD).fontSize(TABLE_FONT_SIZE).fillColor(INK);
  let x = MARGIN;
  for (const column of COLUMNS) {
    doc.text(column.title, x, page.y + 4, { width: column.width, align: 'center' });
    x += column.width;
  }
  page.y += height;
}

function rowHeight(doc: PDFKit.PDFDocument, row: TableRow): number {
  if (row.kind !== 'item') return 17;
  doc.font(FONT_REGULAR).fontSize(TABLE_FONT_SIZE);
  const cells = [row.name, row.quantity, row.unitPrice, row.amount];
  const tallest = Math.max(
    ...COLUMNS.map((c, i) => doc.heightOfString(cells[i] ?? '', { width: c.width - 2 * CELL_PAD })),
  );
  return Math.max(17, tallest + 6);
}

function drawItemsTable(page: PageFlow, rows: TableRow[]): void {
  const doc = page.doc;
  page.y = doc.y;
  page.ensure(18 + 17);
  drawTableHeader(page);
  page.onBreak = () => drawTableHeader(page);
  for (const row of rows) {
    const height = rowHeight(doc, row);
    page.ensure(height);
    drawRow(doc, row, page.y, height);
    page.y += height;
  }
  page.onBreak = null;
  doc.moveTo(MARGIN, page.y).lineTo(RIGHT, page.y).lineWidth(0.8).strokeColor(INK).stroke();
  page.y += 10;
  doc.y = page.y;
}

function drawRow(doc: PDFKit.PDFDocument, row: TableRow, y: number, height: number): void {
  const textY = y + 4;
  if (row.kind === 'group') {
    doc.rect(MARGIN, y, CONTENT_WIDTH, height).fillColor(GROUP_FILL).fill();
    doc
      .font(FONT_BOLD)
      .fontSize(TABLE_FONT_SIZE)
      .fillColor(ACCENT)
      .text(row.label, MARGIN + CELL_PAD, textY, { width: CONTENT_WIDTH - 2 * CELL_PAD });
  } else if (row.kind === 'subtotal') {
    const labelWidth = CONTENT_WIDTH - COLUMNS[3]!.width;
    doc.font(FONT_REGULAR).fontSize(TABLE_FONT_SIZE).fillColor(INK);
    doc.text(row.label, MARGIN, textY, { width: labelWidth - CELL_PAD, align: 'right' });
    doc
      .font(FONT_BOLD)
      .text(row.amount, MARGIN + labelWidth, textY, { width: COLUMNS[3]!.width - CELL_PAD, align: 'right' });
  } else {
    doc.font(FONT_REGULAR).fontSize(TABLE_FONT_SIZE).fillColor(INK);
    const cells = [row.name, row.quantity, row.unitPrice, row.amount];
    let x = MARGIN;
    COLUMNS.forEach((column, i) => {
      doc.text(cells[i] ?? '', x + CELL_PAD, textY, { width: column.width - 2 * CELL_PAD, align: column.align });
      x += column.width;
    });
  }
  doc
    .moveTo(MARGIN, y + height)
    .lineTo(RIGHT, y + height)
    .lineWidth(0.4)
    .strokeColor(RULE)
    .stroke();
}

function drawTotals(page: PageFlow, totals: TotalRow[], caption: string | undefined): void {
  const doc = page.doc;
  const width = 260;
  const x = RIGHT - width;
  page.y = doc.y;
  page.ensure(totals.length * 18 + 8 + (caption ? 12 : 0));
  for (const row of totals) {
    const size = row.strong ? 11 : 9;
    if (row.strong) doc.moveTo(x, page.y).lineTo(RIGHT, page.y).lineWidth(0.8).strokeColor(INK).stroke();
    doc
      .font(row.strong ? FONT_BOLD : FONT_REGULAR)
      .fontSize(size)
      .fillColor(INK);
    doc.text(row.label, x + CELL_PAD, page.y + 4, { width: width - 110 });
    doc.text(row.value, RIGHT - 110, page.y + 4, { width: 110 - CELL_PAD, align: 'right' });
    page.y += row.strong ? 22 : 17;
  }
  if (caption) {
    doc
      .font(FONT_REGULAR)
      .fontSize(7.5)
      .fillColor(MUTED)
      .text(caption, MARGIN, page.y, { width: CONTENT_WIDTH - CELL_PAD, align: 'right' });
    page.y += 12;
  }
  page.y += 10;
  doc.y = page.y;
}

function drawHeading(page: PageFlow, heading: string): void {
  const doc = page.doc;
  doc.rect(MARGIN, page.y, 3, 14).fillColor(ACCENT).fill();
  doc
    .font(FONT_BOLD)
    .fontSize(10)
    .fillColor(INK)
    .text(heading, MARGIN + 9, page.y + 1, { width: CONTENT_WIDTH - 9 });
  page.y += 19;
}

function drawBlock(page: PageFlow, heading: string, rows: KeyValue[]): void {
  const doc = page.doc;
  page.y = doc.y;
  page.ensure(19 + rows.length * 15 + 16);
  drawHeading(page, heading);
  const top = page.y;
  page.y += 5;
  doc.font(FONT_REGULAR).fontSize(9);
  for (const row of rows) {
    doc.fillColor(MUTED).text(row.label, MARGIN + 10, page.y, { width: 120 });
    doc.fillColor(INK).text(row.value, MARGIN + 130, page.y, { width: CONTENT_WIDTH - 140 });
    page.y = Math.max(doc.y, page.y + 13) + 2;
  }
  page.y += 3;
  doc
    .rect(MARGIN, top, CONTENT_WIDTH, page.y - top)
    .lineWidth(0.5)
    .strokeColor(RULE)
    .stroke();
  page.y += 14;
  doc.y = page.y;
}

function drawSection(page: PageFlow, heading: string, lines: string[]): void {
  const doc = page.doc;
  page.y = doc.y;
  page.ensure(19 + 15);
  drawHeading(page, heading);
  doc.font(FONT_REGULAR).fontSize(8.5).fillColor(INK);
  for (const line of lines) {
    const height = doc.heightOfString(line, { width: CONTENT_WIDTH - 10 }) + 3;
    page.ensure(height);
    doc
      .font(FONT_REGULAR)
      .fontSize(8.5)
      .fillColor(INK)
      .text(line, MARGIN + 10, page.y, { width: CONTENT_WIDTH - 10 });
    page.y += height;
  }
  page.y += 12;
  doc.y = page.y;
}

/** The seller's bank accounts as payment-block rows: where the customer transfers to (振込先 1, 2… when several). */
export function bankAccountRows(s: SellerProfile): KeyValue[] {
  const many = s.bankAccounts.length > 1;
  if (s.bankAccounts.length === 0) return [{ label: '振込先', value: '別途ご案内いたします' }];
  return s.bankAccounts.flatMap((b, i) => [
    { label: many ? `金融機関（振込先${i + 1}）` : '金融機関', value: `${b.bankName}（${b.bankCode}）` },
    { label: '支店', value: `${b.branchName}（${b.branchCode}）` },
    { label: '口座', value: `${accountTypeLabel(b.accountType)} ${b.accountNumber}` },
    { label: '口座名義', value: b.accountHolderKana },
  ]);
}
