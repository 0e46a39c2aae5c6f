// The one table reader (CSV in the encodings Excel saves, .xlsx behind the ZIP guard), through the
// command that uses it: a checklist imported into a copy of the example answers file.
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { zipArchiveProblem, XLSX_LIMITS } from '../../src/data/zip-guard.js';
import { AS_OF, ROOT, runCli, tempDir } from '../helpers/formats.js';
import { zipArchive } from '../helpers/zip.js';

let dir: string;
let answers: string;
let original: string;

beforeEach(async () => {
  dir = await tempDir();
  answers = join(dir, 'filing.yaml');
  await copyFile(join(ROOT, 'examples/filing.yaml'), answers);
  original = await readFile(answers, 'utf8');
});

const importInto = (checklist: string) => runCli(['checklist', '--import', checklist, '--into', answers, '--lang', 'en']);
const EXPECTED = 'expected a checklist written by filing-check checklist (.xlsx, .csv or .docx)';
// The same in Chinese, the default language.
const EXPECTED_ZH = '应为filing-check checklist 写出的清单（.xlsx、.csv 或 .docx）';
const importInChinese = (checklist: string) => runCli(['checklist', '--import', checklist, '--into', answers]);
const MiB = 1024 * 1024;
// The filled-in tables here carry no values at export (fixtures filled from older checklists, tables
// written by other programs), so they import the old way and say so.
const oldWay = (file: string) => `filing-check: ${file} carries no values at export (exported by an older version, or they were deleted): it imports the old way, every cell that differs from ${answers} is written, and edits made to ${answers} since the export may be overwritten; preview with --dry-run.\n`;

/** The example's checklist as a workbook, one cell changed by `edit` on the items sheet. */
async function workbookWith(edit: (sheet: ExcelJS.Worksheet, row: number) => void): Promise<string> {
  const file = join(dir, 'checklist.xlsx');
  expect((await runCli(['checklist', answers, '--as-of', AS_OF, '-f', 'xlsx', '--out', file])).code).toBe(0);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.worksheets[0]!;
  let row = 2;
  while (sheet.getRow(row).getCell(1).value !== 'feed/algorithm-self-assessment') row++;
  edit(sheet, row);
  await book.xlsx.writeFile(file);
  return file;
}

describe('CSV as Excel saves it', () => {
  it('reads GBK, as Excel saves CSV on Chinese Windows', async () => {
    const file = join(ROOT, 'test/fixtures/checklists/filled-gbk.csv');
    const run = await importInto(file);
    expect(run.stderr).toBe(oldWay(file));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('feed/algorithm-self-assessment  status: draft → ready');
    expect(run.stdout).toContain('feed/algorithm-self-assessment  owner: 张敏 → 李律师');
  });

  it('reads UTF-16 with tabs, as Excel saves Unicode text', async () => {
    const file = join(ROOT, 'test/fixtures/checklists/filled-utf16.csv');
    const run = await importInto(file);
    expect(run.stderr).toBe(oldWay(file));
    expect(run.stdout).toContain('feed/algorithm-self-assessment  owner: 张敏 → 李律师');
  });

  it('blames the CSV for its own NUL, naming the row and column', async () => {
    const file = join(dir, 'filled.csv');
    const header = '编号（请勿修改）,序号,所属,材料,重要程度,状态,负责人,截止日期,文件,备注（不适用时写理由）';
    await writeFile(file, `\ufeff${header}\r\nfeed/algorithm-self-assessment,24,云栖优选个性化推荐算法,算法安全自评估报告,阻断,草稿,张敏,2026-12-18,,已送审\u0000\r\n`);
    const run = await importInto(file);
    expect(run.stderr).toBe(`filing-check: ${file}: row 2, column J (备注（不适用时写理由）): holds a control character (U+0000) that a text file cannot keep; expected plain text (delete it in the table and try again)\n`);
    expect(run.code).toBe(2);
    expect((await importInChinese(file)).stderr).toBe(`filing-check: ${file}: 第 2 行 J 列（备注（不适用时写理由））: 含有文本文件无法保存的控制字符（U+0000）；应为纯文本（请在表格中删除该字符后重试）\n`);
    expect(await readFile(answers, 'utf8')).toBe(original);
  });

  it('refuses a quoted field that is never closed, naming the row it starts on', async () => {
    const file = join(dir, 'filled.csv');
    const header = '编号（请勿修改）,序号,所属,材料,重要程度,状态,负责人,截止日期,文件,备注（不适用时写理由）';
    await writeFile(file, `\ufeff${header}\r\nfeed/algorithm-self-assessment,24,云栖优选个性化推荐算法,算法安全自评估报告,阻断,草稿,张敏,2026-12-18,,"已送审\r\n`);
    expect(await importInChinese(file)).toEqual({ code: 2, stdout: '', stderr: `filing-check: ${file}: 第 2 行的引号没有闭合；${EXPECTED_ZH}\n` });
    expect((await importInto(file)).stderr).toBe(`filing-check: ${file}: row 2: a quoted field is never closed; ${EXPECTED}\n`);
    expect(await readFile(answers, 'utf8')).toBe(original);
  });
});

