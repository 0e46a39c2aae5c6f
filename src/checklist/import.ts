import { extname } from 'node:path';
import type { Answers, MaterialEntry } from '../answers/schema.js';
import { MATERIAL_STATUSES } from '../answers/vocabulary.js';
import { isRealDate, normalizeTypedDate } from '../dates.js';
import { inputError, inputErrors, type ErrorWords, type InputError } from '../errors.js';
import { readTableFile, type CellValue, type Table } from '../data/table.js';
import type { MessageRef } from '../messages/catalogue.js';
import { LANGS, t } from '../messages/messages.js';
import type { Rules } from '../rules/model.js';
import { showsMaterialPath } from '../text/paths.js';
import { EDITABLE_COLUMNS, LAYOUT, type SheetColumnId } from './layout.js';
import { parseStatus } from './model.js';
import { decodeExportRecord, isRecordMarker, materialPlace, type EditableValues, type ExportRecord } from './export-record.js';
import type { FieldEdit } from './yaml-edit.js';

type Editable = (typeof EDITABLE_COLUMNS)[number];
/** The answers-file field each editable column writes. */
const FIELD: Record<Editable, keyof MaterialEntry> = { status: 'status', owner: 'owner', due: 'due', file: 'file', notes: 'reason' };

/** One filled-in row: its cells by column id, and where each cell is, for error messages. */
export interface SheetRow {
  cells: Partial<Record<SheetColumnId, string>>;
  where(column: SheetColumnId): MessageRef;
}

/** One field the import changes. */
export interface ImportChange {
  key: string;
  field: keyof MaterialEntry;
  from: string | null;
  to: string | null;
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
    throw inputError('error.import.no-key-column', { file, zh: t('zh', 'checklist.col.key'), en: t('en', 'checklist.col.key') });
  }
  return columns;
}

// Excel counts days from 1899-12-30 (its 1900 date system, leap-year bug included).
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A cell as the import reads it: a date pasted into the text-formatted due column arrives as Excel's day number. */
function cellText(value: CellValue, column: SheetColumnId): string {
  if (typeof value === 'string') return value;
  if (column === 'due' && Number.isInteger(value) && value > 0) return new Date(EXCEL_EPOCH + value * 86_400_000).toISOString().slice(0, 10);
  return String(value);
}

/** The rows of a checklist table below its header, with only the columns the import knows, empty rows skipped. */
function toRows(table: Table, file: string): SheetRow[] {
  const headerText = Array.from({ length: Math.min(table.width(0), MAX_COLUMNS) }, (_, column) => String(table.cell(0, column)));
  const columns = columnsOf(headerText, file);
  const indexOf = new Map([...columns].map(([index, id]) => [id, index]));
  const rows: SheetRow[] = [];
  for (let row = 1; row < table.rowCount; row++) {
    // The values at export, a CSV's last row (wherever a sort put it), are not a material.
    if (holdsRecord(table, row)) continue;
    const cells: Partial<Record<SheetColumnId, string>> = {};
    for (const [index, id] of columns) cells[id] = cellText(table.cell(row, index), id);
    if (Object.values(cells).every((v) => v!.trim() === '')) continue;
    rows.push({ cells, where: (column: SheetColumnId) => table.where(row, indexOf.get(column)!) });
  }
  return rows;
}

// A checklist has a row per material of one case: a few hundred at most.
const LIMITS = { expected: { key: 'expected.checklist' }, maxRows: 5_000, maxBytes: 8 * 1024 * 1024 };
// Far right of any checklist's columns; a header cell at column XFD is not a reason to read 16,384.
const MAX_COLUMNS = 256;

/**
 * The values at export a checklist carries: the record, null when it carries none (a checklist of
 * an older version, or a CSV whose last row was deleted), 'damaged' when they no longer read back.
 */
export type CarriedRecord = ExportRecord | null | 'damaged';

/** A filled-in checklist as read: its rows, the notes of what reading normalised, and the values at export. */
export interface ReadChecklist {
  rows: SheetRow[];
  notes: ErrorWords[];
  record: CarriedRecord;
}

