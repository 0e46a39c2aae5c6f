import type { Argument, Command, Help, Option } from 'commander';
import type { Lang } from './constants.js';
import { word, type MessageArgs } from './messages/catalogue.js';
import { HELP_MESSAGES } from './messages/help.js';
import { displayWidth } from './text/width.js';

/** A command's path below the program, as help keys name it: `rules.explain`, or `program`. */
export function pathOf(command: Command): string {
  // commander builds the `help` command itself, without a parent.
  if (command.name() === 'help' && !command.parent) return 'help';
  const names: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name());
  return names.length === 0 ? 'program' : names.join('.');
}

/** The catalogue entry of a command's description. */
function commandKey(command: Command): string {
  return `help.cmd.${pathOf(command)}`;
}

/** The catalogue entry of an option's description: the command's own, else the one its commands share. */
function optionKey(command: Command, option: Option): string {
  const own = `help.opt.${pathOf(command)}.${option.name()}`;
  return Object.hasOwn(HELP_MESSAGES, own) ? own : `help.opt.${option.name()}`;
}

/** The catalogue entry of an argument's description. */
export function argumentKey(command: Command, argument: Argument): string {
  return `help.arg.${pathOf(command)}.${argument.name()}`;
}

/** The catalogue entry of the text after a command's options, when it has one. */
function afterKey(command: Command): string | undefined {
  const key = `help.after.${pathOf(command)}`;
  return Object.hasOwn(HELP_MESSAGES, key) ? key : undefined;
}

/** The titles commander writes, and the entries that word them. */
const TITLES: Record<string, string> = { 'Usage:': 'help.title.usage', 'Arguments:': 'help.title.arguments', 'Options:': 'help.title.options', 'Commands:': 'help.title.commands' };

/**
 * Every help catalogue entry a command's help shows: its description, each option's and argument's,
 * its subcommands' and the text after the options. A missing entry is a bug (`word` throws).
 */
export function helpEntries(command: Command): string[] {
  const help = command.createHelp();
  const after = afterKey(command);
  return [
    commandKey(command),
    ...help.visibleCommands(command).map(commandKey),
    ...help.visibleOptions(command).map((o) => optionKey(command, o)),
    ...command.registeredArguments.map((a) => argumentKey(command, a)),
    ...(after ? [after] : []),
  ];
}

/** A list of values, joined as the language enumerates: 、 in Chinese, commas in English. */
export function enumeration(values: readonly string[]): MessageArgs[string] {
  return { list: values, separator: 'help.list' };
}

/** An option's description with its choices and default, as help shows it. */
function optionDescription(option: Option, lang: Lang): string {
  const notes = [
    ...(option.argChoices ? [word(HELP_MESSAGES, lang, 'help.option.choices', { values: enumeration(option.argChoices) })] : []),
    // A negated option's default is the positive one's; an empty list (a repeatable option) is no default worth showing.
    ...(option.defaultValue !== undefined && !option.negate && !(Array.isArray(option.defaultValue) && option.defaultValue.length === 0)
      ? [word(HELP_MESSAGES, lang, 'help.option.default', { value: option.defaultValueDescription ?? String(option.defaultValue) })]
      : []),
  ];
  if (notes.length === 0) return option.description;
  return word(HELP_MESSAGES, lang, 'help.option.with-notes', { description: option.description, notes: { list: notes, separator: 'help.option.notes-separator' } });
}

// Where a line of help may break: at spaces, and between Chinese characters as Chinese text breaks,
// never before closing punctuation nor after opening punctuation, nor inside an example value
// (entity.name=杭州示例科技有限公司). Each chunk keeps its leading space.
const WIDE = '\\u2e80-\\u9fff\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uff60';
const PUNCTUATION = '\\u3000-\\u303f\\uff00-\\uff60';
const CHUNK = new RegExp(`\\s*[（《「『【〈]*(?:[${WIDE}]|[^\\s${WIDE}]+(?:(?<==)[^\\s${PUNCTUATION}]+)?)[，。、；：！？）》」』】〉]*`, 'gu');

/** Wraps help text to a width in terminal columns: Chinese characters take two, and lines break between them. */
function wrap(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      const lines: string[] = [];
      let current = '';
      let currentWidth = 0;
      for (const chunk of line.match(CHUNK) ?? []) {
        const chunkWidth = displayWidth(chunk);
        if (current !== '' && currentWidth + chunkWidth > width) {
          lines.push(current);
          current = chunk.trimStart();
          currentWidth = displayWidth(current);
        } else {
          current += chunk;
          currentWidth += chunkWidth;
        }
      }
      return [...lines, current].join('\n');
    })
    .join('\n');
}

/**
 * Words every command's help from the help catalogue (src/messages/help.yaml), their one source, in
 * the run's language: each command's description (help.cmd.PATH), option (help.opt.PATH.NAME, else
 * the shared help.opt.NAME), argument (help.arg.PATH.NAME), the text after the options
 * (help.after.PATH), the titles, and an option's choices and default; lines wrap at the help width
 * counting Chinese characters as two columns.
 */
export function wordHelp(commands: readonly Command[], lang: Lang): void {
  const t = (key: string) => word(HELP_MESSAGES, lang, key);
  for (const command of commands) {
    const help = command.createHelp();
    command.description(t(commandKey(command)));
    // The `help` command commander adds is described here too (the others are in `commands`).
    for (const sub of help.visibleCommands(command)) if (!sub.parent) sub.description(t(commandKey(sub)));
    for (const option of help.visibleOptions(command)) option.description = t(optionKey(command, option));
    for (const argument of command.registeredArguments) argument.description = t(argumentKey(command, argument));
    const after = afterKey(command);
    if (after) command.addHelpText('after', `\n${t(after)}`);
    command.configureHelp({
      styleTitle: (title: string) => (Object.hasOwn(TITLES, title) ? t(TITLES[title]!) : title),
      optionDescription: (option: Option) => optionDescription(option, lang),
      displayWidth,
      boxWrap: wrap,
    } satisfies Partial<Help>);
  }
}
