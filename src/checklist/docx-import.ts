// Reads a Word checklist (checklist --format docx) back as the rows the import plans from. The Word
// table is not the sheet: one cell holds the title and the key line, one the status as ☐/☑ lines,
// one the owner, due date and file as labelled lines. A client edits it as Word lets them: ticks a
// box, types √ or x, deletes the other options, or writes the status out; types after a label or on
// the line below it. What cannot be read as one of those is refused naming the table, row and column.
import { inputError, type ErrorWords } from '../errors.js';
import type { MessageList, MessageRef } from '../messages/catalogue.js';
import { keptText } from '../data/table.js';
import { readInputFile } from '../data/input-file.js';
import { readCustomProperties, readWordTables, type WordCell, type WordTable } from '../data/word-document.js';
import { LANGS, t, type Lang } from '../messages/messages.js';
import type { MaterialStatus } from '../answers/vocabulary.js';
import type { CarriedRecord, ReadChecklist, SheetRow } from './import.js';
import { decodeExportRecord, RECORD_PROPERTY } from './export-record.js';
import { LAYOUT, type SheetColumnId } from './layout.js';
import { parseStatus, statusLabels } from './model.js';

type DocumentColumn = (typeof LAYOUT.document.columns)[number]['id'];
type TrackingField = 'owner' | 'due' | 'file';
const TRACKING: Record<TrackingField, string> = { owner: 'ui.owner', due: 'ui.due', file: 'ui.file' };

const EXPECTED = { key: 'expected.checklist' };
// A checklist of a few hundred materials is well under 1 MiB; the ZIP guard bounds what it unpacks to.
const MAX_BYTES = 8 * 1024 * 1024;

// The key line under each title: <owner>/<material>, both kebab-case ids.
const KEY_LINE = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;
// What clients mark a box with: ticks, crosses, filled boxes and dots (Wingdings symbols arrive as
// their Unicode look-alikes; an emoji tick may carry its presentation selector), and the empty boxes
// and circles they leave. Brackets wrap either: [x], (√), 【√】.
const TICKS = '☑☒✓✔√✅🗹🗸🗷🗶✗✘×■▣⊠●◉xX';
const BOXES = '☐□🞎◻⬜○';
const MARKS = `${TICKS}${BOXES}\uFE0F\\[\\]()（）【】`;
const MARKED_LINE = new RegExp(`^([${MARKS}\\s]*)(.*?)([${MARKS}\\s]*)$`, 'u');
const TICKED = new RegExp(`[${TICKS}]`, 'u');

const cellText = (cell: WordCell) => cell.lines.join('').trim();

/** The document column a header cell names, in either language, with that language. */
function headerColumn(text: string): { id: DocumentColumn; lang: Lang } | null {
  for (const column of LAYOUT.document.columns) {
    for (const lang of LANGS) if (t(lang, column.header) === text) return { id: column.id, lang };
  }
  return null;
}

const statusWords = (): MessageList => ({ list: statusLabels('zh').map(({ status, label }) => `${label} / ${t('en', `status.${status}`)}`), separator: 'list.comma' });
const listed = (items: readonly string[]): MessageList => ({ list: items, separator: 'list.comma' });
const headers = () => listed(LAYOUT.document.columns.map((c) => t('zh', c.header)));

/** The status a status cell gives: the one line ticked (☑, √, x…) or written without a box; refused otherwise. */
function readStatus(cell: WordCell, where: MessageRef): MaterialStatus {
  const chosen = new Set<MaterialStatus>();
  for (const line of cell.lines) {
    const [, before = '', label = '', after = ''] = MARKED_LINE.exec(line.trim())!;
    const marks = before + after;
    const ticked = TICKED.test(marks);
    if (label === '') {
      if (ticked) throw inputError('error.docx.tick-without-status', { where, line: line.trim(), example: t('zh', 'status.ready') });
      continue;
    }
    const status = parseStatus(label);
    if (!status) throw inputError('error.docx.not-status', { where, label, allowed: statusWords() });
    // A line with a box left empty ([ ] too) is an option not taken; a line with no box was written out.
    if (ticked || marks.trim() === '') chosen.add(status);
  }
  if (chosen.size === 0) throw inputError('error.docx.no-status-ticked', { where, allowed: statusWords() });
  if (chosen.size > 1) throw inputError('error.docx.several-statuses', { where, names: listed([...chosen].map((s) => t('zh', `status.${s}`))) });
  return [...chosen][0]!;
}

// A label line: the label, a colon (either width), and the value typed after it, if any.
const LABEL_LINE = /^\s*([^:：]*?)\s*[:：]\s*(.*)$/su;

/** The tracking field a line starts, by its label in either language, and the value after the label. */
function labelled(line: string): { field: TrackingField; value: string } | null {
  const [, label = '', value = ''] = LABEL_LINE.exec(line) ?? [];
  const field = (Object.keys(TRACKING) as TrackingField[]).find((f) => LANGS.some((l) => t(l, TRACKING[f]).toLowerCase() === label.toLowerCase()));
  return field ? { field, value } : null;
}

/** The owner, due date and file of a tracking cell: each the text after its label, lines below it included. */
function readTracking(cell: WordCell, lang: Lang, where: (field?: TrackingField) => MessageRef): Record<TrackingField, string> {
  const lines: Partial<Record<TrackingField, string[]>> = {};
  const labels = listed(Object.values(TRACKING).map((key) => `${t(lang, key)}：`));
  let current: TrackingField | null = null;
  for (const line of cell.lines) {
    const label = labelled(line);
    if (label) {
      if (lines[label.field]) throw inputError('error.docx.label-twice', { where: where(label.field), label: `${t(lang, TRACKING[label.field])}：` });
      lines[label.field] = [label.value];
      current = label.field;
    } else if (current) lines[current]!.push(line);
    else if (line.trim() !== '') throw inputError('error.docx.unlabelled-line', { where: where(), line: line.trim(), labels });
  }
  const result = {} as Record<TrackingField, string>;
  for (const field of Object.keys(TRACKING) as TrackingField[]) {
    const label = `${t(lang, TRACKING[field])}：`;
    if (!lines[field]) throw inputError('error.docx.missing-label', { where: where(field), label, labels });
    result[field] = lines[field].join('\n');
  }
  return result;
}

