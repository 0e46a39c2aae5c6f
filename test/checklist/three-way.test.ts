// The import is three-way: a checklist carries the values it was exported with, so importing it
// writes what the client changed and keeps what the answers file gained since the export (through
// the questionnaire, a hand edit or another checklist's import). A cell both changed, differently,
// is a conflict: reported, nothing written, exit 2, unless --prefer settles it. Real CLI runs on
// real files, edited as Excel, a CSV editor and Word save them.
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Draft } from '../../src/questionnaire/draft.js';
import { decodeExportRecord, encodeExportRecord } from '../../src/checklist/export-record.js';
import { parseCsv } from '../../src/text/csv.js';
import { editCsv, editXlsx } from '../helpers/checklist-files.js';
import { AS_OF, ROOT, runCli, tempDir } from '../helpers/formats.js';
import { COLUMN, cellParagraphs, editCell, editDocx, editRow, setTracking, tickStatus, wordParagraphs } from '../helpers/word.js';

type Format = 'xlsx' | 'csv' | 'docx';
type Lang = 'zh' | 'en';

let dir: string;
let answers: string;

beforeEach(async () => {
  dir = await tempDir();
  answers = join(dir, 'filing.yaml');
  await copyFile(join(ROOT, 'examples/filing.yaml'), answers);
});

// The words each checklist edit needs, in the checklist's language.
const WORDS = {
  zh: { status: '状态', owner: '负责人', due: '截止日期', notes: '备注（不适用时写理由）', dueLine: '截止', ready: '就绪', draft: '草稿' },
  en: { status: 'Status', owner: 'Owner', due: 'Due', notes: 'Notes (the reason, if not applicable)', dueLine: 'Due', ready: 'ready', draft: 'draft' },
} as const;

/** One client edit of a row: a column (by its sheet id) and the text typed there. */
type Edit = [key: string, column: 'status' | 'owner' | 'due' | 'notes', value: string];

async function exportChecklist(format: Format, lang: Lang, name = `checklist.${format}`): Promise<string> {
  const out = join(dir, name);
  const run = await runCli(['checklist', answers, '--as-of', AS_OF, '-f', format, '--lang', lang, '--out', out]);
  expect(run.stderr).toBe('');
  return out;
}

/** Makes the client's edits in the checklist's own program: Excel cells, CSV fields, Word's table. */
async function clientEdits(file: string, format: Format, lang: Lang, edits: readonly Edit[]): Promise<void> {
  const words = WORDS[lang];
  if (format === 'xlsx') await editXlsx(file, (set) => edits.forEach(([key, column, value]) => set(key, words[column], value)));
  else if (format === 'csv') {
    await editCsv(file, (rows, column) => edits.forEach(([key, name, value]) => (rows.find((r) => r[0] === key)![column(words[name])] = value)));
  } else {
    await editDocx(file, (xml) => edits.reduce((text, [key, column, value]) => editRow(text, key, (row) => {
      if (column === 'status') return tickStatus(row, value);
      if (column === 'notes') return editCell(row, COLUMN.notes, (cell) => cellParagraphs(cell, wordParagraphs([value])));
      return setTracking(row, column === 'due' ? words.dueLine : words.owner, value);
    }), xml));
  }
}

/** Edits the answers file as the questionnaire saves an answer (its writer, under its lock). */
async function questionnaireSets(changes: [path: (string | number)[], value: string][]): Promise<string> {
  const draft = Draft.parse(await readFile(answers, 'utf8'), answers, 'filing.yaml');
  await draft.remember();
  for (const [path, value] of changes) draft.set(path, value);
  await draft.save();
  return readFile(answers, 'utf8');
}

const importInto = (checklist: string, lang: Lang, ...extra: string[]) => runCli(['checklist', '--import', checklist, '--into', answers, '--lang', lang, ...extra]);

