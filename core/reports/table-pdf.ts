import { FONT_BOLD, FONT_REGULAR } from '../documents/fonts';
import { createPdf, finishPdf } from '../documents/pdf';
import { formatYen } from '../money';
import type { CalendarDate } from '../time';
import type { ReportTable } from './report-table';

const MARGIN = 36;
const ROW = 14;
const SIZE = 8;

/**
 * A report table as a landscape-width A4 PDF: title, subtitle, a header row repeated on each page, numeric
 * columns right-aligned with thousands separators. `date` (the report's date) is the PDF's creation date, so
 * the same report gives the same bytes.
 */
export async function reportPdf(table: ReportTable, date: CalendarDate): Promise<Buffer> {
  const doc = createPdf({ title: table.title, author: 'backoffice', date });
  const width = doc.page.width - MARGIN * 2;
  // Text columns get twice the room of numeric ones.
  const weights = table.columns.map((c) => (c.numeric ? 1 : 2));
  const unit = width / weights.reduce((a, b) => a + b, 0);
  const xs: number[] = [];
  weights.reduce((x, w) => (xs.push(x), x + w * unit), MARGIN);
  let y = MARGIN;
  const line = (cells: string[], bold: boolean) => {
    doc.font(bold ? FONT_BOLD : FONT_REGULAR).fontSize(SIZE);
    cells.forEach((cell, i) => {
      const c = table.columns[i]!;
      const text = c.numeric && /^-?\d+$/.test(cell) ? formatYen(cell) : cell;
      doc.text(text, xs[i]! + 2, y + 3, {
        width: weights[i]! * unit - 4,
        align: c.numeric ? 'right' : 'left',
        lineBreak: false,
        ellipsis: true,
      });
    });
    doc
      .moveTo(MARGIN, y + ROW)
      .lineTo(MARGIN + width, y + ROW)
      .lineWidth(0.3)
      .stroke('#999999');
    y += ROW;
  };
  const header = () =>
    line(
      table.columns.map((c) => c.label),
      true,
    );
  doc.font(FONT_BOLD).fontSize(14).text(table.title, MARGIN, y);
  y += 22;
  doc.font(FONT_REGULAR).fontSize(9).text(table.subtitle, MARGIN, y);
  y += 18;
  header();
  for (const row of table.rows) {
    if (y + ROW > doc.page.height - MARGIN) {
      doc.addPage();
      y = MARGIN;
      header();
    }
    line(row, row[0] === '合計');
  }
  return finishPdf(doc);
}
