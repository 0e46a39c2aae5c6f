// The Word checklist round trip: export the checklist as .docx, edit its XML as Word saves a client's
// edits (ticked boxes, typed values in split runs, tracked changes, merged cells, deleted rows),
// import it, and check what reached the answers file, or that nothing did and why.
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { AS_OF, ROOT, runCli, tempDir } from '../helpers/formats.js';
import {
  COLUMN, cellParagraphs, documentXml, editCell, editDocx, editRow, placeOf, rowKeys, setTracking, tableRows, tickStatus, trackedRuns, wordParagraphs, wordRuns,
} from '../helpers/word.js';
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

// The example's checklist, written once per language; tests that change the answers export afresh.
const exported = new Map<string, Promise<Buffer>>();

async function exportDocx(extra: string[] = [], { fresh = false } = {}): Promise<string> {
  const out = join(dir, '材料清单.docx');
  const key = extra.join(' ');
  if (fresh || !exported.has(key)) {
    const run = await runCli(['checklist', answers, '--as-of', AS_OF, '-f', 'docx', '--out', out, '--force', ...extra]);
    expect(run.stderr).toBe('');
    if (!fresh) exported.set(key, readFile(out));
    return out;
  }
  await writeFile(out, await exported.get(key)!);
  return out;
}

const importInto = (checklist: string, ...extra: string[]) => runCli(['checklist', '--import', checklist, '--into', answers, ...extra]);

