import catalog from './messages/errors.yaml';
import type { Lang } from './constants.js';
import { word, type Catalogue, type MessageArgs } from './messages/catalogue.js';

/** Exit codes of every command (contract section 3). */
export const ExitCode = { Ok: 0, Gaps: 1, Invalid: 2, Cancelled: 130 } as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** The words of the errors a user can fix, src/messages/errors.yaml. */
export const ERROR_MESSAGES = catalog as Catalogue;

/** An error's catalogue entry and the values that fill it. */
export interface ErrorWords {
  key: string;
  args: MessageArgs;
}

/**
 * Bad input the user can fix: an answers file, a rule file, a draft or a command-line value. The
 * message is complete on its own (file, location, what was expected), so it prints without a stack.
 * One made by `inputError` also carries its catalogue entry, worded last in the run's language.
 */
export class InputError extends Error {
  override name = 'InputError';
  constructor(
    message: string,
    readonly words?: ErrorWords,
    /** The errors this one gathers, one a line (every bad cell of a sheet). */
    readonly parts?: readonly InputError[],
  ) {
    super(message);
  }
}

/** One InputError of several, each worded on its own line. */
export function inputErrors(parts: readonly InputError[]): InputError {
  return new InputError(parts.map((part) => part.message).join('\n'), undefined, parts);
}

/** An InputError from the error catalogue: its message is the English wording, its words go to every language. */
export function inputError(key: string, args: MessageArgs = {}): InputError {
  return new InputError(word(ERROR_MESSAGES, 'en', key, args), { key, args });
}

/** What a user reads of an InputError in a language: its catalogue entry (or its parts'), else its own message. */
export function errorText(error: InputError, lang: Lang): string {
  if (error.parts) return error.parts.map((part) => errorText(part, lang)).join('\n');
  return error.words ? word(ERROR_MESSAGES, lang, error.words.key, error.words.args) : error.message;
}

/** The user cancelled at a prompt; answers typed so far are already saved. */
export class CancelledError extends Error {
  override name = 'CancelledError';
}
