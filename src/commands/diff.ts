import { Option, type Command } from 'commander';
import { diffReports } from '../diff/diff.js';
import { DIFF_FORMATS, renderDiff, type DiffFormat } from '../diff/format.js';
import { ExitCode } from '../errors.js';
import { readReport } from './read-report.js';
import { emit, FAIL_ON, formatOption, type CommandContext, type FailOn } from './shared.js';

/** `filing-check diff OLD.json NEW.json`: progress between two saved reports. */
export function registerDiff(program: Command, { io, result }: CommandContext): void {
  program
    .command('diff')
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