/** The material entry of a key in an answers text. */
function entry(text: string, key: string): Record<string, string> | undefined {
  const [owner, id] = key.split('/') as [string, string];
  const data = parse(text);
  const holder = owner === 'entity' ? data : [...data.algorithms, ...(data.services ?? [])].find((a: { id: string }) => a.id === owner);
  return holder.materials?.[id];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where the import names a material's row in a Word checklist, as a pattern. */
const placeIn = async (docx: string, key: string) => escapeRegExp(placeOf(await documentXml(docx), key));

/** Imports and expects exit 2 with exactly one line naming the file, the answers file untouched. */
async function expectRefused(file: string, message: RegExp): Promise<void> {
  const run = await importInto(file, '--lang', 'en');
  expect(run.code).toBe(2);
  expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(/\n\s+at |internal error/);
  expect(await readFile(answers, 'utf8')).toBe(original);
}

describe('Word checklist round trip', () => {
  it('reads ticks, typed values, notes and cleared fields as Word saves them', async () => {
    const docx = await exportDocx();
    await editDocx(docx, (xml) => {
      xml = editRow(xml, 'feed/algorithm-self-assessment', (row) => {
        row = tickStatus(row, '就绪');
        row = setTracking(row, '截止', '');
        return setTracking(row, '文件', 'docs/feed/自评估报告-终稿.docx');
      });
      xml = editRow(xml, 'feed/user-minors', (row) => {
        row = setTracking(row, '负责人', '李律师');
        row = setTracking(row, '截止', '2026-12-31');
        return editCell(row, COLUMN.notes, (cell) => cellParagraphs(cell, wordParagraphs(['青少年模式说明', '待补截图 & <附件>'])));
      });
      xml = editRow(xml, 'entity/system-ethics-review', (row) => {
        row = tickStatus(row, '不适用', '√');
        row = setTracking(row, '负责人', '');
        return editCell(row, COLUMN.notes, (cell) => cellParagraphs(cell, wordParagraphs(['集团伦理委员会统一审查，见集团制度汇编'])));
      });
      return xml;
    });
    const run = await importInto(docx);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe([
      'entity/system-ethics-review  status: missing → not-applicable',
      'entity/system-ethics-review  owner: 法务部 → —',
      'entity/system-ethics-review  reason: — → 集团伦理委员会统一审查，见集团制度汇编',
      'feed/algorithm-self-assessment  status: draft → ready',
      'feed/algorithm-self-assessment  due: 2026-12-18 → —',
      'feed/algorithm-self-assessment  file: docs/feed/算法安全自评估报告.md → docs/feed/自评估报告-终稿.docx',
      'feed/user-minors  owner: 王律师 → 李律师',
      'feed/user-minors  due: 2026-12-10 → 2026-12-31',
      'feed/user-minors  reason: — → 青少年模式说明\n待补截图 & <附件>',
      `已更新 ${answers}：9 处修改。`,
      '',
    ].join('\n'));
    const text = await readFile(answers, 'utf8');
    expect(entry(text, 'feed/algorithm-self-assessment')).toEqual({ status: 'ready', file: 'docs/feed/自评估报告-终稿.docx', owner: '张敏' });
    expect(entry(text, 'feed/user-minors')).toMatchObject({ owner: '李律师', due: '2026-12-31', reason: '青少年模式说明\n待补截图 & <附件>' });
    expect(entry(text, 'entity/system-ethics-review')).toEqual({ status: 'not-applicable', reason: '集团伦理委员会统一审查，见集团制度汇编' });

    // A checklist exported from the updated file reads back as no change.
    expect((await importInto(await exportDocx([], { fresh: true }))).stdout).toBe(`没有需要写入 ${answers} 的修改。\n`);
    expect(await readFile(answers, 'utf8')).toBe(text);
  });

  it('with track changes on, the text as if every change were accepted counts', async () => {
    const docx = await exportDocx();
    await editDocx(docx, (xml) =>
      editRow(xml, 'feed/algorithm-attributes', (row) => {
        // 李工 deleted and 王工 inserted; the status ticked as a tracked change too.
        row = setTracking(row, '负责人', '王工', trackedRuns);
        row = editCell(row, COLUMN.status, (cell) =>
          cell
            .replace('<w:t xml:space="preserve">☑ 草稿</w:t></w:r>', '<w:t xml:space="preserve"> 草稿</w:t></w:r>')
            .replace('<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve"> 草稿', `${trackedRuns('☑', '☐')}<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve"> 草稿`)
            .replace('<w:r><w:t xml:space="preserve">☐ 就绪</w:t></w:r>', `${trackedRuns('☐', '☑')}<w:r><w:t xml:space="preserve"> 就绪</w:t></w:r>`),
        );
        // A whole row of notes inserted, and a deleted paragraph that must not come back.
        return editCell(row, COLUMN.notes, (cell) =>
          cellParagraphs(cell, `<w:p><w:ins w:id="90" w:author="客户" w:date="2026-11-25T10:00:00Z"><w:r><w:t>属性表</w:t></w:r></w:ins><w:r><w:t>已由法务复核</w:t></w:r></w:p><w:p><w:pPr><w:rPr><w:del w:id="91" w:author="客户" w:date="2026-11-25T10:00:00Z"/></w:rPr></w:pPr><w:del w:id="92" w:author="客户" w:date="2026-11-25T10:00:00Z"><w:r><w:delText>旧的说明</w:delText></w:r></w:del></w:p>`),
        );
      }),
    );
    expect(await documentXml(docx)).toContain('<w:delText xml:space="preserve">李工</w:delText>');
    const run = await importInto(docx);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('feed/algorithm-attributes  status: draft → ready');
    expect(entry(await readFile(answers, 'utf8'), 'feed/algorithm-attributes')).toEqual({ status: 'ready', owner: '王工', reason: '属性表已由法务复核' });
  });

  it('imports rows by key: reordered rows import, deleted rows change nothing', async () => {
    const docx = await exportDocx();
    let keys: string[] = [];
    await editDocx(docx, (xml) => {
      xml = editRow(xml, 'entity/system-ethics-review', (row) => setTracking(row, '负责人', '王敏'));
      xml = editRow(xml, 'entity/system-user-registration', (row) => tickStatus(row, '草稿'));
      const rows = tableRows(xml);
      const first = rows.find((r) => r.text.includes('>entity/system-ethics-review<'))!;
      const second = rows.find((r) => r.text.includes('>entity/system-user-registration<'))!;
      const deleted = rows.find((r) => r.text.includes('>entity/system-mechanism-review<'))!;
      // Swap the two edited rows and drop the mechanism review's row.
      xml = xml.slice(0, deleted.start) + xml.slice(deleted.end, first.start) + second.text + xml.slice(first.end, second.start) + first.text + xml.slice(second.end);
      keys = rowKeys(xml);
      return xml;
    });
    expect(keys).not.toContain('entity/system-mechanism-review');
    expect(keys.indexOf('entity/system-user-registration')).toBeLessThan(keys.indexOf('entity/system-ethics-review'));
    const run = await importInto(docx);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`entity/system-user-registration  status: missing → draft\nentity/system-ethics-review  owner: 法务部 → 王敏\n已更新 ${answers}：2 处修改。\n`);
  });

  it('keeps a file outside the case folder as written when its cell is unchanged, and writes a new one', async () => {
    // The checklist shows such a file by its base name; the answers file keeps the consultant's path.
    original = original.replace('file: docs/feed/拟公示内容.md', 'file: ../../共享盘/云栖/拟公示内容-v3.docx');
    await writeFile(answers, original);
    const docx = await exportDocx([], { fresh: true });
    expect(await documentXml(docx)).toContain('拟公示内容-v3.docx（案卷文件夹外）');
    expect(await documentXml(docx)).not.toContain('共享盘');
    await editDocx(docx, (xml) => editRow(xml, 'feed/algorithm-disclosure', (row) => setTracking(row, '负责人', '王敏')));
    const run = await importInto(docx);
    expect(run.stdout).toBe(`feed/algorithm-disclosure  owner: 张敏 → 王敏\n已更新 ${answers}：1 处修改。\n`);
    expect(entry(await readFile(answers, 'utf8'), 'feed/algorithm-disclosure')).toEqual({ status: 'ready', file: '../../共享盘/云栖/拟公示内容-v3.docx', owner: '王敏' });
    await editDocx(docx, (xml) => editRow(xml, 'feed/algorithm-disclosure', (row) => setTracking(row, '文件', 'docs/feed/拟公示内容.docx')));
    expect((await importInto(docx)).stdout).toContain('feed/algorithm-disclosure  file: ../../共享盘/云栖/拟公示内容-v3.docx → docs/feed/拟公示内容.docx');
  });

  it('reads an English checklist', async () => {
    const docx = await exportDocx(['--lang', 'en']);
    await editDocx(docx, (xml) =>
      editRow(xml, 'entity/system-data-security', (row) => {
        row = tickStatus(row, 'not applicable', '☒');
        row = setTracking(row, 'Owner', 'Legal');
        return editCell(row, COLUMN.notes, (cell) => cellParagraphs(cell, wordParagraphs(['covered by the group policy'])));
      }),
    );
    const run = await importInto(docx, '--lang', 'en');
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(`Updated ${answers}: 3 change(s).`);
    expect(entry(await readFile(answers, 'utf8'), 'entity/system-data-security')).toMatchObject({ status: 'not-applicable', owner: 'Legal', reason: 'covered by the group policy' });
  });
});

