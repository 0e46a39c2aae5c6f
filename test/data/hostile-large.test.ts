// Inputs made large on purpose (zip bombs, archives that lie, a million rows, elements by the
// hundred thousand, a 100 MB line): each is refused with exit 2 and one message, and the run's
// peak memory, measured on the built CLI, stays within 256 MiB.
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, tempDir } from '../helpers.js';
import { zipArchive, type ZipPart } from '../helpers/zip.js';
import { DOCX_LIMITS } from '../../src/data/zip-guard.js';

const MiB = 1024 * 1024;
const PEAK_LIMIT_KIB = 256 * 1024;
const PRELOAD = join(ROOT, 'test', 'helpers', 'peak-memory.cjs');
const CHECKLIST = 'expected a checklist written by filing-check checklist (.xlsx, .csv or .docx)';
let dir: string;
let answers: string;

beforeAll(() => {
  dir = tempDir();
  answers = join(dir, 'filing.yaml');
  copyFileSync(join(ROOT, 'examples', 'filing.yaml'), answers);
});

/** Runs the built CLI with the peak-memory preload; returns its exit code, stderr and peak in KiB. */
function measured(args: string[], input?: Buffer): { code: number; stderr: string; peakKiB: number } {
  const peakFile = join(dir, 'peak');
  const run = spawnSync(process.execPath, ['--require', PRELOAD, BIN, ...args], {
    cwd: dir,
    input: input ?? '',
    encoding: 'utf8',
    // In English: these cases are about memory; test/cli-cases.ts words the refusals in Chinese.
    env: { ...process.env, NO_COLOR: '1', PEAK_MEMORY_FILE: peakFile, LANG: 'en_US.UTF-8' },
    maxBuffer: 16 * MiB,
    timeout: 120_000,
  });
  return { code: run.status ?? -1, stderr: run.stderr, peakKiB: Number(readFileSync(peakFile, 'utf8')) };
}

function file(name: string, bytes: Buffer | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

const xml = (text: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${text}`);
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A workbook exceljs opens: one items sheet whose sheetData is `rows`. */
function workbook(rows: string): Buffer {
  const parts: ZipPart[] = [
    { name: '[Content_Types].xml', data: xml('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>') },
    { name: '_rels/.rels', data: xml(`<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC}/officeDocument" Target="xl/workbook.xml"/></Relationships>`) },
    { name: 'xl/workbook.xml', data: xml(`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${DOC}"><sheets><sheet name="材料清单" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
    { name: 'xl/_rels/workbook.xml.rels', data: xml(`<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`) },
    { name: 'xl/worksheets/sheet1.xml', data: xml(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`) },
  ];
  return zipArchive(parts);
}

