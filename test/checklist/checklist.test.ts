// The client checklist: goldens of the text formats for real and generic cases, the Word and Excel
// files opened again with their own libraries, escaping of hostile strings, and the --out rules.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { LAYOUT } from '../../src/checklist/layout.js';
import { t } from '../../src/messages/messages.js';
import { parseCsv } from '../../src/text/csv.js';
import { AS_OF, expectGolden, expectTablesIntact, runCli, tempDir } from '../helpers/formats.js';
import { runMain } from '../helpers.js';

const GUIDANCE = ['--rules', 'test/fixtures/formats/rules-guidance'];
const CASES: Record<string, string[]> = {
  ecommerce: ['examples/filing.yaml', ...GUIDANCE],
  genai: ['test/fixtures/formats/genai.yaml'],
  hostile: ['test/fixtures/formats/hostile.yaml'],
  'generic-02': ['--type', '02'],
  'generic-01-supporter': ['--type', '生成合成类', '--role', 'technical-supporter'],
  'generic-06-en': ['--type', '6', '--lang', 'en'],
};

async function checklist(args: string[], format: string) {
  const run = await runCli(['checklist', ...args, '--as-of', AS_OF, '-f', format]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return run.stdout;
}

async function binary(args: string[], format: 'docx' | 'xlsx'): Promise<Buffer> {
  const dir = await tempDir();
  const out = join(dir, `checklist.${format}`);
  const run = await runCli(['checklist', ...args, '--as-of', AS_OF, '-f', format, '--out', out]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return readFile(out);
}

describe('checklist goldens', () => {
  for (const [name, args] of Object.entries(CASES)) {
    for (const format of ['md', 'html', 'csv']) {
      it(`${name} as ${format}`, async () => expectGolden(`checklist-${name}.${format}`, await checklist(args, format)));
    }
  }
});

describe('what each item carries', () => {
  it('title, why (article and instrument), how to prepare, reasons for return, status, owner, due, notes', async () => {
    const md = await checklist(CASES.ecommerce!, 'md');
    // The first 算法安全自评估报告, up to the next heading: numbering moves as the rule packs change.
    const start = md.search(/### \d+\. 算法安全自评估报告/);
    const item = md.slice(start, md.indexOf('\n### ', start + 1));
    expect(item).toContain('feed/algorithm-self-assessment');
    expect(item).toContain('为什么需要: 《互联网信息服务算法推荐管理规定》第二十四条');
    expect(item).toContain('  - 由算法安全责任人签字并加盖公章。');
    expect(item).toContain('  - 套用其他类型的模板，与备案类型不符。');
    expect(item).toContain('☑ 草稿');
    expect(item).toContain('负责人: 张敏');
    expect(item).toContain('截止: 2026-12-18');
    expect(md).toContain('由集团统一的反诈制度覆盖，见集团制度汇编第 7 章');
  });

  it('builds the generic checklist by running the real core on typical answers', async () => {
    const personalised = await checklist(['--type', '02'], 'csv');
    const keys = parseCsv(personalised).slice(1).map((r) => r[0]);
    expect(keys).toContain('algorithm/user-opt-out');
    expect(keys).toContain('algorithm/user-tag-management');
    expect(keys).toContain('entity/entity-commitment-letter');
    const supporter = parseCsv(await checklist(['--type', '01', '--role', 'technical-supporter'], 'csv')).slice(1).map((r) => r[0]);
    expect(supporter).toContain('algorithm/algorithm-tech-service');
    expect(supporter).not.toContain('algorithm/algorithm-product-info');
    expect(supporter).toContain('algorithm/genai-filing-form');
    const dispatch = parseCsv(await checklist(['--type', '06'], 'csv')).slice(1).map((r) => r[0]);
    expect(dispatch).toContain('algorithm/user-workers');
  });

  it('escapes hostile strings in md, html and csv', async () => {
    const md = await checklist(CASES.hostile!, 'md');
    expect(md).toContain('&lt;script&gt;alert(\'x\')&lt;/script&gt; &amp; Co \\| =HYPERLINK');
    expectTablesIntact(md);
    const html = await checklist(CASES.hostile!, 'html');
    expect(html).not.toMatch(/<script|<img|<b>/);
    expect(html).toContain('&#60;script&#62;');
    const csv = await checklist(CASES.hostile!, 'csv');
    expect(csv).toContain("'+cmd|' /C calc'!A0");
    expect(parseCsv(csv).find((r) => r[0] === 'feed/algorithm-self-assessment')).toContain("+cmd|' /C calc'!A0");
  });
});

describe('Word checklist', () => {
  it('opens with mammoth and holds every item, its guidance and the tracking fields', async () => {
    const docx = await binary(CASES.ecommerce!, 'docx');
    const { value: text } = await mammoth.extractRawText({ buffer: docx });
    expect(text).toContain('算法备案材料清单');
    expect(text).toContain('杭州云栖优选网络科技有限公司');
    // The CSV's rows of materials: below its header, above the values at export.
    const csv = parseCsv(await checklist(CASES.ecommerce!, 'csv')).slice(1, -1);
    for (const row of csv) expect(text, row[0]).toContain(row[0]!);
    expect(text).toContain('由算法安全责任人签字并加盖公章。');
    expect(text).toContain('制度文件的公章与营业执照名称不一致 <主体不符>');
    expect(text).toContain('☑ 草稿');
    expect(text).toContain('由集团统一的反诈制度覆盖，见集团制度汇编第 7 章');
    // Only the Word checklist says how to tick a box; the import reads what it says.
    expect(text).toContain('6. 在 Word 中：把所选状态前的 ☐ 改为 ☑（或打 √），其余保持 ☐；');
  });

  it('is A4 landscape with real tables, repeating header rows and Chinese fonts', async () => {
    const zip = await JSZip.loadAsync(await binary(CASES.genai!, 'docx'));
    const document = await zip.file('word/document.xml')!.async('string');
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(document).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    // The entity, the service and the avatar and tts-api materials, then the continuing duties of the entity, avatar and tts-api.
    expect((document.match(/<w:tbl>/g) ?? []).length).toBe(7);
    expect((document.match(/<w:tblHeader\/>/g) ?? []).length).toBe(7);
    expect(document).toContain('<w:gridCol w:w=');
    expect(styles).toContain(`w:eastAsia="${LAYOUT.document.fonts.eastAsia}"`);
    expect(document).toContain(LAYOUT.document.fonts.heading);
  });

  it('keeps hostile strings as text', async () => {
    const { value: text } = await mammoth.extractRawText({ buffer: await binary(CASES.hostile!, 'docx') });
    expect(text).toContain(`<script>alert('x')</script> & Co | =HYPERLINK("http://evil") 有限公司`);
    expect(text).toContain('::warning file=x,line=1::boom');
  });
});

describe('Excel checklist', () => {
  async function workbook(args: string[]) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await binary(args, 'xlsx')) as unknown as ExcelJS.Buffer);
    return book;
  }

  it('has the items sheet with frozen header, widths, status lists, notes, and an instructions sheet', async () => {
    const book = await workbook(CASES.ecommerce!);
    // The values at export go on a third sheet that Excel does not list and keeps protected.
    expect(book.worksheets.map((w) => [w.name, w.state])).toEqual([['材料清单', 'visible'], ['填写说明', 'visible'], ['filing-check', 'veryHidden']]);
    const zip = await JSZip.loadAsync(await binary(CASES.ecommerce!, 'xlsx'));
    expect(await zip.file('xl/worksheets/sheet3.xml')!.async('string')).toContain('<sheetProtection sheet="1"');
    const sheet = book.getWorksheet('材料清单')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = (sheet.getRow(1).values as string[]).slice(1);
    expect(header).toEqual(['编号（请勿修改）', '序号', '所属', '材料', '重要程度', '状态', '负责人', '截止日期', '文件', '备注（不适用时写理由）', '为什么需要（依据）', '如何准备', '常见退回原因']);
    LAYOUT.sheet.columns.forEach((c, i) => expect(sheet.getColumn(i + 1).width).toBe(c.width));
    const csv = parseCsv(await checklist(CASES.ecommerce!, 'csv')).slice(0, -1);
    expect(sheet.rowCount).toBe(csv.length);
    const statusColumn = header.indexOf('状态') + 1;
    for (let r = 2; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      expect(row.getCell(1).value).toBe(csv[r - 1]![0]);
      expect(row.getCell(statusColumn).dataValidation).toMatchObject({ type: 'list', formulae: ['"缺失,草稿,就绪,不适用"'] });
    }
    const antiFraud = csv.findIndex((r) => r[0] === 'entity/system-anti-fraud') + 1;
    expect(sheet.getRow(antiFraud).getCell(header.indexOf('备注（不适用时写理由）') + 1).value).toBe('由集团统一的反诈制度覆盖，见集团制度汇编第 7 章');
    expect(sheet.getRow(antiFraud).getCell(statusColumn).value).toBe('不适用');
    const prepare = csv.findIndex((r) => r[0] === 'feed/algorithm-self-assessment') + 1;
    expect(sheet.getRow(prepare).getCell(header.indexOf('如何准备') + 1).value).toContain('3. 由算法安全责任人签字并加盖公章。');
    const guide = book.getWorksheet('填写说明')!;
    const lines = guide.getColumn(1).values.filter(Boolean) as string[];
    expect(lines[0]).toBe('算法备案材料清单');
    expect(lines.some((l) => l.startsWith('2. 选择“不适用”时'))).toBe(true);
  });

  it('gives each cell at most one validation, as Excel opens the file without repairing it', async () => {
    for (const args of [CASES.ecommerce!, CASES['generic-06-en']!]) {
      const zip = await JSZip.loadAsync(await binary(args, 'xlsx'));
      const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
      const ranges = [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].flatMap((m) => m[1]!.split(' '));
      const cells = ranges.flatMap((range) => {
        const [, column, top, , bottom = top] = /^([A-Z]+)(\d+)(:[A-Z]+(\d+))?$/.exec(range)!;
        return Array.from({ length: Number(bottom) - Number(top) + 1 }, (_, i) => `${column}${Number(top) + i}`);
      });
      expect(new Set(cells).size, ranges.join(' ')).toBe(cells.length);
      const rows = parseCsv(await checklist(args, 'csv')).length - 1;
      expect(ranges, 'the status column of every item row').toEqual([`F2:F${rows}`]);
    }
  });

  it('keeps hostile strings as text, never as formulas', async () => {
    const sheet = (await workbook(CASES.hostile!)).getWorksheet('材料清单')!;
    const values = sheet.getSheetValues().flat().filter((v) => v !== undefined && v !== null);
    expect(values.some((v) => typeof v === 'object')).toBe(false);
    expect(values).toContain("+cmd|' /C calc'!A0");
    expect(values).toContain('-2+3');
  });

  it('writes English headers and status words with --lang en', async () => {
    const sheet = (await workbook(['--type', '02', '--lang', 'en'])).getWorksheet('Checklist')!;
    expect(sheet.getRow(1).getCell(6).value).toBe('Status');
    expect(sheet.getRow(2).getCell(6).dataValidation.formulae).toEqual(['"missing,draft,ready,not applicable"']);
  });
});