describe('the status cell: what a client does to the boxes', () => {
  // Each replaces the status cell of feed/algorithm-attributes (draft in the example).
  const accepted: [string, string[], string][] = [
    ['☐ turned into ☑, the old ☑ into ☐', ['☐ 缺失', '☐ 草稿', '☑ 就绪', '☐ 不适用'], 'ready'],
    ['a √ typed over the box', ['☐ 缺失', '☐ 草稿', '√ 就绪', '☐ 不适用'], 'ready'],
    ['a √ typed next to the box', ['☐ 缺失', '☐ 草稿', '☐√ 就绪', '☐ 不适用'], 'ready'],
    ['an x in brackets, the box kept as text', ['[ ] 缺失', '[ ] 草稿', '[x] 就绪', '[ ] 不适用'], 'ready'],
    ['a tick after the word', ['☐ 缺失', '☐ 草稿', '☐ 就绪 ✓', '☐ 不适用'], 'ready'],
    ['the other options deleted', ['☑ 就绪'], 'ready'],
    ['the status written out', ['就绪'], 'ready'],
    ['the status written out in English', ['Not applicable'], 'not-applicable'],
    ['the id written out', ['not-applicable'], 'not-applicable'],
    ['an X with no space', ['☐缺失', '☐草稿', 'X就绪', '☐不适用'], 'ready'],
    ['empty lines left behind', ['', '☑ 就绪', ''], 'ready'],
    ['an emoji tick', ['☐ 缺失', '☐ 草稿', '✔️ 就绪', '☐ 不适用'], 'ready'],
    ['circles, one filled', ['○ 缺失', '○ 草稿', '● 就绪', '○ 不适用'], 'ready'],
  ];
  const statusCell = (lines: string[]) => (xml: string) =>
    editRow(xml, 'feed/algorithm-attributes', (row) => editCell(row, COLUMN.status, (cell) => cellParagraphs(cell, wordParagraphs(lines))));
  for (const [name, lines, status] of accepted) {
    it(`accepts ${name}`, async () => {
      const docx = await exportDocx();
      await editDocx(docx, (xml) => {
        xml = statusCell(lines)(xml);
        return editRow(xml, 'feed/algorithm-attributes', (row) => editCell(row, COLUMN.notes, (cell) => cellParagraphs(cell, wordParagraphs(['内部算法，另行说明']))));
      });
      const run = await importInto(docx);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(entry(await readFile(answers, 'utf8'), 'feed/algorithm-attributes')).toMatchObject({ status });
    });
  }

  it('accepts a Word checkbox content control and a Wingdings tick from Insert Symbol', async () => {
    const docx = await exportDocx();
    const checkbox = (checked: boolean) =>
      `<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="${checked ? 1 : 0}"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic"/></w:rPr><w:t>${checked ? '☒' : '☐'}</w:t></w:r></w:sdtContent></w:sdt>`;
    await editDocx(docx, (xml) => {
      expect(xml).toContain('xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"');
      xml = editRow(xml, 'feed/algorithm-attributes', (row) =>
        editCell(row, COLUMN.status, (cell) =>
          cellParagraphs(cell, ['缺失', '草稿', '就绪', '不适用'].map((word) => `<w:p>${checkbox(word === '就绪')}<w:r><w:t xml:space="preserve"> ${word}</w:t></w:r></w:p>`).join('')),
        ),
      );
      return editRow(xml, 'feed/user-minors', (row) =>
        editCell(row, COLUMN.status, (cell) =>
          cellParagraphs(cell, ['A8', 'FE'].map((char, i) => `<w:p><w:r><w:sym w:font="Wingdings" w:char="F0${char}"/></w:r><w:r><w:t xml:space="preserve"> ${i ? '就绪' : '草稿'}</w:t></w:r></w:p>`).join('')),
        ),
      );
    });
    const run = await importInto(docx);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('feed/algorithm-attributes  status: draft → ready');
    expect(run.stdout).toContain('feed/user-minors  status: draft → ready');
  });

  const refused: [string, string[], RegExp][] = [
    ['two boxes ticked', ['☑ 缺失', '☐ 草稿', '☑ 就绪', '☐ 不适用'], /more than one status is ticked \(缺失, 就绪\); expected one ☑, the others ☐/],
    ['no box ticked', ['☐ 缺失', '☐ 草稿', '☐ 就绪', '☐ 不适用'], /no status is ticked; expected ☑ before one of 缺失 \/ missing, 草稿 \/ draft, 就绪 \/ ready, 不适用 \/ not applicable/],
    ['an empty cell', [], /no status is ticked/],
    ['a word that is no status', ['☑ 完成'], /"完成" is not a status; expected ☑ before one of 缺失/],
    ['a tick on its own line', ['☐ 缺失', '☐ 草稿', '√', '☐ 就绪', '☐ 不适用'], /"√" ticks no status/],
  ];
  for (const [name, lines, message] of refused) {
    it(`refuses ${name}, naming the table, row and column`, async () => {
      const docx = await exportDocx();
      const place = await placeIn(docx, 'feed/algorithm-attributes');
      await editDocx(docx, statusCell(lines));
      await expectRefused(docx, new RegExp(`^filing-check: ${escapeRegExp(docx)}: ${place}, column "状态": ${message.source}`));
    });
  }
});