/** The 序号 the checklists give a material (every format numbers the same items the same way). */
async function numberOf(key: string): Promise<string> {
  const out = join(dir, 'numbers.csv');
  await runCli(['checklist', answers, '--as-of', AS_OF, '-f', 'csv', '--out', out, '--force']);
  return parseCsv(await readFile(out, 'utf8')).find((row) => row[0] === key)![1]!;
}

/** The answers data of `text` with per-key field changes applied. */
function withChanges(text: string, changes: Record<string, Record<string, string>>): unknown {
  const data = parse(text);
  for (const [key, fields] of Object.entries(changes)) {
    const [owner, id] = key.split('/') as [string, string];
    const holder = owner === 'entity' ? data : [...data.algorithms, ...data.services].find((a: { id: string }) => a.id === owner);
    Object.assign(((holder.materials ??= {})[id] ??= {}), fields);
  }
  return data;
}

const FEED_ASSESSMENT = ['algorithms', 0, 'materials', 'algorithm-self-assessment'];

const cases: [Format, Lang][] = [['xlsx', 'zh'], ['csv', 'zh'], ['docx', 'zh'], ['xlsx', 'en'], ['csv', 'en'], ['docx', 'en']];

describe.each(cases)('%s checklist in %s', (format, lang) => {
  const words = WORDS[lang];

  it('writes only what the client changed and keeps what the answers file gained since the export', async () => {
    const checklist = await exportChecklist(format, lang);
    // After the export the consultant records, through the questionnaire, a new owner of the
    // self-assessment, the ethics review in draft, and the mechanism review ready.
    const later = await questionnaireSets([
      [[...FEED_ASSESSMENT, 'owner'], '陈静'],
      [['materials', 'system-ethics-review', 'status'], 'draft'],
      [['materials', 'system-mechanism-review', 'status'], 'ready'],
    ]);
    // The client, from the checklist as exported, changes other cells, and marks the mechanism review
    // ready too (the same change on both sides is no conflict).
    await clientEdits(checklist, format, lang, [
      ['feed/algorithm-self-assessment', 'due', '2026-12-25'],
      ['entity/system-ethics-review', 'owner', '王律师'],
      ['entity/system-mechanism-review', 'status', words.ready],
      ['bestseller-list/algorithm-disclosure', 'notes', '榜单规则已在 App 内公示'],
    ]);

    const run = await importInto(checklist, lang);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe([
      'entity/system-ethics-review  owner: 法务部 → 王律师',
      'feed/algorithm-self-assessment  due: 2026-12-18 → 2026-12-25',
      'bestseller-list/algorithm-disclosure  reason: — → 榜单规则已在 App 内公示',
      lang === 'zh' ? `已更新 ${answers}：3 处修改。` : `Updated ${answers}: 3 change(s).`,
      '',
    ].join('\n'));
    const text = await readFile(answers, 'utf8');
    expect(parse(text)).toEqual(withChanges(later, {
      'feed/algorithm-self-assessment': { due: '2026-12-25' },
      'entity/system-ethics-review': { owner: '王律师' },
      'bestseller-list/algorithm-disclosure': { reason: '榜单规则已在 App 内公示' },
    }));
    expect(parse(text).algorithms[0].materials['algorithm-self-assessment'].owner).toBe('陈静');

    // The same checklist again changes nothing: the client's values are now the answers file's.
    const again = await importInto(checklist, lang);
    expect(again.stdout).toBe(lang === 'zh' ? `没有需要写入 ${answers} 的修改。\n` : `Nothing to change in ${answers}.\n`);
    expect(await readFile(answers, 'utf8')).toBe(text);
  });

  it('reports a cell both changed, differently, writes nothing and exits 2; --prefer settles it', async () => {
    const checklist = await exportChecklist(format, lang);
    const later = await questionnaireSets([[[...FEED_ASSESSMENT, 'owner'], '陈静']]);
    await clientEdits(checklist, format, lang, [
      ['feed/algorithm-self-assessment', 'owner', '李四'],
      ['entity/system-ethics-review', 'owner', '王律师'],
    ]);

    const number = await numberOf('feed/algorithm-self-assessment');
    for (const extra of [[], ['--dry-run']]) {
      const run = await importInto(checklist, lang, ...extra);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(lang === 'zh'
        ? `filing-check: ${checklist}：导出后客户和 ${answers} 都改了 1 处单元格，且改得不同；没有写入任何内容。核对后用 --prefer checklist 采用清单的值，或用 --prefer answers 保留 ${answers} 的值。\n`
          + `filing-check: ${checklist}：序号 ${number}（feed/algorithm-self-assessment，算法安全自评估报告），负责人：导出时“张敏”，清单中“李四”，${answers} 现为“陈静”\n`
        : `filing-check: ${checklist}: 1 cell(s) were changed both by the client and in ${answers} since the export, differently; nothing was written. Check them, then pass --prefer checklist to take the checklist's values or --prefer answers to keep those of ${answers}.\n`
          + `filing-check: ${checklist}: No. ${number} (feed/algorithm-self-assessment, Algorithm security self-assessment report), Owner: exported "张敏", the checklist "李四", ${answers} now "陈静"\n`);
      expect(await readFile(answers, 'utf8')).toBe(later);
    }

    const keep = await importInto(checklist, lang, '--prefer', 'answers');
    expect(keep.code).toBe(0);
    expect(keep.stderr.split('\n')[0]).toBe(lang === 'zh' ? `filing-check: ${checklist}：1 处冲突按 --prefer answers 保留 ${answers} 的值：` : `filing-check: ${checklist}: 1 conflict(s) keep the value of ${answers} (--prefer answers):`);
    expect(keep.stdout.split('\n')[0]).toBe('entity/system-ethics-review  owner: 法务部 → 王律师');
    expect(parse(await readFile(answers, 'utf8'))).toEqual(withChanges(later, { 'entity/system-ethics-review': { owner: '王律师' } }));

    await writeFile(answers, later);
    const take = await importInto(checklist, lang, '--prefer', 'checklist');
    expect(take.code).toBe(0);
    expect(take.stdout).toContain('feed/algorithm-self-assessment  owner: 陈静 → 李四');
    expect(parse(await readFile(answers, 'utf8'))).toEqual(withChanges(later, {
      'entity/system-ethics-review': { owner: '王律师' },
      'feed/algorithm-self-assessment': { owner: '李四' },
    }));
  });
});

