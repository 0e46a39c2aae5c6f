import type { Command, Help, Option, Argument } from 'commander';
import type { Lang } from './constants.js';
import { word } from './messages/catalogue.js';
import { HELP_MESSAGES } from './messages/help.js';

/** A command's path below the program, as help keys name it: `rules.explain`, or `program`. */
function pathOf(command: Command): string {
  // commander builds the `help` command itself, without a parent.
  if (command.name() === 'help' && !command.parent) return 'help';
  const names: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name());
  return names.length === 0 ? 'program' : names.join('.');
}

/** The first of the keys the help catalogue has, worded in Chinese. */
function chinese(...keys: string[]): string | undefined {
  const key = keys.find((k) => Object.hasOwn(HELP_MESSAGES, k));
  return key === undefined ? undefined : word(HELP_MESSAGES, 'zh', key);
}

const TITLES: Record<string, string> = { 'Usage:': '用法：', 'Options:': '选项：', 'Commands:': '命令：', 'Arguments:': '参数：', 'Global Options:': '全局选项：' };

/**
 * Words every command's help from the help catalogue (src/messages/help.yaml). A command's description is
 * help.cmd.PATH in either language, its one source (the command modules give none). In Chinese also
 * each option (help.opt.PATH.NAME, else the shared help.opt.NAME), argument (help.arg.PATH.NAME),
 * the titles, and the text after the options (help.after.PATH).
 */
export function wordHelp(commands: readonly Command[], lang: Lang): void {
  const describe = (cmd: Command) => word(HELP_MESSAGES, lang, `help.cmd.${pathOf(cmd)}`);
  for (const command of commands) {
    if (lang !== 'zh') {
      command.configureHelp({ commandDescription: describe, subcommandDescription: describe } as Partial<Help>);
      continue;
    }
    const path = pathOf(command);
    command.configureHelp({
      styleTitle: (title: string) => TITLES[title] ?? title,
      commandDescription: describe,
      subcommandDescription: describe,
      optionDescription: (option: Option) => {
        const name = option.negate ? `no-${option.attributeName()}` : option.attributeName();
        const text = chinese(`help.opt.${path}.${name}`, `help.opt.${name}`) ?? option.description;
        const extra = [
          ...(option.argChoices ? [`可选：${option.argChoices.join('、')}`] : []),
          ...(option.defaultValue !== undefined && !option.negate && !(Array.isArray(option.defaultValue) && option.defaultValue.length === 0) ? [`默认：${option.defaultValueDescription ?? String(option.defaultValue)}`] : []),
        ];
        return extra.length > 0 ? `${text}（${extra.join('；')}）` : text;
      },
      argumentDescription: (argument: Argument) => chinese(`help.arg.${path}.${argument.name()}`) ?? argument.description,
    } as Partial<Help>);
    const after = chinese(`help.after.${path}`);
    if (after !== undefined) {
      // commander keeps addHelpText blocks as listeners of its EventEmitter; the English one goes.
      (command as unknown as NodeJS.EventEmitter).removeAllListeners('afterHelp');
      command.addHelpText('after', `\n${after}`);
    }
  }
}