describe('workbook cells', () => {
  // Excel writes control characters in its XML as _x007F_; exceljs writes what it is given.
  it('refuses DEL in a cell, naming the sheet, row and column', async () => {
    const file = await workbookWith((sheet, row) => void (sheet.getRow(row).getCell(7).value = '张敏_x007F_'));
    const run = await importInto(file);
    expect(run.stderr).toMatch(/^filing-check: .*checklist\.xlsx: sheet "材料清单" row \d+, column G \(负责人\): holds a control character \(U\+007F\) that a text file cannot keep; expected plain text \(delete it in the table and try again\)\n$/);
    expect(run.code).toBe(2);
    expect(await readFile(answers, 'utf8')).toBe(original);
  });

  it("reads Word's line break (a vertical tab) as a new line, and says so", async () => {
    const file = await workbookWith((sheet, row) => void (sheet.getRow(row).getCell(10).value = '初稿已完成_x000B_待法务审核'));
    const run = await importInto(file);
    expect(run.stderr).toMatch(/^filing-check: .*checklist\.xlsx: sheet "材料清单" row \d+, column J \(备注（不适用时写理由）\): a line break pasted from Word was read as a new line\n$/);
    expect(run.code).toBe(0);
    expect(await readFile(answers, 'utf8')).toContain('reason: "初稿已完成\\n待法务审核"');
    expect((await runCli(['diagnose', answers, '--as-of', AS_OF, '-f', 'json'])).code).toBe(1);
    expect((await runCli(['checklist', '--import', file, '--into', answers])).stderr).toMatch(
      /^filing-check: .*checklist\.xlsx: 工作表「材料清单」第 \d+ 行 J 列（备注（不适用时写理由））: 从 Word 粘贴的换行已按新的一行读取\n$/,
    );
  });

  it('refuses a formula with no stored result instead of erasing the field', async () => {
    const file = await workbookWith((sheet, row) => void (sheet.getRow(row).getCell(7).value = { formula: 'Sheet2!B3' } as ExcelJS.CellFormulaValue));
    const run = await importInto(file);
    expect(run.stderr).toMatch(/^filing-check: .*checklist\.xlsx: sheet "材料清单" row \d+, column G \(负责人\): the formula =Sheet2!B3 has no stored result; open the file in Excel and save it, then try again\n$/);
    expect(run.code).toBe(2);
    // Chinese, the default: the cell as a Chinese user names it.
    expect((await runCli(['checklist', '--import', file, '--into', answers])).stderr).toMatch(
      /^filing-check: .*checklist\.xlsx: 工作表「材料清单」第 \d+ 行 G 列（负责人）: 公式 =Sheet2!B3 没有保存计算结果；请在 Excel 中打开并保存该文件后再导入\n$/,
    );
    expect(await readFile(answers, 'utf8')).toBe(original);
  });
});

