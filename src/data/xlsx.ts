// The one reader of Excel workbooks (.xlsx): each part's XML, as the ZIP guard inflated it, passes
// once through a streaming tokenizer, a slice at a time, and only cell values are kept: no tree of the
// workbook, no styles beyond which cells hold dates, no temporary files. A sheet past the caller's row
// cap is refused as soon as the pass reaches that row. SpreadsheetML needs no more of XML than tags,
// attributes, text, the predefined and numeric character references and CDATA; a general SAX parser
// (saxes, which exceljs uses) checks every character and was the slower reader of large banks.
import { StringDecoder } from 'node:string_decoder';
import { ERROR_MESSAGES } from '../errors.js';
import { word, type MessageArgs, type MessageRef } from '../messages/catalogue.js';
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

/** Why a workbook cannot be read, as a catalogue entry: a broken part, or a sheet past the row cap. */
export class WorkbookProblem extends Error {
  readonly words: MessageRef;
  constructor(key: string, args: MessageArgs, readonly tooLarge = false) {
    super(word(ERROR_MESSAGES, 'en', key, args));
    this.words = { key, args };
  }
}

/** The attributes of the tag being read: where they sit in the text; valid only during the handler's call. */
export interface Attributes {
  text: string;
  start: number;
  end: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text with its character references resolved: &amp; &lt; &#22269; &#x56FD; and the like. */
function unescapeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|[a-z]+);/g, (reference, name: string) => {
    if (name[0] !== '#') return ENTITIES[name] ?? reference;
    const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : reference;
  });
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/**
 * An attribute's value, unescaped, read where the tag's text holds it (a cell's three attributes are
 * read for each of its cells, so nothing else is taken apart). `prefixed` finds `r:id` by `id`,
 * whatever prefix the writer chose for the namespace.
 */
export function attribute(tag: Attributes, wanted: string, prefixed = false): string | undefined {
  const { text, end } = tag;
  let at = tag.start;
  while (at < end) {
    while (at < end && isSpace(text.charCodeAt(at))) at++;
    const nameStart = at;
    while (at < end && text.charCodeAt(at) !== 0x3d && !isSpace(text.charCodeAt(at))) at++;
    const nameEnd = at;
    while (at < end && isSpace(text.charCodeAt(at))) at++;
    if (text.charCodeAt(at) !== 0x3d) return undefined;
    at++;
    while (at < end && isSpace(text.charCodeAt(at))) at++;
    const quote = text.charCodeAt(at);
    if (quote !== 0x22 && quote !== 0x27) return undefined;
    const valueEnd = text.indexOf(quote === 0x22 ? '"' : "'", at + 1);
    if (valueEnd < 0 || valueEnd > end) return undefined;
    const named = prefixed
      ? text.charCodeAt(nameEnd - wanted.length - 1) === 0x3a && text.startsWith(wanted, nameEnd - wanted.length)
      : nameEnd - nameStart === wanted.length && text.startsWith(wanted, nameStart);
    if (named) return unescapeXml(text.slice(at + 1, valueEnd));
    at = valueEnd + 1;
  }
  return undefined;
}

// A part is decoded a slice at a time, so no part is ever one string in memory.
const SLICE_BYTES = 1024 * 1024;
const MAX_PENDING_CHARS = 4 * 1024 * 1024;

/** Where the tag that opens at `from` ends (its ">"), skipping ">" inside quoted attribute values; -1 if not in `text`. */
function tagEnd(text: string, from: number): number {
  let quote = 0;
  for (let at = from; at < text.length; at++) {
    const c = text.charCodeAt(at);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x3e) return at;
  }
  return -1;
}

/**
 * Passes a part's XML once, a slice at a time, to `handlers`: each element's local name (the `x:` of
 * `x:row` dropped, as some writers prefix SpreadsheetML) with its attributes, each end of an
 * element, and the text between (CDATA included). Comments, declarations and processing
 * instructions are skipped; an unterminated tag at the end of the part is refused. Also the reader
 * of the few other Office parts read without a library (a Word file's custom properties).
 */
