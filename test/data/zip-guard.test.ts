// Word drafts pass the same ZIP guard as workbooks before mammoth unpacks them.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/formats.js';
import { zipArchive } from '../helpers/zip.js';

const MiB = 1024 * 1024;

describe('lint and Word drafts', () => {
  it('refuses a docx bomb before mammoth unpacks it', async () => {
    const file = join(await tempDir(), '自评估报告.docx');
    await writeFile(file, zipArchive([{ name: 'word/document.xml', data: Buffer.alloc(100 * MiB, 0x20) }]));
    const run = await runCli(['lint', file]);
    expect(run.stderr).toBe(`filing-check: ${file}: 解压后为 100 MiB，超过允许的 64 MiB；应为 .docx 草稿\n`);
    expect(run.code).toBe(2);
    expect((await runCli(['lint', file, '--lang', 'en'])).stderr).toBe(`filing-check: ${file}: unpacks to 100 MiB, more than the 64 MiB allowed; expected a .docx draft\n`);
  });

  it('refuses a document.xml larger than mammoth can parse in bounded memory', async () => {
    const file = join(await tempDir(), '拟公示内容.docx');
    await writeFile(file, zipArchive([{ name: 'word/document.xml', data: Buffer.alloc(5 * MiB, 0x20) }]));
    const run = await runCli(['lint', file, '--lang', 'en']);
    expect(run.stderr).toBe(`filing-check: ${file}: its text and tables unpack to 5 MiB, more than the 2 MiB allowed; expected a .docx draft\n`);
    expect(run.code).toBe(2);
  });
});
