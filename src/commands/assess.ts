import { Option, type Command } from 'commander';
import { assess, assessExitCode, type AssessReport } from '../assess/check.js';
import { ASSESS_EXTENSIONS, ASSESS_FORMATS, renderAssessReport, type AssessFormat } from '../assess/format.js';
import { assessmentFiles, readTables } from '../assess/read.js';
import { recogniseTables } from '../assess/recognise.js';
import type { Lang } from '../constants.js';
import type { Io } from '../io.js';
import { word } from '../messages/catalogue.js';
import { HELP_MESSAGES } from '../messages/help.js';
import { emitViews, formatListOption } from './report-output.js';
import { FAIL_ON, langOption, VERSION, type CommandContext, type FailOn } from './shared.js';

interface AssessOptions {
  format: AssessFormat[];
  lang: Lang;
  out?: string;
  outDir?: string;
  force?: boolean;
  failOn: FailOn;
  detail?: boolean;
}

/** Reads every file (CSV or XLSX, or the folders' ones) and checks them against the figures of TC260-003 / GB/T 45654. */
export async function assessPaths(paths: readonly string[], io: Pick<Io, 'cwd'>, lang: Lang): Promise<AssessReport> {
  const tables = [];
  for (const { path, shown } of assessmentFiles(paths, io.cwd)) tables.push(...(await readTables(path, shown)));
  return assess(recogniseTables(tables), { lang, toolVersion: VERSION });
}

/** `filing-check assess FILE|DIR...`: the keyword library, test banks, evaluation results and corpus sampling, counted. */
export function registerAssess(program: Command, { io, result, lang }: CommandContext): void {
  program
    .command('assess')
    .argument('<paths...>', '.csv or .xlsx files, or folders of them')
    .addOption(formatListOption(ASSESS_FORMATS, 'text'))
    .addOption(langOption(lang))
    .option('--detail', 'text: add the table of every risk and topic for each bank')
    .option('-o, --out <file>', 'write the result to a file (atomically) instead of stdout')
    .option('--out-dir <dir>', 'write each format to DIR/assessment.<ext>')
    .option('--force', 'replace existing output files')
    .addOption(new Option('--fail-on <level>', 'exit 1 when a shortfall is at or above this severity').choices(FAIL_ON).default('major'))
    // assess's own exit codes (a figure short, not a material missing); --lang zh words them from the same entry.
    .addHelpText('after', `\n${word(HELP_MESSAGES, 'en', 'help.after.assess')}`)
    .action(async (paths: string[], options: AssessOptions) => {
      const report = await assessPaths(paths, io, options.lang);
      await emitViews<AssessFormat>({
        baseName: 'assessment',
        extension: (format) => ASSESS_EXTENSIONS[format],
        binary: ['xlsx'],
        render: (format) => renderAssessReport(report, format, { detail: options.detail === true, failOn: options.failOn }),
      }, options, io);
      result.code = assessExitCode(report, options.failOn);
    });
}