describe('--out and usage', () => {
  it('writes atomically and never overwrites without --force, leaving the file untouched', async () => {
    const dir = await tempDir();
    const out = join(dir, 'checklist.xlsx');
    await writeFile(out, 'the client already filled this in');
    const refused = await runCli(['checklist', 'examples/filing.yaml', '-f', 'xlsx', '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`filing-check: ${out}: 文件已存在；如需替换请加 --force（文件未作改动）\n`);
    expect((await runCli(['checklist', 'examples/filing.yaml', '-f', 'xlsx', '--out', out, '--lang', 'en'])).stderr).toBe(`filing-check: ${out}: file exists; pass --force to replace it (it was left untouched)\n`);
    expect(await readFile(out, 'utf8')).toBe('the client already filled this in');
    const forced = await runCli(['checklist', 'examples/filing.yaml', '-f', 'xlsx', '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect((await readFile(out)).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses usage mistakes with exit 2 and one line, in Chinese by default and in English', async () => {
    const types = ['01 生成合成类', '06 调度决策类', '02 个性化推送类', '04 信息检索类', '03 排序精选类', '05 内容过滤类'];
    const cases: [string[], string, string][] = [
      [['examples/filing.yaml', '-f', 'docx'], '--format docx 是二进制文件；请加 --out FILE（例如 --out checklist.docx）', '--format docx is a binary file; pass --out FILE (for example --out checklist.docx)'],
      [['--role', 'provider'], '--role 须与 --type 一起使用（通用清单）；具体案例的角色写在答案文件中', '--role goes with --type (a generic checklist); for a case, the role is in the answers file'],
      [['examples/filing.yaml', '--type', '02'], '--type 生成不需要答案的通用清单；请只给出答案文件或 --type 其中之一', '--type makes a generic checklist without answers; give either an answers file or --type'],
      [
        ['--type', '02', '--role', 'technical-supporter'],
        '--role technical-supporter: 备案系统仅对 01 类（生成合成类）设有技术支持者这一角色；02 类由服务提供者备案',
        '--role technical-supporter: the filing system has this role only for type 01 (生成合成类); type 02 is filed by the provider',
      ],
      [['--type', '07'], `--type 07: 应为算法类型的代码或名称（${types.join('、')}）`, `--type 07: expected a type code or name (${types.join(', ')})`],
      [['--type', '检索过滤类'], '--type 检索过滤类: 对应多个类型（04、05）；请给出一个代码', '--type 检索过滤类: names several types (04, 05); give one code'],
      [['--import', 'x.xlsx'], '--import 与 --into 须一起使用：checklist --import filled.xlsx --into filing.yaml', '--import and --into go together: checklist --import filled.xlsx --into filing.yaml'],
      [['--import', 'x.xlsx', '--into', '-'], '--into -: 应为要更新的答案文件的路径', '--into -: expected the path of the answers file to update'],
      [['examples/filing.yaml', '--import', 'x.xlsx', '--into', 'y.yaml'], '--import 用于读回填写后的清单；请勿同时给出答案文件或 --type', '--import reads a checklist back; give no answers file or --type with it'],
    ];
    for (const [args, zh, en] of cases) {
      expect(await runMain(['checklist', ...args]), args.join(' ')).toEqual({ code: 2, stdout: '', stderr: `filing-check: ${zh}\n` });
      expect(await runMain(['checklist', ...args, '--lang', 'en']), args.join(' ')).toEqual({ code: 2, stdout: '', stderr: `filing-check: ${en}\n` });
    }
  });

  it('reads the answers from stdin', async () => {
    const run = await runCli(['checklist', '-', '--as-of', AS_OF], { stdin: await readFile('examples/filing.yaml', 'utf8') });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('| 答案文件 | &lt;stdin&gt; |');
  });
});

describe('each document tells the client to keep what it has', () => {
  // The line on what not to change names the document's own place for the key: a sheet's key column,
  // Word's grey key line under each title; Markdown and HTML are read, never imported.
  for (const [lang, args, words] of [
    ['zh', CASES.ecommerce!, { column: '“编号（请勿修改）”列', keyLine: '材料标题下的灰色编号', anyKeyColumn: /“编号[^”]*”列/, imported: '发回顾问导入', reading: '不能导入' }],
    ['en', CASES['generic-06-en']!, { column: 'Key (do not edit) column', keyLine: "grey key under each material's title", anyKeyColumn: /Key (\(do not edit\) )?column/, imported: 'consultant to import', reading: 'cannot be imported' }],
  ] as const) {
    it(`in ${lang}`, async () => {
      const docx = (await mammoth.extractRawText({ buffer: await binary(args, 'docx') })).value;
      expect(docx).toContain(words.keyLine);
      expect(docx).toContain(words.imported);
      expect(docx).not.toContain(words.column);
      expect(docx).not.toMatch(words.anyKeyColumn);

      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await binary(args, 'xlsx')) as unknown as ExcelJS.Buffer);
      expect((book.worksheets[0]!.getRow(1).values as string[])[1]).toBe(t(lang, 'checklist.col.key'));
      const sheetGuide = (book.worksheets[1]!.getColumn(1).values.filter(Boolean) as string[]).join('\n');
      expect(sheetGuide).toContain(words.column);
      expect(sheetGuide).not.toContain(words.keyLine);

      for (const format of ['md', 'html']) {
        const text = await checklist(args, format);
        expect(text, format).toContain(words.reading);
        expect(text, format).not.toContain(words.imported);
        expect(text, format).not.toContain(words.column);
      }
    });
  }
});

describe('wording', () => {
  it('has every checklist, diff and ui message in both languages, as plain strings', async () => {
    const { messageKeys, t } = await import('../../src/messages/messages.js');
    for (const key of messageKeys().filter((k) => /^(checklist|diff|ui)\./.test(k))) {
      for (const lang of ['zh', 'en'] as const) expect(typeof t(lang, key), `${key}.${lang}`).toBe('string');
    }
    const raw = (await import('../../src/messages/messages.yaml')).default as Record<string, object>;
    for (const [key, entry] of Object.entries(raw)) expect(Object.keys(entry).sort(), key).toEqual(['en', 'zh']);
  });
});
