import catalog from './messages.yaml';

import type { Lang } from '../constants.js';
import { word, type Catalogue, type MessageArgs } from './catalogue.js';

export { LANGS, type Lang } from '../constants.js';
export { fill, word, type Catalogue, type MessageArg, type MessageArgs, type MessageList, type MessageRef } from './catalogue.js';

/** The report's catalogue, src/messages/messages.yaml. */
export const MESSAGES = catalog as Catalogue;

/** Words a message of the report's catalogue in the chosen language. */
export function t(lang: Lang, key: string, args: MessageArgs = {}): string {
  return word(MESSAGES, lang, key, args);
}

/** Every message key, for the test that checks each has both languages. */
export function messageKeys(): string[] {
  return Object.keys(MESSAGES);
}
