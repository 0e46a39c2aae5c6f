import { csvFile } from '../text/csv.js';
import { escapeHtml } from '../text/escape.js';
import { htmlLang, labels } from '../text/template.js';
import { mdCell } from '../text/escape.js';
import { renderTemplate } from '../text/template.js';
import { messageKeys, t, type Lang } from '../messages/messages.js';
import { LAYOUT, type SheetColumnId } from './layout.js';
import { statusLabels, type Checklist, type ChecklistItem } from './model.js';
import { recordMarker, recordPieces } from './export-record.js';

const CHECKLIST_LABELS = [
  'checklist.title', 'checklist.howToUse', 'checklist.overview', 'checklist.details', 'checklist.why', 'checklist.what', 'checklist.prepare',
  'checklist.returnReasons', 'checklist.noGuidance', 'checklist.notes', 'checklist.generated', 'checklist.col.number', 'checklist.col.key',
  'checklist.col.title', 'checklist.col.status', 'checklist.col.tracking', 'ui.key', 'ui.entity', 'ui.source', 'ui.rules', 'ui.asOf', 'ui.algorithms',
  'ui.algorithm', 'ui.type', 'ui.role', 'ui.readiness', 'ui.severity', 'ui.status', 'ui.owner', 'ui.due', 'ui.file', 'ui.warnings',
  'ui.summary', 'status.ready', 'status.draft', 'status.missing', 'status.not-applicable', 'severity.blocking', 'severity.major',
  'severity.minor', 'ui.generatedBy',
] as const;

/** How a checklist document is used: a sheet (xlsx, csv) and Word are filled in and imported; Markdown and HTML are read. */
export type ChecklistUse = 'sheet' | 'word' | 'reading';

/**
 * The how-to-fill-in lines of a checklist document in its language. The line on what to keep names
 * what that document has: the key column of a sheet, the key line under each title in Word; a
 * document that is only read says so first, as it is not imported.
 */
export function instructions(lang: Lang, use: ChecklistUse): string[] {
  const filling = messageKeys()
    .filter((key) => key.startsWith('checklist.instruction.'))
    .sort((a, b) => Number(a.split('.').pop()) - Number(b.split('.').pop()))
    .map((key) => t(lang, key));
  const keep = t(lang, `checklist.keep.${use}`);
  if (use === 'reading') return [keep, ...filling];
  return use === 'word' ? [...filling, keep, t(lang, 'checklist.wordInstruction')] : [...filling, keep];
}

/** The checklist view the md and html layouts receive: the model plus words and status boxes. */
function layoutView(checklist: Checklist) {
  const statuses = statusLabels(checklist.lang);
  return {
    ...checklist,
    lang: htmlLang(checklist.lang),
    label: labels(checklist.lang, CHECKLIST_LABELS),
    instructions: instructions(checklist.lang, 'reading'),
    groups: checklist.groups.map((g) => ({
      ...g,
      items: g.items.map((i) => ({
        ...i,
        statusOptions: statuses.map((s) => ({ name: s.label, checked: s.status === i.status })),
      })),
    })),
  };
}

/** The checklist as Markdown, from templates/checklist.md. */
export function checklistMarkdown(checklist: Checklist): string {
  return renderTemplate('checklist.md', layoutView(checklist), mdCell);
}

/** The checklist as one printable HTML page, from templates/checklist.html. */
export function checklistHtml(checklist: Checklist): string {
  return renderTemplate('checklist.html', layoutView(checklist), escapeHtml);
}

/** One cell of the sheet (Excel, CSV) for a column id; lists become numbered lines. */
export function sheetCell(item: ChecklistItem, column: SheetColumnId): string | number {
  const numbered = (lines: string[]) => lines.map((line, i) => `${i + 1}. ${line}`).join('\n');
  switch (column) {
    case 'status':
      return item.statusLabel;
    case 'severity':
      return item.severityLabel;
    case 'prepare':
      return [item.description, numbered(item.prepare)].filter(Boolean).join('\n');
    case 'returnReasons':
      return numbered(item.returnReasons);
    default:
      return item[column];
  }
}

/** The sheet's header row in the checklist's language. */
export function sheetHeader(lang: Lang): string[] {
  return LAYOUT.sheet.columns.map((c) => t(lang, c.header));
}

// Excel keeps at most 32,767 characters in a cell.
const CELL_CHARACTERS = 30_000;

/** The row that carries the values at export: its marker, then the record's text in cells Excel keeps whole. */
export function recordRow(lang: Lang, record: string): string[] {
  return [recordMarker(lang), ...recordPieces(record, CELL_CHARACTERS)];
}

/**
 * The checklist as CSV with the same columns as the Excel sheet, so either can be imported. A CSV
 * file has no hidden place: the values at export (`record`) are its last row, marked as such.
 */
export function checklistCsv(checklist: Checklist, record: string): string {
  return csvFile([sheetHeader(checklist.lang), ...checklist.items.map((item) => LAYOUT.sheet.columns.map((c) => sheetCell(item, c.id))), recordRow(checklist.lang, record)]);
}
