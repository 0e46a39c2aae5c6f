// The tables of a Word file a user hands back, read with the reader lint reads drafts with (mammoth)
// behind the same ZIP guard and limits. mammoth reads a document as Word shows it with every tracked
// change accepted: inserted text in, deleted text and deleted rows out, moved text at its new place;
// spelling marks, bookmarks and content-control wrappers dropped; a cell's text split over many
// runs joined again; merged cells as column and row spans.
import { inputError } from '../errors.js';
import type { MessageArg } from '../messages/catalogue.js';
import { attribute, parsePart, WorkbookProblem } from './xlsx.js';
import { checkedArchive, DOCX_LIMITS, zipArchiveProblem } from './zip-guard.js';

/** One cell: its lines (paragraphs, and line breaks within them), its spans, and whether it holds a table. */
export interface WordCell {
  lines: string[];
  colSpan: number;
  rowSpan: number;
  nestedTable: boolean;
}

/** One table of the document, in document order, as rows of cells. */
export interface WordTable {
  rows: WordCell[][];
}

/** The part of mammoth's document model this reader walks (its transforms API; other element types carry no text here). */
interface MammothElement {
  type: string;
  children?: MammothElement[];
  value?: string;
  checked?: boolean;
  breakType?: string;
  colSpan?: number;
  rowSpan?: number;
}

// Content-control and form-field checkboxes (Developer tab) arrive as checkbox elements; they read
// as the glyph Word shows for them.
const CHECKED = '☒';
const UNCHECKED = '☐';

/** The text of an element below a cell or paragraph: tabs as tabs, every kind of break as a new line. */
function textOf(element: MammothElement): string {
  switch (element.type) {
    case 'text':
      return element.value ?? '';
    case 'tab':
      return '\t';
    case 'break':
      return '\n';
    case 'checkbox':
      return element.checked ? CHECKED : UNCHECKED;
    case 'paragraph':
      return `${(element.children ?? []).map(textOf).join('')}\n`;
    // A table's text does not belong to the cell around it; the cell is marked instead.
    case 'table':
      return '';
    default:
      return (element.children ?? []).map(textOf).join('');
  }
}

function hasTable(element: MammothElement): boolean {
  return (element.children ?? []).some((child) => child.type === 'table' || hasTable(child));
}

function readCell(cell: MammothElement): WordCell {
  const lines = (cell.children ?? []).map(textOf).join('').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return { lines, colSpan: cell.colSpan ?? 1, rowSpan: cell.rowSpan ?? 1, nestedTable: hasTable(cell) };
}

/** The tables outside any table, in document order (inside content controls and text boxes too). */
function tablesIn(element: MammothElement, found: WordTable[] = []): WordTable[] {
  for (const child of element.children ?? []) {
    if (child.type === 'table') {
      found.push({ rows: (child.children ?? []).filter((row) => row.type === 'tableRow').map((row) => (row.children ?? []).filter((c) => c.type === 'tableCell').map(readCell)) });
    } else tablesIn(child, found);
  }
  return found;
}

/**
 * Reads the tables of a .docx file's bytes, after the ZIP guard has checked what it unpacks to;
 * `expected` completes every refusal ("…; expected a checklist written by …").
 */
export async function readWordTables(bytes: Buffer, shown: string, expected: MessageArg): Promise<WordTable[]> {
  const notDocx = () => inputError('error.file.problem', { file: shown, problem: { key: 'problem.not-docx' }, expected });
  const problem = zipArchiveProblem(bytes, DOCX_LIMITS);
  if (problem?.damaged) throw notDocx();
  if (problem) throw inputError('error.file.problem', { file: shown, problem: problem.words, expected });
  // mammoth (with its zip and XML readers) loads only for Word files.
  const { default: mammoth } = await import('mammoth');
  let document: MammothElement | undefined;
  try {
    // The document model is what is wanted, not HTML: keep it, and hand the converter an empty body.
    await mammoth.convertToHtml({ buffer: bytes }, {
      transformDocument: (read: MammothElement) => {
        document = read;
        return { ...read, children: [] };
      },
    });
  } catch {
    throw notDocx();
  }
  return document ? tablesIn(document) : [];
}

/**
 * The custom properties of a .docx file's bytes (File › Properties › Custom in Word), text values by
 * name; empty when it has none. Called after readWordTables, which has refused what the ZIP guard
 * refuses; a custom properties part that is not well-formed XML reads as none.
 */
export function readCustomProperties(bytes: Buffer): Map<string, string> {
  const properties = new Map<string, string>();
  const part = checkedArchive(bytes, DOCX_LIMITS).parts?.get('docProps/custom.xml');
  if (!part) return properties;
  let name: string | null = null;
  let value: string | null = null;
  try {
    parsePart(part, {
      open(element, attributes) {
        if (element === 'property') name = attribute(attributes, 'name') ?? null;
        else if (element === 'lpwstr' && name !== null) value = '';
      },
      close(element) {
        if (element === 'lpwstr' && name !== null && value !== null) properties.set(name, value);
        else if (element === 'property') name = value = null;
      },
      text(text) {
        if (value !== null) value += text;
      },
    });
  } catch (error) {
    if (error instanceof WorkbookProblem) return new Map();
    throw error;
  }
  return properties;
}
