import { Option, type Command } from 'commander';
import { parseAnswers } from '../answers/read.js';
import { diagnose, exitCodeFor } from '../core/report.js';
import { expandAnswersPaths, isBatch, runBatch } from './batch.js';
import { REPORT_FORMATS, renderReport, type ReportFormat } from '../format/render.js';
import {
  asOfDate, emit, EXIT_CODES_HELP, FAIL_ON, formatOption, langOption, pipedAnswers, readAnswersSource, rulesFor, rulesOption,
  VERSION, type CommandContext, type CommonOptions, type FailOn,
} from './shared.js';

/** `filing-check diagnose [FILE|-]`. */
export function registerDiagnose(program: Command, { io, result }: CommandContext): void {
  program
    .command('diagnose')
    .description('classify each algorithm, decide the procedures that apply and report the material gaps')
    .argument('[files...]', 'answers file (YAML or JSON), - for standard input, or several files and directories for a batch')
    .addOption(formatOption(REPORT_FORMATS))
    .addOption(langOption())
    .option('-o, --out <file>', 'write the report to a file (atomically) instead of stdout')
    .option('--force', 'replace an existing --out file')
    .addOption(new Option('--fail-on <level>', 'exit 1 when a gap is at or above this severity').choices(FAIL_ON).default('blocking'))
    .addOption(rulesOption())
    .option('--as-of <date>', 'diagnose as of this date (YYYY-MM-DD) instead of today')
    .option('--color', 'force colours in text output')
    .option('--no-color', 'no colours in text output')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (files: string[], options: CommonOptions & { failOn: FailOn }) => {
      const asOf = asOfDate(options.asOf, io);
      const rules = await rulesFor(options, io);
      if (await isBatch(files, io.cwd)) {
        const batchOptions = { format: options.format as ReportFormat, lang: options.lang, failOn: options.failOn, asOf, color: options.color, toFile: options.out !== undefined };
        const batch = await runBatch(await expandAnswersPaths(files, io.cwd), rules, batchOptions, io);
        await emit(batch.output, options, io);
        result.code = batch.code;
        return;
      }
      const file = files[0];
      const source = file !== undefined ? await readAnswersSource(file, io) : await pipedAnswers(io, 'diagnose');
      const answers = parseAnswers(source.text, source.shown, rules);
      const report = diagnose({ answers, rules, lang: options.lang, source: source.shown, asOf, toolVersion: VERSION });
      await emit(renderReport(report, options.format as ReportFormat, { flag: options.color, io, toFile: options.out !== undefined }), options, io);
      result.code = exitCodeFor(report, options.failOn);
    });
}
