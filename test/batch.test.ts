import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AS_OF, CASES, runCli, tempDir } from './helpers.js';

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
    expect(lines[0]).toEqual({ schemaVersion: 1, source: '上海某客户/filing.yaml', error: '上海某客户/filing.yaml:3:57: algorithms[0].does[0]: expected one of "generate" | "personalize" | "rank" | "search" | "filter" | "decide", got "recommend"' });
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
      expect.stringMatching(/^ {2}北京晨读\/filing\.yaml +北京晨读网络科技有限公司 +3 +\d+ +6 +\d+%$/),
      expect.stringMatching(/^ {2}成都环宇\/filing\.yaml +成都环宇数字科技有限公司 +2 +0 +0 +100%$/),
      expect.stringMatching(/^ {2}天津速达\/filing\.yaml +天津速达出行科技有限公司 +2 +\d+ +\d+ +\d+%$/),
    ]);
    expect(summary).toContain('共 3 个答案文件，0 个无法读取或校验失败');
    expect(runCli(['diagnose', '成都环宇/filing.yaml', '成都环宇/filing.yaml', '--as-of', AS_OF], { cwd: root }).code).toBe(0);
  });

  it('a directory without answers files is exit 2', () => {
    const empty = tempDir();
    expect(runCli(['diagnose', empty, 'examples/filing.yaml'])).toMatchObject({ code: 2, stderr: `filing-check: ${empty}: no answers files (filing.yaml, *.filing.yaml, *.filing.json) in this directory\n` });
  });
});
