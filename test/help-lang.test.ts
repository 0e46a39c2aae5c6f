// Help is worded from src/messages/help.yaml alone, in the run's language (src/lang.ts): --lang, else
// the locale when it names zh or en, else Chinese. The exact help of the program and of several
// commands is in the CLI case table (test/cli-cases.ts); here, every command at once.
import { describe, expect, it } from 'vitest';
import { LANGS, type Lang } from '../src/constants.js';
import { helpEntries } from '../src/help-lang.js';
import { allCommands, buildProgram } from '../src/main.js';
import { word } from '../src/messages/catalogue.js';
import { HELP_MESSAGES } from '../src/messages/help.js';
import { displayWidth } from '../src/text/width.js';
import { fakeIo } from './helpers/fake-io.js';
import { ROOT, runCli } from './helpers/formats.js';

/** The program with every command loaded, as a run of each builds it (given an argument: no help shown), and their subcommands. */
async function everyCommand() {
  const context = () => ({ io: fakeIo(ROOT), result: { code: 0 as const }, lang: 'en' as const });
  const names = (await buildProgram(context(), [])).commands.map((c) => c.name());
  const programs = await Promise.all(names.map((name) => buildProgram(context(), [name, 'FILE'])));
  return [programs[0]!, ...programs.flatMap((program, i) => allCommands(program).filter((c) => c.name() === names[i] || c.parent?.name() === names[i]))];
}

// The command path of every command and subcommand, as typed.
const COMMANDS = [[], ['diagnose'], ['render'], ['diff'], ['checklist'], ['schema'], ['rules'], ['rules', 'list'], ['rules', 'explain'], ['rules', 'validate'], ['suggest-type'], ['assess'], ['lint']];
const LOCALE: Record<Lang, string> = { zh: 'zh_CN.UTF-8', en: 'en_US.UTF-8' };

describe('the help catalogue is the one source of help text', () => {
  it('has an entry in Chinese and English for every command, option and argument of the real program, and no entry nothing uses', async () => {
    const commands = await everyCommand();
    expect(commands.map((c) => c.name())).toEqual(['filing-check', 'diagnose', 'render', 'diff', 'checklist', 'schema', 'rules', 'list', 'explain', 'validate', 'suggest-type', 'assess', 'lint']);
    const used = new Set(commands.flatMap(helpEntries));
    expect([...used].filter((key) => !LANGS.every((lang) => HELP_MESSAGES[key]?.[lang]?.trim())), 'missing entries').toEqual([]);
    // The walk reaches options shared through helpers, a command's own option, arguments and subcommands.
    for (const key of ['help.opt.rules', 'help.opt.diagnose.set', 'help.arg.rules.explain.id', 'help.cmd.help', 'help.opt.help', 'help.after.assess']) expect(used, key).toContain(key);
    const perCommand = Object.keys(HELP_MESSAGES).filter((key) => /^help\.(cmd|opt|arg|after)\./.test(key));
    expect(perCommand.filter((key) => !used.has(key))).toEqual([]);
  });

  it('the command modules give no description of their own: without help shown, every one is empty', async () => {
    for (const command of await everyCommand()) {
      expect(command.description(), command.name()).toBe('');
      for (const argument of command.registeredArguments) expect(argument.description, `${command.name()} ${argument.name()}`).toBe('');
      // commander's own --version option keeps its default until help words it.
      for (const option of command.options.filter((o) => o.long !== '--version')) expect(option.description, `${command.name()} ${option.long}`).toBe('');
    }
  });

  for (const lang of LANGS) {
    it(`words every command's help in ${lang === 'zh' ? 'Chinese' : 'English'}, every line within 80 columns`, async () => {
      for (const command of COMMANDS) {
        const run = await runCli([...command, '--help'], { env: { LANG: LOCALE[lang] } });
        expect(run.code, command.join(' ')).toBe(0);
        const path = command.length === 0 ? 'program' : command.join('.');
        const text = run.stdout.replace(/\n +/g, '\n');
        // Each entry is shown, wrapped where the layout breaks it (at a space or between Chinese characters).
        for (const key of ['help.title.usage', `help.cmd.${path}`, ...(Object.hasOwn(HELP_MESSAGES, `help.after.${path}`) ? [`help.after.${path}`] : [])]) {
          const words = word(HELP_MESSAGES, lang, key).split('\n').map((line) => line.trim());
          for (const line of words) expect(text.replace(/\n/g, '').replace(/ /g, ''), `${command.join(' ')} ${key}`).toContain(line.replace(/ /g, ''));
        }
        for (const line of run.stdout.split('\n')) expect(displayWidth(line), `${command.join(' ')}: ${line}`).toBeLessThanOrEqual(80);
        if (lang === 'zh') expect(run.stdout, command.join(' ')).not.toMatch(/display help|Exit codes|output format|write |answers file|usage error|choices|default/);
        else expect(run.stdout, command.join(' ')).not.toMatch(/显示帮助|输出格式|退出码|可选：|默认：/);
      }
    });
  }
});

describe('the language of help', () => {
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

  it('words the help of a command named without its subcommand (`rules` alone) too', async () => {
    const run = await runCli(['rules'], { env: { LANG: 'en_US.UTF-8' } });
    expect(run.stderr).toContain('Usage: filing-check rules [options] [command]');
    expect(run.stderr).toContain('explain [options] <id>  everything the packs say about one material, regime,\n');
  });
});
