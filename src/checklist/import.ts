import { extname } from 'node:path';
import ExcelJS from 'exceljs';
import type { Answers, MaterialEntry } from '../answers/schema.js';
import { MATERIAL_STATUSES, type MaterialStatus } from '../answers/vocabulary.js';
import { isRealDate } from '../dates.js';
import { InputError } from '../errors.js';
import { parseCsv } from '../format/csv.js';
import { LANGS, t } from '../messages/messages.js';
import type { Rules } from '../rules/model.js';
import { EDITABLE_COLUMNS, LAYOUT, type SheetColumnId } from './layout.js';
import type { FieldEdit } from './yaml-edit.js';

type Editable = (typeof EDITABLE_COLUMNS)[number];
/** The answers-file field each editable column writes. */
const FIELD: Record<Editable, keyof MaterialEntry> = { status: 'status', owner: 'owner', due: 'due', file: 'file', notes: 'reason' };

/** One filled-in row: its cells by column id, and where each cell is, for error messages. */
interface SheetRow {
  cells: Partial<Record<SheetColumnId, string>>;
  where(column: SheetColumnId): string;
}

/** One field the import changes. */
export interface ImportChange {
  key: string;
  field: keyof MaterialEntry;
  from: string | null;
  to: string | null;
}

/** Column letters as spreadsheets show them: 0 → A, 26 → AA. */
function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Maps header cells to column ids by their wording in either language, so a zh sheet imports under --lang en. */
function columnsOf(header: string[], file: string): Map<number, SheetColumnId> {
  const byHeader = new Map<string, SheetColumnId>();
  for (const column of LAYOUT.sheet.columns) for (const lang of LANGS) byHeader.set(t(lang, column.header), column.id);
  const columns = new Map<number, SheetColumnId>();
  header.forEach((text, index) => {
    const id = byHeader.get(text.trim());
    if (id) columns.set(index, id);
  });
  if (![...columns.values()].includes('key')) {
    throw new InputError(`${file}: no "${t('zh', 'checklist.col.key')}" / "${t('en', 'checklist.col.key')}" column in the first row; expected a checklist written by filing-check checklist`);
  }
  return columns;
}

function toRows<T>(grid: T[][], file: string, place: (row: number, column: number) => string, text: (value: T | undefined, column: SheetColumnId) => string): SheetRow[] {
  const [header = [], ...body] = grid;
  const headerText = header.map((value) => text(value, 'key'));
  const columns = columnsOf(headerText, file);
  const indexOf = new Map([...columns].map(([index, id]) => [id, index]));
  return body.flatMap((values, i) => {
    const cells: Partial<Record<SheetColumnId, string>> = {};
    for (const [index, id] of columns) cells[id] = text(values[index], id);
    if (Object.values(cells).every((v) => v!.trim() === '')) return [];
    const row = i + 2;
    return [{ cells, where: (column: SheetColumnId) => `${place(row, indexOf.get(column)!)} (${headerText[indexOf.get(column)!]!.trim()})` }];
  });
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
// Excel counts days from 1899-12-30 (its 1900 date system, leap-year bug included).
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** The text a client sees in a cell, whatever Excel stored: rich text, links, formula results, dates. */
function cellText(value: ExcelJS.CellValue | undefined, column: SheetColumnId): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoDay(value);
  // A date pasted into the text-formatted due column arrives as Excel's day number.
  if (typeof value === 'number' && column === 'due' && Number.isInteger(value) && value > 0) return isoDay(new Date(EXCEL_EPOCH + value * 86_400_000));
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue, column);
  if ('error' in value) return String(value.error);
  return '';
}

/** Reads the rows of a filled-in checklist (.xlsx or .csv). */
export async function readChecklistRows(bytes: Buffer, file: string): Promise<SheetRow[]> {
  const kind = extname(file).toLowerCase();
  if (kind === '.csv') {
    let grid: string[][];
    try {
      grid = parseCsv(bytes.toString('utf8'));
    } catch (error) {
      throw new InputError(`${file}: ${(error as Error).message}; expected a CSV checklist`);
    }
    return toRows(grid, file, (row, column) => `${file}: row ${row}, column ${columnLetter(column)}`, (value) => value ?? '');
  }
  if (kind !== '.xlsx') throw new InputError(`${file}: expected a .xlsx or .csv checklist written by filing-check checklist`);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new InputError(`${file}: not a readable Excel workbook (${(error as Error).message}); expected a .xlsx checklist`);
  }
  const names = LANGS.map((lang) => t(lang, 'checklist.sheet.items'));
  const sheet = workbook.worksheets.find((w) => names.includes(w.name)) ?? workbook.worksheets[0];
  if (!sheet) throw new InputError(`${file}: the workbook has no sheets; expected a checklist written by filing-check checklist`);
  const grid: ExcelJS.CellValue[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    grid[number - 1] = Array.from({ length: sheet.columnCount }, (_, c) => row.getCell(c + 1).value);
  });
  return toRows<ExcelJS.CellValue>(Array.from(grid, (r) => r ?? []), file, (row, column) => `${file}: sheet "${sheet.name}" row ${row}, column ${columnLetter(column)}`, cellText);
}

