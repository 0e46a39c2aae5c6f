import { readdirSync, statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { join, relative, resolve } from 'node:path';
import { parseAnswers } from '../answers/read.js';
import type { Lang } from '../constants.js';
import { diagnose, exitCodeFor } from '../core/report.js';
import type { Report } from '../core/report-schema.js';
import { errorText, ExitCode, inputError, InputError, type ExitCodeValue } from '../errors.js';
import { formatBatchSummary, type BatchRow } from '../format/batch-summary.js';
import type { Io } from '../io.js';
import type { Rules } from '../rules/model.js';
import { visible } from '../text/visible.js';
import type { ColorChoice } from '../color.js';
import { renderReport } from '../format/index.js';
import { assessedMaterialsFor, missingMaterialFiles, VERSION, type FailOn } from './shared.js';
import { readAnswersSource } from '../data/source.js';

/** Answers files found in a directory: the conventional filing.yaml, or NAME.filing.yaml / .yml / .json. */
const ANSWERS_FILE = /(^|[.-])filing\.(ya?ml|json)$/;

// Synchronous, like the reads: a thousand client folders otherwise cost a thread-pool round trip each.
function walk(dir: string): string[] {
  const entries = readdirSync(dir, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...walk(path));
    else if (entry.isFile() && ANSWERS_FILE.test(entry.name)) found.push(path);
  }
  return found;
}

/** Expands the arguments: files as given, directories searched (recursively) for answers files. */
export function expandAnswersPaths(paths: readonly string[], cwd: string): string[] {
  const files: string[] = [];
  for (const path of paths) {
    let info;
    try {
      info = statSync(resolve(cwd, path), { throwIfNoEntry: false });
    } catch {
      info = undefined;
    }
    if (info?.isDirectory()) {
      const found = walk(resolve(cwd, path));
      if (found.length === 0) throw inputError('error.no-answers-in-folder', { folder: path });
      files.push(...found.map((f) => relative(cwd, f)));
    } else files.push(path);
  }
  return files;
}

/** The formats a batch prints: one stream that readers can split per report. */
export type BatchFormat = 'text' | 'json' | 'md';

export interface BatchOptions {
  format: BatchFormat;
  lang: Lang;
  failOn: FailOn;
  asOf: string;
  color: boolean | undefined;
  toFile: boolean;
  /** Text: each file's full report instead of its summary. */
  detail?: boolean;
}

const V8_DEFAULT_GROWTH_FACTOR = 2;

/**
 * Diagnoses every file with the rules loaded once, writing each report as soon as it is ready (a
 * thousand reports never sit in memory together). JSON prints one report per line (JSON Lines);
 * text and Markdown print each report and end with a summary table. A bad file is reported in
 * place (and on stderr) without hiding the others; the exit code is the worst of all.
 */
export async function runBatch(files: readonly string[], rules: Rules, options: BatchOptions, io: Io, write: (text: string) => Promise<void>): Promise<ExitCodeValue> {
  // Each file's objects die with its report, yet V8 keeps doubling the young generation (to 2 x 16
  // MB) while a report is half built: 110 MB peak for 1,000 files instead of 85. V8 reads this flag
  // when it next grows the space (unlike --max-semi-space-size, fixed at start-up). It is put back
  // afterwards because V8 also stamps code caches with its flags (see bin/filing-check.js).
  setFlagsFromString('--semi-space-growth-factor=1');
  try {
    return await diagnoseEach(files, rules, options, io, write);
  } finally {
    setFlagsFromString(`--semi-space-growth-factor=${V8_DEFAULT_GROWTH_FACTOR}`);
  }
}

async function diagnoseEach(files: readonly string[], rules: Rules, options: BatchOptions, io: Io, write: (text: string) => Promise<void>): Promise<ExitCodeValue> {
  const rows: BatchRow[] = [];
  const color: ColorChoice = { flag: options.toFile ? false : options.color, env: io.env, isTTY: io.stdoutIsTTY };
  const separator = options.format === 'json' ? '' : '\n';
  let code: ExitCodeValue = ExitCode.Ok;
  for (const [i, file] of files.entries()) {
    let report: Report;
    try {
      const source = await readAnswersSource(file, io);
      const answers = await parseAnswers(source.text, source.shown, rules);
      const missingFiles = missingMaterialFiles(answers, source.shown, io);
      const assessedMaterials = await assessedMaterialsFor(answers, source.shown, io, options.lang);
      report = diagnose({ answers, rules, lang: options.lang, source: source.shown, asOf: options.asOf, toolVersion: VERSION, missingFiles, assessedMaterials });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      const message = errorText(error, options.lang);
      io.stderr(`filing-check: ${visible(message)}\n`);
      code = ExitCode.Invalid;
      rows.push({ source: file, error: message });
      if (options.format === 'json') await write(visible(`${JSON.stringify({ schemaVersion: 1, source: file, error: message })}\n`));
      continue;
    }
    const exit = exitCodeFor(report, options.failOn);
    if (code !== ExitCode.Invalid) code = Math.max(code, exit) as ExitCodeValue;
    rows.push({ source: report.source, subject: report.entity.name, algorithms: report.algorithms.length, blocking: report.summary.blocking, overdue: report.summary.overdue, readiness: report.summary.readiness });
    const rendered = options.format === 'json' ? visible(`${JSON.stringify(report)}
`) : ((await renderReport(report, options.format, { failOn: options.failOn, color, detail: options.detail })).content as string);
    await write(i > 0 ? `${separator}${rendered}` : rendered);
  }
  if (options.format !== 'json') await write(`${separator}${visible(formatBatchSummary(rows, options.format, options.lang))}`);
  return code;
}
