import type { Command } from 'commander';
import { parseAnswers } from '../answers/read.js';
import { diagnose, exitCodeFor } from '../core/report.js';
import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import { openAtomicWriter } from '../io.js';
import { expandAnswersPaths, isBatch, runBatch, type BatchFormat } from './batch.js';
import { addReportOutputOptions, emitReport, type ReportOutputOptions } from './report-output.js';
import {
  asOfDate, EXIT_CODES_HELP, langOption, missingMaterialFiles, pipedAnswers, readAnswersSource, rulesFor, rulesOption, VERSION,
  type CommandContext, type CommonOptions,
} from './shared.js';

const BATCH_FORMATS: readonly BatchFormat[] = ['text', 'json', 'md'];

/** `filing-check diagnose [FILE|-]`, or several files and folders for a batch. */
export function registerDiagnose(program: Command, { io, result }: CommandContext): void {
  addReportOutputOptions(
    program
      .command('diagnose')
      .description('classify each algorithm, decide the procedures that apply and report the material gaps')
      .argument('[files...]', 'answers file (YAML or JSON), - for standard input, or several files and folders for a batch'),
  )
    .addOption(langOption())
    .addOption(rulesOption())
    .option('--as-of <date>', 'diagnose as of this date (YYYY-MM-DD) instead of today')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (files: string[], options: Omit<CommonOptions, 'format'> & ReportOutputOptions) => {
      const asOf = asOfDate(options.asOf, io);
      const rules = await rulesFor(options, io);
      if (await isBatch(files, io.cwd)) {
        const [format, ...more] = options.format;
        if (more.length > 0 || !BATCH_FORMATS.includes(format as BatchFormat) || options.outDir) {
          throw new InputError(`--format ${options.format.join(',')}: a batch prints text, json (one report per line) or md; diagnose files one at a time for other formats`);
        }
        const batchOptions = { format: format as BatchFormat, lang: options.lang, failOn: options.failOn, asOf, color: options.color, toFile: options.out !== undefined };
        const paths = await expandAnswersPaths(files, io.cwd);
        if (!options.out) {
          result.code = await runBatch(paths, rules, batchOptions, io, async (text) => io.stdout(text));
          return;
        }
        const writer = await openAtomicWriter(resolve(io.cwd, options.out), { force: options.force === true, shown: options.out });
        try {
          result.code = await runBatch(paths, rules, batchOptions, io, writer.write);
        } catch (error) {
          await writer.abort();
          throw error;
        }
        await writer.commit();
        return;
      }
      const file = files[0];
      const source = file !== undefined ? await readAnswersSource(file, io) : await pipedAnswers(io, 'diagnose');
      const answers = parseAnswers(source.text, source.shown, rules);
      const missingFiles = await missingMaterialFiles(answers, source.shown, io);
      const report = diagnose({ answers, rules, lang: options.lang, source: source.shown, asOf, toolVersion: VERSION, missingFiles });
      await emitReport(report, options, io);
      result.code = exitCodeFor(report, options.failOn);
    });
}
