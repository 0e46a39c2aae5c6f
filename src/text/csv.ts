// CSV as spreadsheets read and write it (RFC 4180, UTF-8 with BOM, CSV-injection guard): one
// writer and one reader for the report view, the checklist and its import.

// Spreadsheet programs run a cell that starts with one of these as a formula (CSV injection), so
// such cells get a leading apostrophe, which Excel and LibreOffice show as text and hide.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One RFC 4180 field: formula guard, then quoted when it holds a comma, quote or line break. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV file: UTF-8 byte-order mark (so Excel reads UTF-8), CRLF line ends per RFC 4180. */
export function csvFile(rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return `\ufeff${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Undoes csvCell's formula guard on a parsed field. */
function unguard(field: string): string {
  return field.startsWith("'") && FORMULA_START.test(field.slice(1)) ? field.slice(1) : field;
}

/** A CSV text whose quoted field runs to the end: the row (counted from 1) where that field's row starts. */
export class UnclosedQuote extends Error {
  constructor(readonly row: number) {
    super(`row ${row}: a quoted field is never closed`);
  }
}

/**
 * Parses CSV text (RFC 4180: quoted fields, doubled quotes, CRLF or LF) into rows of fields, with the
 * byte-order mark dropped and the formula guard undone. Throws on an unterminated quote, naming its row.
 * The delimiter is a comma, or a tab for what Excel saves as Unicode text.
 */
export function parseCsv(text: string, delimiter: ',' | '\t' = ','): string[][] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let rowStart = 1;
  let line = 1;
  const endField = () => {
    row.push(unguard(field));
    field = '';
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quoted) {
      if (c === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
    } else if (c === delimiter) endField();
    else if (c === '\r' || c === '\n') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
      line++;
      rowStart = line;
    } else field += c;
  }
  if (quoted) throw new UnclosedQuote(rowStart);
  if (field !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}
