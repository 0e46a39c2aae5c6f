// The one reader of tables users fill in and hand back: CSV as Excel saves it (UTF-8 with a BOM,
// GBK on Chinese Windows, UTF-16 "Unicode text" with tabs) and Excel workbooks. Every cell is read
// through one gate, so what cannot be kept in a text file (control characters, formulas Excel never
// calculated) is refused naming the cell, whichever command reads the table.
import { extname } from 'node:path';
import { inputError, type ErrorWords } from '../errors.js';
import { parseCsv, UnclosedQuote } from '../text/csv.js';
import type { MessageArg, MessageRef } from '../messages/catalogue.js';
import { groupDigits } from '../text/numbers.js';
import { decodeTextBytes } from './text-decode.js';
import { readInputFile } from './input-file.js';
import { readWorkbookSheets, WorkbookProblem, type WorkbookSheet } from './xlsx.js';
import { checkedArchive, XLSX_LIMITS } from './zip-guard.js';

/** A cell's value: its text, or a number Excel stored as a number; '' when empty. */
export type CellValue = string | number;

/** One table: a CSV file or one worksheet. Rows and columns count from 0; messages count as spreadsheets do. */
export interface Table {
  /** The worksheet's name; null for a CSV file. */
  sheet: string | null;
  /** How many rows the table spans, the header included. */
  rowCount: number;
  /** How many cells a row spans. */
  width(row: number): number;
  /** A cell's value; throws an InputError naming the cell when its text cannot be kept or its formula has no result. */
  cell(row: number, column: number): CellValue;
  /** Where a cell is, worded in the run's language: `filled.xlsx: 工作表「材料清单」第 3 行 G 列（负责人）`. */
  where(row: number, column: number): MessageRef;
  /** What reading changed and the user should know (a Word line break read as a new line), each naming its cell. */
  readonly notes: ErrorWords[];
}

/** What a table file may be: `expected` completes every refusal ("expected a checklist (.xlsx or .csv)"). */
export interface TableLimits {
  expected: MessageArg;
  maxRows: number;
  /** The file on disk. */
  maxBytes: number;
}

/** Column letters as spreadsheets show them: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The file kinds readTables reads, by extension. */
export const TABLE_EXTENSIONS = ['.csv', '.xlsx'] as const;

// Word pastes its manual line break (Shift+Enter) as a vertical tab and its page break as a form
// feed; in a cell both plainly mean a new line. Every other C0 control, DEL, the C1 controls and
// U+FFFD (a character some earlier program could not decode) would be written into the answers
// file, which then no longer reads as text.
const WORD_BREAK = /[\u000B\u000C]/;
const NOT_KEPT = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\uFFFD]/u;

const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * A cell's text as the answers file can keep it: line ends as "\n", Word's breaks read as new lines
 * (with a note naming the cell), and any other control character refused naming the cell. Every
 * cell a user hands back passes here, whichever file it came in.
 */
export function keptText(value: string, where: () => MessageArg, notes: ErrorWords[]): string {
  let text = value.replace(/\r\n?/g, '\n');
  if (WORD_BREAK.test(text)) {
    text = text.replace(/[\u000B\u000C]/g, '\n');
    notes.push({ key: 'note.word-line-break', args: { where: where() } });
  }
  const bad = NOT_KEPT.exec(text)?.[0];
  if (bad) throw inputError('error.cell.control-character', { where: where(), char: codePoint(bad) });
  return text;
}

/**
 * A table over any cell source, with the one text gate every cell passes. `place` says where a cell
 * is; below the first row, the column's header is added, as users know columns by their headers.
 */
function table(
  sheet: string | null,
  rowCount: number,
  width: (row: number) => number,
  raw: (row: number, column: number, where: () => MessageRef) => CellValue,
  place: (row: number, column: number) => MessageRef,
): Table {
  const notes: ErrorWords[] = [];
  const headerOf = (column: number) => {
    try {
      return String(raw(0, column, () => place(0, column))).trim();
    } catch {
      return '';
    }
  };
  const where = (row: number, column: number): MessageRef => {
    const header = row > 0 ? headerOf(column) : '';
    return header ? { key: 'where.with-header', args: { place: place(row, column), header } } : place(row, column);
  };
  return {
    sheet,
    rowCount,
    width,
    notes,
    where,
    cell(row, column) {
      const value = raw(row, column, () => where(row, column));
      return typeof value === 'number' ? value : keptText(value, () => where(row, column), notes);
    },
  };
}