/** Reads a status cell: the id or its word in either language. */
function parseStatus(text: string): MaterialStatus | null {
  const wanted = text.trim().toLowerCase();
  return MATERIAL_STATUSES.find((s) => s === wanted || LANGS.some((lang) => t(lang, `status.${s}`).toLowerCase() === wanted)) ?? null;
}

/**
 * Turns filled-in rows into field changes against the current answers: every key must name a
 * material of the rule packs at its level and, for algorithm materials, an algorithm of the answers;
 * statuses and dates must be valid; not-applicable needs a reason. Only columns present in the sheet
 * are read, so a client who deleted a column changes nothing there.
 */
export function planImport(rows: readonly SheetRow[], answers: Answers, rules: Rules): { changes: ImportChange[]; edits: FieldEdit[] } {
  const levelOf = new Map(rules.materials.map((m) => [m.id, m.level]));
  const algorithmIndex = new Map(answers.algorithms.map((a, i) => [a.id, i]));
  const seen = new Map<string, string>();
  const changes: ImportChange[] = [];
  const edits: FieldEdit[] = [];
  for (const row of rows) {
    const key = (row.cells.key ?? '').trim();
    const [owner = '', materialId = '', extra] = key.split('/');
    const level = levelOf.get(materialId);
    const known = `entity/<material> or <algorithm>/<material> with algorithms ${answers.algorithms.map((a) => a.id).join(', ')}`;
    if (extra !== undefined || !level || (level === 'entity' ? owner !== 'entity' : !algorithmIndex.has(owner))) {
      throw new InputError(`${row.where('key')}: unknown key "${key}"; expected ${known} (the checklist may be for another answers file)`);
    }
    if (seen.has(key)) throw new InputError(`${row.where('key')}: key "${key}" appears twice (first at ${seen.get(key)})`);
    seen.set(key, row.where('key'));

    const path = level === 'entity' ? ['materials', materialId] : ['algorithms', algorithmIndex.get(owner)!, 'materials', materialId];
    // An unlisted item is missing by default, so "missing" on it is no change.
    const current: Partial<MaterialEntry> = (level === 'entity' ? answers.materials[materialId] : answers.algorithms[algorithmIndex.get(owner)!]!.materials[materialId]) ?? { status: 'missing' };
    const next: Partial<Record<keyof MaterialEntry, string | undefined>> = {};
    for (const column of EDITABLE_COLUMNS) {
      const raw = row.cells[column];
      if (raw === undefined) continue;
      const text = raw.trim();
      if (column === 'status') {
        const status = parseStatus(text);
        if (!status) {
          const allowed = MATERIAL_STATUSES.map((s) => `${t('zh', `status.${s}`)} / ${s}`).join(', ');
          throw new InputError(`${row.where('status')}: ${text ? `"${text}" is not a status` : 'the status is empty'}; expected one of ${allowed}`);
        }
        next.status = status;
      } else if (column === 'due' && text !== '' && !(/^\d{4}-\d{2}-\d{2}$/.test(text) && isRealDate(text))) {
        throw new InputError(`${row.where('due')}: "${text}" is not a date; expected a day written YYYY-MM-DD, such as 2026-12-20`);
      } else {
        next[FIELD[column]] = text === '' ? undefined : text;
      }
    }
    const status = next.status ?? current.status;
    const reason = 'reason' in next ? next.reason : current.reason;
    if (status === 'not-applicable' && !reason) {
      throw new InputError(`${row.where(row.cells.notes !== undefined ? 'notes' : 'status')}: "${key}" is not applicable but gives no reason; write why in the notes column`);
    }
    for (const [field, value] of Object.entries(next) as [keyof MaterialEntry, string | undefined][]) {
      const before = current[field];
      if (value === before) continue;
      changes.push({ key, field, from: before ?? null, to: value ?? null });
      edits.push({ path, field, value });
    }
  }
  return { changes, edits };
}
