import type { Lang } from '../constants.js';

/*
 * The message catalogues' shape and their one filler: how every code and label is worded, in every language.
 *
 * One shape for every message file (src/messages/messages.yaml, src/messages/help.yaml,
 * src/lint/messages.yaml, src/assess/messages.yaml, and the `ui`/`checks` sections of
 * src/questionnaire/questions.yaml):
 *
 *     some.key: { zh: "…{name}…", en: "…{name}…" }
 *
 * Checks return data, `{ code, algorithm, args }`, never sentences; the report words them in a final
 * pass with `word` (a report warning CODE is the entry `warning.CODE`). An argument is a string or a
 * number, a reference `{ key, args? }` to another entry (vocabulary such as a status or a type name,
 * worded in the same language), or a list `{ list, separator }` whose separator is itself a key
 * (Chinese enumerations take 、). To add a warning: a check module in src/core/checks/, its
 * severity and basis under `warnings:` in a rule pack, and `warning.CODE` in src/messages/messages.yaml
 * in both languages.
 */

/** Entries of a message file: each key worded in every language. */
export type Catalogue = Readonly<Record<string, Readonly<Record<Lang, string>>>>;

/** A reference to another catalogue entry, worded in the language of the message that uses it. */
export interface MessageRef {
  key: string;
  args?: MessageArgs;
}

/** Values worded one by one and joined by the entry `separator`. */
export interface MessageList {
  list: readonly MessageArg[];
  separator: string;
}

/** One placeholder's value: data, or a pointer to more words. */
export type MessageArg = string | number | MessageRef | MessageList;

/** Placeholder values of a message, by placeholder name. */
export type MessageArgs = Readonly<Record<string, MessageArg>>;

function argText(arg: MessageArg, catalogue: Catalogue, lang: Lang): string {
  if (typeof arg === 'string' || typeof arg === 'number') return String(arg);
  if ('list' in arg) return arg.list.map((a) => argText(a, catalogue, lang)).join(word(catalogue, lang, arg.separator));
  return word(catalogue, lang, arg.key, arg.args);
}

/**
 * Fills {placeholders} in a text: the one filler every message goes through. References and lists
 * are worded from `catalogue` in `lang`; a placeholder without an argument stays visible, so a gap shows.
 */
export function fill(text: string, args: MessageArgs = {}, catalogue: Catalogue = {}, lang: Lang = 'zh'): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(args, name) ? argText(args[name]!, catalogue, lang) : whole));
}

/** Words the entry `key` of a catalogue in a language; an unknown key is a bug. */
export function word(catalogue: Catalogue, lang: Lang, key: string, args: MessageArgs = {}): string {
  const entry = catalogue[key];
  if (!entry) throw new Error(`no message for key "${key}"`);
  return fill(entry[lang], args, catalogue, lang);
}