/**
 * Whether a row is the one that holds the values at export: its first cell is the marker. Only the
 * raw value is looked at: a first column the import does not read (a sheet the client added, a
 * column moved) is not refused for what it holds.
 */
function holdsRecord(table: Table, row: number): boolean {
  try {
    const first = table.cell(row, 0);
    return typeof first === 'string' && isRecordMarker(first);
  } catch {
    return false;
  }
}

/** The record of the one row marked as it (in the hidden sheet of a workbook, the last row of a CSV). */
function tableRecord(tables: readonly Table[]): CarriedRecord {
  const found: string[] = [];
  for (const table of tables) {
    for (let row = 0; row < table.rowCount; row++) {
      if (!holdsRecord(table, row)) continue;
      found.push(Array.from({ length: table.width(row) - 1 }, (_, index) => String(table.cell(row, index + 1))).join(''));
    }
  }
  if (found.length === 0) return null;
  return (found.length === 1 && decodeExportRecord(found[0]!)) || 'damaged';
}

/** Reads the rows of a filled-in checklist (.xlsx, .csv or .docx), the notes of what reading normalised, and its values at export. */
export async function readChecklistRows(path: string, file: string): Promise<ReadChecklist> {
  const kind = extname(file).toLowerCase();
  if (kind === '.docx') return (await import('./docx-import.js')).readDocxChecklist(path, file);
  if (kind !== '.xlsx' && kind !== '.csv') throw inputError('error.import.not-checklist-file', { file, expected: LIMITS.expected });
  const tables = await readTableFile(path, file, LIMITS);
  const names = LANGS.map((lang) => t(lang, 'checklist.sheet.items'));
  const table = tables.find((w) => w.sheet !== null && names.includes(w.sheet)) ?? tables[0];
  if (!table) throw inputError('error.import.no-sheets', { file });
  return { rows: toRows(table, file), notes: table.notes, record: tableRecord(tables) };
}

/** A due cell as YYYY-MM-DD, read as the questionnaire reads a typed day; undefined when it names no real day. */
function dueDate(text: string): string | undefined {
  const iso = normalizeTypedDate(text);
  return isRealDate(iso) ? iso : undefined;
}

/** How a cell changed on both sides since the export is settled: the --prefer side wins. */
export type Prefer = 'checklist' | 'answers';

/** A cell the client and the answers file both changed since the export, to different values. */
export interface ImportConflict {
  row: SheetRow;
  key: string;
  column: Editable;
  /** As the checklist showed it at export; a status as its id. */
  exported: string;
  /** The client's value now ('' for none). */
  checklist: string;
  /** The answers file's value now ('' for none), as written there. */
  answers: string;
}

/** What an import does: the field changes (and the splices that make them), the conflicts, and the rows the record does not hold. */
export interface ImportPlan {
  changes: ImportChange[];
  edits: FieldEdit[];
  conflicts: ImportConflict[];
  unrecorded: SheetRow[];
}

/** Whether a client's cell still holds what the checklist showed at export: the client did not touch it. */
function untouched(column: Editable, text: string, value: string | undefined, shown: string): boolean {
  if (column === 'status' || column === 'due') return (value ?? '') === shown;
  return text === shown.trim();
}

/** Whether the answers file still holds a field's value at export: nobody changed it since. */
function unchangedSince(column: Editable, current: Partial<MaterialEntry>, atExport: EditableValues): boolean {
  if (column === 'file') return current.file === undefined ? atExport.file === '' : showsMaterialPath(atExport.file, current.file);
  return (current[FIELD[column]] ?? (column === 'status' ? 'missing' : '')) === atExport[column];
}

/**
 * Turns filled-in rows into field changes against the current answers: every key must name a
 * material of the rule packs at its level and, for algorithm materials, an algorithm of the answers;
 * statuses and dates must be valid; not-applicable needs a reason. Only columns present in the sheet
 * are read, so a client who deleted a column changes nothing there. Every bad cell of the sheet is
 * reported at once, one line each, so a client's sheet comes back to them a single time.
 *
 * With the values at export (`record`) the import is three-way: a cell as exported is one the client
 * left alone, and the answers file keeps whatever it holds now; a cell the client changed is written
 * when the answers file still holds the value at export; when both changed, differently, the cell is
 * a conflict, settled by `prefer` or left for the caller to refuse. Without a record (an older
 * checklist) every cell that differs from the answers is written, as before.
 */
