// Reads a Word checklist (checklist --format docx) back as the rows the import plans from. The Word
// table is not the sheet: one cell holds the title and the key line, one the status as ☐/☑ lines,
// one the owner, due date and file as labelled lines. A client edits it as Word lets them: ticks a
// box, types √ or x, deletes the other options, or writes the status out; types after a label or on
// the line below it. What cannot be read as one of those is refused naming the table, row and column.
import { InputError } from '../errors.js';
import { keptText } from '../data/table.js';
import { readInputFile } from '../data/input-file.js';
import { readWordTables, type WordCell, type WordTable } from '../data/word-document.js';
import { LANGS, t, type Lang } from '../messages/messages.js';
import type { MaterialStatus } from '../answers/vocabulary.js';
import type { SheetRow } from './import.js';
import { LAYOUT, type SheetColumnId } from './layout.js';
import { parseStatus, statusLabels } from './model.js';

type DocumentColumn = (typeof LAYOUT.document.columns)[number]['id'];
type TrackingField = 'owner' | 'due' | 'file';
const TRACKING: Record<TrackingField, string> = { owner: 'ui.owner', due: 'ui.due', file: 'ui.file' };

const EXPECTED = 'a checklist written by filing-check checklist (.xlsx, .csv or .docx)';
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

const statusWords = () => statusLabels('zh').map(({ status, label }) => `${label} / ${t('en', `status.${status}`)}`).join(', ');

