import type { LintFinding } from './lint.js';
import rawMessages from './messages.yaml';
import { validateCatalogue } from '../messages/catalogue-schema.js';
import { articleLabel } from '../text/article.js';
import { word, type Catalogue, type MessageArgs } from '../messages/messages.js';

export type { Lang } from '../constants.js';
import type { Lang } from '../constants.js';

/** The bundled wording of lint (src/lint/messages.yaml), validated once when the module loads. */
export const LINT_MESSAGES: Catalogue = validateCatalogue(rawMessages, 'src/lint/messages.yaml');

/**
 * An arg whose value has an entry `value.NAME.VALUE` is vocabulary, worded in the message's language;
 * an `article` (第十七条第一款) is written as the language cites articles.
 */
function vocabulary(args: Readonly<Record<string, string | number>>, lang: Lang): MessageArgs {
  return Object.fromEntries(Object.entries(args).map(([name, value]) => {
    const key = `value.${name}.${value}`;
    if (name === 'article' && !(key in LINT_MESSAGES)) return [name, articleLabel(String(value), lang)];
    return [name, key in LINT_MESSAGES ? { key } : value];
  }));
}

/** Words an entry of the lint catalogue, filling its {placeholders}. */
export function lintWord(lang: Lang, key: string, args: Readonly<Record<string, string | number>> = {}): string {
  return word(LINT_MESSAGES, lang, key, vocabulary(args, lang));
}

/** The message and fix hint of a finding, in the given language. */
export function formatLintFinding(finding: LintFinding, lang: Lang): { message: string; hint: string } {
  if (!(`${finding.code}.message` in LINT_MESSAGES)) return { message: finding.code, hint: '' };
  return { message: lintWord(lang, `${finding.code}.message`, finding.args), hint: lintWord(lang, `${finding.code}.hint`, finding.args) };
}