describe('the owner, due and file cell', () => {
  const trackingCell = (lines: string[]) => (xml: string) =>
    editRow(xml, 'feed/algorithm-self-assessment', (row) => editCell(row, COLUMN.tracking, (cell) => cellParagraphs(cell, wordParagraphs(lines))));

  it('reads a value typed on the line below its label, an ASCII colon, and a label without its value', async () => {
    const docx = await exportDocx();
    await editDocx(docx, trackingCell(['负责人:张敏', '截止：', '2026-12-25', '文件：', 'docs/feed/自评估报告.docx']));
    const run = await importInto(docx);
    expect(run.stderr).toBe('');
    expect(entry(await readFile(answers, 'utf8'), 'feed/algorithm-self-assessment')).toEqual({ status: 'draft', owner: '张敏', due: '2026-12-25', file: 'docs/feed/自评估报告.docx' });
  });

  const refused: [string, string[], RegExp][] = [
    ['a deleted label line', ['负责人：张敏', '文件：docs/a.md'], /, line "截止": no "截止：" line; expected the lines the checklist printed \(负责人：, 截止：, 文件：\), a value left empty to clear it/],
    ['text above the labels', ['请法务确认', '负责人：张敏', '截止：', '文件：'], /: "请法务确认" is under no label; expected each value after its label \(负责人：, 截止：, 文件：\)/],
    ['a label twice', ['负责人：张敏', '负责人：李工', '截止：', '文件：'], /, line "负责人": the line "负责人：" appears twice/],
    ['a date as words', ['负责人：张敏', '截止：下周五', '文件：'], /, line "截止": "下周五" is not a date; expected a day such as 2026-12-20, 2026\/12\/20/],
  ];
  for (const [name, lines, message] of refused) {
    it(`refuses ${name}`, async () => {
      const docx = await exportDocx();
      const place = await placeIn(docx, 'feed/algorithm-self-assessment');
      await editDocx(docx, trackingCell(lines));
      await expectRefused(docx, new RegExp(`^filing-check: ${escapeRegExp(docx)}: ${place}, column "负责人 / 截止 / 文件"${message.source}`));
    });
  }
});

