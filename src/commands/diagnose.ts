import type { Command } from 'commander';
import { parseAnswers } from '../answers/read.js';
import { diagnose, exitCodeFor } from '../core/report.js';
import { addReportOutputOptions, emitReport, type ReportOutputOptions } from './report-output.js';
import {
  asOfDate, EXIT_CODES_HELP, langOption, pipedAnswers, readAnswersSource, rulesFor, rulesOption, VERSION,
  type CommandContext, type CommonOptions,
} from './shared.js';

/** `filing-check diagnose [FILE|-]`. */
export function registerDiagnose(program: Command, { io, result }: CommandContext): void {
  addReportOutputOptions(
    program
      .command('diagnose')
      .description('classify each algorithm, decide the procedures that apply and report the material gaps')
      .argument('[file]', 'answers file (YAML or JSON), or - for standard input'),
  )
    .addOption(langOption())
    .addOption(rulesOption())
    .option('--as-of <date>', 'diagnose as of this date (YYYY-MM-DD) instead of today')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (file: string | undefined, options: Omit<CommonOptions, 'format'> & ReportOutputOptions) => {
      const asOf = asOfDate(options.asOf, io);
      const rules = await rulesFor(options, io);
      const source = file !== undefined ? await readAnswersSource(file, io) : await pipedAnswers(io, 'diagnose');
      const answers = parseAnswers(source.text, source.shown, rules);
      const report = diagnose({ answers, rules, lang: options.lang, source: source.shown, asOf, toolVersion: VERSION });
      await emitReport(report, options, io);
      result.code = exitCodeFor(report, options.failOn);
    });
}
