import { Option, type Command } from 'commander';
import { exitCodeFor } from '../core/report.js';
import { ReportSchema, type Report } from '../core/report-schema.js';
import { parseValidated } from '../data-file.js';
import { diffReports } from '../diff/diff.js';
import { DIFF_FORMATS, renderDiff, type DiffFormat } from '../diff/format.js';
import { ExitCode, InputError } from '../errors.js';
import type { SarifSources } from '../format/sarif.js';
import type { Io } from '../io.js';
import { addReportOutputOptions, emitReport, type ReportOutputOptions } from './report-output.js';
import { emit, EXIT_CODES_HELP, FAIL_ON, formatOption, readAnswersSource, rulesFor, type CommandContext, type FailOn } from './shared.js';

/** Reads and validates a saved JSON report; a bad file is exit 2 naming the field (and line and column). */
export async function readReport(file: string, io: Io): Promise<Report> {
  const source = await readAnswersSource(file, io, 'a JSON report from filing-check diagnose --format json');
  return parseValidated(source.text, source.shown, { schema: ReportSchema, schemaHint: 'filing-check schema report' });
}

/**
 * The bundled packs and, when the diagnosed answers file can still be read, its lines: a saved report
 * records no positions, so SARIF places findings in the file as it is now, or on the file as a whole.
 */
async function renderSarifSources(report: Report, io: Io): Promise<SarifSources> {
  const rules = await rulesFor({ rules: [] }, io, { guidance: true });
  if (report.source.startsWith('<')) return { rules };
  try {
    const source = await readAnswersSource(report.source, io);
    return { rules, locate: (await import('../answers/locations.js')).answersFindingLocator(source.text, source.shown) };
  } catch (error) {
    if (error instanceof InputError) return { rules };
    throw error;
  }
}

/** `filing-check render REPORT.json`: any format of a saved report, without diagnosing again. */
export function registerRender(program: Command, { io, result }: CommandContext): void {
  addReportOutputOptions(
    program
      .command('render')
      .description('turn a saved JSON report into any format without diagnosing again (same exit code as diagnose)')
      .argument('<report>', 'a report written by diagnose --format json, or - for standard input'),
  ).addHelpText('after', EXIT_CODES_HELP).action(async (file: string, options: ReportOutputOptions) => {
    const report = await readReport(file, io);
    await emitReport(report, options, io, () => renderSarifSources(report, io));
    result.code = exitCodeFor(report, options.failOn);
  });
}

/** `filing-check diff OLD.json NEW.json`: progress between two saved reports. */
export function registerDiff(program: Command, { io, result }: CommandContext): void {
  program
    .command('diff')
    .description('compare two saved JSON reports: gaps closed, opened and re-opened, type and regime changes, new and removed algorithms')
    .argument('<old>', 'the earlier report (diagnose --format json)')
    .argument('<new>', 'the later report')
    .addOption(formatOption(DIFF_FORMATS))
    .option('-o, --out <file>', 'write the comparison to a file (atomically) instead of stdout')
    .option('--force', 'replace an existing --out file')
    .option('--fail-on-regression', 'exit 1 when something regressed: an item re-opened (ready or not applicable before, a gap now), a new blocking gap or warning, a date passed')
    .addOption(new Option('--fail-on <level>', 'exit 1 when something regressed, counting new gaps and warnings from this severity').choices(FAIL_ON))
    .addHelpText('after', '\nExit codes:\n  0    compared (with --fail-on-regression or --fail-on: and nothing regressed)\n  1    --fail-on-regression or --fail-on, and something regressed\n  2    a report is unreadable or invalid')
    .action(async (before: string, after: string, options: { format: DiffFormat; out?: string; force?: boolean; failOnRegression?: boolean; failOn?: FailOn }) => {
      const [oldReport, newReport] = [await readReport(before, io), await readReport(after, io)];
      const diff = diffReports(oldReport, newReport, options.failOn ?? 'blocking');
      await emit(renderDiff(diff, options.format, newReport.lang), options, io);
      const failing = options.failOnRegression || options.failOn !== undefined;
      result.code = failing && diff.regressions > 0 ? ExitCode.Gaps : ExitCode.Ok;
    });
}
