import { Option, type Command } from 'commander';
import { assess, assessExitCode, type AssessReport } from '../assess/check.js';
import { ASSESS_EXTENSIONS, ASSESS_FORMATS, renderAssessReport, type AssessFormat } from '../assess/format.js';
import { assessmentFiles, readTables } from '../assess/read.js';
import { recogniseTables } from '../assess/recognise.js';
import type { Lang } from '../constants.js';
import type { Io } from '../io.js';
import { emitViews, formatListOption } from './report-output.js';
import { FAIL_ON, VERSION, type CommandContext, type FailOn } from './shared.js';
import { langOption } from '../lang.js';

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
    .argument('<paths...>')
    .addOption(formatListOption(ASSESS_FORMATS, 'text'))
    .addOption(langOption(lang))
    .option('--detail')
    .option('-o, --out <file>')
    .option('--out-dir <dir>')
    .option('--force')
    .addOption(new Option('--fail-on <level>').choices(FAIL_ON).default('major'))
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