/** Takes the values at export out of a checklist: what a checklist of an older version looks like. */
async function withoutRecord(file: string, format: Format): Promise<void> {
  if (format === 'csv') await editCsv(file, (rows) => void rows.pop());
  else if (format === 'xlsx') await editXlsx(file, (_set, _sheet, book) => book.removeWorksheet(book.getWorksheet('filing-check')!.id));
  else await editCustomProperties(file, (xml) => xml.replace(/<property [^>]*name="filing-check-export-\d+">.*?<\/property>/gs, ''));
}

/** Rewrites a Word file's custom properties part, as another program saving it would. */
async function editCustomProperties(file: string, edit: (xml: string) => string): Promise<void> {
  const zip = await JSZip.loadAsync(await readFile(file));
  zip.file('docProps/custom.xml', edit(await zip.file('docProps/custom.xml')!.async('string')));
  await writeFile(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

describe('a checklist without the values at export', () => {
  for (const format of ['xlsx', 'csv', 'docx'] as const) {
    it(`${format}: imports the old way, two-way, and says so`, async () => {
      const checklist = await exportChecklist(format, 'zh');
      await withoutRecord(checklist, format);
      await questionnaireSets([[[...FEED_ASSESSMENT, 'owner'], '陈静']]);
      await clientEdits(checklist, format, 'zh', [['entity/system-ethics-review', 'owner', '王律师']]);
      const run = await importInto(checklist, 'zh');
      expect(run.code).toBe(0);
      expect(run.stderr).toBe(`filing-check: ${checklist} 不带导出时的值（由旧版本导出，或这些值已被删除）：按旧方式导入，凡与 ${answers} 不同的单元格都会写入，导出后在 ${answers} 中所做的修改可能被覆盖；可先用 --dry-run 查看。\n`);
      // As before: every cell that differs is written, the owner recorded since the export included.
      expect(run.stdout).toContain('entity/system-ethics-review  owner: 法务部 → 王律师');
      expect(run.stdout).toContain('feed/algorithm-self-assessment  owner: 陈静 → 张敏');
    });
  }

  it('says so in English', async () => {
    const checklist = await exportChecklist('csv', 'en');
    await withoutRecord(checklist, 'csv');
    const run = await importInto(checklist, 'en');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`filing-check: ${checklist} carries no values at export (exported by an older version, or they were deleted): it imports the old way, every cell that differs from ${answers} is written, and edits made to ${answers} since the export may be overwritten; preview with --dry-run.\n`);
  });
});

describe('values at export that no longer read back', () => {
  const damage: Record<Format, (file: string) => Promise<void>> = {
    csv: (file) => editCsv(file, (rows) => void (rows.at(-1)![1] = rows.at(-1)![1]!.replace('张敏', '张三'))),
    xlsx: (file) => editXlsx(file, (_set, _sheet, book) => {
      const cell = book.getWorksheet('filing-check')!.getCell('B1');
      cell.value = String(cell.value).replace('张敏', '张三');
    }),
    docx: (file) => editCustomProperties(file, (xml) => xml.replace(/<property [^>]*name="filing-check-export-2">.*?<\/property>/s, '')),
  };
  for (const format of ['xlsx', 'csv', 'docx'] as const) {
    it(`${format}: exit 2 and nothing written, unless --prefer checklist imports it the old way`, async () => {
      const checklist = await exportChecklist(format, 'zh');
      await damage[format](checklist);
      await clientEdits(checklist, format, 'zh', [['entity/system-ethics-review', 'owner', '王律师']]);
      const before = await readFile(answers, 'utf8');
      const run = await importInto(checklist, 'zh');
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`filing-check: ${checklist}: 导出时的值已损坏，无法判断客户改了哪些单元格；没有写入任何内容。请重新导出清单，或用 --prefer checklist 按旧方式导入（凡与答案文件不同的单元格都会写入）\n`);
      expect(await readFile(answers, 'utf8')).toBe(before);
      const old = await importInto(checklist, 'zh', '--prefer', 'checklist');
      expect(old.code).toBe(0);
      expect(old.stderr).toBe(`filing-check: ${checklist} 的导出时的值已损坏：按 --prefer checklist 以旧方式导入，凡与 ${answers} 不同的单元格都会写入。\n`);
      expect(old.stdout).toContain('entity/system-ethics-review  owner: 法务部 → 王律师');
    });
  }
});

