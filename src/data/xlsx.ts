// The one reader of Excel workbooks (.xlsx): each sheet's XML, as the ZIP guard inflated it, is
// streamed through a SAX parser (saxes, the one exceljs reads with) and only cell values are kept: no
// tree of the workbook, no styles beyond which cells hold dates, no temporary files. A sheet past the
// caller's row cap is refused as soon as the parser reaches that row.
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { groupDigits } from '../text/numbers.js';
import type { ArchivePart } from './zip-guard.js';

/** A formula whose workbook stored no result (a file written by a program other than Excel). */
export interface UncalculatedFormula {
  formula: string;
}

/** A cell as the workbook stores it: text, a number, or a formula without its result; '' when empty. */
export type WorkbookCell = string | number | UncalculatedFormula;

/** One worksheet's cells: rows and columns from 0, sparse (a missing row or cell is empty). */
export interface WorkbookSheet {
  name: string;
  /** The last row the sheet holds, the header included (as Excel numbers it). */
  rowCount: number;
  rows: (WorkbookCell[] | undefined)[];
}

/** Why a workbook cannot be read: a broken part, or a sheet past the row cap. */
export class WorkbookProblem extends Error {
  constructor(message: string, readonly tooLarge = false) {
    super(message);
  }
}

/** The local name of a tag or attribute: `x:row` → `row` (some writers prefix SpreadsheetML). */
const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** An attribute; SpreadsheetML's own attributes are unprefixed, whatever prefix its elements carry. */
const attribute = (tag: SaxesTagPlain, name: string): string | undefined => tag.attributes[name];

/** A relationship id (`r:id`), whatever prefix the writer chose for its namespace. */
function relationshipId(tag: SaxesTagPlain): string | undefined {
  for (const [key, value] of Object.entries(tag.attributes)) if (key.endsWith(':id')) return value;
  return undefined;
}

// The SAX parser reads a part a slice at a time, so no part is ever one string in memory.
const SLICE_BYTES = 1024 * 1024;

/** Parses a part by streaming its bytes through saxes; `handlers` see each tag by its local name. */
function parsePart(part: ArchivePart, handlers: {
  open?(name: string, tag: SaxesTagPlain): void;
  close?(name: string): void;
  text?(text: string): void;
}): void {
  const parser = new SaxesParser();
  if (handlers.open) parser.on('opentag', (tag) => handlers.open!(local(tag.name), tag as SaxesTagPlain));
  if (handlers.close) parser.on('closetag', (tag) => handlers.close!(local(tag.name)));
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  const decoder = new StringDecoder('utf8');
  try {
    for (let at = 0; at < part.content.length; at += SLICE_BYTES) parser.write(decoder.write(part.content.subarray(at, at + SLICE_BYTES)));
    parser.write(decoder.end());
    parser.close();
  } catch (error) {
    if (error instanceof WorkbookProblem) throw error;
    throw new WorkbookProblem(`part "${part.name}" is not readable XML: ${(error as Error).message.split('\n')[0]}`);
  }
}

// OOXML writes characters XML cannot hold (control characters) as _xHHHH_.
const decodeEscapes = (text: string) => (text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text);

/** The text of every <si> of the shared strings, runs joined, phonetic guides (<rPh>) left out. */
function sharedStrings(part: ArchivePart | undefined): string[] {
  const strings: string[] = [];
  if (!part) return strings;
  let text: string[] | null = null;
  let inT = false;
  let phonetic = 0;
  parsePart(part, {
    open(name) {
      if (name === 'si') text = [];
      else if (name === 'rPh') phonetic++;
      else if (name === 't') inT = phonetic === 0;
    },
    close(name) {
      if (name === 'si') {
        strings.push(decodeEscapes((text ?? []).join('')));
        text = null;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inT = false;
    },
    text(value) {
      if (inT && text) text.push(value);
    },
  });
  return strings;
}

// Built-in number formats that show a date or time (ECMA-376 §18.8.30, with the East Asian ones
// Excel in Chinese uses: 27–36, 50–58).
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a custom format code shows a date: a y, m, d, h or s outside quotes and brackets. */
const isDateCode = (code: string) => /[ymdhs]/i.test(code.replace(/\[[^\]]*\]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, ''));