/** A Word document mammoth opens, whose body is `body`. */
function document(body: string): Buffer {
  return zipArchive([
    { name: '[Content_Types].xml', data: xml('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>') },
    { name: '_rels/.rels', data: xml(`<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC}/officeDocument" Target="word/document.xml"/></Relationships>`) },
    { name: 'word/document.xml', data: xml(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`) },
  ]);
}

const ENGLISH = `<w:p><w:r><w:t>${'The algorithm recommends goods from browsing and clicks. '.repeat(3).slice(0, 162)}</w:t></w:r></w:p>`;
const rowsOf = (count: number, row: (n: number) => string) => Array.from({ length: count }, (_, i) => row(i + 1)).join('');
const PARAGRAPH = '<w:p><w:r><w:t>本算法应用于首页推荐场景，根据用户的浏览、点击等行为数据，向用户推荐可能感兴趣的商品。</w:t></w:r></w:p>';

// As many English paragraphs (162 characters of text each) as the XML limit takes.
const ENGLISH_REPEATS = Math.floor(DOCX_LIMITS.maxXmlBytes / Buffer.byteLength(ENGLISH)) - 100;

const CASES: [name: string, args: () => string[], input: (() => Buffer) | undefined, stderr: (path: string) => string][] = [
  ['an xlsx zip bomb', () => ['checklist', '--import', file('bomb.xlsx', zipArchive([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(200 * MiB, 0x20) }])), '--into', answers], undefined,
    (p) => `${p}: unpacks to 200 MiB, more than the 64 MiB allowed; ${CHECKLIST}`],
  ['an xlsx that declares less than it holds', () => ['checklist', '--import', file('liar.xlsx', zipArchive([{ name: 'xl/sharedStrings.xml', data: Buffer.alloc(200 * MiB, 0x20), declaredSize: 4096 }])), '--into', answers], undefined,
    (p) => `${p}: part "xl/sharedStrings.xml" unpacks to more than the 4096 bytes its directory declares; ${CHECKLIST}`],
  ['an xlsx of 1,000,000 rows', () => ['checklist', '--import', file('million.xlsx', workbook(rowsOf(1_000_000, (n) => `<row r="${n}"><c r="A${n}" t="inlineStr"><is><t>feed/x</t></is></c></row>`))), '--into', answers], undefined,
    (p) => `${p}: unpacks to 73.3 MiB, more than the 64 MiB allowed; ${CHECKLIST}`],
  ['an xlsx of a million empty rows, within the size limit', () => ['checklist', '--import', file('rows.xlsx', workbook(rowsOf(1_000_000, (n) => `<row r="${n}"><c r="A${n}"/></row>`))), '--into', answers], undefined,
    (p) => `${p}: sheet "材料清单" has more than 5,000 rows; ${CHECKLIST}`],
  ['a CSV of rows up to the size limit', () => ['checklist', '--import', file('rows.csv', `编号（请勿修改）,负责人\r\n${'feed/algorithm-self-assessment,张敏\r\n'.repeat(200_000)}`), '--into', answers], undefined,
    (p) => `${p}: more than 5,000 rows; ${CHECKLIST}`],
  ['a CSV past the size limit', () => ['checklist', '--import', file('large.csv', `编号（请勿修改）,负责人\r\n${'feed/algorithm-self-assessment,张敏\r\n'.repeat(300_000)}`), '--into', answers], undefined,
    (p) => `${p}: larger than 8 MiB; ${CHECKLIST}`],
  ['a docx zip bomb', () => ['lint', file('bomb.docx', zipArchive([{ name: 'word/document.xml', data: Buffer.alloc(256 * MiB, 0x20) }]))], undefined,
    (p) => `${p}: unpacks to 256 MiB, more than the 64 MiB allowed; expected a .docx draft`],
  ['a docx of 300,000 empty paragraphs', () => ['lint', file('empty.docx', document('<w:p/>'.repeat(300_000)))], undefined,
    (p) => `${p}: its text and tables hold more than 100,000 XML elements; expected a .docx draft`],
  ['a docx of English text just within the XML limit', () => ['lint', '--kind', 'disclosure', file('long.docx', document(ENGLISH.repeat(ENGLISH_REPEATS)))], undefined,
    (p) => `${p}: holds ${ENGLISH_REPEATS * 162} characters, more than the 1000000 a draft may have; expected one 拟公示内容 or 自评估报告`],
  ['suggest-type on one 100 MB line', () => ['suggest-type'], () => Buffer.alloc(100 * MiB, 'a'),
    () => '<stdin>: line 1 is longer than 10000 characters; expected one 主要用途 text per line'],
  ['an answers file of 5 MiB of brackets', () => ['diagnose', '-'], () => Buffer.alloc(5 * MiB - 1, '['),
    () => '<stdin>: nested more than 64 levels deep; expected an answers or rules file (they nest a few levels)'],
];

describe('large hostile inputs, in bounded memory', () => {
  it('a real-sized Chinese draft just within the XML limit is linted within the bound', () => {
    const run = measured(['lint', '--kind', 'disclosure', file('report.docx', document(PARAGRAPH.repeat(Math.floor(DOCX_LIMITS.maxXmlBytes / Buffer.byteLength(PARAGRAPH)) - 100)))]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.peakKiB, `peak ${Math.round(run.peakKiB / 1024)} MiB`).toBeLessThanOrEqual(PEAK_LIMIT_KIB);
  }, 120_000);

  it.each(CASES)('%s', (_name, args, input, stderr) => {
    const argv = args();
    const run = measured(argv, input?.());
    const path = argv.find((a) => a.startsWith(dir)) ?? '';
    expect(run.stderr).toBe(`filing-check: ${stderr(path)}\n`);
    expect(run.code).toBe(2);
    expect(run.peakKiB, `peak ${Math.round(run.peakKiB / 1024)} MiB`).toBeLessThanOrEqual(PEAK_LIMIT_KIB);
  }, 120_000);
});
