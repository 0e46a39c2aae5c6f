// Round trip: export a checklist, edit it the way a client does (Excel cells, CSV fields, Word cells), import
// it back into the answers file, and check that exactly those fields changed and nothing else did.
import { copyFile, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { csvFile, parseCsv } from '../../src/text/csv.js';
import { editCsv, editXlsx } from '../helpers/checklist-files.js';
import { AS_OF, ROOT, runCli, tempDir } from '../helpers/formats.js';
import { COLUMN, cellParagraphs, editCell, editDocx, editRow, rowKeys, setTracking, tickStatus, wordParagraphs } from '../helpers/word.js';

let dir: string;
let answers: string;
let original: string;

beforeEach(async () => {
  dir = await tempDir();
  answers = join(dir, 'filing.yaml');
  await copyFile(join(ROOT, 'examples/filing.yaml'), answers);
  original = await readFile(answers, 'utf8');
});

async function exportChecklist(format: 'xlsx' | 'csv' | 'docx', extra: string[] = []): Promise<string> {
  const out = join(dir, `checklist.${format}`);
  const run = await runCli(['checklist', answers, '--as-of', AS_OF, '-f', format, '--out', out, ...extra]);
  expect(run.stderr).toBe('');
  return out;
}

const importInto = (checklist: string, ...extra: string[]) => runCli(['checklist', '--import', checklist, '--into', answers, ...extra]);
const commentLines = (text: string) => text.split('\n').filter((l) => l.includes('#'));

/** The answers data after applying per-key field changes to the original's data. */
function expectData(text: string, changes: Record<string, Record<string, string | undefined>>): void {
  const expected = parse(original);
  for (const [key, fields] of Object.entries(changes)) {
    const [owner, id] = key.split('/') as [string, string];
    const holder = owner === 'entity' ? expected : [...expected.algorithms, ...expected.services].find((a: { id: string }) => a.id === owner);
    holder.materials ??= {};
    const entry = (holder.materials[id] ??= {});
    for (const [field, value] of Object.entries(fields)) {
      if (value === undefined) delete entry[field];
      else entry[field] = value;
    }
  }
  expect(parse(text)).toEqual(expected);
}

const CHANGES = {
  'feed/algorithm-self-assessment': { status: 'ready', due: undefined, file: 'docs/feed/自评估报告-终稿.docx' },
  'feed/user-minors': { owner: '李律师', due: '2026-12-31', reason: '青少年模式说明待补截图' },
  'bestseller-list/algorithm-disclosure': { status: 'draft', owner: '产品部' },
  'entity/system-ethics-review': { status: 'not-applicable', owner: undefined, reason: '集团伦理委员会统一审查，见集团制度汇编' },
  'entity/system-data-security': { status: 'ready', file: 'docs/entity/数据安全管理制度.pdf' },
  'copywriter/labeling-explicit': { owner: '前端组 王工' },
};

describe('xlsx round trip', () => {
  it('writes every edited field, and only those, keeping comments and layout', async () => {
    const xlsx = await exportChecklist('xlsx');
    await editXlsx(xlsx, (set) => {
      set('feed/algorithm-self-assessment', '状态', '就绪');
      set('feed/algorithm-self-assessment', '截止日期', null);
      set('feed/algorithm-self-assessment', '文件', 'docs/feed/自评估报告-终稿.docx');
      set('feed/user-minors', '负责人', '李律师');
      // Excel turns a typed date into a date cell when the format allows it; both forms import.
      set('feed/user-minors', '截止日期', new Date(Date.UTC(2026, 11, 31)));
      set('feed/user-minors', '备注（不适用时写理由）', { richText: [{ text: '青少年模式说明' }, { text: '待补截图', font: { bold: true } }] });
      set('bestseller-list/algorithm-disclosure', '状态', 'draft');
      set('bestseller-list/algorithm-disclosure', '负责人', '  产品部  ');
      set('entity/system-ethics-review', '状态', '不适用');
      set('entity/system-ethics-review', '负责人', '');
      set('entity/system-ethics-review', '备注（不适用时写理由）', '集团伦理委员会统一审查，见集团制度汇编');
      set('entity/system-data-security', '状态', 'Ready');
      set('entity/system-data-security', '文件', { text: 'docs/entity/数据安全管理制度.pdf', hyperlink: 'docs/entity/数据安全管理制度.pdf' });
      set('copywriter/labeling-explicit', '负责人', '前端组 王工');
    });

    const dry = await importInto(xlsx, "--dry-run");
    expect(dry.code).toBe(0);
    expect(await readFile(answers, 'utf8')).toBe(original);
    expect(dry.stdout).toContain('feed/algorithm-self-assessment  status: draft → ready');
    expect(dry.stdout).toContain('feed/algorithm-self-assessment  due: 2026-12-18 → —');
    expect(dry.stdout).toContain('entity/system-ethics-review  owner: 法务部 → —');
    expect(dry.stdout).toContain('试运行：');

    const run = await importInto(xlsx);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${dry.stdout.split('\n').slice(0, -2).join('\n')}\n已更新 ${answers}：14 处修改。\n`);
    const text = await readFile(answers, 'utf8');
    expectData(text, CHANGES);
    expect(commentLines(text)).toEqual(commentLines(original));
    expect(text.split('\n').length).toBe(original.split('\n').length + 3);

    // The updated file diagnoses, and a fresh export imports as no change.
    expect((await runCli(['diagnose', answers, '--as-of', AS_OF, '-f', 'json'])).code).toBe(1);
    const again = await exportChecklist('xlsx', ['--force']);
    const none = await importInto(again);
    expect(none.stdout).toBe(`没有需要写入 ${answers} 的修改。\n`);
    expect(await readFile(answers, 'utf8')).toBe(text);
  });

  it('reads a due date typed as the questionnaire reads it', async () => {
    const typed = { 'feed/user-minors': '2026/12/31', 'feed/algorithm-self-assessment': '2027.1.5', 'bestseller-list/algorithm-disclosure': '2027年2月3日', 'copywriter/labeling-explicit': '20270304' };
    const xlsx = await exportChecklist('xlsx');
    await editXlsx(xlsx, (set) => {
      for (const [key, due] of Object.entries(typed)) set(key, '截止日期', due);
    });
    const run = await importInto(xlsx);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expectData(await readFile(answers, 'utf8'), {
      'feed/user-minors': { due: '2026-12-31' },
      'feed/algorithm-self-assessment': { due: '2027-01-05' },
      'bestseller-list/algorithm-disclosure': { due: '2027-02-03' },
      'copywriter/labeling-explicit': { due: '2027-03-04' },
    });
  });

  it('changes nothing for an unedited export and leaves the file untouched', async () => {
    const before = await stat(answers);
    const run = await importInto(await exportChecklist('xlsx'));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('没有需要写入');
    expect((await stat(answers)).mtimeMs).toBe(before.mtimeMs);
  });

  it('reads an English checklist (headers and status words) too', async () => {
    const xlsx = await exportChecklist('xlsx', ['--lang', 'en']);
    await editXlsx(xlsx, (set) => set('entity/system-data-security', 'Status', 'not applicable'));
    await editXlsx(xlsx, (set) => set('entity/system-data-security', 'Notes (the reason, if not applicable)', 'covered by the group policy'));
    const run = await importInto(xlsx);
    expect(run.code).toBe(0);
    expectData(await readFile(answers, 'utf8'), { 'entity/system-data-security': { status: 'not-applicable', reason: 'covered by the group policy' } });
  });
});

describe('csv round trip', () => {
  it('writes every edited field, and only those', async () => {
    const csv = await exportChecklist('csv');
    await editCsv(csv, (rows, column) => {
      const row = (key: string) => rows.find((r) => r[0] === key)!;
      row('feed/algorithm-self-assessment')[column('状态')] = '就绪';
      row('feed/algorithm-self-assessment')[column('截止日期')] = '';
      row('feed/algorithm-self-assessment')[column('文件')] = 'docs/feed/自评估报告-终稿.docx';
      row('feed/user-minors')[column('负责人')] = '李律师';
      row('feed/user-minors')[column('截止日期')] = '2026-12-31';
      row('feed/user-minors')[column('备注（不适用时写理由）')] = '青少年模式说明待补截图';
      row('bestseller-list/algorithm-disclosure')[column('状态')] = '草稿';
      row('bestseller-list/algorithm-disclosure')[column('负责人')] = '产品部';
      row('entity/system-ethics-review')[column('状态')] = 'not-applicable';
      row('entity/system-ethics-review')[column('负责人')] = '';
      row('entity/system-ethics-review')[column('备注（不适用时写理由）')] = '集团伦理委员会统一审查，见集团制度汇编';
      row('entity/system-data-security')[column('状态')] = '就绪';
      row('entity/system-data-security')[column('文件')] = 'docs/entity/数据安全管理制度.pdf';
      row('copywriter/labeling-explicit')[column('负责人')] = '前端组 王工';
    });
    const run = await importInto(csv);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const text = await readFile(answers, 'utf8');
    expectData(text, CHANGES);
    expect(commentLines(text)).toEqual(commentLines(original));
  });

  it('round-trips values with formula prefixes, commas, quotes and line breaks', async () => {
    const csv = await exportChecklist('csv');
    const notes = '=SUM(A1)\n第二行, "引号"';
    await editCsv(csv, (rows, column) => {
      const row = rows.find((r) => r[0] === 'feed/user-minors')!;
      row[column('负责人')] = '@张三';
      row[column('备注（不适用时写理由）')] = notes;
    });
    expect(await readFile(csv, 'utf8')).toContain("'@张三");
    expect((await importInto(csv)).code).toBe(0);
    expectData(await readFile(answers, 'utf8'), { 'feed/user-minors': { owner: '@张三', reason: notes } });
    expect((await runCli(['diagnose', answers, '-f', 'json'])).stdout).toContain(JSON.stringify(notes));
  });

  it('keeps a JSON answers file JSON', async () => {
    const json = join(dir, 'filing.json');
    await writeFile(json, `${JSON.stringify(parse(original), null, 2)}\n`);
    answers = json;
    original = await readFile(json, 'utf8');
    const csv = await exportChecklist('csv');
    await editCsv(csv, (rows, column) => void (rows.find((r) => r[0] === 'search/algorithm-disclosure')![column('状态')] = '就绪'));
    expect((await importInto(csv)).code).toBe(0);
    const text = await readFile(json, 'utf8');
    expect(JSON.parse(text).algorithms[2].materials['algorithm-disclosure']).toEqual({ status: 'ready' });
  });
});

describe('bad checklists are refused with exit 2, the answers file untouched', () => {
  // These cases are about what is refused; the wording in Chinese is in test/cli-cases.ts.
  const importInto = (checklist: string, ...extra: string[]) => runCli(['checklist', '--import', checklist, '--into', answers, '--lang', 'en', ...extra]);
  const cases: [string, (rows: string[][], column: (h: string) => number) => void, RegExp][] = [
    ['an unknown key', (rows) => void (rows[5]![0] = 'feed/no-such-material'), /row 6, column A \(编号（请勿修改）\): unknown key "feed\/no-such-material"/],
    ['a key of another case', (rows) => void (rows[5]![0] = 'ranking/algorithm-disclosure'), /row 6, column A .*unknown key "ranking\/algorithm-disclosure"; expected .*feed, bestseller-list/],
    ['a material at the wrong level', (rows) => void (rows[5]![0] = 'entity/algorithm-disclosure'), /unknown key "entity\/algorithm-disclosure"/],
    ['an invalid status', (rows, column) => void (rows[3]![column('状态')] = '完成'), /row 4, column F \(状态\): "完成" is not a status; expected one of 缺失 \/ missing/],
    ['an empty status', (rows, column) => void (rows[3]![column('状态')] = ''), /row 4, column F \(状态\): the status is empty/],
    ['an invalid date', (rows, column) => void (rows[7]![column('截止日期')] = '2026-13-01'), /row 8, column H \(截止日期\): "2026-13-01" is not a date; expected a day such as 2026-12-20, 2026\/12\/20/],
    ['a date in words', (rows, column) => void (rows[7]![column('截止日期')] = '下周五'), /row 8, column H .*"下周五" is not a date/],
    ['not applicable without a reason', (rows, column) => void (rows[2]![column('状态')] = '不适用'), /row 3, column J \(备注（不适用时写理由）\): "entity\/system-ethics-review" is not applicable but gives no reason/],
    ['a duplicated key', (rows) => void (rows[4]![0] = rows[3]![0]!), /row 5, column A .*appears twice \(first at .*row 4, column A/],
    ['no key column', (rows) => void (rows[0]![0] = 'Schlüssel'), /no "编号（请勿修改）" \/ "Key \(do not edit\)" column in the first row/],
  ];
  for (const [name, edit, message] of cases) {
    it(`csv: ${name}`, async () => {
      const csv = await exportChecklist('csv');
      await editCsv(csv, edit);
      const run = await importInto(csv);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(await readFile(answers, 'utf8')).toBe(original);
    });
  }

  it('xlsx: names the sheet, row and column', async () => {
    const xlsx = await exportChecklist('xlsx');
    await editXlsx(xlsx, (set) => set('feed/user-minors', '截止日期', 'soon'));
    const run = await importInto(xlsx);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/checklist\.xlsx: sheet "材料清单" row \d+, column H \(截止日期\): "soon" is not a date/);
    expect(await readFile(answers, 'utf8')).toBe(original);
  });

  it('xlsx: every bad cell of the sheet at once, one line each', async () => {
    const xlsx = await exportChecklist('xlsx');
    await editXlsx(xlsx, (set) => {
      set('feed/user-minors', '截止日期', '2026/13/01');
      set('feed/algorithm-self-assessment', '状态', '完成');
      set('bestseller-list/algorithm-disclosure', '截止日期', '下周五');
      set('entity/system-ethics-review', '状态', '不适用');
      set('entity/system-ethics-review', '备注（不适用时写理由）', '');
      set('entity/system-data-security', '状态', '就绪');
    });
    const run = await importInto(xlsx);
    expect(run.code).toBe(2);
    const lines = run.stderr.trimEnd().split('\n');
    const at = `filing-check: ${xlsx}: sheet "材料清单" row \\d+, column`;
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line).toMatch(new RegExp(`^${at} [A-Z]+ \\(`));
    expect(lines.filter((l) => /column F \(状态\): "完成" is not a status/.test(l))).toHaveLength(1);
    expect(lines.filter((l) => /column H \(截止日期\): "2026\/13\/01" is not a date/.test(l))).toHaveLength(1);
    expect(lines.filter((l) => /column H \(截止日期\): "下周五" is not a date/.test(l))).toHaveLength(1);
    expect(lines.filter((l) => /"entity\/system-ethics-review" is not applicable but gives no reason/.test(l))).toHaveLength(1);
    expect(await readFile(answers, 'utf8')).toBe(original);
  });

  it('a generic checklist does not import into a real case', async () => {
    const out = join(dir, 'generic.csv');
    await runCli(['checklist', '--type', '02', '-f', 'csv', '--out', out]);
    const run = await importInto(out);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown key "service/security-assessment-report"');
  });

  it('other files and mistakes', async () => {
    const text = join(dir, 'notes.txt');
    await writeFile(text, 'x');
    const expected = 'expected a checklist written by filing-check checklist (.xlsx, .csv or .docx)';
    expect((await importInto(text)).stderr).toBe(`filing-check: ${text}: not a .xlsx, .csv or .docx file; ${expected}\n`);
    const broken = join(dir, 'broken.xlsx');
    await writeFile(broken, 'not a zip');
    expect((await importInto(broken)).stderr).toBe(`filing-check: ${broken}: not a readable Office file (no ZIP directory: a renamed .xls or .doc, or a damaged file?); ${expected}\n`);
    expect((await importInto(join(dir, 'missing.csv'))).stderr).toBe(`filing-check: ${join(dir, 'missing.csv')}: no such file; ${expected}\n`);
    expect((await runCli(['checklist', '--import', text, '--into', '-'])).code).toBe(2);
    expect(await readFile(answers, 'utf8')).toBe(original);
  });
});

describe('every column on every row imports, in every importable format', () => {
  // A client may fill any cell of any row: rows with no entry yet, rows with a reason (the example's
  // not-applicable anti-fraud row), each status. Every row gets all five columns. The CLI imports
  // .xlsx, .csv and .docx; the Markdown and HTML checklists are for reading and are not imported.
  const STATUS_WORDS = ['就绪', '草稿', '缺失', '不适用'] as const;
  const STATUS_IDS = ['ready', 'draft', 'missing', 'not-applicable'] as const;
  // How a client marks the chosen box in Word, row by row.
  const MARKS = ['☑', '√', '☒', '✓', 'x'] as const;
  const filled = (key: string, index: number) => ({
    status: STATUS_WORDS[index % 4]!,
    owner: `负责人${index}`,
    due: `2027-01-${String((index % 28) + 1).padStart(2, '0')}`,
    file: `材料/${key.replace('/', '-')}.pdf`,
    notes: `第 ${index} 行备注：客户已确认`,
  });
  const expectedChanges = (keys: string[]) =>
    Object.fromEntries(keys.map((key, index) => {
      const f = filled(key, index);
      const [owner, id] = key.split('/') as [string, string];
      const data = parse(original);
      const holder = owner === 'entity' ? data : [...data.algorithms, ...data.services].find((a: { id: string }) => a.id === owner);
      // "missing" on a row with no entry is the default, so the import writes no status there.
      const status = STATUS_IDS[index % 4]!;
      const unlisted = holder.materials?.[id] === undefined;
      return [key, { ...(status === 'missing' && unlisted ? {} : { status }), owner: f.owner, due: f.due, file: f.file, reason: f.notes }];
    }));

  /** Every mapping key of a YAML text as a path, in document order. */
  const keyPaths = (text: string): string[] => {
    const paths: string[] = [];
    const walk = (value: unknown, at: string) => {
      if (value === null || typeof value !== 'object') return;
      for (const [key, child] of Object.entries(value)) {
        paths.push(`${at}/${key}`);
        walk(child, `${at}/${key}`);
      }
    };
    walk(parse(text), '');
    return paths;
  };

  /** The import wrote exactly the filled values, kept every comment and the order of every key, and a second import is a no-op. */
  async function expectImported(checklist: string, keys: string[], rows = ['entity/system-anti-fraud', 'copywriter/genai-upstream-proof', 'yunqi-app/security-assessment-report']): Promise<void> {
    for (const key of rows) expect(keys).toContain(key);
    const run = await importInto(checklist);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const text = await readFile(answers, 'utf8');
    expectData(text, expectedChanges(keys));
    expect(commentLines(text)).toEqual(commentLines(original));
    // The original's keys come in the same order; new ones are added among them.
    const after = keyPaths(text);
    expect(keyPaths(original).map((path) => after.indexOf(path))).toEqual([...keyPaths(original).map((path) => after.indexOf(path))].sort((a, b) => a - b));
    expect(keyPaths(original).every((path) => after.includes(path))).toBe(true);
    const again = await importInto(checklist);
    expect(again.stdout).toBe(`没有需要写入 ${answers} 的修改。\n`);
    expect(await readFile(answers, 'utf8')).toBe(text);
  }

  it('csv', async () => {
    const csv = await exportChecklist('csv');
    let keys: string[] = [];
    await editCsv(csv, (rows, column) => {
      // Every row of materials: below the header, above the values at export.
      const materials = rows.slice(1, -1);
      keys = materials.map((r) => r[0]!);
      materials.forEach((row, index) => {
        const f = filled(row[0]!, index);
        row[column('状态')] = f.status;
        row[column('负责人')] = f.owner;
        row[column('截止日期')] = f.due;
        row[column('文件')] = f.file;
        row[column('备注（不适用时写理由）')] = f.notes;
      });
    });
    await expectImported(csv, keys);
  });

  it('xlsx', async () => {
    const xlsx = await exportChecklist('xlsx');
    let keys: string[] = [];
    await editXlsx(xlsx, (set, sheet) => {
      for (let r = 2; r <= sheet.rowCount; r++) {
        const key = sheet.getRow(r).getCell(1).value;
        if (typeof key === 'string' && key.includes('/')) keys.push(key);
      }
      keys.forEach((key, index) => {
        const f = filled(key, index);
        set(key, '状态', f.status);
        set(key, '负责人', f.owner);
        set(key, '截止日期', f.due);
        set(key, '文件', f.file);
        set(key, '备注（不适用时写理由）', f.notes);
      });
    });
    await expectImported(xlsx, keys);
  });

  /** Fills every row of the Word checklist, each chosen box marked another way. */
  async function fillDocx(docx: string): Promise<string[]> {
    let keys: string[] = [];
    await editDocx(docx, (xml) => {
      keys = rowKeys(xml);
      keys.forEach((key, index) => {
        const f = filled(key, index);
        xml = editRow(xml, key, (row) => {
          row = tickStatus(row, f.status, MARKS[index % MARKS.length]);
          row = setTracking(row, '负责人', f.owner);
          row = setTracking(row, '截止', f.due);
          row = setTracking(row, '文件', f.file);
          return editCell(row, COLUMN.notes, (cell) => cellParagraphs(cell, wordParagraphs([f.notes])));
        });
      });
      return xml;
    });
    return keys;
  }

  // Two imports of a Word document of every row, each through mammoth: seconds on a quiet machine,
  // near the default limit on a loaded one.
  it('docx', async () => {
    const docx = await exportChecklist('docx');
    await expectImported(docx, await fillDocx(docx));
  }, 60_000);

  it('docx of a second subject, with two services', async () => {
    original = await readFile(join(ROOT, 'test/fixtures/subjects/two-services.yaml'), 'utf8');
    await writeFile(answers, original);
    const docx = await exportChecklist('docx');
    await expectImported(docx, await fillDocx(docx), ['qinghe-app/security-assessment-report', 'qinghe-writer/security-assessment-report', 'writer/labeling-explicit', 'entity/entity-commitment-letter']);
  }, 60_000);
});

describe('any combination of valid edits imports', () => {
  // Random columns on random rows, each filled, cleared or left as exported; statuses in either
  // language; rows with or without an entry or a reason. Only a not-applicable row left without any
  // reason is invalid, so the generator gives it one, as the checklist tells the client to.
  const column = {
    status: fc.constantFrom('就绪', '草稿', '缺失', '不适用', 'ready', 'Not applicable', 'missing'),
    owner: fc.constantFrom('', '王敏', '法务部 李律师'),
    due: fc.constantFrom('', '2027-03-01', '2026-12-31'),
    file: fc.constantFrom('', 'docs/新文件.pdf', 'docs/feed/算法安全自评估报告.md'),
    notes: fc.constantFrom('', '客户说明：见附件', '两行\n说明'),
  };
  const edit = fc.record(column, { requiredKeys: [] });
  const HEADERS = { status: '状态', owner: '负责人', due: '截止日期', file: '文件', notes: '备注（不适用时写理由）' } as const;
  const STATUS = { 就绪: 'ready', 草稿: 'draft', 缺失: 'missing', 不适用: 'not-applicable', ready: 'ready', 'Not applicable': 'not-applicable', missing: 'missing' } as Record<string, string>;
  const FIELD = { status: 'status', owner: 'owner', due: 'due', file: 'file', notes: 'reason' } as const;

  it('csv: the answers hold exactly the edits, comments kept, and a second import changes nothing', async () => {
    const exported = parseCsv(await readFile(await exportChecklist('csv'), 'utf8'));
    const header = exported[0]!;
    const at = (name: keyof typeof HEADERS) => header.indexOf(HEADERS[name]);
    const keys = exported.slice(1, -1).map((row) => row[0]!);
    const csv = join(dir, 'edited.csv');
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom(...keys), edit, { minKeys: 1, maxKeys: 6 }), async (generated) => {
        const edits = generated as Record<string, Partial<Record<keyof typeof HEADERS, string>>>;
        await writeFile(answers, original);
        const rows = exported.map((row) => [...row]);
        const expected = parse(original);
        for (const [key, cells] of Object.entries(edits)) {
          const row = rows.find((r) => r[0] === key)!;
          for (const [name, value] of Object.entries(cells) as [keyof typeof HEADERS, string][]) row[at(name)] = value;
          if (STATUS[row[at('status')]!] === 'not-applicable' && row[at('notes')] === '') {
            row[at('notes')] = '集团制度统一覆盖';
            cells.notes = row[at('notes')];
          }
          const [owner, id] = key.split('/') as [string, string];
          const holder = owner === 'entity' ? expected : [...expected.algorithms, ...expected.services].find((a: { id: string }) => a.id === owner);
          const current = holder.materials?.[id];
          const next: Record<string, string> = { ...current };
          for (const [name, value] of Object.entries(cells) as [keyof typeof HEADERS, string][]) {
            const field = FIELD[name];
            if (name === 'status') next.status = STATUS[value]!;
            else if (value === '') delete next[field];
            else next[field] = value;
          }
          // "missing" is the default of a material with no entry: the import does not write it.
          if (current === undefined && next.status === 'missing') delete next.status;
          if (current !== undefined || Object.keys(next).length > 0) (holder.materials ??= {})[id] = next;
        }
        await writeFile(csv, csvFile(rows));
        const run = await importInto(csv);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        const text = await readFile(answers, 'utf8');
        expect(parse(text)).toEqual(expected);
        expect(commentLines(text)).toEqual(commentLines(original));
        expect((await importInto(csv)).stdout).toBe(`没有需要写入 ${answers} 的修改。\n`);
        expect(await readFile(answers, 'utf8')).toBe(text);
      }),
      { numRuns: 40 },
    );
  });
});
