// --help follows the run's language (src/lang.ts): --lang, else the locale when it names zh or en, else Chinese.
import { describe, expect, it } from 'vitest';
import type { Lang } from '../src/constants.js';
import { word } from '../src/messages/catalogue.js';
import { HELP_MESSAGES } from '../src/messages/help.js';
import { runCli } from './helpers/formats.js';

const COMMANDS = ['diagnose', 'render', 'diff', 'checklist', 'schema', 'rules', 'suggest-type', 'assess', 'lint'];

/** Help text with commander's wrapped lines joined again, so a description reads as one line. */
const unwrapped = (text: string) => text.replace(/\s+/g, ' ');
const count = (text: string, part: string) => text.split(part).length - 1;
const t = (lang: Lang, key: string) => word(HELP_MESSAGES, lang, key);

describe('command descriptions: the catalogue is their one source', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`--help --lang ${lang} shows each command's catalogue description once, in the list and in its own help`, async () => {
      const top = unwrapped((await runCli(['--help', '--lang', lang])).stdout);
      expect(count(top, t(lang, 'help.cmd.program')), 'program').toBe(1);
      for (const command of COMMANDS) expect(count(top, t(lang, `help.cmd.${command}`)), command).toBe(1);
      // In English commander's -h option is worded as its help command is, so the line is matched.
      expect(top).toMatch(new RegExp(`help \\[command\\] +${t(lang, 'help.cmd.help')}`));
      const rules = unwrapped((await runCli(['rules', '--help'], { env: { LANG: lang === 'zh' ? 'zh_CN.UTF-8' : 'en_US.UTF-8' } })).stdout);
      for (const sub of ['list', 'explain', 'validate']) expect(count(rules, t(lang, `help.cmd.rules.${sub}`)), `rules ${sub}`).toBe(1);
      for (const command of [...COMMANDS.map((c) => [c]), ['rules', 'list'], ['rules', 'explain'], ['rules', 'validate']]) {
        // rules and rules validate take no --lang: their help language comes from LANG.
        const run = await runCli([...command, '--help'], { env: { LANG: lang === 'zh' ? 'zh_CN.UTF-8' : 'en_US.UTF-8' } });
        expect(run.code, command.join(' ')).toBe(0);
        const own = unwrapped(run.stdout);
        expect(count(own, t(lang, `help.cmd.${command.join('.')}`)), command.join(' ')).toBe(1);
        // The program's own description is the top-level help's, not every command's.
        expect(own, command.join(' ')).not.toContain(t(lang, 'help.cmd.program'));
      }
    });
  }

  it('words the help of a command named without its subcommand (`rules` alone) too', async () => {
    const run = await runCli(['rules'], { env: { LANG: 'en_US.UTF-8' } });
    expect(count(unwrapped(run.stderr), t('en', 'help.cmd.rules.explain'))).toBe(1);
  });
});

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
    expect((await runCli(['--help'], { env: { LC_ALL: 'en_GB.UTF-8', LANG: 'zh_CN.UTF-8' } })).stdout).toContain('Usage: filing-check');
  });

  it('is Chinese without --lang and without a zh or en locale, as the reports are', async () => {
    for (const env of [{}, { LANG: 'C.UTF-8' }, { LANG: 'POSIX' }, { LANG: 'fr_FR.UTF-8' }] as Record<string, string>[]) {
      expect((await runCli(['--help'], { env })).stdout, JSON.stringify(env)).toContain('用法： filing-check');
      expect((await runCli(['diagnose', '--help'], { env })).stdout, JSON.stringify(env)).toContain('--lang <lang>           报告和问卷的语言（可选：zh、en；默认：zh）');
    }
  });
});
