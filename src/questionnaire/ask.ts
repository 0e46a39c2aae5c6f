// The only module that imports @inquirer/prompts. Static named imports on purpose: the module is
// itself loaded lazily, and a destructured dynamic import of the package would drag the editor
// prompt (and iconv) into the chunk.
import { checkbox, confirm, input, select } from '@inquirer/prompts';

/** The terminal the prompts talk to: keys come from input, screens go to output (stderr). */
export interface PromptStreams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Aborting it cancels the prompt on screen, or the next one asked. */
  signal: AbortSignal;
}

/** One choice of a select or checkbox. */
export interface Choice<T> {
  value: T;
  name: string;
  checked?: boolean;
}

/** The words prompts need around the questions themselves, in the session's language. */
export interface PromptWords {
  yes: string;
  no: string;
  keys: Record<'navigate' | 'select' | 'submit' | 'all' | 'invert', string>;
}

/** A refusal reason for an answer, or true when the answer is accepted. */
export type Verdict = string | true;

/** What the interview may ask; it never sees inquirer itself. */
export interface Asker {
  text(message: string, options: { default?: string; editable?: boolean; validate: (value: string) => Verdict }): Promise<string>;
  confirm(message: string, defaultValue: boolean): Promise<boolean>;
  select<T>(message: string, choices: readonly Choice<T>[], defaultValue?: T): Promise<T>;
  checkbox<T>(message: string, choices: readonly Choice<T>[], validate: (values: readonly T[]) => Verdict): Promise<T[]>;
}

/**
 * Prompts on the given streams, in the given words. A prompt closed by Ctrl-C or aborted rejects
 * with whatever `cancelled` makes of it, so callers see one error type for "the user stopped".
 */
export function createAsker(streams: PromptStreams, words: PromptWords, cancelled: (cause: Error) => Error): Asker {
  const context = { input: streams.input, output: streams.output, signal: streams.signal };
  const keysHelpTip = (keys: [string, string][]) =>
    keys.map(([key, action]) => `${key} ${words.keys[action as keyof PromptWords['keys']] ?? action}`).join(' • ');
  const run = async <T>(prompt: () => Promise<T>): Promise<T> => {
    try {
      return await prompt();
    } catch (error) {
      if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) throw cancelled(error);
      throw error;
    }
  };
  return {
    text: (message, options) =>
      run(() =>
        input(
          {
            message,
            ...(options.default !== undefined && options.default !== '' ? { default: options.default } : {}),
            ...(options.editable ? { prefill: 'editable' as const } : {}),
            validate: (value) => options.validate(value),
          },
          context,
        ),
      ),
    confirm: (message, defaultValue) =>
      run(() =>
        confirm(
          {
            message,
            default: defaultValue,
            // Square brackets mark the default without relying on colour, which CJK hints cannot show.
            theme: { keywords: { yes: words.yes, no: words.no }, style: { confirmDefault: (text: string) => `[${text}]` } },
          },
          context,
        ),
      ),
    select: (message, choices, defaultValue) =>
      run(() => select({ message, choices, default: defaultValue, pageSize: 10, theme: { style: { keysHelpTip } } }, context)),
    checkbox: (message, choices, validate) =>
      run(() =>
        checkbox(
          { message, choices, pageSize: 12, theme: { style: { keysHelpTip } }, validate: (selected) => validate(selected.map((c) => c.value)) },
          context,
        ),
      ),
  };
}
