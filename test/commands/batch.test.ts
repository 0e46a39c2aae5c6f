import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AS_OF, BIN, CASES, runCli, tempDir } from '../helpers.js';

/** A consultant's folder: one sub-folder per client, each with its filing.yaml. */
function clientsFolder(withBroken: boolean): string {
  const root = tempDir();
  const clients: [string, string][] = [['北京晨读', 'news-feed'], ['成都环宇', 'internal-overseas'], ['天津速达', 'ride-hailing']];
  for (const [client, fixture] of clients) {
    mkdirSync(join(root, client));
    cpSync(join(CASES, `${fixture}.yaml`), join(root, client, 'filing.yaml'));
  }
  if (withBroken) {
    mkdirSync(join(root, '上海某客户'));
    writeFileSync(join(root, '上海某客户', 'filing.yaml'), 'schemaVersion: 1\nentity: { name: 上海某客户 }\nalgorithms: [{ id: x, name: 推荐, services: [app], does: [recommend] }]\n');
  }
  writeFileSync(join(root, 'notes.yaml'), 'not an answers file: skipped by name\n');
  return root;
}

describe('diagnose FILE... and directories (batch)', () => {
  it('JSON Lines: one report per file, the bad one as an error line, exit 2 for the run', () => {
    const root = clientsFolder(true);
    const run = runCli(['diagnose', '.', '-f', 'json', '--as-of', AS_OF], { cwd: root });
    const lines = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.source)).toEqual(['上海某客户/filing.yaml', '北京晨读/filing.yaml', '天津速达/filing.yaml', '成都环宇/filing.yaml']);
    expect(lines[0]).toEqual({ schemaVersion: 1, source: '上海某客户/filing.yaml', error: '上海某客户/filing.yaml:3:57: algorithms[0].does[0]: 应为以下之一："generate" | "personalize" | "rank" | "search" | "filter" | "decide"，实际为 "recommend"' });
    expect(lines[1].entity.name).toBe('北京晨读网络科技有限公司');
    expect(run.stderr).toBe(`filing-check: ${lines[0].error}\n`);
    expect(run.code).toBe(2);
  });

  it('text ends with a summary table; the exit code is the worst of the files', () => {
    const root = clientsFolder(false);
    const run = runCli(['diagnose', '北京晨读/filing.yaml', '成都环宇', '天津速达/filing.yaml', '--as-of', AS_OF], { cwd: root });
    expect(run.code).toBe(1);
    const summary = run.stdout.slice(run.stdout.lastIndexOf('批量诊断汇总'));
    expect(summary.split('\n').slice(0, 5)).toEqual([
      '批量诊断汇总',
      expect.stringMatching(/^ {2}答案文件 +备案主体 +算法分类 +阻断 +已逾期 +准备度$/),
      expect.stringMatching(/^ {2}北京晨读\/filing\.yaml +北京晨读网络科技有限公司 +3 +\d+ +4 +\d+%$/),
      expect.stringMatching(/^ {2}成都环宇\/filing\.yaml +成都环宇数字科技有限公司 +2 +0 +0 +100%$/),
      expect.stringMatching(/^ {2}天津速达\/filing\.yaml +天津速达出行科技有限公司 +2 +\d+ +\d+ +\d+%$/),
    ]);
    expect(summary).toContain('共 3 个答案文件，0 个无法读取或校验失败');
    expect(runCli(['diagnose', '成都环宇/filing.yaml', '成都环宇/filing.yaml', '--as-of', AS_OF], { cwd: root }).code).toBe(0);
  });

  it('a directory without answers files is exit 2', () => {
    const empty = tempDir();
    expect(runCli(['diagnose', empty, 'examples/filing.yaml'])).toMatchObject({ code: 2, stderr: `filing-check: ${empty}: 此目录中没有答案文件（filing.yaml、*.filing.yaml、*.filing.json）\n` });
    expect(runCli(['diagnose', empty, 'examples/filing.yaml', '--lang', 'en'])).toMatchObject({ code: 2, stderr: `filing-check: ${empty}: no answers files (filing.yaml, *.filing.yaml, *.filing.json) in this directory\n` });
  });
});

describe('output to a reader that is slow or stops early', () => {
  it('a batch waits for each write before diagnosing the next file, so a slow reader bounds its memory', async () => {
    const root = clientsFolder(false);
    const { runBatch } = await import('../../src/commands/batch.js');
    const { loadRules } = await import('../../src/rules/load.js');
    const rules = await loadRules([], root);
    const files = ['北京晨读/filing.yaml', '成都环宇/filing.yaml', '天津速达/filing.yaml'];
    const io = { cwd: root, env: {}, stderr: () => {}, stdoutIsTTY: false } as unknown as import('../../src/io.js').Io;
    const written: string[] = [];
    let release = () => {};
    const write = (text: string) => {
      written.push(text);
      return new Promise<void>((resolve) => (release = resolve));
    };
    const done = runBatch(files, rules, { format: 'json', lang: 'zh', failOn: 'blocking', asOf: AS_OF, color: false, toFile: false }, io, write);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(written).toHaveLength(1);
    release();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(written).toHaveLength(2);
    release();
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    expect(await done).toBe(1);
    expect(written.map((line) => JSON.parse(line).source)).toEqual(files);
  });

  it('a reader that pauses holds the batch back: the last file is not reached until the reader reads', async () => {
    const root = clientsFolder(false);
    for (let copy = 1; copy <= 8; copy++) cpSync(join(root, '北京晨读'), join(root, `北京晨读-${copy}`), { recursive: true });
    mkdirSync(join(root, '黑龙江某客户'));
    writeFileSync(join(root, '黑龙江某客户', 'filing.yaml'), 'schemaVersion: 1\nentity: []\n');
    const child = spawn(process.execPath, [BIN, 'diagnose', '.', '-f', 'json', '--as-of', AS_OF], { cwd: root });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.pause();
    // Eleven reports (about 700 KB), sorted before it, are far more than the pipe and both streams' buffers hold.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(stderr).toBe('');
    child.stdout.resume();
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).toMatch(/^filing-check: 黑龙江某客户\/filing\.yaml:2:1: entity: /);
    expect(code).toBe(2);
  });

  it('| head: stops quietly with 141 (as SIGPIPE would), no EPIPE stack trace', () => {
    const root = clientsFolder(false);
    const run = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" diagnose . -f json --as-of ${AS_OF} 2>stderr.txt | head -c 10 >/dev/null; echo \${PIPESTATUS[0]}`], { cwd: root, encoding: 'utf8' });
    expect(run.stdout.trim()).toBe('141');
    expect(readFileSync(join(root, 'stderr.txt'), 'utf8')).toBe('');
  });
});