/** Reads a CSV file's bytes: UTF-8 (BOM or not), UTF-16 with a BOM, or GBK; commas, or tabs when the header has no comma. */
function csvTable(bytes: Uint8Array, shown: string, limits: TableLimits): Table {
  const decoded = decodeTextBytes(bytes, { controls: true });
  if (!decoded) throw inputError('error.file.not-table-text', { file: shown, expected: limits.expected });
  const firstLine = decoded.text.slice(0, decoded.text.search(/\r|\n|$/));
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  let grid: string[][];
  try {
    grid = parseCsv(decoded.text, delimiter);
  } catch (error) {
    if (!(error instanceof UnclosedQuote)) throw error;
    throw inputError('error.file.problem', { file: shown, problem: { key: 'problem.csv.unclosed-quote', args: { row: error.row } }, expected: limits.expected });
  }
  if (grid.length > limits.maxRows) throw inputError('error.file.too-many-rows', { file: shown, rows: groupDigits(limits.maxRows), expected: limits.expected });
  return table(null, grid.length, (row) => grid[row]?.length ?? 0, (row, column) => grid[row]?.[column] ?? '', (row, column) => ({ key: 'where.row-column', args: { file: shown, row: row + 1, column: columnLetter(column) } }));
}

/** Reads every worksheet of an .xlsx file by streaming, after the ZIP guard has checked what it unpacks to. */
function workbookTables(bytes: Buffer, shown: string, limits: TableLimits): Table[] {
  const archive = checkedArchive(bytes, XLSX_LIMITS);
  if (archive.problem) throw inputError('error.file.problem', { file: shown, problem: archive.problem.words, expected: limits.expected });
  let sheets: WorkbookSheet[];
  try {
    sheets = readWorkbookSheets(archive.parts, limits.maxRows);
  } catch (error) {
    if (!(error instanceof WorkbookProblem)) throw error;
    const problem = error.tooLarge ? error.words : { key: 'problem.workbook.not-readable', args: { detail: error.words } };
    throw inputError('error.file.problem', { file: shown, problem, expected: limits.expected });
  }
  return sheets.map((sheet) => table(
    sheet.name,
    sheet.rowCount,
    (row) => sheet.rows[row]?.length ?? 0,
    (row, column, where) => {
      const cell = sheet.rows[row]?.[column] ?? '';
      if (typeof cell !== 'object') return cell;
      // Excel stores each formula's last result; a file written by another program may not, and
      // reading such a cell as empty would erase what the formula was meant to give.
      throw inputError('error.cell.formula-without-result', { where: where(), formula: cell.formula });
    },
    (row, column) => ({ key: 'where.sheet-row-column', args: { file: shown, sheet: sheet.name, row: row + 1, column: columnLetter(column) } }),
  ));
}

/** Reads a table file's bytes by its extension: one table for a CSV file, one per worksheet for a workbook. */
export async function readTables(bytes: Buffer, shown: string, limits: TableLimits): Promise<Table[]> {
  const kind = extname(shown).toLowerCase();
  if (kind === '.csv') return [csvTable(bytes, shown, limits)];
  if (kind === '.xlsx') return workbookTables(bytes, shown, limits);
  throw inputError('error.file.not-table', { file: shown, expected: limits.expected });
}

/** Reads a table file (.csv or .xlsx) a user points at: a regular file within the limits, then readTables. */
export async function readTableFile(path: string, shown: string, limits: TableLimits): Promise<Table[]> {
  const kind = extname(shown).toLowerCase();
  if (!(TABLE_EXTENSIONS as readonly string[]).includes(kind)) throw inputError('error.file.not-table', { file: shown, expected: limits.expected });
  return readTables(readInputFile(path, shown, limits.maxBytes, limits.expected), shown, limits);
}
