// Edits a Word checklist written by the CLI the way Word saves a client's edits: the XML of the real
// file is changed in place, cell by cell, and what a client types arrives as Word writes it: split
// over several runs with revision ids, spelling marks and a bookmark between them, or as tracked
// insertions and deletions.
import { readFile, writeFile } from 'node:fs/promises';
import JSZip from 'jszip';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

let revision = 0;
const rsid = () => `00${(0xa1b2c3 + revision++).toString(16).toUpperCase()}`;

/** A text as Word saves what was typed into it: a run per few characters, a spelling mark and a bookmark between them. */
export function wordRuns(text: string): string {
  const chars = [...text];
  const parts: string[] = [];
  for (let at = 0; at < chars.length; at += 3) parts.push(chars.slice(at, at + 3).join(''));
  return parts
    .map((part, i) => {
      const run = `<w:r w:rsidR="${rsid()}"><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">${escapeXml(part)}</w:t></w:r>`;
      if (i === 1) return `<w:proofErr w:type="spellStart"/>${run}<w:proofErr w:type="spellEnd"/>`;
      if (i === 2) return `<w:bookmarkStart w:id="${revision}" w:name="_Hlk${revision}"/><w:bookmarkEnd w:id="${revision}"/>${run}`;
      return run;
    })
    .join('');
}

/** What Word writes with track changes on when `before` is replaced by `after`. */
export function trackedRuns(before: string, after: string): string {
  const stamp = 'w:author="客户 王敏" w:date="2026-11-25T10:00:00Z"';
  const deleted = before ? `<w:del w:id="${rsid()}" ${stamp}><w:r><w:delText xml:space="preserve">${escapeXml(before)}</w:delText></w:r></w:del>` : '';
  return `${deleted}<w:ins w:id="${rsid()}" ${stamp}>${wordRuns(after)}</w:ins>`;
}

/** Paragraphs as Word writes them, one per line. */
export function wordParagraphs(lines: string[], runs: (text: string) => string = wordRuns): string {
  return lines.map((line) => `<w:p w:rsidR="${rsid()}" w:rsidRDefault="${rsid()}"><w:pPr><w:spacing w:after="40"/></w:pPr>${line ? runs(line) : ''}</w:p>`).join('');
}

/** The table rows of document.xml, each with where it starts and ends. */
export function tableRows(xml: string): { start: number; end: number; text: string }[] {
  const rows: { start: number; end: number; text: string }[] = [];
  for (let start = xml.indexOf('<w:tr>'); start >= 0; start = xml.indexOf('<w:tr>', start + 1)) {
    const end = xml.indexOf('</w:tr>', start) + '</w:tr>'.length;
    rows.push({ start, end, text: xml.slice(start, end) });
  }
  return rows;
}

/** The material keys of the checklist's rows, in the document's order. */
export function rowKeys(xml: string): string[] {
  return tableRows(xml).flatMap((row) => /<w:t xml:space="preserve">([a-z0-9-]+\/[a-z0-9-]+)<\/w:t>/.exec(row.text)?.[1] ?? []);
}

/** Replaces the row of a material key (found by its key line) with what `edit` makes of it. */
export function editRow(xml: string, key: string, edit: (row: string) => string): string {
  const row = tableRows(xml).find((r) => r.text.includes(`>${key}</w:t>`));
  if (!row) throw new Error(`no row for ${key}`);
  return xml.slice(0, row.start) + edit(row.text) + xml.slice(row.end);
}

/** The cells of a row, in order. */
export function rowCells(row: string): string[] {
  return row.match(/<w:tc>.*?<\/w:tc>/gs) ?? [];
}

/** Replaces cell `index` of a row. */
export function editCell(row: string, index: number, edit: (cell: string) => string): string {
  const cells = rowCells(row);
  const at = row.indexOf(cells[index]!);
  return row.slice(0, at) + edit(cells[index]!) + row.slice(at + cells[index]!.length);
}

/** Replaces a cell's paragraphs, keeping its properties. */
export function cellParagraphs(cell: string, paragraphs: string): string {
  const body = cell.indexOf('</w:tcPr>') + '</w:tcPr>'.length;
  return `${cell.slice(0, body)}${paragraphs}</w:tc>`;
}

/** Column indexes of the Word checklist's table. */
export const COLUMN = { number: 0, item: 1, status: 2, tracking: 3, notes: 4 } as const;

/** Ticks one status in a status cell as a client does in Word: the old ☑ becomes ☐, the wanted ☐ becomes `mark`, each in its own run. */
export function tickStatus(row: string, label: string, mark = '☑'): string {
  return editCell(row, COLUMN.status, (cell) =>
    cell.replace(/<w:t xml:space="preserve">([☐☑]) ([^<]+)<\/w:t>/g, (_, box: string, word: string) => {
      const next = word === label ? mark : '☐';
      if (next === box) return `<w:t xml:space="preserve">${box} ${word}</w:t>`;
      return `<w:t>${next}</w:t></w:r><w:r w:rsidR="${rsid()}"><w:t xml:space="preserve"> ${word}</w:t>`;
    }),
  );
}

/** Types `value` after a label of the tracking cell (负责人：, 截止：, 文件：), replacing what was there. */
export function setTracking(row: string, label: string, value: string, runs: (before: string, after: string) => string = (_, after) => wordRuns(after)): string {
  return editCell(row, COLUMN.tracking, (cell) => {
    const pattern = new RegExp(`(<w:t xml:space="preserve">${label}：</w:t></w:r>)<w:r><w:t xml:space="preserve">([^<]*)</w:t></w:r>`);
    if (!pattern.test(cell)) throw new Error(`no ${label} line`);
    return cell.replace(pattern, (_, head: string, before: string) => `${head}${value || before ? runs(before, value) : ''}`);
  });
}

/** Opens a .docx, lets `edit` change word/document.xml, saves it as Word would (deflated). */
export async function editDocx(file: string, edit: (xml: string) => string): Promise<void> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  zip.file('word/document.xml', edit(xml));
  await writeFile(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** The text of word/document.xml of a .docx. */
export async function documentXml(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(await readFile(file));
  return zip.file('word/document.xml')!.async('string');
}

/** Where the import names a material's row: `table 8, row 5 (序号 56)`, counted from document.xml as a reader of the document would. */
export function placeOf(xml: string, key: string, numberHeader = '序号'): string {
  const row = tableRows(xml).find((r) => r.text.includes(`>${key}</w:t>`));
  if (!row) throw new Error(`no row for ${key}`);
  const tableStart = xml.lastIndexOf('<w:tbl>', row.start);
  const table = xml.slice(0, tableStart).split('<w:tbl>').length;
  const rowInTable = xml.slice(tableStart, row.start).split('<w:tr>').length;
  const number = /<w:t xml:space="preserve">(\d+)<\/w:t>/.exec(rowCells(row.text)[0]!)![1];
  return `table ${table}, row ${rowInTable} (${numberHeader} ${number})`;
}
