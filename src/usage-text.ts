import type { Command } from 'commander';
import type { Lang } from './constants.js';
import { argumentKey, enumeration, pathOf } from './help-lang.js';
import { word, type MessageArgs } from './messages/catalogue.js';
import { HELP_MESSAGES } from './messages/help.js';
import { similarTo } from './text/similar.js';
import type { UsageError } from './usage.js';

// Apart from help-lang.ts, so that --help does not load what only an error needs.

/** The command's words as typed: `rules explain`, or nothing for the program itself. */
function commandWords(command: Command): string {
  const path = pathOf(command);
  return path === 'program' ? '' : path.replaceAll('.', ' ');
}

/** One line for a usage error in a language: what was refused, what was expected, and where help is. */
export function usageErrorText(error: UsageError, lang: Lang): string {
  const t = (key: string, args?: MessageArgs) => word(HELP_MESSAGES, lang, key, args);
  const { command, term, problem } = error;
  const words = commandWords(command);
  const suggestion = (candidates: readonly string[]) => {
    const [best] = similarTo(term ?? '', candidates, 1);
    return best === undefined ? '' : t('usage.did-you-mean', { name: best });
  };
  const argumentTerm = (name: string, required: boolean) => (required ? `<${name}>` : `[${name}]`);
  let text: string;
  switch (problem.kind) {
    case 'unknown-option':
      text = t('usage.unknown-option', { suggestion: suggestion(problem.candidates) });
      break;
    case 'unknown-command':
      text = t('usage.unknown-command', { suggestion: suggestion(problem.candidates) });
      break;
    case 'missing-argument':
      text = t('usage.missing-argument', { argument: argumentTerm(problem.argument.name(), true), description: t(argumentKey(command, problem.argument)) });
      break;
    case 'missing-value': {
      const { option } = problem;
      const placeholder = option.flags.slice(option.flags.lastIndexOf(' ') + 1);
      text = option.argChoices ? t('usage.missing-choice', { values: enumeration(option.argChoices) }) : t('usage.missing-value', { placeholder });
      break;
    }
    case 'excess-argument': {
      const expected = command.registeredArguments.map((a) => argumentTerm(a.name(), a.required)).join(' ');
      text = expected === '' ? t('usage.excess-argument-none', { value: problem.value }) : t('usage.excess-argument', { value: problem.value, expected });
      break;
    }
    case 'invalid-value':
      text = t('usage.invalid-value', { values: enumeration(problem.choices), value: problem.value });
      break;
  }
  return t('usage.line', { subject: [words, term].filter(Boolean).join(' '), problem: text, help: `filing-check${words ? ` ${words}` : ''} --help` });
}