describe('workbooks as other programs write them', () => {
  const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const xml = (text: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${text}`);

  // As the Open XML SDK writes it: every element prefixed (x:), shared strings with rich-text runs and
  // a phonetic guide, the due date as a number in a date style, the sheet after the shared strings.
  it('reads prefixed SpreadsheetML, rich text without its phonetic guide, and a date-styled number as a date', async () => {
    const strings = ['编号（请勿修改）', '负责人', '截止日期', 'feed/algorithm-self-assessment'];
    const file = join(dir, 'sdk.xlsx');
    await writeFile(file, zipArchive([
      { name: 'xl/workbook.xml', data: xml(`<x:workbook xmlns:x="${MAIN}" xmlns:r="${REL}"><x:sheets><x:sheet name="材料清单" sheetId="1" r:id="R7"/></x:sheets></x:workbook>`) },
      { name: 'xl/_rels/workbook.xml.rels', data: xml(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="R7" Type="${REL}/worksheet" Target="/xl/worksheets/data.xml"/></Relationships>`) },
      { name: 'xl/styles.xml', data: xml(`<x:styleSheet xmlns:x="${MAIN}"><x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></x:numFmts><x:cellXfs count="2"><x:xf numFmtId="0"/><x:xf numFmtId="164" applyNumberFormat="1"/></x:cellXfs></x:styleSheet>`) },
      { name: 'xl/sharedStrings.xml', data: xml(`<x:sst xmlns:x="${MAIN}">${strings.map((t) => `<x:si><x:t>${t}</x:t></x:si>`).join('')}<x:si><x:r><x:t>李</x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t>律师</x:t></x:r><x:rPh sb="0" eb="1"><x:t>リ</x:t></x:rPh></x:si></x:sst>`) },
      { name: 'xl/worksheets/data.xml', data: xml(`<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="s"><x:v>2</x:v></x:c></x:row><x:row r="2"><x:c r="A2" t="s"><x:v>3</x:v></x:c><x:c r="B2" t="s"><x:v>4</x:v></x:c><x:c r="C2" s="1"><x:v>46376</x:v></x:c></x:row></x:sheetData></x:worksheet>`) },
    ]));
    const run = await importInto(file);
    expect(run.stderr).toBe(oldWay(file));
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').filter((line) => line.startsWith('feed/algorithm-self-assessment '))).toEqual([
      'feed/algorithm-self-assessment  owner: 张敏 → 李律师',
      'feed/algorithm-self-assessment  due: 2026-12-18 → 2026-12-20',
    ]);
  });
});

describe('the ZIP guard, before anything is unpacked', () => {
  const xlsx = async (bytes: Buffer) => {
    const file = join(dir, 'filled.xlsx');
    await writeFile(file, bytes);
    return file;
  };

  it('refuses a zip bomb by its uncompressed size', async () => {
    const file = await xlsx(zipArchive([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(72 * MiB, 0x20) }]));
    const run = await importInto(file);
    expect(run.stderr).toBe(`filing-check: ${file}: unpacks to 72 MiB, more than the 64 MiB allowed; ${EXPECTED}\n`);
    expect(run.code).toBe(2);
    expect((await importInChinese(file)).stderr).toBe(`filing-check: ${file}: 解压后为 72 MiB，超过允许的 64 MiB；${EXPECTED_ZH}\n`);
  });

  it('refuses a sheet past the row cap, naming the sheet, however little markup its rows take', async () => {
    const file = await workbookWith((sheet, row) => void (sheet.getRow(row + 6_000).getCell(1).value = 'feed/algorithm-self-assessment'));
    const run = await importInto(file);
    expect(run.stderr).toBe(`filing-check: ${file}: sheet "材料清单" has more than 5,000 rows; ${EXPECTED}\n`);
    expect(run.code).toBe(2);
    expect((await importInChinese(file)).stderr).toBe(`filing-check: ${file}: 工作表「材料清单」超过 5,000 行；${EXPECTED_ZH}\n`);
    expect(await readFile(answers, 'utf8')).toBe(original);
  });

  it('refuses an archive of too many parts', async () => {
    const parts = Array.from({ length: 2_001 }, (_, i) => ({ name: `xl/media/image${i}.png`, data: Buffer.from('x') }));
    const file = await xlsx(zipArchive(parts));
    expect((await importInto(file)).stderr).toBe(`filing-check: ${file}: the archive holds more than 2,000 parts; ${EXPECTED}\n`);
  });

  it('refuses an archive that declares less than it holds, without inflating the rest', async () => {
    const file = await xlsx(zipArchive([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(32 * MiB, 0x20), declaredSize: 1_000 }]));
    expect((await importInto(file)).stderr).toBe(`filing-check: ${file}: part "xl/worksheets/sheet1.xml" unpacks to more than the 1000 bytes its directory declares; ${EXPECTED}\n`);
  });

  it('passes the workbooks filing-check writes', async () => {
    const file = await workbookWith(() => undefined);
    expect(zipArchiveProblem(await readFile(file), XLSX_LIMITS)).toBeNull();
  });
});