describe('in Chinese, the default language, the place and the problem are worded in Chinese', () => {
  /** Where a material's row is, as the Chinese message words it: 第 1 个表格第 5 行（序号 4）. */
  const chinesePlace = async (docx: string, key: string) => {
    const [, table, row, number] = /^table (\d+), row (\d+) \(序号 (\d+)\)$/.exec(placeOf(await documentXml(docx), key))!;
    return `第 ${table} 个表格第 ${row} 行（序号 ${number}）`;
  };

  it('two ticks in the status cell, and a deleted label line', async () => {
    const docx = await exportDocx();
    const place = await chinesePlace(docx, 'feed/algorithm-attributes');
    await editDocx(docx, (xml) => editRow(xml, 'feed/algorithm-attributes', (row) => editCell(row, COLUMN.status, (cell) => cellParagraphs(cell, wordParagraphs(['☑ 缺失', '☐ 草稿', '☑ 就绪', '☐ 不适用'])))));
    const run = await importInto(docx);
    expect(run).toEqual({ code: 2, stdout: '', stderr: `filing-check: ${docx}: ${place}「状态」列: 勾选了多个状态（缺失、就绪）；应只有一个 ☑，其余为 ☐\n` });

    const again = await exportDocx();
    const trackingPlace = await chinesePlace(again, 'feed/algorithm-self-assessment');
    await editDocx(again, (xml) => editRow(xml, 'feed/algorithm-self-assessment', (row) => editCell(row, COLUMN.tracking, (cell) => cellParagraphs(cell, wordParagraphs(['负责人：张敏', '文件：docs/a.md'])))));
    expect((await importInto(again)).stderr).toBe(
      `filing-check: ${again}: ${trackingPlace}「负责人 / 截止 / 文件」列中「截止」一行: 缺少 "截止：" 一行；应保留清单打印的各行（负责人：、截止：、文件：），要清除某项时只清空其值\n`,
    );
    expect(await readFile(answers, 'utf8')).toBe(original);
  });

  it('a renamed file is not a readable .docx', async () => {
    const renamed = join(dir, 'renamed.docx');
    await writeFile(renamed, '机密 not a zip');
    expect(await importInto(renamed)).toEqual({
      code: 2,
      stdout: '',
      stderr: `filing-check: ${renamed}: 不是可读取的 .docx 文件（需 Word 2007 或更高版本保存；是否为改了扩展名的 .doc 或已损坏的文件？）；应为filing-check checklist 写出的清单（.xlsx、.csv 或 .docx）\n`,
    });
  });
});

