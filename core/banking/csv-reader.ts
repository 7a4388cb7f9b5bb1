import { InputError } from '../errors';

/** One CSV row with the 1-based line it starts on. */
export interface CsvRow {
  line: number;
  fields: string[];
}

/**
 * RFC 4180 CSV: comma-separated, fields optionally in double quotes ("" for a quote inside), CRLF or LF
 * line ends, line breaks allowed inside quotes. One pass over the text, so it always ends.
 */
export function readCsv(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let afterQuote = false;
  let line = 1;
  let rowLine = 1;
  let quoteLine = 1;

  const endField = (): void => {
    fields.push(field);
    field = '';
    afterQuote = false;
  };
  const endRow = (): void => {
    endField();
    rows.push({ line: rowLine, fields });
    fields = [];
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
          afterQuote = true;
        }
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"') {
      if (field !== '' || afterQuote)
        throw InputError.one(`line ${line}`, 'bank_file.csv_quote', 'a quote inside an unquoted field');
      quoted = true;
      quoteLine = line;
    } else if (ch === ',') {
      endField();
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      if (afterQuote) throw InputError.one(`line ${line}`, 'bank_file.csv_quote', 'text after a closing quote');
      field += ch;
    }
  }
  if (quoted) throw InputError.one(`line ${quoteLine}`, 'bank_file.csv_quote', 'a quoted field is never closed');
  if (field !== '' || fields.length > 0 || afterQuote) endRow();
  return rows;
}