describe('the values at export survive what programs do to a checklist', () => {
  it('csv: rows sorted, the values at export moved to the top', async () => {
    const checklist = await exportChecklist('csv', 'zh');
    await questionnaireSets([[[...FEED_ASSESSMENT, 'owner'], '陈静']]);
    await clientEdits(checklist, 'csv', 'zh', [['entity/system-ethics-review', 'owner', '王律师']]);
    await editCsv(checklist, (rows) => {
      const [header, ...body] = rows;
      rows.splice(0, rows.length, header!, ...body.sort((a, b) => b[0]!.localeCompare(a[0]!)));
    });
    expect(parseCsv(await readFile(checklist, 'utf8'))[1]![0]).toMatch(/^导出时的值/);
    const run = await importInto(checklist, 'zh');
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`entity/system-ethics-review  owner: 法务部 → 王律师\n已更新 ${answers}：1 处修改。\n`);
  });

  it('docx: custom properties rewritten as Word saves them (reordered, renumbered, one of its own added)', async () => {
    const checklist = await exportChecklist('docx', 'zh');
    await questionnaireSets([[[...FEED_ASSESSMENT, 'owner'], '陈静']]);
    await clientEdits(checklist, 'docx', 'zh', [['entity/system-ethics-review', 'owner', '王律师']]);
    await editCustomProperties(checklist, (xml) => {
      const properties = [...xml.matchAll(/<property [^>]*>.*?<\/property>/gs)].map((m) => m[0]).reverse();
      properties.push('<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" name="客户"><vt:lpwstr>杭州云栖优选</vt:lpwstr></property>');
      const renumbered = properties.map((p, index) => p.replace(/ pid="\d+"/, '').replace('<property ', `<property pid="${index + 2}" `));
      return xml.replace(/<property .*<\/property>/s, `\r\n  ${renumbered.join('\r\n  ')}\r\n`);
    });
    const run = await importInto(checklist, 'zh');
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`entity/system-ethics-review  owner: 法务部 → 王律师\n已更新 ${answers}：1 处修改。\n`);
  });
});

