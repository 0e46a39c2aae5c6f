import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { parseAnswers } from '../answers/read.js';
import { diagnose, exitCodeFor } from '../core/report.js';
import { inputError } from '../errors.js';
import { openAtomicWriter, type Io } from '../io.js';
import type { Rules } from '../rules/model.js';
import type { BatchFormat } from './batch.js';
import { addReportOutputOptions, emitReport, type ReportOutputOptions } from './report-output.js';
import {
  asOfDate, assessedMaterialsFor, collect, missingMaterialFiles, pipedAnswers, rulesFor, rulesOption, VERSION, type CommandContext, type CommonOptions,
} from './shared.js';
import { langOption } from '../lang.js';
import { readAnswersSource } from '../data/source.js';

const BATCH_FORMATS: readonly BatchFormat[] = ['text', 'json', 'md'];

/** The options of diagnose. */
export interface DiagnoseOptions extends Omit<CommonOptions, 'format'>, ReportOutputOptions {
  interactive?: boolean;
  save?: string;
  set: string[];
}

/**
 * Whether to run the questionnaire: asked for with --interactive, or by default when no file is
 * given and stdin and stdout are terminals (and stderr, where the questions are drawn). It never
 * prompts without a terminal to answer in.
 */
function wantsQuestionnaire(file: string | undefined, options: Pick<DiagnoseOptions, 'interactive' | 'save'>, io: Io): boolean {
  if (options.interactive) {
    if (file === '-') throw inputError('error.interactive-stdin');
    if (!io.stdinIsTTY || !io.stderrIsTTY) {
      throw inputError('error.interactive-no-terminal');
    }
    return true;
  }
  const interactive = file === undefined && io.stdinIsTTY && io.stdoutIsTTY && io.stderrIsTTY;
  if (options.save !== undefined && !interactive) throw inputError('error.save-without-questionnaire');
  if (file === undefined && io.stdinIsTTY && !io.stdoutIsTTY) {
    throw inputError('error.no-answers-output-redirected');
  }
  return interactive;
}

/** True when the arguments ask for a batch: several paths, or a directory. */
function isBatch(paths: readonly string[], cwd: string): boolean {
  if (paths.length > 1) return true;
  const only = paths[0];
  if (only === undefined || only === '-') return false;
  try {
    return statSync(resolve(cwd, only), { throwIfNoEntry: false })?.isDirectory() === true;
  } catch {
    return false;
  }
}

/** A batch: every file diagnosed with the rules loaded once, streamed to stdout or one --out file. */
async function diagnoseBatch(files: string[], options: DiagnoseOptions, rules: Rules, asOf: string, io: Io): Promise<number> {
  const [format, ...more] = options.format;
  if (more.length > 0 || !BATCH_FORMATS.includes(format as BatchFormat) || options.outDir || options.interactive || options.set.length > 0) {
    throw inputError('error.batch-options', { formats: options.format.join(',') });
  }
  // Loaded only for a batch: a single diagnosis never pays for the summary table and its CJK widths.
  const { expandAnswersPaths, runBatch } = await import('./batch.js');
  const batchOptions = { format: format as BatchFormat, lang: options.lang, failOn: options.failOn, asOf, color: options.color, toFile: options.out !== undefined, detail: options.detail === true };
  const paths = expandAnswersPaths(files, io.cwd);
  if (!options.out) return runBatch(paths, rules, batchOptions, io, async (text) => io.stdout(text));
  const writer = await openAtomicWriter(resolve(io.cwd, options.out), { force: options.force === true, shown: options.out });
  try {
    const code = await runBatch(paths, rules, batchOptions, io, writer.write);
    await writer.commit();
    return code;
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

/** `filing-check diagnose [FILE|-]`, the questionnaire in a terminal, or several files and folders for a batch. */
export function registerDiagnose(program: Command, { io, result, lang }: CommandContext): void {
  addReportOutputOptions(
    program
      .command('diagnose')
      .argument('[files...]'),
  )
    .addOption(langOption(lang))
    .addOption(rulesOption())
    .option('--as-of <date>')
    .option('-i, --interactive')
    .option('--save <file>')
    .addOption(new Option('--set <path=value>').argParser(collect).default([]))
    .action(async (files: string[], options: DiagnoseOptions) => {
      const asOf = asOfDate(options.asOf, io);
      // --set values are checked against their fields' schemas, which only then need building.
      const sets = options.set.length > 0 ? options.set.map((await import('../answers/set.js')).parseSetOption) : [];
      let rules: Promise<Rules> | undefined;
      // Reports (and the questionnaire, which shows report items) never show a material's guidance;
      // SARIF does: a material's summary is the "why" of its rule.
      const loadRules = () => (rules ??= rulesFor(options, io, { guidance: options.format.includes('sarif') }));
      if (isBatch(files, io.cwd)) {
        result.code = (await diagnoseBatch(files, options, await loadRules(), asOf, io)) as typeof result.code;
        return;
      }
      const file = files[0];
      const interactive = wantsQuestionnaire(file, options, io);
      let source: { text: string; shown: string };
      if (interactive) {
        const { runQuestionnaire } = await import('../questionnaire/session.js');
        source = await runQuestionnaire({ io, lang: options.lang, from: file, save: options.save, sets, rules: loadRules, asOf, color: options.color });
      } else {
        source = file !== undefined ? await readAnswersSource(file, io) : await pipedAnswers(io, 'diagnose');
      }
      // The questionnaire has already written the --set values into the file it returns.
      const answers = await parseAnswers(source.text, source.shown, await loadRules(), interactive ? [] : sets);
      const missingFiles = missingMaterialFiles(answers, source.shown, io);
      const assessedMaterials = await assessedMaterialsFor(answers, source.shown, io, options.lang);
      const report = diagnose({ answers, rules: await loadRules(), lang: options.lang, source: source.shown, asOf, toolVersion: VERSION, missingFiles, assessedMaterials });
      const sarif = async () => ({ rules: await loadRules(), ...(source.shown === '<stdin>' ? {} : { locate: (await import('../answers/locations.js')).answersFindingLocator(source.text, source.shown) }) });
      await emitReport(report, options, io, sarif);
      result.code = exitCodeFor(report, options.failOn);
    });
}
