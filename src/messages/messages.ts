import catalog from './messages.yaml';

import type { Lang } from '../constants.js';

export { LANGS, type Lang } from '../constants.js';

const messages = catalog as Record<string, Record<Lang, string>>;

/** Fills {placeholders} in a text; a placeholder without an argument stays visible, so a gap shows. */
export function fill(text: string, args: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in args ? String(args[name]) : whole));
}

/** Words a message in the chosen language, filling {placeholders}; an unknown key is a bug. */
export function t(lang: Lang, key: string, args: Record<string, string | number> = {}): string {
  const entry = messages[key];
  if (!entry) throw new Error(`no message for key "${key}"`);
  return fill(entry[lang], args);
}

/** Every message key, for the test that checks each has both languages. */
export function messageKeys(): string[] {
  return Object.keys(messages);
}
