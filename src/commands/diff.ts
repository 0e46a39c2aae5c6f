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
    .argument('<old>')
    .argument('<new>')
    .addOption(formatOption(DIFF_FORMATS))
    .option('-o, --out <file>')
    .option('--force')
    .option('--fail-on-regression')
    .addOption(new Option('--fail-on <level>').choices(FAIL_ON))
    .action(async (before: string, after: string, options: { format: DiffFormat; out?: string; force?: boolean; failOnRegression?: boolean; failOn?: FailOn }) => {
      const [oldReport, newReport] = [await readReport(before, io), await readReport(after, io)];
      const diff = diffReports(oldReport, newReport, options.failOn ?? 'blocking');
      await emit(renderDiff(diff, options.format, newReport.lang), options, io);
      const failing = options.failOnRegression || options.failOn !== undefined;
      result.code = failing && diff.regressions > 0 ? ExitCode.Gaps : ExitCode.Ok;
    });
}