export function parsePart(part: ArchivePart, handlers: {
  open?(name: string, attributes: Attributes): void;
  close?(name: string): void;
  text?(text: string): void;
}): void {
  const local = (name: string) => name.slice(name.indexOf(':') + 1);
  const decoder = new StringDecoder('utf8');
  const tag: Attributes = { text: '', start: 0, end: 0 };
  let pending = '';
  const scan = (chunk: string, last: boolean) => {
    const text = pending + chunk;
    let at = 0;
    for (;;) {
      const open = text.indexOf('<', at);
      if (open < 0) {
        // Text runs on into the next slice; only a character reference cut by the slice waits for it.
        let cut = text.length;
        const amp = last ? -1 : text.lastIndexOf('&');
        if (amp >= at && !text.includes(';', amp)) cut = amp;
        if (handlers.text && cut > at) handlers.text(unescapeXml(text.slice(at, cut)));
        at = cut;
        break;
      }
      if (open > at && handlers.text) handlers.text(unescapeXml(text.slice(at, open)));
      const next = text.charCodeAt(open + 1);
      let end: number;
      if (next === 0x21 /* ! */) {
        const cdata = text.startsWith('<![CDATA[', open);
        const close = cdata ? ']]>' : text.startsWith('<!--', open) ? '-->' : '>';
        end = text.indexOf(close, open + 2);
        if (end < 0) break;
        if (cdata && handlers.text) handlers.text(text.slice(open + 9, end));
        end += close.length - 1;
      } else if (next === 0x3f /* ? */) {
        end = text.indexOf('?>', open + 2);
        if (end < 0) break;
        end += 1;
      } else {
        end = tagEnd(text, open + 1);
        if (end < 0) break;
        if (next === 0x2f /* / */) handlers.close?.(local(text.slice(open + 2, end).trim()));
        else {
          const selfClosing = text.charCodeAt(end - 1) === 0x2f;
          const bodyEnd = selfClosing ? end - 1 : end;
          let nameEnd = open + 1;
          while (nameEnd < bodyEnd && !isSpace(text.charCodeAt(nameEnd))) nameEnd++;
          const name = local(text.slice(open + 1, nameEnd));
          tag.text = text;
          tag.start = nameEnd;
          tag.end = bodyEnd;
          handlers.open?.(name, tag);
          if (selfClosing) handlers.close?.(name);
        }
      }
      at = end + 1;
    }
    pending = text.slice(at);
    // Each slice rescans what is pending: no tag, comment or CDATA section of a real workbook comes near this.
    if (pending.length > MAX_PENDING_CHARS) throw new WorkbookProblem('problem.workbook.long-tag', { part: part.name, count: groupDigits(MAX_PENDING_CHARS) });
  };
  for (let at = 0; at < part.content.length; at += SLICE_BYTES) scan(decoder.write(part.content.subarray(at, at + SLICE_BYTES)), false);
  scan(decoder.end(), true);
  if (pending.trim() !== '') throw new WorkbookProblem('problem.workbook.unfinished-tag', { part: part.name });
}

// OOXML writes characters XML cannot hold (control characters) as _xHHHH_.
const decodeEscapes = (text: string) => (text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text);

