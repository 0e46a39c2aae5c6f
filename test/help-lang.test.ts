// --help follows --lang, and LANG/LC_ALL when they name Chinese; English stays the default elsewhere.
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/formats.js';

const COMMANDS = ['diagnose', 'render', 'diff', 'checklist', 'schema', 'rules', 'suggest-type', 'assess', 'lint'];

describe('--help in Chinese', () => {
  it('words the program help and every command help in Chinese with --lang zh', async () => {
    const top = await runCli(['--help', '--lang', 'zh']);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('用法： filing-check');
    expect(top.stdout).toMatch(/diagnose +为每个算法分类，判断适用的程序，报告材料缺口/);
    expect(top.stdout).toMatch(/help \[command\] +显示某个命令的帮助/);
    expect(top.stdout).toContain('退出码：\n  0    没有该 --fail-on 级别及以上的缺口');
    for (const command of COMMANDS) {
      const run = await runCli([command, '--help', '--lang', 'zh']);
      expect(run.code, command).toBe(0);
      // Every line of prose is Chinese: no English description is left untranslated.
      expect(run.stdout, command).not.toMatch(/display help|Exit codes|output format|write the|answers file \(|usage error/);
      expect(run.stdout, command).toContain('-h, --help');
    }
  });

  it('follows LANG and LC_ALL when --lang is not given, and --lang over both', async () => {
    expect((await runCli(['diagnose', '--help'], { env: { LANG: 'zh_CN.UTF-8' } })).stdout).toContain('文本报告：输出完整报告');
    expect((await runCli(['--help'], { env: { LC_ALL: 'zh_TW.UTF-8', LANG: 'en_US.UTF-8' } })).stdout).toContain('用法：');
    expect((await runCli(['--help', '--lang', 'en'], { env: { LANG: 'zh_CN.UTF-8' } })).stdout).toContain('Usage: filing-check');
    expect((await runCli(['--help'], { env: { LANG: 'en_US.UTF-8' } })).stdout).toContain('Usage: filing-check');
  });
});