/** The checklist rows of one table, or null when the table is not one of the checklist's. */
function tableRows(table: WordTable, tableNumber: number, shown: string, notes: ErrorWords[]): SheetRow[] | null {
  const [header = [], ...body] = table.rows;
  const columns = header.map((cell) => headerColumn(cellText(cell)));
  const item = columns.find((c) => c?.id === 'item');
  if (!item) {
    const holdsKeys = body.some((row) => row.some((cell) => cell.lines.some((line) => KEY_LINE.test(line.trim()))));
    if (!holdsKeys) return null;
    throw inputError('error.docx.no-header', { file: shown, table: tableNumber, headers: headers() });
  }
  const { lang } = item;
  const indexOf = new Map(columns.flatMap((c, index) => (c ? [[c.id, index] as const] : [])));
  const headerText = header.map(cellText);
  const rows: SheetRow[] = [];
  body.forEach((cells, index) => {
    const rowNumber = index + 2;
    const number = indexOf.has('number') ? cellText(cells[indexOf.get('number')!] ?? { lines: [], colSpan: 1, rowSpan: 1, nestedTable: false }) : '';
    const place: MessageRef = number
      ? { key: 'where.table-row-number', args: { file: shown, table: tableNumber, row: rowNumber, label: t(lang, 'checklist.col.number'), number } }
      : { key: 'where.table-row', args: { file: shown, table: tableNumber, row: rowNumber } };
    const inColumn = (index: number): MessageRef => ({ key: 'where.table-column', args: { place, column: headerText[index]! } });
    const shape = cells.length !== header.length || [...header, ...cells].some((cell) => cell.colSpan !== 1 || cell.rowSpan !== 1);
    if (shape) throw inputError('error.docx.merged-cells', { where: place, headerCells: header.length, cells: cells.length });
    if (cells.every((cell) => cellText(cell) === '')) return;
    if (cells.map(cellText).join('\u0000') === headerText.join('\u0000')) return;
    const nested = cells.findIndex((cell) => cell.nestedTable);
    if (nested >= 0) throw inputError('error.docx.nested-table', { where: inColumn(nested) });

    const at = (column: DocumentColumn, field?: TrackingField): MessageRef => {
      const columnIndex = indexOf.get(column)!;
      return field ? { key: 'where.table-column-line', args: { place, column: headerText[columnIndex]!, line: t(lang, TRACKING[field]) } } : inColumn(columnIndex);
    };
    const whereOf: Partial<Record<SheetColumnId, MessageRef>> = { key: at('item'), status: at('status'), owner: at('tracking', 'owner'), due: at('tracking', 'due'), file: at('tracking', 'file'), notes: at('notes') };
    const where = (column: SheetColumnId) => whereOf[column] ?? place;
    const cell = (column: DocumentColumn) => cells[indexOf.get(column)!]!;

    const keys = [...new Set(cell('item').lines.map((line) => line.trim()).filter((line) => KEY_LINE.test(line)))];
    if (keys.length === 0) throw inputError('error.docx.no-key', { where: where('key') });
    if (keys.length > 1) throw inputError('error.docx.several-keys', { where: where('key'), keys: listed(keys) });
    const values: Partial<Record<SheetColumnId, string>> = { key: keys[0]!, ...(number ? { number } : {}) };
    if (indexOf.has('status')) values.status = readStatus(cell('status'), where('status'));
    if (indexOf.has('tracking')) Object.assign(values, readTracking(cell('tracking'), lang, (field) => (field ? where(field) : at('tracking'))));
    if (indexOf.has('notes')) values.notes = cell('notes').lines.join('\n');
    const kept: Partial<Record<SheetColumnId, string>> = {};
    for (const [column, text] of Object.entries(values) as [SheetColumnId, string][]) kept[column] = keptText(text, () => where(column), notes);
    rows.push({ cells: kept, where });
  });
  return rows;
}

/** The values at export the document's custom properties carry, in pieces numbered from 1. */
function documentRecord(properties: ReadonlyMap<string, string>): CarriedRecord {
  const pieces = [...properties].filter(([name]) => name.startsWith(RECORD_PROPERTY)).map(([name, value]) => [Number(name.slice(RECORD_PROPERTY.length)), value] as const);
  if (pieces.length === 0) return null;
  pieces.sort(([a], [b]) => a - b);
  if (pieces.some(([number], index) => number !== index + 1)) return 'damaged';
  return decodeExportRecord(pieces.map(([, value]) => value).join('')) ?? 'damaged';
}

/** Reads the rows of a Word checklist (every table that starts with the checklist's header row) and its values at export. */
export async function readDocxChecklist(path: string, shown: string): Promise<ReadChecklist> {
  const bytes = readInputFile(path, shown, MAX_BYTES, EXPECTED);
  const tables = await readWordTables(bytes, shown, EXPECTED);
  const notes: ErrorWords[] = [];
  const read = tables.map((table, index) => tableRows(table, index + 1, shown, notes)).filter((rows) => rows !== null);
  if (read.length === 0) throw inputError('error.docx.no-checklist-table', { file: shown, headers: headers() });
  return { rows: read.flat(), notes, record: documentRecord(readCustomProperties(bytes)) };
}
