import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Option } from 'commander';
import type { Lang } from '../constants.js';
import { readAnswersSource } from '../data/source.js';
import { isRealDate } from '../dates.js';
import type { Answers } from '../answers/schema.js';
import type { AssessedMaterial } from '../core/items.js';
import { assessMaterials, assessmentTargets } from './assessed-materials.js';
import { inputError, type ExitCodeValue } from '../errors.js';
import { writeFileAtomic, type Io } from '../io.js';
import { loadRules, type RulesScope } from '../rules/load.js';
import { visible } from '../text/visible.js';
import type { Rules } from '../rules/model.js';

export { VERSION } from '../constants.js';
export { FAIL_ON, type FailOn } from '../constants.js';

/** What every command receives: the outside world and a place to put its exit code. */
export interface CommandContext {
  io: Io;
  result: { code: ExitCodeValue };
  /** The run's language when --lang is not given (src/lang.ts): the locale's, else Chinese. */
  lang: Lang;
}

/** Options most commands share. */
export interface CommonOptions {
  format: string;
  lang: Lang;
  out?: string;
  force?: boolean;
  color?: boolean;
  rules: string[];
  asOf?: string;
}

/** commander reducer for repeatable options. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** --format with its allowed values. */
export function formatOption(choices: readonly string[], fallback = 'text'): Option {
  return new Option('-f, --format <format>').choices(choices).default(fallback);
}

/** --rules DIR, repeatable. */
export function rulesOption(): Option {
  return new Option('--rules <dir>').argParser(collect).default([]);
}

/** With no file named: a pipe if there is one, otherwise exit 2 saying how to pass answers. */
export async function pipedAnswers(io: Io, command: string): Promise<{ text: string; shown: string }> {
  if (!io.stdinIsTTY) {
    const piped = await readAnswersSource('-', io);
    if (piped.text.trim() !== '') return piped;
  }
  throw inputError('error.no-answers', { command });
}

/** The --as-of date, or today in China. */
export function asOfDate(asOf: string | undefined, io: Io): string {
  if (asOf === undefined) return io.today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || !isRealDate(asOf)) throw inputError('error.as-of', { value: asOf });
  return asOf;
}

/** The bundled rule packs plus any --rules overlays. */
export async function rulesFor(options: Pick<CommonOptions, 'rules'>, io: Io, scope?: RulesScope): Promise<Rules> {
  return loadRules(options.rules.map((dir) => resolve(io.cwd, dir)), io.cwd, scope);
}

/**
 * Writes command output to --out (atomically, never replacing without --force) or stdout. Text is
 * made visible (control characters as escapes) unless it already is: a coloured report, whose
 * colours must stay, was rendered from a visible model.
 */
export async function emit(output: string | Uint8Array, options: Pick<CommonOptions, 'out' | 'force'>, io: Io, { madeVisible = false } = {}): Promise<void> {
  const text = typeof output === 'string' && !madeVisible ? visible(output) : output;
  if (options.out) await writeFileAtomic(resolve(io.cwd, options.out), text, { force: options.force === true, shown: options.out });
  else io.stdout(typeof text === 'string' ? text : Buffer.from(text).toString('utf8'));
}

/**
 * The gen-AI materials (keyword list, test banks) checked by `assess` when the answers file points
 * at their tables; the assess modules load only then, so other diagnoses pay nothing.
 */
export async function assessedMaterialsFor(answers: Answers, shown: string, io: Io, lang: Lang): Promise<ReadonlyMap<string, AssessedMaterial> | undefined> {
  const targets = assessmentTargets(answers, shown, io);
  return targets.length === 0 ? undefined : assessMaterials(targets, io, lang);
}

/**
 * The materials whose `file` does not exist, resolved against the answers file's folder (the
 * working folder for stdin), as `${algorithm or service id, or ''}/${material id}` for diagnose's input.
 */
export function missingMaterialFiles(answers: Answers, shown: string, io: Io): Set<string> {
  const base = shown === '<stdin>' ? io.cwd : dirname(resolve(io.cwd, shown));
  const listed = [
    ...Object.entries(answers.materials).map(([id, entry]) => ({ key: `/${id}`, file: entry.file })),
    ...answers.services.flatMap((s) => Object.entries(s.materials).map(([id, entry]) => ({ key: `${s.id}/${id}`, file: entry.file }))),
    ...answers.algorithms.flatMap((a) => Object.entries(a.materials).map(([id, entry]) => ({ key: `${a.id}/${id}`, file: entry.file }))),
  ];
  const missing = new Set<string>();
  for (const { key, file } of listed) if (file && !existsSync(resolve(base, file))) missing.add(key);
  return missing;
}
