import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Option } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { MAX_DATA_FILE_BYTES } from '../data-file.js';
import { isRealDate } from '../dates.js';
import { InputError, type ExitCodeValue } from '../errors.js';
import { writeFileAtomic, type Io } from '../io.js';
import { LANGS, type Lang } from '../messages/messages.js';
import { loadRules } from '../rules/load.js';
import type { Rules } from '../rules/model.js';
import { SEVERITIES } from '../rules/schema.js';

export const VERSION: string = packageJson.version;
export const FAIL_ON = [...SEVERITIES, 'none'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** What every command receives: the outside world and a place to put its exit code. */
export interface CommandContext {
  io: Io;
  result: { code: ExitCodeValue };
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

export const EXIT_CODES_HELP = `
Exit codes:
  0    nothing at or above the --fail-on level is missing
  1    gaps at or above the --fail-on level (default: blocking)
  2    usage error, unreadable or invalid input, or invalid rule files
  130  cancelled at a prompt (answers typed so far are saved)`;

/** commander reducer for repeatable options. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** --format with its allowed values. */
export function formatOption(choices: readonly string[], fallback = 'text'): Option {
  return new Option('-f, --format <format>', 'output format').choices(choices).default(fallback);
}

/** --lang zh|en. */
export function langOption(description = 'report language'): Option {
  return new Option('--lang <lang>', description).choices(LANGS).default('zh');
}

/** --rules DIR, repeatable. */
export function rulesOption(): Option {
  return new Option('--rules <dir>', 'add an overlay rule-pack directory (repeatable)').argParser(collect).default([]);
}

/** Reads an answers source: a file path, or "-" for standard input. */
export async function readAnswersSource(source: string, io: Io): Promise<{ text: string; shown: string }> {
  if (source === '-') {
    const text = await io.readStdin();
    if (Buffer.byteLength(text) > MAX_DATA_FILE_BYTES) throw new InputError(`<stdin>: larger than ${MAX_DATA_FILE_BYTES / 1024 / 1024} MiB; expected an answers file`);
    return { text, shown: '<stdin>' };
  }
  const path = resolve(io.cwd, source);
  const info = await stat(path).catch(() => null);
  if (!info) throw new InputError(`${source}: no such file; expected an answers file (YAML or JSON)`);
  if (!info.isFile()) throw new InputError(`${source}: not a file; expected an answers file (YAML or JSON)`);
  if (info.size > MAX_DATA_FILE_BYTES) throw new InputError(`${source}: larger than ${MAX_DATA_FILE_BYTES / 1024 / 1024} MiB; expected an answers file`);
  return { text: await readFile(path, 'utf8'), shown: source };
}

/** With no file named: a pipe if there is one, otherwise exit 2 saying how to pass answers. */
export async function pipedAnswers(io: Io, command: string): Promise<{ text: string; shown: string }> {
  if (!io.stdinIsTTY) {
    const piped = await readAnswersSource('-', io);
    if (piped.text.trim() !== '') return piped;
  }
  throw new InputError(
    `no answers given; pass a file (filing-check ${command} filing.yaml), pipe one (filing-check ${command} - < filing.yaml), or run filing-check diagnose in a terminal to answer the questions`,
  );
}

/** The --as-of date, or today in China. */
export function asOfDate(asOf: string | undefined, io: Io): string {
  if (asOf === undefined) return io.today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || !isRealDate(asOf)) throw new InputError(`--as-of: expected a date written YYYY-MM-DD, got "${asOf}"`);
  return asOf;
}

/** The bundled rule packs plus any --rules overlays. */
export async function rulesFor(options: Pick<CommonOptions, 'rules'>, io: Io): Promise<Rules> {
  return loadRules(options.rules.map((dir) => resolve(io.cwd, dir)), io.cwd);
}

/** Writes command output to --out (atomically, never replacing without --force) or stdout. */
export async function emit(text: string | Uint8Array, options: Pick<CommonOptions, 'out' | 'force'>, io: Io): Promise<void> {
  if (options.out) await writeFileAtomic(resolve(io.cwd, options.out), text, { force: options.force === true, shown: options.out });
  else io.stdout(typeof text === 'string' ? text : Buffer.from(text).toString('utf8'));
}
