import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DraftReadError, readDraft } from '../../src/lint/read-draft.js';
import { decodeTextBytes } from '../../src/data/text-decode.js';

const fixture = (name: string) => new URL(`../fixtures/drafts/${name}`, import.meta.url).pathname;

async function readError(path: string): Promise<DraftReadError> {
  const error = await readDraft(path).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DraftReadError);
  return error as DraftReadError;
}

describe('readDraft on the fixtures', () => {
  it('reads UTF-8 Markdown line by line', async () => {
    const draft = await readDraft(fixture('disclosure-sound.md'));
    expect(draft).toMatchObject({ format: 'md', encoding: 'utf-8' });
    expect(draft.lines).toHaveLength(29);
    expect(draft.lines[0]).toBe('# 云栖优选个性化推荐算法拟公示内容');
    expect(draft.lines[8]).toBe('## 一、算法基本原理');
  });

  it('reads GBK text written by a Chinese Windows editor', async () => {
    const draft = await readDraft(fixture('disclosure-genai-gbk.txt'));
    expect(draft).toMatchObject({ format: 'txt', encoding: 'gb18030' });
    expect(draft.lines[0]).toBe('云栖妙笔AI写作生成算法拟公示内容');
    expect(draft.lines[4]).toBe('一、算法基本原理');
    expect(draft.lines.at(-1)).toContain('“我的—反馈与投诉”举报');
  });

  it('reads UTF-16LE with BOM, without the BOM in the text', async () => {
    const draft = await readDraft(fixture('disclosure-brochure-utf16.txt'));
    expect(draft).toMatchObject({ format: 'txt', encoding: 'utf-16le' });
    expect(draft.lines[0]).toBe('云栖优选个性化推荐算法拟公示内容');
    expect(draft.lines).toHaveLength(13);
  });

  it('splits CRLF files into clean lines, numbered as an editor shows them', async () => {
    const draft = await readDraft(fixture('disclosure-template-crlf.md'));
    expect(draft.encoding).toBe('utf-8');
    expect(draft.lines).toHaveLength(21);
    expect(draft.lines.some((line) => line.includes('\r'))).toBe(false);
    expect(draft.lines[2]).toBe('算法名称：【请填写算法名称】');
  });

  it('reads .docx paragraphs and table cells as lines, skipping empty paragraphs', async () => {
    const draft = await readDraft(fixture('disclosure-genai.docx'));
    expect(draft).toMatchObject({ format: 'docx', encoding: 'utf-8' });
    expect(draft.lines.slice(0, 5)).toEqual(['云栖妙笔AI写作生成算法拟公示内容', '主体名称', '杭州云栖优选网络科技有限公司', '算法名称', '云栖妙笔AI写作生成算法']);
    expect(draft.lines).toHaveLength(16);
    expect(draft.lines.at(-1)).toBe('公示日期：2026年11月2日');
  });
});

describe('readDraft errors', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'filing-check-lint-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('rejects bytes that are no supported text encoding, without quoting them', async () => {
    const error = await readError(fixture('not-text.txt'));
    expect(error.reason).toBe('unsupported encoding: not UTF-8, UTF-16 or GBK');
    expect(error.file).toBe(fixture('not-text.txt'));
    expect(error.message).toBe(`${fixture('not-text.txt')}: unsupported encoding: not UTF-8, UTF-16 or GBK`);
  });

  it('names a missing file, a directory and an unsupported extension', async () => {
    expect((await readError(join(dir, 'missing.md'))).reason).toBe('file not found (ENOENT)');
    await mkdir(join(dir, 'folder.md'));
    expect((await readError(join(dir, 'folder.md'))).reason).toBe('is a directory, not a file (EISDIR)');
    expect((await readError(join(dir, 'report.pdf'))).reason).toBe('unsupported file type ".pdf": lint reads .md, .txt and .docx (save Word files as .docx)');
    expect((await readError(join(dir, 'README'))).reason).toMatch(/^unsupported file type "\(none\)"/);
  });

  it('rejects a .docx that is not a Word file, without quoting its content', async () => {
    await writeFile(join(dir, 'renamed.docx'), '机密内容 confidential draft text');
    const error = await readError(join(dir, 'renamed.docx'));
    expect(error.reason).toMatch(/^not a readable \.docx file/);
    // One wording for an unreadable .docx, the Word checklist's and lint's.
    expect(error.words).toEqual({ key: 'problem.not-docx' });
    expect(error.message).not.toContain('机密内容');
  });

  it('accepts upper-case extensions', async () => {
    await writeFile(join(dir, 'DRAFT.TXT'), '算法基本原理\n');
    expect((await readDraft(join(dir, 'DRAFT.TXT'))).lines).toEqual(['算法基本原理']);
  });
});

describe('decodeTextBytes', () => {
  const utf16be = (text: string) => {
    const le = Buffer.from(`\ufeff${text}`, 'utf16le');
    for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1] ?? 0, le[i] ?? 0];
    return le;
  };

  it('honours a UTF-8 or UTF-16BE byte order mark', () => {
    expect(decodeTextBytes(Buffer.from('\ufeff算法目的意图', 'utf8'))).toEqual({ encoding: 'utf-8-bom', text: '算法目的意图' });
    expect(decodeTextBytes(utf16be('算法目的意图'))).toEqual({ encoding: 'utf-16be', text: '算法目的意图' });
  });

  it('prefers UTF-8 and falls back to GB18030 only when UTF-8 is invalid', () => {
    expect(decodeTextBytes(Buffer.from('目的意图 ×— α', 'utf8'))?.encoding).toBe('utf-8');
    // "算法 ×—α" in GBK: Han, Latin-1 ×, em dash and Greek all belong to what GBK files contain.
    const gbk = Uint8Array.from([0xcb, 0xe3, 0xb7, 0xa8, 0x20, 0xa1, 0xc1, 0xa1, 0xaa, 0xa6, 0xc1]);
    expect(decodeTextBytes(gbk)).toEqual({ encoding: 'gb18030', text: '算法 ×—α' });
  });

  it('rejects valid GB18030 that decodes to characters no GBK document holds', () => {
    // Four-byte GB18030 sequences for U+10000…: valid, but a binary file, not Chinese text.
    const bytes = Uint8Array.from([0x90, 0x30, 0x81, 0x30, 0x90, 0x30, 0x81, 0x31, 0x90, 0x30, 0x81, 0x32]);
    expect(new TextDecoder('gb18030', { fatal: true }).decode(bytes)).toHaveLength(6);
    expect(decodeTextBytes(bytes)).toBeNull();
  });

  it('rejects UTF-16 without a BOM (NUL bytes) and a broken UTF-16 file', () => {
    expect(decodeTextBytes(Buffer.from('algorithm', 'utf16le'))).toBeNull();
    expect(decodeTextBytes(Uint8Array.from([0xff, 0xfe, 0x97]))).toBeNull();
  });

  it('accepts an empty file', () => {
    expect(decodeTextBytes(new Uint8Array())).toEqual({ encoding: 'utf-8', text: '' });
  });
});
