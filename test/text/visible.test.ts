// Terminal escapes in what users and files give the tool (an entity name, an overlay's title, an
// unknown key, a --set path, a file name) reach no stream raw: every output shows them as visible
// escapes, and the Word checklist stays well-formed XML.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { mapStrings, visible, xmlSafe } from '../../src/text/visible.js';
import { AS_OF, ROOT, runCli, tempDir } from '../helpers/formats.js';
import { zipArchive } from '../helpers/zip.js';

// OSC 52 (sets the clipboard), clear screen, the one-byte CSI (U+009B), a bell and a carriage return.
const NAME = '杭州\u001b]52;c;aGk=\u0007云栖\u001b[2J优选\u009b31m网络\r科技有限公司';
const SHOWN = '杭州\\u001b]52;c;aGk=\\u0007云栖\\u001b[2J优选\\u009b31m网络\\u000d科技有限公司';
const RAW = /[\u0000-\u0008\u000B-\u000C\u000E-\u001F\u007F-\u009F]|\r(?!\n)/;

async function answersNamed(name: string): Promise<string> {
  const dir = await tempDir();
  const file = join(dir, 'filing.yaml');
  const example = await readFile(join(ROOT, 'examples/filing.yaml'), 'utf8');
  await writeFile(file, example.replace('name: 杭州云栖优选网络科技有限公司', `name: ${JSON.stringify(name)}`));
  return file;
}

describe('visible', () => {
  it('shows controls as escapes and keeps tabs, newlines and CRLF', () => {
    expect(visible(NAME)).toBe(SHOWN);
    expect(visible('a\tb\r\nc\nd')).toBe('a\tb\r\nc\nd');
    expect(JSON.parse(visible(JSON.stringify({ name: NAME })))).toEqual({ name: NAME });
  });

  it('drops for XML only what XML 1.0 forbids', () => {
    expect(xmlSafe('名\u0001称\u000b\t\n\uFFFE\uD800x')).toBe('名称\t\nx');
    expect(mapStrings({ a: ['x\u0007'], n: 1 }, visible)).toEqual({ a: ['x\\u0007'], n: 1 });
  });
});

