import { Option } from 'commander';
import { LANGS, type Lang } from './constants.js';

/** The value of the last --lang in the arguments (`--lang en` or `--lang=en`), when one is given: the last wins, as commander reads it. */
function langArgument(argv: readonly string[]): string | undefined {
  const index = argv.findLastIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  if (index === -1) return undefined;
  return argv[index]!.includes('=') ? argv[index]!.slice('--lang='.length) : argv[index + 1];
}

/**
 * The one language of a run, for help, reports, questions and errors alike: --lang when it names
 * zh or en; else the locale (LC_ALL, then LC_MESSAGES, then LANG, as POSIX ranks them) when it
 * names Chinese or English; else Chinese, the default language of the filings this tool checks.
 */
export function resolveLang(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Lang {
  const given = langArgument(argv);
  if ((LANGS as readonly (string | undefined)[]).includes(given)) return given as Lang;
  const locale = (env.LC_ALL || env.LC_MESSAGES || env.LANG || '').toLowerCase();
  return LANGS.find((lang) => locale === lang || locale.startsWith(`${lang}_`) || locale.startsWith(`${lang}-`) || locale.startsWith(`${lang}.`)) ?? 'zh';
}

/** --lang zh|en, by default the run's language: accepted by the program and by every command. */
export function langOption(lang: Lang): Option {
  return new Option('--lang <lang>').choices(LANGS).default(lang);
}

/** The words of the arguments that are not options or the value of --lang: the command path first. */
export function commandWords(argv: readonly string[]): string[] {
  return argv.filter((arg, i) => !arg.startsWith('-') && argv[i - 1] !== '--lang');
}