describe('hostile and foreign Word files: exit 2, one message, the answers file untouched', () => {
  const expected = 'expected a checklist written by filing-check checklist \\(\\.xlsx, \\.csv or \\.docx\\)';

  it('a zip bomb and a document.xml too large to parse', async () => {
    const bomb = join(dir, 'bomb.docx');
    await writeFile(bomb, zipArchive([{ name: 'word/document.xml', data: Buffer.alloc(100 * 1024 * 1024, 0x20) }]));
    await expectRefused(bomb, new RegExp(`^filing-check: ${bomb}: unpacks to 100 MiB, more than the 64 MiB allowed; ${expected}\n$`));
    const huge = join(dir, 'huge.docx');
    await writeFile(huge, zipArchive([{ name: 'word/document.xml', data: Buffer.from(`<w:document><w:body>${'<w:p/>'.repeat(200_000)}</w:body></w:document>`) }]));
    await expectRefused(huge, new RegExp(`^filing-check: ${huge}: its text and tables hold more than 100,000 XML elements; ${expected}\n$`));
  });

  it('a renamed file and a damaged archive', async () => {
    const renamed = join(dir, 'renamed.docx');
    await writeFile(renamed, '机密 not a zip');
    await expectRefused(renamed, new RegExp(`^filing-check: ${renamed}: not a readable \\.docx file \\(Word 2007 or later; a renamed \\.doc or a damaged file\\?\\); ${expected}\n$`));
    const noBody = join(dir, 'nobody.docx');
    await writeFile(noBody, zipArchive([{ name: 'word/other.xml', data: Buffer.from('<x/>') }]));
    await expectRefused(noBody, /^filing-check: .*nobody\.docx: not a readable \.docx file/);
  });

  it('a Word file with no checklist table: a draft with its own tables', async () => {
    const draft = join(dir, '拟公示内容.docx');
    await copyFile(join(ROOT, 'test/fixtures/drafts/disclosure-genai.docx'), draft);
    await expectRefused(draft, new RegExp(`^filing-check: ${draft}: no checklist table \\(a table whose first row reads 序号, 材料, 状态, 负责人 / 截止 / 文件, 备注（不适用时写理由）\\); expected a checklist written by filing-check checklist --format docx\n$`));
  });

  it("another case's checklist, and a generic one", async () => {
    const other = join(dir, 'other.yaml');
    await copyFile(join(ROOT, 'test/fixtures/subjects/two-services.yaml'), other);
    const out = join(dir, 'other.docx');
    expect((await runCli(['checklist', other, '--as-of', AS_OF, '-f', 'docx', '--out', out])).code).toBe(0);
    // Every row names a material of another case: each is reported, one line a row.
    const run = await importInto(out, '--lang', 'en');
    expect(run.code).toBe(2);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line).toMatch(/^filing-check: .*other\.docx: table \d+, row \d+ \(序号 \d+\), column "材料": unknown key "[^"]+"; expected .*\(the checklist may be for another answers file\)$/);
    expect(new Set(lines).size).toBe(lines.length);
    expect(await readFile(answers, 'utf8')).toBe(original);
    const generic = join(dir, 'generic.docx');
    expect((await runCli(['checklist', '--type', '02', '-f', 'docx', '--out', generic])).code).toBe(0);
    const genericRun = await importInto(generic);
    expect(genericRun.code).toBe(2);
    // Chinese by default: the key, and the services and algorithms the answers file has.
    expect(genericRun.stderr).toMatch(/generic\.docx: 第 \d+ 个表格第 \d+ 行（序号 \d+）「材料」列: 未知的键 "service\/security-assessment-report"；应为 entity\/<材料>、<服务>\/<材料> 或 <算法>\/<材料>，服务：yunqi-app、merchant-console、yunqi-life，算法：feed、/);
  });

  it('merged and split cells', async () => {
    const docx = await exportDocx();
    const place = await placeIn(docx, 'feed/user-minors');
    // Owner/due/file merged into the status cell (Word's Merge Cells: one cell spanning two grid columns).
    await editDocx(docx, (xml) =>
      editRow(xml, 'feed/user-minors', (row) => {
        const tracking = /<w:tc><w:tcPr>.*?<\/w:tcPr>(.*?)<\/w:tc>/s;
        const cells = row.match(/<w:tc>.*?<\/w:tc>/gs)!;
        const merged = cells[COLUMN.status]!.replace('<w:tcPr>', '<w:tcPr><w:gridSpan w:val="2"/>').replace('</w:tc>', `${tracking.exec(cells[COLUMN.tracking]!)![1]}</w:tc>`);
        return row.replace(cells[COLUMN.status]! + cells[COLUMN.tracking]!, merged);
      }),
    );
    await expectRefused(docx, new RegExp(`^filing-check: ${escapeRegExp(docx)}: ${place}: its cells are merged or split \\(the header row has 5 cells, this row 4\\); expected the rows as the checklist printed them`));

    const split = await exportDocx();
    await editDocx(split, (xml) => editRow(xml, 'feed/user-minors', (row) => editCell(row, COLUMN.notes, (cell) => cell + cell)));
    await expectRefused(split, new RegExp(`${place}: its cells are merged or split \\(the header row has 5 cells, this row 6\\)`));

    const vertical = await exportDocx();
    const firstFeedRow = await placeIn(vertical, 'feed/algorithm-self-assessment');
    await editDocx(vertical, (xml) => {
      const rows = tableRows(xml).filter((r) => r.text.includes('>feed/'));
      const [a, b] = [rows[0]!, rows[1]!];
      const restart = editCell(a.text, COLUMN.notes, (cell) => cell.replace('<w:tcPr>', '<w:tcPr><w:vMerge w:val="restart"/>'));
      const cont = editCell(b.text, COLUMN.notes, (cell) => cell.replace('<w:tcPr>', '<w:tcPr><w:vMerge/>'));
      return xml.slice(0, a.start) + restart + xml.slice(a.end, b.start) + cont + xml.slice(b.end);
    });
    await expectRefused(vertical, new RegExp(`${firstFeedRow}: its cells are merged or split`));
  });

  it('a table whose header row was deleted, a key line edited, a row holding two keys', async () => {
    const headless = await exportDocx();
    await editDocx(headless, (xml) => {
      const header = tableRows(xml)[0]!;
      return xml.slice(0, header.start) + xml.slice(header.end);
    });
    await expectRefused(headless, /^filing-check: .*: table 1 holds checklist rows but its first row is not the checklist's header \(序号, 材料, 状态, .*\); expected each table as the checklist printed it, its header row included\n$/);

    const edited = await exportDocx();
    await editDocx(edited, (xml) => xml.replace('>feed/user-minors</w:t>', '>feed/user-minor</w:t>'));
    await expectRefused(edited, /column "材料": unknown key "feed\/user-minor"; expected/);

    const erased = await exportDocx();
    const minors = await placeIn(erased, 'feed/user-minors');
    await editDocx(erased, (xml) => xml.replace('>feed/user-minors</w:t>', '>未成年人</w:t>'));
    await expectRefused(erased, new RegExp(`${minors}, column "材料": no key line`));
    await expectRefused(erased, /no key line \(such as entity\/entity-filing-form\) under the material's title/);

    const two = await exportDocx();
    await editDocx(two, (xml) => xml.replace('>feed/user-minors</w:t>', '>feed/user-minors</w:t></w:r></w:p><w:p><w:r><w:t>feed/algorithm-attributes</w:t>'));
    await expectRefused(two, /holds more than one key \(feed\/user-minors, feed\/algorithm-attributes\)/);

    const twice = await exportDocx();
    await editDocx(twice, (xml) => xml.replace('>feed/user-minors</w:t>', '>feed/algorithm-attributes</w:t>'));
    await expectRefused(twice, /column "材料": key "feed\/algorithm-attributes" appears twice \(first at .*table 4, row \d+/);
  });

  it('not applicable without a reason, and a control character in a value', async () => {
    const docx = await exportDocx();
    const review = await placeIn(docx, 'entity/system-ethics-review');
    await editDocx(docx, (xml) => editRow(xml, 'entity/system-ethics-review', (row) => tickStatus(row, '不适用')));
    await expectRefused(docx, new RegExp(`${review}, column "备注（不适用时写理由）"`));
    await expectRefused(docx, /, column "备注（不适用时写理由）": "entity\/system-ethics-review" is not applicable but gives no reason/);
    const control = await exportDocx();
    await editDocx(control, (xml) => editRow(xml, 'feed/user-minors', (row) => setTracking(row, '负责人', '张\uFFFD敏')));
    await expectRefused(control, /line "负责人": holds a control character \(U\+FFFD\)/);
  });
});

it('the Word runs helper splits text as Word does (a check on the test itself)', () => {
  expect(wordRuns('负责人张敏法务')).toMatch(/^<w:r [^>]*>.*<w:proofErr w:type="spellStart"\/><w:r .*<w:bookmarkStart .*<\/w:r>$/);
});

it('checklist --help names the Word checklist among the files --import reads, in English and in Chinese', async () => {
  expect((await runCli(['checklist', '--help', '--lang', 'en'])).stdout).toMatch(/--import <checklist> +read a filled-in checklist \(\.xlsx, \.csv or \.docx\) back\s+into --into/);
  expect((await runCli(['checklist', '--help', '--lang', 'zh'])).stdout).toMatch(/--import <checklist> +把填好的清单（\.xlsx、\.csv 或 \.docx）读回 --into 指定的\s+答案文件/);
});