/** The text of every <si> of the shared strings, runs joined, phonetic guides (<rPh>) left out. */
function sharedStrings(part: ArchivePart | undefined): string[] {
  const strings: string[] = [];
  if (!part) return strings;
  let text: string | null = null;
  let inT = false;
  let phonetic = 0;
  parsePart(part, {
    open(name) {
      if (name === 'si') text = '';
      else if (name === 'rPh') phonetic++;
      else if (name === 't') inT = phonetic === 0;
    },
    close(name) {
      if (name === 'si') {
        strings.push(decodeEscapes(text ?? ''));
        text = null;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inT = false;
    },
    text(value) {
      if (inT && text !== null) text += value;
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
    open(name, attributes) {
      if (name === 'numFmt') custom.set(Number(attribute(attributes, 'numFmtId')), attribute(attributes, 'formatCode') ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attribute(attributes, 'numFmtId') ?? 0);
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
  if (!book || !rels) throw new WorkbookProblem('problem.workbook.no-workbook', {});
  const targets = new Map<string, string>();
  parsePart(rels, {
    open(name, attributes) {
      if (name !== 'Relationship' || !/\/worksheet$/.test(attribute(attributes, 'Type') ?? '')) return;
      const target = attribute(attributes, 'Target') ?? '';
      targets.set(attribute(attributes, 'Id') ?? '', target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    },
  });
  const sheets: { name: string; path: string }[] = [];
  let date1904 = false;
  parsePart(book, {
    open(name, attributes) {
      if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attribute(attributes, 'date1904') ?? '');
      if (name !== 'sheet') return;
      const path = targets.get(attribute(attributes, 'id', true) ?? '');
      if (path !== undefined) sheets.push({ name: attribute(attributes, 'name') ?? '', path });
    },
  });
  return { sheets, date1904 };
}

/** A cell reference's column and row from 0: `C12` → [2, 11]; null when it is not one. */
function cellPlace(reference: string | undefined): [number, number] | null {
  if (reference === undefined) return null;
  // Read by character codes: a workbook holds a reference per cell.
  let at = 0;
  let column = 0;
  for (let c = reference.charCodeAt(at); c >= 0x41 && c <= 0x5a && at < 3; c = reference.charCodeAt(++at)) column = column * 26 + c - 64;
  let row = 0;
  const digits = at;
  for (let c = reference.charCodeAt(at); c >= 0x30 && c <= 0x39; c = reference.charCodeAt(++at)) row = row * 10 + c - 48;
  if (digits === 0 || at === digits || at !== reference.length) return null;
  return [column - 1, row - 1];
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
  let value: string | null = null;
  let formula: string | null = null;
  let inline: string | null = null;
  // Which of them the text being read belongs to.
  let into: 'value' | 'formula' | 'inline' | null = null;
  let phonetic = 0;
  const reachRow = (index: number) => {
    if (index + 1 > context.maxRows) throw new WorkbookProblem('problem.workbook.too-many-rows', { sheet: name, rows: groupDigits(context.maxRows) }, true);
    row = index;
    rowCount = Math.max(rowCount, index + 1);
  };
  const cellValue = (): WorkbookCell => {
    const v = value;
    if (formula !== null && v === null) return { formula };
    switch (type) {
      case 's': return v === null ? '' : (context.strings[Number(v)] ?? '');
      case 'inlineStr': return decodeEscapes(inline ?? '');
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
    open(tagName, attributes) {
      switch (tagName) {
        case 'row': {
          const number = Number(attribute(attributes, 'r'));
          reachRow(Number.isInteger(number) && number > 0 ? number - 1 : row + 1);
          column = -1;
          break;
        }
        case 'c': {
          const place = cellPlace(attribute(attributes, 'r'));
          if (place && place[1] !== row) reachRow(place[1]);
          column = place ? place[0] : column + 1;
          type = attribute(attributes, 't') ?? 'n';
          style = Number(attribute(attributes, 's') ?? 0);
          value = formula = inline = into = null;
          break;
        }
        case 'v':
          into = 'value';
          value = '';
          break;
        case 'f':
          into = 'formula';
          formula = '';
          break;
        case 'is':
          inline = '';
          break;
        case 'rPh':
          phonetic++;
          break;
        case 't':
          if (inline !== null && phonetic === 0) into = 'inline';
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
      if (into === 'value') value += text;
      else if (into === 'formula') formula += text;
      else if (into === 'inline') inline += text;
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
    if (!part) throw new WorkbookProblem('problem.workbook.missing-sheet', { sheet: sheet.name, path: sheet.path });
    read.push(readSheet(part, sheet.name, { strings, dates, date1904, maxRows }));
  }
  return read;
}