describe('two checklists out at once, imported one after the other', () => {
  it('the second import keeps what the first wrote, and a cell both changed differently is a conflict', async () => {
    const legal = await exportChecklist('xlsx', 'zh', '法务部.xlsx');
    const product = await exportChecklist('csv', 'zh', '产品部.csv');
    await clientEdits(legal, 'xlsx', 'zh', [['entity/system-ethics-review', 'owner', '王律师'], ['entity/system-ethics-review', 'status', '草稿']]);
    await clientEdits(product, 'csv', 'zh', [['feed/algorithm-self-assessment', 'status', '就绪']]);
    expect((await importInto(legal, 'zh')).code).toBe(0);
    const afterLegal = await readFile(answers, 'utf8');
    const run = await importInto(product, 'zh');
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`feed/algorithm-self-assessment  status: draft → ready\n已更新 ${answers}：1 处修改。\n`);
    expect(parse(await readFile(answers, 'utf8'))).toEqual(withChanges(afterLegal, { 'feed/algorithm-self-assessment': { status: 'ready' } }));

    // The product team also put someone else down for the ethics review: that cell conflicts.
    await clientEdits(product, 'csv', 'zh', [['entity/system-ethics-review', 'owner', '赵琳']]);
    const before = await readFile(answers, 'utf8');
    const conflict = await importInto(product, 'zh');
    expect(conflict.code).toBe(2);
    expect(conflict.stderr).toContain(`负责人：导出时“法务部”，清单中“赵琳”，${answers} 现为“王律师”`);
    expect(await readFile(answers, 'utf8')).toBe(before);
  });
});

describe('a row the values at export do not hold', () => {
  it('imports the old way and says so, naming the row', async () => {
    const checklist = await exportChecklist('csv', 'zh');
    await editCsv(checklist, (rows, column) => {
      // The values at export of this checklist, less one material's (a row pasted from another export).
      const record = decodeExportRecord(rows.at(-1)!.slice(1).join(''))!;
      rows.at(-1)!.splice(1, Infinity, encodeExportRecord(new Map([...record].filter(([key]) => key !== 'entity/system-ethics-review'))));
      rows.find((r) => r[0] === 'entity/system-ethics-review')![column('负责人')] = '王律师';
    });
    await questionnaireSets([[['materials', 'system-ethics-review', 'status'], 'draft']]);
    const run = await importInto(checklist, 'zh');
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^filing-check: .*checklist\.csv.*：这一行的材料不在导出时的值中，按旧方式导入。\n$/);
    // The old way: the row's status as exported goes back over the later draft.
    expect(run.stdout).toBe(`entity/system-ethics-review  status: draft → missing\nentity/system-ethics-review  owner: 法务部 → 王律师\n已更新 ${answers}：2 处修改。\n`);
  });
});
