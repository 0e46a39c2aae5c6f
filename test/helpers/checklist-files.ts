// A client's edits of exported checklists, as their programs save them: Excel cells (through
// exceljs, which reads and writes the whole workbook again) and CSV fields. The Word edits are in
// word.ts.
import { readFile, writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { csvFile, parseCsv } from '../../src/text/csv.js';

/** Opens an exported workbook, lets `edit` change cells by key and column header, saves it. */
export async function editXlsx(file: string, edit: (set: (key: string, header: string, value: ExcelJS.CellValue) => void, sheet: ExcelJS.Worksheet, book: ExcelJS.Workbook) => void): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.worksheets[0]!;
  const headers = (sheet.getRow(1).values as string[]).slice(1);
  const rowOf = (key: string) => {
    for (let r = 2; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(1).value === key) return r;
    throw new Error(`no row ${key}`);
  };
  edit((key, header, value) => {
    const column = headers.indexOf(header) + 1;
    if (column === 0) throw new Error(`no column ${header}`);
    sheet.getRow(rowOf(key)).getCell(column).value = value;
  }, sheet, book);
  await book.xlsx.writeFile(file);
}

/** Opens an exported CSV, lets `edit` change its rows (header first, the values at export last), saves it. */
export async function editCsv(file: string, edit: (rows: string[][], column: (header: string) => number) => void): Promise<void> {
  const rows = parseCsv(await readFile(file, 'utf8'));
  edit(rows, (header) => rows[0]!.indexOf(header));
  await writeFile(file, csvFile(rows));
}
