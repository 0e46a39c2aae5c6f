import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ROOT, runCli } from '../helpers.js';

const D = 'test/fixtures/drafts';

describe('filing-check lint (built CLI)', () => {
  it('sound drafts in all three formats pass with exit 0', () => {
    const run = runCli(['lint', `${D}/disclosure-sound.md`, `${D}/self-assessment-sound.md`, `${D}/disclosure-genai.docx`, '--answers', `${D}/filing.yaml`, '-f', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.files.map((f: { file: string; kind: string; findings: unknown[] }) => [f.file, f.kind, f.findings.length])).toEqual([
      [`${D}/disclosure-sound.md`, 'disclosure', 0],
      [`${D}/self-assessment-sound.md`, 'self-assessment', 0],
      [`${D}/disclosure-genai.docx`, 'disclosure', 0],
    ]);
  });

  it('a flawed draft names exactly what is missing or weak, with lines (contract section 5 shape), exit 1', () => {
    const run = runCli(['lint', `${D}/disclosure-missing-section.md`, '-f', 'json']);
    expect(run.code).toBe(1);
    const [file] = JSON.parse(run.stdout).files;
    expect(file.findings.map((f: { code: string; severity: string; line: number | null; message: string }) => [f.code, f.severity, f.line, f.message])).toEqual([
      ['SECTION_MISSING', 'blocking', null, '缺少“算法运行机制”部分'],
      ['SECTION_MISSING', 'blocking', 6, '缺少“算法应用场景”部分'],
      ['SECTION_TOO_THIN', 'minor', 8, '“算法目的意图”较简略（约 6 字，常见写法不少于 15 字）'],
    ]);
  });

  it('reads GBK and UTF-16 text files that Windows editors produce', () => {
    const gbk = JSON.parse(runCli(['lint', `${D}/disclosure-genai-gbk.txt`, '-f', 'json']).stdout).files[0];
    expect(gbk.findings.map((f: { code: string }) => f.code)).toEqual(['EXPLICIT_LABEL_NOT_DESCRIBED', 'IMPLICIT_LABEL_NOT_DESCRIBED', 'SECTION_ELEMENT_MISSING']);
    const utf16 = JSON.parse(runCli(['lint', `${D}/disclosure-brochure-utf16.txt`, '-f', 'json']).stdout).files[0];
    expect(utf16.findings.map((f: { code: string }) => f.code)).toContain('MARKETING_LANGUAGE');
  });

  it('labelling advice is for what the algorithm generates, not a 短视频 named once in passing', () => {
    const labels = (args: string[]) =>
      JSON.parse(runCli(['lint', `${D}/disclosure-genai-video-page.md`, ...args, '-f', 'json']).stdout)
        .files[0].findings.filter((f: { code: string }) => f.code === 'EXPLICIT_LABEL_NOT_DESCRIBED')
        .map((f: { message: string; hint: string }) => [f.message, f.hint]);
    const text = '在生成文本的开头、结尾或中间，或在交互界面周边添加“AI生成”等文字提示；依据《人工智能生成合成内容标识办法》第四条';
    expect(labels(['--answers', `${D}/filing.yaml`])).toEqual([['未说明生成的文本如何添加显式标识（生成合成类，类型依据：答案文件）', text]]);
    expect(labels([])).toEqual([['未说明生成的文本如何添加显式标识（生成合成类，类型依据：文稿填写的算法类型）', text]]);
  });

  it('统一口径: --answers flags names that differ from the answers file', () => {
    const run = runCli(['lint', `${D}/disclosure-names-differ.md`, '--answers', `${D}/filing.yaml`, '-f', 'json', '--lang', 'en']);
    const codes = JSON.parse(run.stdout).files[0].findings.map((f: { code: string; line: number }) => `${f.code}@${f.line}`);
    expect(codes).toEqual(['TAG_MANAGEMENT_NOT_DESCRIBED@null', 'NAME_MISMATCH@3', 'NAME_MISMATCH@5', 'TYPE_NAME_MISMATCH@7', 'SECTION_ELEMENT_MISSING@13', 'NAME_MISMATCH@19']);
  });

  it('an unreadable file is exit 2 with one message, and --fail-on none never fails', () => {
    expect(runCli(['lint', `${D}/missing.md`])).toEqual({ code: 2, stdout: '', stderr: `filing-check: ${D}/missing.md: 文件不存在（ENOENT）\n` });
    expect(runCli(['lint', `${D}/not-text.txt`])).toEqual({ code: 2, stdout: '', stderr: `filing-check: ${D}/not-text.txt: 不支持的编码：不是 UTF-8、UTF-16 或 GBK\n` });
    expect(runCli(['lint', `${D}/missing.md`, '--lang', 'en'])).toEqual({ code: 2, stdout: '', stderr: `filing-check: ${D}/missing.md: file not found (ENOENT)\n` });
    expect(runCli(['lint', `${D}/not-text.txt`, '--lang', 'en'])).toEqual({ code: 2, stdout: '', stderr: `filing-check: ${D}/not-text.txt: unsupported encoding: not UTF-8, UTF-16 or GBK\n` });
    expect(runCli(['lint', `${D}/disclosure-missing-section.md`, '--fail-on', 'none']).code).toBe(0);
  });

  it('shows each draft and the answers file by the path the user gave, absolute paths included', () => {
    const draft = join(ROOT, D, 'disclosure-names-differ.md');
    const answers = join(ROOT, D, 'filing.yaml');
    const run = runCli(['lint', draft, '--answers', answers, '-f', 'json']);
    const [file] = JSON.parse(run.stdout).files;
    expect(file.file).toBe(draft);
    const entity = file.findings.find((f: { code: string }) => f.code === 'NAME_MISMATCH');
    expect(entity.message).toBe(`主体名称“杭州云栖优选科技有限公司”与答案文件 ${answers} 中的“杭州云栖优选网络科技有限公司”不一致`);
    const algorithm = file.findings.filter((f: { args: { field?: string } }) => f.args.field === 'algorithm');
    expect(algorithm.map((f: { hint: string }) => f.hint)).toEqual([`算法名称在各份材料中逐字统一为 ${answers} 中的写法；算法名称以备案系统中填报的名称为准`]);
  });

  it('accepts the common options the README lists (--no-color, --lang, --out, --fail-on)', () => {
    const run = runCli(['lint', `${D}/disclosure-sound.md`, '--no-color', '--lang', 'en', '--fail-on', 'minor']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('no findings');
  });
});