describe('every output shows escapes from an entity name', () => {
  it.each(['text', 'md', 'csv', 'github', 'html', 'junit', 'json', 'sarif'])('diagnose -f %s', async (format) => {
    const run = await runCli(['diagnose', await answersNamed(NAME), '--as-of', AS_OF, '-f', format]);
    expect(run.stdout).not.toMatch(RAW);
    if (format === 'json') expect(JSON.parse(run.stdout).entity.name).toBe(NAME);
    else if (format === 'text') expect(run.stdout).toContain(SHOWN);
  });

  it('a coloured text report keeps its colours', async () => {
    const run = await runCli(['diagnose', await answersNamed(NAME), '--as-of', AS_OF, '--color']);
    expect(run.stdout).toContain('\u001b[1m');
    expect(run.stdout.replace(/\u001b\[[\d;]*m/g, '')).not.toMatch(RAW);
  });

  it.each(['md', 'html'])('checklist -f %s', async (format) => {
    const run = await runCli(['checklist', await answersNamed(NAME), '--as-of', AS_OF, '-f', format]);
    expect(run.stdout).toContain('杭州\\u001b');
    expect(run.stdout).not.toMatch(RAW);
  });

  it('a Word checklist with a vertical tab in the name stays well-formed XML', async () => {
    const answers = await answersNamed('杭州\u000b云栖\u0001优选网络科技有限公司');
    const out = join(await tempDir(), 'checklist.docx');
    expect((await runCli(['checklist', answers, '--as-of', AS_OF, '-f', 'docx', '--out', out])).code).toBe(0);
    const { value } = await mammoth.extractRawText({ path: out });
    expect(value).toContain('杭州云栖优选网络科技有限公司');
    const documentXml = await documentPart(await readFile(out));
    const parser = new SaxesParser();
    parser.on('error', (error) => {
      throw error;
    });
    parser.write(documentXml).close();
  });
});

/** word/document.xml of a .docx, through mammoth's own zip reader's result: unzip with Node's zlib. */
async function documentPart(docx: Buffer): Promise<string> {
  const { inflateRawSync } = await import('node:zlib');
  for (let at = 0; at < docx.length - 30; at++) {
    if (docx.readUInt32LE(at) !== 0x04034b50) continue;
    const nameLength = docx.readUInt16LE(at + 26);
    const name = docx.toString('utf8', at + 30, at + 30 + nameLength);
    if (name !== 'word/document.xml') continue;
    const start = at + 30 + nameLength + docx.readUInt16LE(at + 28);
    return inflateRawSync(docx.subarray(start)).toString('utf8');
  }
  throw new Error('no word/document.xml');
}

describe('messages name what users gave, visibly', () => {
  it('an unknown key', async () => {
    const dir = await tempDir();
    const file = join(dir, 'filing.yaml');
    const example = await readFile(join(ROOT, 'examples/filing.yaml'), 'utf8');
    await writeFile(file, example.replace('  regionCode:', '  "x\\e[2J": 1\n  regionCode:'));
    const run = await runCli(['diagnose', file, '--lang', 'en']);
    expect(run.stderr).toBe(`filing-check: ${file}:11:3: entity.x\\u001b[2J: unknown field "x\\u001b[2J"; remove it or fix its spelling (see: filing-check schema answers)\n`);
  });

  it('a file name', async () => {
    const run = await runCli(['diagnose', 'bad\u001b[2Jname.yaml']);
    expect(run.stderr).toBe('filing-check: bad\\u001b[2Jname.yaml: 文件不存在；应为答案文件（YAML 或 JSON）\n');
    expect(run.code).toBe(2);
  });

  it('a --set path', async () => {
    const run = await runCli(['diagnose', 'examples/filing.yaml', '--set', 'entity.x\u001b]52;c;aGk=\u0007=1', '--lang', 'en']);
    expect(run.stderr).toBe('filing-check: --set entity.x\\u001b]52;c;aGk=\\u0007=1: expected a field path such as entity.name, services[0].forms or algorithms[1].generation.modalities\n');
  });

  it("an overlay pack's title in rules list and explain", async () => {
    const dir = join(await tempDir(), 'overlay');
    await mkdir(dir);
    const guidance = await readFile(join(ROOT, 'test/fixtures/formats/rules-guidance/guidance.yaml'), 'utf8');
    await writeFile(join(dir, 'guidance.yaml'), guidance.replace('      zh: 按备案系统模板逐项说明算法的安全风险、防范措施和评估结论。', '      zh: "\\e[2J按备案系统模板逐项说明算法的安全风险、防范措施和评估结论。"'));
    const list = await runCli(['rules', 'explain', 'algorithm-self-assessment', '--rules', dir]);
    expect(list.stderr).toBe('');
    expect(list.stdout).toContain('\\u001b[2J按备案系统模板');
    expect(list.stdout).not.toMatch(RAW);
  });

  it('an import change line from a hand-made workbook', async () => {
    // Not reachable from a table (the reader refuses control characters), but the line is printed
    // through the sanitiser all the same; a zip that is no workbook names the archive visibly.
    const file = join(await tempDir(), 'x\u001b[2J.xlsx');
    await writeFile(file, zipArchive([{ name: 'xl/\u001b[2J.xml', data: Buffer.from('x'), declaredSize: 0 }]));
    const run = await runCli(['checklist', '--import', file, '--into', 'examples/filing.yaml', '--dry-run']);
    expect(run.stderr).not.toMatch(RAW);
    expect(run.stderr).toContain('x\\u001b[2J.xlsx');
    expect(run.code).toBe(2);
  });
});
