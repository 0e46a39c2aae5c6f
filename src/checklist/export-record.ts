// What a checklist held when it was exported, carried inside the checklist so that its import can
// tell the cells the client changed from the ones they left alone, and the answers file's later
// edits from the values the client saw. One record, one text encoding; each format keeps the text
// where its program leaves it alone: a hidden, protected sheet (xlsx), the document's custom
// properties (docx), a last row marked as such (csv). The record holds what the checklist showed
// (a material file as shown, never a folder of the consultant's machine) and, where the answers
// file held something else (a status from `assess`), the answers file's value too.
import { createHash } from 'node:crypto';
import type { Answers, MaterialEntry } from '../answers/schema.js';
import { LANGS, t, type Lang } from '../messages/messages.js';
import type { Rules } from '../rules/model.js';
import { materialPath } from '../text/paths.js';
import * as z from '../zod.js';
import { EDITABLE_COLUMNS } from './layout.js';
import type { ChecklistItem } from './model.js';

/** A column the client edits and the import reads back. */
export type EditableColumn = (typeof EDITABLE_COLUMNS)[number];
/** A row's editable values: the status id, the texts as shown; '' for none. */
export type EditableValues = Record<EditableColumn, string>;

/** One material at export: what its row showed, and what the answers file held then. */
export interface ExportedRow {
  shown: EditableValues;
  answers: EditableValues;
}

/** The record of one export, by material key. */
export type ExportRecord = ReadonlyMap<string, ExportedRow>;

/** Where a material's entry is in the answers: its path for the YAML splice and the mapping that holds it. */
export interface MaterialPlace {
  path: (string | number)[];
  materials: Record<string, MaterialEntry>;
}

/** The place of a key (`entity/…`, `<service>/…`, `<algorithm>/…`) in the answers; null when the key names none. */
export function materialPlace(key: string, answers: Answers, rules: Rules): MaterialPlace | null {
  const [owner = '', materialId = '', extra] = key.split('/');
  const level = rules.materials.find((m) => m.id === materialId)?.level;
  if (extra !== undefined || !level) return null;
  if (level === 'entity') return owner === 'entity' ? { path: ['materials', materialId], materials: answers.materials } : null;
  const list = level === 'service' ? answers.services : answers.algorithms;
  const index = list.findIndex((x) => x.id === owner);
  if (index < 0) return null;
  return { path: [level === 'service' ? 'services' : 'algorithms', index, 'materials', materialId], materials: list[index]!.materials };
}

/** An answers entry's values as a checklist row holds them (the file as shown in `lang`). */
export function entryValues(entry: Partial<MaterialEntry> | undefined, lang: Lang): EditableValues {
  return {
    status: entry?.status ?? 'missing',
    owner: entry?.owner ?? '',
    due: entry?.due ?? '',
    file: entry?.file === undefined ? '' : materialPath(entry.file, lang),
    notes: entry?.reason ?? '',
  };
}

/** The record of a checklist being exported: each row as shown, and the answers' values where they differ. */
export function exportRecord(items: readonly ChecklistItem[], answers: Answers, rules: Rules, lang: Lang): ExportRecord {
  return new Map(items.map((item) => {
    const place = materialPlace(item.key, answers, rules);
    const shown: EditableValues = { status: item.status, owner: item.owner, due: item.due, file: item.file, notes: item.notes };
    return [item.key, { shown, answers: place ? entryValues(place.materials[item.id], lang) : shown }];
  }));
}

// What a row without an entry holds, left out of the record's text.
const EMPTY: EditableValues = { status: 'missing', owner: '', due: '', file: '', notes: '' };

const valueFields = Object.fromEntries(EDITABLE_COLUMNS.map((column) => [column, z.optional(z.string())])) as Record<EditableColumn, z.ZodMiniOptional<z.ZodMiniString>>;
const RecordText = z.strictObject({
  'filing-check': z.literal('export'),
  version: z.literal(1),
  sha256: z.string(),
  rows: z.record(z.string(), z.strictObject({ ...valueFields, answers: z.optional(z.strictObject(valueFields)) })),
});

const digest = (rows: unknown) => createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 16);

// JSON escapes the C0 controls; these are the other characters XML, the table reader or a CSV
// saved by Excel would not keep as they are, escaped the same way.
const UNSAFE = /[\u007F-\u009F\u2028\u2029\uFFFD-\uFFFF]/g;
const escapeUnsafe = (json: string) => json.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * The record as one line of text: JSON with a check sum of its rows, only what is not empty, and
 * nothing a Word, Excel or CSV file could not keep as it is.
 */
export function encodeExportRecord(record: ExportRecord): string {
  const rows: Record<string, Record<string, unknown>> = {};
  for (const [key, { shown, answers }] of record) {
    const row: Record<string, unknown> = {};
    // Most rows are missing and empty: nothing but the key is written for them.
    for (const column of EDITABLE_COLUMNS) if (shown[column] !== EMPTY[column]) row[column] = shown[column];
    const differing = EDITABLE_COLUMNS.filter((column) => answers[column] !== shown[column]);
    if (differing.length > 0) row.answers = Object.fromEntries(differing.map((column) => [column, answers[column]]));
    rows[key] = row;
  }
  return escapeUnsafe(JSON.stringify({ 'filing-check': 'export', version: 1, sha256: digest(rows), rows }));
}

/** Reads a record's text back; null when it is not a record this version wrote or its check sum does not match. */
export function decodeExportRecord(text: string): ExportRecord | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = RecordText.safeParse(json);
  if (!parsed.success || digest((json as { rows: unknown }).rows) !== parsed.data.sha256) return null;
  const record = new Map<string, ExportedRow>();
  for (const [key, row] of Object.entries(parsed.data.rows)) {
    const shown = Object.fromEntries(EDITABLE_COLUMNS.map((column) => [column, row[column] ?? EMPTY[column]])) as EditableValues;
    record.set(key, { shown, answers: { ...shown, ...row.answers } });
  }
  return record;
}

/**
 * The text cut into pieces of at most `size` characters, of near equal length (no short last piece
 * a spreadsheet could take for a number), never between the two halves of a surrogate pair.
 */
export function recordPieces(text: string, size: number): string[] {
  const count = Math.max(1, Math.ceil(text.length / (size - 1)));
  const length = Math.ceil(text.length / count);
  const pieces: string[] = [];
  for (let at = 0; at < text.length;) {
    let end = Math.min(text.length, at + length);
    if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1]!)) end--;
    pieces.push(text.slice(at, end));
    at = end;
  }
  return pieces;
}

/** The Word custom properties that carry the record: this prefix and each piece's number from 1. */
export const RECORD_PROPERTY = 'filing-check-export-';

/** The first cell of the row that holds the record (a CSV's last row, the hidden sheet's first). */
export function recordMarker(lang: Lang): string {
  return t(lang, 'checklist.record.marker');
}

/** Whether a first cell marks the record's row, in either language. */
export function isRecordMarker(cell: string): boolean {
  return LANGS.some((lang) => recordMarker(lang) === cell.trim());
}
