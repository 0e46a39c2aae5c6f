import { readdirSync, statSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import { inputError } from '../errors.js';
import type { MessageRef } from '../messages/catalogue.js';
import { groupDigits } from '../text/numbers.js';
import { readTableFile, TABLE_EXTENSIONS, type Table as SharedTable } from '../data/table.js';
import { ASSESS_RULES } from './rules.js';

/** One table of a file: a CSV file, or one sheet of a workbook. Row numbers count the header as 1. */
export interface Table {
  /** The file as the user named it (relative to the working folder). */
  file: string;
  sheet: string | null;
  header: string[];
  rows: TableRow[];
  /** Where a cell is, for messages in the run's language (a row as the spreadsheet numbers it; 0 for the header's row). */
  where(line: number, column: number): MessageRef;
}

/** A body row, with the row number a spreadsheet shows for it. */
export interface TableRow {
  line: number;
  cells: string[];
}

const EXTENSIONS = TABLE_EXTENSIONS;
// A CSV bank of half a million rows is a few tens of megabytes; more is not a bank.
const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** The files to assess: each named file, and every .csv and .xlsx under each named folder (sorted, hidden ones skipped). */
export function assessmentFiles(paths: readonly string[], cwd: string): { path: string; shown: string }[] {
  const files: { path: string; shown: string }[] = [];
  const walk = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true }).filter((e) => !e.name.startsWith('.') && !e.name.startsWith('~$'));
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && (EXTENSIONS as readonly string[]).includes(extname(entry.name).toLowerCase())) files.push({ path: full, shown: relative(cwd, full) || full });
    }
  };
  for (const given of paths) {
    const path = resolve(cwd, given);
    const info = statSync(path, { throwIfNoEntry: false });
    if (!info) throw inputError('error.assess.no-such-path', { path: given });
    if (info.isDirectory()) {
      const before = files.length;
      walk(path);
      if (files.length === before) throw inputError('error.assess.empty-folder', { path: given });
    } else if ((EXTENSIONS as readonly string[]).includes(extname(path).toLowerCase())) files.push({ path, shown: given });
    else throw inputError('error.assess.not-table-file', { path: given });
  }
  return files;
}

const LIMITS = {
  expected: { key: 'expected.assess-table' },
  maxRows: ASSESS_RULES.limits.maxRowsPerFile,
  maxBytes: MAX_FILE_BYTES,
};

/** One table of the shared reader as rows of text, the header being its first non-empty row. */
function tableOf(file: string, source: SharedTable): Table | null {
  const { maxCellChars } = ASSESS_RULES.limits;
  let header: string[] | null = null;
  let headerLine = 0;
  const rows: TableRow[] = [];
  for (let row = 0; row < source.rowCount; row++) {
    const cells: string[] = [];
    const width = source.width(row);
    for (let column = 0; column < width; column++) {
      const text = String(source.cell(row, column)).trim();
      if (text.length > maxCellChars) throw inputError('error.assess.long-cell', { where: source.where(row, column), max: groupDigits(maxCellChars) });
      cells[column] = text;
    }
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    if (cells.length === 0) continue;
    // Rows above the header (a title line) are dropped; numbering stays the file's own.
    if (header === null) {
      header = cells;
      headerLine = row;
    } else rows.push({ line: row + 1, cells });
  }
  if (header === null) return null;
  return { file, sheet: source.sheet, header, rows, where: (line, column) => source.where(line === 0 ? headerLine : line - 1, column) };
}

/** Reads the tables of one file: a CSV (UTF-8, GBK or UTF-16) or every sheet of an .xlsx workbook. */
export async function readTables(path: string, shown: string): Promise<Table[]> {
  const tables = await readTableFile(path, shown, LIMITS);
  return tables.map((t) => tableOf(shown, t)).filter((t): t is Table => t !== null);
}

/** A file or sheet name as words for recognising a bank: 应拒答测试题库.csv → 应拒答测试题库. */
export function tableName(table: Table): string {
  return [basename(table.file, extname(table.file)), table.sheet ?? ''].join(' ');
}