export function planImport(rows: readonly SheetRow[], answers: Answers, rules: Rules, record: ExportRecord | null = null, prefer?: Prefer): ImportPlan {
  const seen = new Map<string, MessageRef>();
  const changes: ImportChange[] = [];
  const edits: FieldEdit[] = [];
  const conflicts: ImportConflict[] = [];
  const unrecorded: SheetRow[] = [];
  const problems: InputError[] = [];
  for (const row of rows) {
    const key = (row.cells.key ?? '').trim();
    const place = materialPlace(key, answers, rules);
    if (!place) {
      const ids = (list: readonly { id: string }[]) => (list.length === 0 ? { key: 'none' } : { list: list.map((x) => x.id), separator: 'list.comma' });
      problems.push(inputError('error.import.unknown-key', { where: row.where('key'), key, services: ids(answers.services), algorithms: ids(answers.algorithms) }));
      continue;
    }
    if (seen.has(key)) {
      problems.push(inputError('error.import.duplicate-key', { where: row.where('key'), key, first: seen.get(key)! }));
      continue;
    }
    seen.set(key, row.where('key'));

    const { path, materials } = place;
    const materialId = path[path.length - 1] as string;
    // An unlisted item is missing by default, so "missing" on it is no change.
    const current: Partial<MaterialEntry> = materials[materialId] ?? { status: 'missing' };
    const exported = record?.get(key);
    if (record && !exported) unrecorded.push(row);
    const next: Partial<Record<keyof MaterialEntry, string | undefined>> = {};
    const problemsBefore = problems.length;
    const conflictsBefore = conflicts.length;
    for (const column of EDITABLE_COLUMNS) {
      const raw = row.cells[column];
      if (raw === undefined) continue;
      const text = raw.trim();
      let value: string | undefined;
      if (column === 'status') {
        const status = parseStatus(text);
        if (!status) {
          const allowed = { list: MATERIAL_STATUSES.map((s) => `${t('zh', `status.${s}`)} / ${s}`), separator: 'list.comma' };
          problems.push(inputError(text ? 'error.import.not-status' : 'error.import.empty-status', { where: row.where('status'), text, allowed }));
          continue;
        }
        value = status;
      } else if (column === 'due' && text !== '') {
        value = dueDate(text);
        if (value === undefined) {
          problems.push(inputError('error.import.not-date', { where: row.where('due'), text }));
          continue;
        }
      } else if (column === 'file' && current.file !== undefined && showsMaterialPath(text, current.file)) {
        // The checklist shows a file outside the case folder by its base name: unchanged, it keeps the path.
        value = current.file;
      } else {
        value = text === '' ? undefined : text;
      }
      const field = FIELD[column];
      if (exported) {
        if (untouched(column, text, value, exported.shown[column])) continue;
        const now = current[field];
        if (!unchangedSince(column, current, exported.answers) && value !== now) {
          conflicts.push({ row, key, column, exported: exported.shown[column], checklist: value ?? '', answers: now ?? '' });
          if (prefer !== 'checklist') continue;
        }
      }
      next[field] = value;
    }
    if (problems.length > problemsBefore) continue;
    const status = next.status ?? current.status;
    const reason = 'reason' in next ? next.reason : current.reason;
    // A row with a conflict left open is not written; the conflict is what the user needs to see.
    if (status === 'not-applicable' && !reason && (prefer !== undefined || conflicts.length === conflictsBefore)) {
      problems.push(inputError('error.import.no-reason', { where: row.where(row.cells.notes !== undefined ? 'notes' : 'status'), key }));
      continue;
    }
    for (const [field, value] of Object.entries(next) as [keyof MaterialEntry, string | undefined][]) {
      const before = current[field];
      if (value === before) continue;
      changes.push({ key, field, from: before ?? null, to: value ?? null });
      edits.push({ path, field, value });
    }
  }
  if (problems.length > 0) throw inputErrors(problems);
  return { changes, edits, conflicts, unrecorded };
}
