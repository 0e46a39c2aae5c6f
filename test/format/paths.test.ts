// No local folders in deliverables: every document for a client names the answers file by its base
// name and a material file as written relative to the answers file; a file outside that folder (an
// absolute path, a `..` climb) shows its base name and says it lies outside the case folder. The
// checklist reads its file column back, so an unchanged checklist leaves the answers file as it was.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, ROOT, runCli, tempDir } from '../helpers/formats.js';

let root: string;
let answers: string;

/** The bundled example, moved into a client's folder, its feed materials kept in three places. */
beforeAll(async () => {
  root = await tempDir();
  await mkdir(join(root, 'clients', 'a'), { recursive: true });
  answers = join(root, 'clients', 'a', 'filing.yaml');
  const example = await readFile(join(ROOT, 'examples', 'filing.yaml'), 'utf8');
  const moved = example
    .replace('file: docs/feed/算法安全自评估报告.md', 'file: 材料/x.pdf')
    .replace('file: docs/feed/拟公示内容.md', `file: ${join(root, '顾问', '拟公示内容.pdf')}`)
    .replace('algorithm-attributes: { status: draft, owner: 李工 }', 'algorithm-attributes: { status: draft, owner: 李工, file: ../../other/属性.pdf }')
    .replace('system-mechanism-review: { status: draft }', "system-mechanism-review: { status: draft, file: 'C:\\Users\\顾问\\审核制度.docx' }");
  expect(moved).not.toBe(example);
  await writeFile(answers, moved);
});

/** The text of a Word or Excel file: every XML part with its tags taken out. */
async function officeText(bytes: Buffer, format: 'docx' | 'xlsx'): Promise<string> {
  if (format === 'docx') return (await mammoth.extractRawText({ buffer: bytes })).value;
  const zip = await JSZip.loadAsync(bytes);
  const parts = await Promise.all(Object.values(zip.files).filter((f) => f.name.endsWith('.xml')).map((f) => f.async('string')));
  return parts.join('\n').replace(/<[^>]+>/g, ' ');
}

/** Asserts what a document for a client shows of the case's paths. */
function expectNoLocalFolders(view: string, name: string, outside: (file: string) => string): void {
  expect(view, name).not.toContain(root);
  expect(view, name).not.toMatch(/\.\.[\\/]/);
  expect(view, name).not.toContain('C:\\');
  expect(view, name).toContain('材料/x.pdf');
  for (const file of ['拟公示内容.pdf', '属性.pdf']) expect(view, name).toContain(outside(file));
}

const OUTSIDE = { zh: (file: string) => `${file}（案卷文件夹外）`, en: (file: string) => `${file} (outside the case folder)` };

describe('no local folders in the documents for a client', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`reports and checklists in ${lang}: the answers file by its name, material files inside the case folder as written`, async () => {
      const views: [string, string[]][] = [
        ['text', ['diagnose', '-f', 'text']], ['text --detail', ['diagnose', '-f', 'text', '--detail']], ['md', ['diagnose', '-f', 'md']],
        // The PDF is this HTML printed by Chromium (test/format/browser.test.ts prints it).
        ['html', ['diagnose', '-f', 'html']], ['csv', ['diagnose', '-f', 'csv']],
        ['checklist md', ['checklist', '-f', 'md']], ['checklist html', ['checklist', '-f', 'html']], ['checklist csv', ['checklist', '-f', 'csv']],
      ];
      for (const [name, [command, ...format]] of views) {
        const run = await runCli([command!, answers, ...format, '--as-of', AS_OF, '--lang', lang]);
        expect(run.stderr, name).toBe('');
        expectNoLocalFolders(run.stdout, name, OUTSIDE[lang]);
        // The detail names the answers file in its header; the summary and checklists do too.
        if (name !== 'csv' && name !== 'checklist csv') expect(run.stdout, name).toMatch(/filing\.yaml/);
      }
      // The missing-file warnings name the material and the file as the documents show it.
      const text = (await runCli(['diagnose', answers, '--as-of', AS_OF, '--lang', lang])).stdout;
      expect(text).toContain(lang === 'zh' ? `材料「拟公示内容」（algorithm-disclosure）标记为「就绪」，但文件 ${OUTSIDE.zh('拟公示内容.pdf')} 不存在` : `The material “Content to be publicly disclosed” (algorithm-disclosure) is marked ready, but its file ${OUTSIDE.en('拟公示内容.pdf')} does not exist`);
      expect(text).toContain(OUTSIDE[lang]('审核制度.docx'));
      const dir = await tempDir();
      for (const format of ['docx', 'xlsx'] as const) {
        const out = join(dir, `${lang}.${format}`);
        expect((await runCli(['checklist', answers, '-f', format, '--out', out, '--as-of', AS_OF, '--lang', lang])).code).toBe(0);
        const view = await officeText(await readFile(out), format);
        expectNoLocalFolders(view, `checklist ${format}`, OUTSIDE[lang]);
        expect(view, `checklist ${format}`).toContain('filing.yaml');
      }
    });
  }

  it('diff, between two meetings, names each report\'s answers file by its name', async () => {
    const dir = await tempDir();
    const saved = join(dir, 'report.json');
    await writeFile(saved, (await runCli(['diagnose', answers, '--as-of', AS_OF, '-f', 'json'])).stdout);
    for (const format of ['text', 'md']) {
      const run = await runCli(['diff', saved, saved, '-f', format]);
      expect(run.stderr).toBe('');
      expect(run.stdout, format).not.toContain(root);
      expect(run.stdout, format).toContain(`filing.yaml (${AS_OF})`);
    }
  });

  it('the JSON report, for machines, keeps every path as written', async () => {
    const report = JSON.parse((await runCli(['diagnose', answers, '--as-of', AS_OF, '-f', 'json'])).stdout) as { source: string; items: { file: string | null }[] };
    expect(report.source).toBe(answers);
    expect(report.items.map((i) => i.file).filter(Boolean)).toEqual(expect.arrayContaining(['材料/x.pdf', '../../other/属性.pdf', join(root, '顾问', '拟公示内容.pdf')]));
  });

  it('an unchanged checklist imports without touching the answers file; a changed file cell is written as typed', async () => {
    const before = await readFile(answers);
    const dir = await tempDir();
    for (const lang of ['zh', 'en'] as const) {
      for (const format of ['xlsx', 'csv', 'docx'] as const) {
        const sheet = join(dir, `${lang}.${format}`);
        expect((await runCli(['checklist', answers, '-f', format, '--out', sheet, '--as-of', AS_OF, '--lang', lang])).code).toBe(0);
        const run = await runCli(['checklist', '--import', sheet, '--into', answers, '--lang', lang]);
        expect(run.code, `${lang} ${format}: ${run.stderr}`).toBe(0);
        expect((await readFile(answers)).equals(before), `${lang} ${format}`).toBe(true);
      }
    }
    const sheet = join(dir, 'zh.csv');
    await writeFile(sheet, (await readFile(sheet, 'utf8')).replace(OUTSIDE.zh('属性.pdf'), '材料/属性.pdf'));
    const run = await runCli(['checklist', '--import', sheet, '--into', answers, '--dry-run']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('feed/algorithm-attributes  file: ../../other/属性.pdf → 材料/属性.pdf');
    expect((await readFile(answers)).equals(before)).toBe(true);
  });
});