/** For each cell style (the `s` of a cell), whether it shows a date. */
function dateStyles(part: ArchivePart | undefined): boolean[] {
  const styles: boolean[] = [];
  if (!part) return styles;
  const custom = new Map<number, string>();
  let inCellXfs = false;
  parsePart(part, {
    open(name, tag) {
      if (name === 'numFmt') custom.set(Number(attribute(tag, 'numFmtId')), attribute(tag, 'formatCode') ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attribute(tag, 'numFmtId') ?? 0);
        styles.push(custom.has(id) ? isDateCode(custom.get(id)!) : DATE_FORMAT_IDS.has(id));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return styles;
}

/** The worksheets in the workbook's order: each name with its part, chart sheets and the like left out. */
function sheetParts(parts: Map<string, ArchivePart>): { sheets: { name: string; path: string }[]; date1904: boolean } {
  const book = parts.get('xl/workbook.xml');
  const rels = parts.get('xl/_rels/workbook.xml.rels');
  if (!book || !rels) throw new WorkbookProblem('no xl/workbook.xml: is it an Excel workbook?');
  const targets = new Map<string, string>();
  parsePart(rels, {
    open(name, tag) {
      if (name !== 'Relationship' || !/\/worksheet$/.test(attribute(tag, 'Type') ?? '')) return;
      const target = attribute(tag, 'Target') ?? '';
      targets.set(attribute(tag, 'Id') ?? '', target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    },
  });
  const sheets: { name: string; path: string }[] = [];
  let date1904 = false;
  parsePart(book, {
    open(name, tag) {
      if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attribute(tag, 'date1904') ?? '');
      if (name !== 'sheet') return;
      const path = targets.get(relationshipId(tag) ?? '');
      if (path !== undefined) sheets.push({ name: attribute(tag, 'name') ?? '', path });
    },
  });
  return { sheets, date1904 };
}

/** A cell reference's column and row from 0: `C12` → [2, 11]; null when it is not one. */
function cellPlace(reference: string | undefined): [number, number] | null {
  const match = reference ? /^([A-Z]{1,3})(\d+)$/.exec(reference) : null;
  if (!match) return null;
  let column = 0;
  for (const letter of match[1]!) column = column * 26 + letter.charCodeAt(0) - 64;
  return [column - 1, Number(match[2]) - 1];
}

// Excel counts days from 1899-12-30 (its 1900 system, leap-year bug included), or from 1904-01-01.
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** Reads one worksheet's cells, refusing it at the first row past `maxRows`. */
function readSheet(part: ArchivePart, name: string, context: { strings: string[]; dates: boolean[]; date1904: boolean; maxRows: number }): WorkbookSheet {
  const rows: (WorkbookCell[] | undefined)[] = [];
  let rowCount = 0;
  let row = -1;
  let column = -1;
  // The cell being read: its type and style, and the text of its <v>, <f> and inline <t>.
  let type = '';
  let style = 0;
  let value: string[] | null = null;
  let formula: string[] | null = null;
  let inline: string[] | null = null;
  let into: string[] | null = null;
  let phonetic = 0;
  const reachRow = (index: number) => {
    if (index + 1 > context.maxRows) throw new WorkbookProblem(`sheet "${name}" has more than ${groupDigits(context.maxRows)} rows`, true);
    row = index;
    rowCount = Math.max(rowCount, index + 1);
  };
  const cellValue = (): WorkbookCell => {
    const v = value?.join('') ?? null;
    if (formula !== null && v === null) return { formula: formula.join('') };
    switch (type) {
      case 's': return v === null ? '' : (context.strings[Number(v)] ?? '');
      case 'inlineStr': return decodeEscapes(inline?.join('') ?? '');
      case 'str': return decodeEscapes(v ?? '');
      case 'b': return v === null ? '' : v === '1' || v === 'true' ? 'true' : 'false';
      case 'e': return v ?? '';
      case 'd': return v === null ? '' : v.slice(0, 10);
      default: {
        if (v === null || v.trim() === '') return '';
        const number = Number(v);
        if (!Number.isFinite(number)) return v;
        if (!context.dates[style]) return number;
        const day = new Date(Math.round((context.date1904 ? EPOCH_1904 : EPOCH_1900) + number * 86_400_000));
        return day.toISOString().slice(0, 10);
      }
    }
  };
  parsePart(part, {
    open(tagName, tag) {
      switch (tagName) {
        case 'row': {
          const number = Number(attribute(tag, 'r'));
          reachRow(Number.isInteger(number) && number > 0 ? number - 1 : row + 1);
          column = -1;
          break;
        }
        case 'c': {
          const place = cellPlace(attribute(tag, 'r'));
          if (place && place[1] !== row) reachRow(place[1]);
          column = place ? place[0] : column + 1;
          type = attribute(tag, 't') ?? 'n';
          style = Number(attribute(tag, 's') ?? 0);
          value = formula = inline = into = null;
          break;
        }
        case 'v':
          into = value = [];
          break;
        case 'f':
          into = formula = [];
          break;
        case 'is':
          inline = [];
          break;
        case 'rPh':
          phonetic++;
          break;
        case 't':
          if (inline && phonetic === 0) into = inline;
          break;
      }
    },
    close(tagName) {
      if (tagName === 'c' && row >= 0 && column >= 0) {
        const cell = cellValue();
        if (cell !== '') (rows[row] ??= [])[column] = cell;
      } else if (tagName === 'rPh') phonetic--;
      else if (tagName === 'v' || tagName === 'f' || tagName === 't') into = null;
    },
    text(text) {
      into?.push(text);
    },
  });
  return { name, rowCount, rows };
}

/**
 * Reads every worksheet of a workbook whose archive the ZIP guard has checked: the shared strings
 * and which styles are dates first, then each sheet, streamed, up to `maxRows` rows. Throws a
 * WorkbookProblem naming the part or sheet when it cannot.
 */
export function readWorkbookSheets(parts: Map<string, ArchivePart>, maxRows: number): WorkbookSheet[] {
  const { sheets, date1904 } = sheetParts(parts);
  const strings = sharedStrings(parts.get('xl/sharedStrings.xml'));
  const dates = dateStyles(parts.get('xl/styles.xml'));
  const read: WorkbookSheet[] = [];
  for (const sheet of sheets) {
    const part = parts.get(sheet.path);
    if (!part) throw new WorkbookProblem(`its sheet "${sheet.name}" is missing (${sheet.path})`);
    read.push(readSheet(part, sheet.name, { strings, dates, date1904, maxRows }));
  }
  return read;
}