/** The status a status cell gives: the one line ticked (☑, √, x…) or written without a box; refused otherwise. */
function readStatus(cell: WordCell, where: string): MaterialStatus {
  const chosen = new Set<MaterialStatus>();
  for (const line of cell.lines) {
    const [, before = '', label = '', after = ''] = MARKED_LINE.exec(line.trim())!;
    const marks = before + after;
    const ticked = TICKED.test(marks);
    if (label === '') {
      if (ticked) throw new InputError(`${where}: "${line.trim()}" ticks no status; expected the tick before a status, such as ☑ ${t('zh', 'status.ready')}`);
      continue;
    }
    const status = parseStatus(label);
    if (!status) throw new InputError(`${where}: "${label}" is not a status; expected ☑ before one of ${statusWords()}`);
    // A line with a box left empty ([ ] too) is an option not taken; a line with no box was written out.
    if (ticked || marks.trim() === '') chosen.add(status);
  }
  if (chosen.size === 0) throw new InputError(`${where}: no status is ticked; expected ☑ before one of ${statusWords()}`);
  if (chosen.size > 1) {
    const names = [...chosen].map((s) => t('zh', `status.${s}`)).join(', ');
    throw new InputError(`${where}: more than one status is ticked (${names}); expected one ☑, the others ☐`);
  }
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
function readTracking(cell: WordCell, lang: Lang, where: (field?: TrackingField) => string): Record<TrackingField, string> {
  const lines: Partial<Record<TrackingField, string[]>> = {};
  let current: TrackingField | null = null;
  for (const line of cell.lines) {
    const label = labelled(line);
    if (label) {
      if (lines[label.field]) throw new InputError(`${where(label.field)}: the line "${t(lang, TRACKING[label.field])}：" appears twice; expected it once`);
      lines[label.field] = [label.value];
      current = label.field;
    } else if (current) lines[current]!.push(line);
    else if (line.trim() !== '') throw new InputError(`${where()}: "${line.trim()}" is under no label; expected each value after its label (${Object.values(TRACKING).map((key) => `${t(lang, key)}：`).join(', ')})`);
  }
  const result = {} as Record<TrackingField, string>;
  for (const field of Object.keys(TRACKING) as TrackingField[]) {
    const label = `${t(lang, TRACKING[field])}：`;
    if (!lines[field]) throw new InputError(`${where(field)}: no "${label}" line; expected the lines the checklist printed (${Object.values(TRACKING).map((key) => `${t(lang, key)}：`).join(', ')}), a value left empty to clear it`);
    result[field] = lines[field].join('\n');
  }
  return result;
}

/** The checklist rows of one table, or null when the table is not one of the checklist's. */
function tableRows(table: WordTable, tableNumber: number, shown: string, notes: string[]): SheetRow[] | null {
  const [header = [], ...body] = table.rows;
  const columns = header.map((cell) => headerColumn(cellText(cell)));
  const item = columns.find((c) => c?.id === 'item');
  if (!item) {
    const holdsKeys = body.some((row) => row.some((cell) => cell.lines.some((line) => KEY_LINE.test(line.trim()))));
    if (!holdsKeys) return null;
    throw new InputError(`${shown}: table ${tableNumber} holds checklist rows but its first row is not the checklist's header (${LAYOUT.document.columns.map((c) => t('zh', c.header)).join(', ')}); expected each table as the checklist printed it, its header row included`);
  }
  const { lang } = item;
  const indexOf = new Map(columns.flatMap((c, index) => (c ? [[c.id, index] as const] : [])));
  const headerText = header.map(cellText);
  const rows: SheetRow[] = [];
  body.forEach((cells, index) => {
    const rowNumber = index + 2;
    const number = indexOf.has('number') ? cellText(cells[indexOf.get('number')!] ?? { lines: [], colSpan: 1, rowSpan: 1, nestedTable: false }) : '';
    const place = `${shown}: table ${tableNumber}, row ${rowNumber}${number ? ` (${t(lang, 'checklist.col.number')} ${number})` : ''}`;
    const shape = cells.length !== header.length || [...header, ...cells].some((cell) => cell.colSpan !== 1 || cell.rowSpan !== 1);
    if (shape) throw new InputError(`${place}: its cells are merged or split (the header row has ${header.length} cells, this row ${cells.length}); expected the rows as the checklist printed them (undo the merge or split in Word)`);
    if (cells.every((cell) => cellText(cell) === '')) return;
    if (cells.map(cellText).join('\u0000') === headerText.join('\u0000')) return;
    const nested = cells.findIndex((cell) => cell.nestedTable);
    if (nested >= 0) throw new InputError(`${place}, column "${headerText[nested]}": holds a table; expected the cell as the checklist printed it`);

    const at = (column: DocumentColumn, field?: TrackingField) => `${place}, column "${headerText[indexOf.get(column)!]}"${field ? `, line "${t(lang, TRACKING[field])}"` : ''}`;
    const whereOf: Partial<Record<SheetColumnId, string>> = { key: at('item'), status: at('status'), owner: at('tracking', 'owner'), due: at('tracking', 'due'), file: at('tracking', 'file'), notes: at('notes') };
    const where = (column: SheetColumnId) => whereOf[column] ?? place;
    const cell = (column: DocumentColumn) => cells[indexOf.get(column)!]!;

    const keys = [...new Set(cell('item').lines.map((line) => line.trim()).filter((line) => KEY_LINE.test(line)))];
    if (keys.length === 0) throw new InputError(`${where('key')}: no key line (such as entity/entity-filing-form) under the material's title; expected the key the checklist printed there, unchanged`);
    if (keys.length > 1) throw new InputError(`${where('key')}: holds more than one key (${keys.join(', ')}); expected one material a row, as the checklist printed it`);
    const values: Partial<Record<SheetColumnId, string>> = { key: keys[0]! };
    if (indexOf.has('status')) values.status = readStatus(cell('status'), where('status'));
    if (indexOf.has('tracking')) Object.assign(values, readTracking(cell('tracking'), lang, (field) => (field ? where(field) : at('tracking'))));
    if (indexOf.has('notes')) values.notes = cell('notes').lines.join('\n');
    const kept: Partial<Record<SheetColumnId, string>> = {};
    for (const [column, text] of Object.entries(values) as [SheetColumnId, string][]) kept[column] = keptText(text, () => where(column), notes);
    rows.push({ cells: kept, where });
  });
  return rows;
}

/** Reads the rows of a Word checklist: every table that starts with the checklist's header row. */
export async function readDocxChecklist(path: string, shown: string): Promise<{ rows: SheetRow[]; notes: string[] }> {
  const tables = await readWordTables(readInputFile(path, shown, MAX_BYTES, EXPECTED), shown, EXPECTED);
  const notes: string[] = [];
  const read = tables.map((table, index) => tableRows(table, index + 1, shown, notes)).filter((rows) => rows !== null);
  if (read.length === 0) {
    throw new InputError(`${shown}: no checklist table (a table whose first row reads ${LAYOUT.document.columns.map((c) => t('zh', c.header)).join(', ')}); expected ${EXPECTED.replace(' (.xlsx, .csv or .docx)', ' --format docx')}`);
  }
  return { rows: read.flat(), notes };
}
