// The questionnaire's entry point, loaded only through `await import()` from the diagnose command,
// so non-interactive runs never load the prompts.
import { stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { applySets } from '../answers/apply-sets.js';
import type { SetValue } from '../answers/set.js';
import { createColor } from '../color.js';
import { VERSION } from '../constants.js';
import { readAnswersSource } from '../data/source.js';
import { CancelledError, inputError } from '../errors.js';
import type { Io } from '../io.js';
import { fill, type Lang } from '../messages/messages.js';
import type { Rules } from '../rules/model.js';
import { createAsker, type Asker } from './ask.js';
import { Draft, FileChangedError } from './draft.js';
import { Interview } from './interview.js';
import { loadQuestions, type UiKey } from './questions.js';

/** How a questionnaire session is started from the command line. */
export interface QuestionnaireOptions {
  io: Io;
  lang: Lang;
  /** The answers file named on the command line: the session resumes it. */
  from?: string;
  /** --save: where answers go (default: the resumed file, else filing.yaml in the working folder). */
  save?: string;
  sets: readonly SetValue[];
  /** Loads the rule packs, the same promise on every call; started once the first question is on screen. */
  rules(): Promise<Rules>;
  asOf: string;
  color?: boolean;
}

const DEFAULT_FILE = 'filing.yaml';

/** Runs each asker method as given, and calls `started` once the first prompt is on screen. */
function onFirstPrompt(asker: Asker, started: () => void): Asker {
  let done = false;
  const after = <T>(answer: Promise<T>): Promise<T> => {
    if (!done) {
      done = true;
      started();
    }
    return answer;
  };
  return {
    text: (...args) => after(asker.text(...args)),
    confirm: (...args) => after(asker.confirm(...args)),
    select: (...args) => after(asker.select(...args)),
    checkbox: (...args) => after(asker.checkbox(...args)),
  };
}

/**
 * Asks the questionnaire in the terminal, saving after every answer, and returns the answers text
 * and how to name its file. Ctrl-C ends it with a CancelledError that says where the answers are.
 */
export async function runQuestionnaire(options: QuestionnaireOptions): Promise<{ text: string; shown: string }> {
  const { io, lang } = options;
  const questions = loadQuestions();
  const words = (key: UiKey, args?: Record<string, string>) => fill(questions.ui[key][lang], args);
  const target = resolve(io.cwd, options.save ?? options.from ?? DEFAULT_FILE);
  const shown = relative(io.cwd, target) || target;
  const source = options.from === undefined ? undefined : resolve(io.cwd, options.from);
  const color = createColor({ flag: options.color, env: io.env, isTTY: io.stderrIsTTY });
  const notes = {
    heading: (text: string) => io.stderr(`\n${color.bold(text)}\n`),
    why: (text: string) => io.stderr(`${color.dim(`  ${text}`)}\n`),
    warning: (text: string) => io.stderr(`${color.yellow(`  ${text}`)}\n`),
  };

  const controller = new AbortController();
  const stopListening = io.onInterrupt(() => controller.abort());
  let saved = false;
  // A rule pack that fails to load aborts the prompt on screen; that failure is the error to report.
  let failure: Error | undefined;
  const cancelled = () => failure ?? new CancelledError(saved ? words('cancelled', { file: shown }) : words('cancelled-unsaved'));
  const keys = { navigate: words('key-navigate'), select: words('key-select'), submit: words('key-submit'), all: words('key-all'), invert: words('key-invert') };
  const asker = onFirstPrompt(
    createAsker({ input: io.stdin, output: io.stderrStream, signal: controller.signal }, { yes: words('yes'), no: words('no'), keys }, cancelled),
    () =>
      void options.rules().catch((error: unknown) => {
        failure = error as Error;
        controller.abort();
      }),
  );

  try {
    let draft: Draft | undefined;
    let resumed: string | undefined;
    // A file named on the command line that does not exist yet is where a new session starts.
    if (source !== undefined && (await stat(source).catch(() => null))) {
      draft = Draft.parse((await readAnswersSource(source, io)).text, target, shown);
      resumed = relative(io.cwd, source) || source;
      saved = target === source;
    }
    if (target !== source && (await stat(target).catch(() => null))) {
      notes.why(words('existing-why'));
      const choices = [
        ...(draft ? [] : [{ value: 'resume', name: words('existing-resume') }]),
        { value: 'replace', name: words('existing-replace') },
        { value: 'cancel', name: words('existing-cancel') },
      ];
      const choice = await asker.select(words('existing-file', { file: shown }), choices, choices[0]!.value);
      if (choice === 'cancel') throw inputError('error.questionnaire.existing-refused', { file: shown });
      if (choice === 'resume') {
        draft = Draft.parse((await readAnswersSource(target, io)).text, target, shown);
        resumed = shown;
        saved = true;
      }
    }
    io.stderr(`${color.dim(resumed === undefined ? words('intro', { file: shown }) : words('resume', { file: resumed }))}\n`);
    draft ??= Draft.create(target, shown);
    draft.ensureHeader([fill(questions.ui['file-header'].zh, { file: shown }), fill(questions.ui['file-header'].en, { file: shown })]);
    await draft.remember();
    const session = draft;
    const save = async () => {
      try {
        await session.save();
      } catch (error) {
        if (!(error instanceof FileChangedError)) throw error;
        const aside = await session.saveAside();
        throw inputError('error.questionnaire.changed-on-disk', { file: shown, aside: join(dirname(shown), relative(dirname(target), aside)) });
      }
      saved = true;
    };
    if (options.sets.length > 0) {
      applySets(session.document(), options.sets);
      await save();
    }
    const prefilled = options.sets.map((set) => set.path);
    await new Interview({ draft: session, asker, notes, lang, save, prefilled, rules: options.rules, shown, asOf: options.asOf, toolVersion: VERSION }).run();
    await save();
    io.stderr(`${words('saved', { file: shown })}\n\n`);
    return { text: session.text(), shown };
  } finally {
    stopListening();
  }
}
