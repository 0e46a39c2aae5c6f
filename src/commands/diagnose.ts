import { Option, type Command } from 'commander';
import { parseAnswers } from '../answers/read.js';
import { parseSetOption } from '../answers/set.js';
import { createColor } from '../color.js';
import { diagnose, exitCodeFor } from '../core/report.js';
import type { Report } from '../core/report-schema.js';
import { InputError } from '../errors.js';
import { formatMarkdown } from '../format/markdown.js';
import { formatText } from '../format/text.js';
import type { Io } from '../io.js';
import type { Rules } from '../rules/model.js';
import {
  asOfDate, collect, emit, EXIT_CODES_HELP, FAIL_ON, formatOption, langOption, pipedAnswers, readAnswersSource, rulesFor, rulesOption,
  VERSION, type CommandContext, type CommonOptions, type FailOn,
} from './shared.js';

export const REPORT_FORMATS = ['text', 'json', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Renders a report in one format; text is coloured only for a terminal (never into a file). */
export function renderReport(report: Report, format: ReportFormat, color: { flag: boolean | undefined; io: Io; toFile: boolean }): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'md':
      return formatMarkdown(report);
    case 'text':
      return formatText(report, createColor({ flag: color.toFile ? false : color.flag, env: color.io.env, isTTY: color.io.stdoutIsTTY }));
  }
}

/** The options of diagnose. */
export interface DiagnoseOptions extends CommonOptions {
  failOn: FailOn;
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
    if (file === '-') throw new InputError('--interactive: answers cannot come from standard input when the questions are asked there; name a file, or drop -');
    if (!io.stdinIsTTY || !io.stderrIsTTY) {
      throw new InputError('--interactive: needs a terminal (standard input and standard error are not both terminals), so nothing was asked; pass the answers as a file instead: filing-check diagnose filing.yaml');
    }
    return true;
  }
  const interactive = file === undefined && io.stdinIsTTY && io.stdoutIsTTY && io.stderrIsTTY;
  if (options.save !== undefined && !interactive) throw new InputError('--save: only the questionnaire saves answers; add --interactive (in a terminal)');
  if (file === undefined && io.stdinIsTTY && !io.stdoutIsTTY) {
    throw new InputError(
      'no answers given, and no questions asked because standard output is not a terminal; add --interactive to answer them here (the questions go to stderr, the report to the redirect), or pass a file: filing-check diagnose filing.yaml',
    );
  }
  return interactive;
}

/** `filing-check diagnose [FILE|-]`. */
export function registerDiagnose(program: Command, { io, result }: CommandContext): void {
  program
    .command('diagnose')
    .description('classify each algorithm, decide the procedures that apply and report the material gaps')
    .argument('[file]', 'answers file (YAML or JSON), or - for standard input')
    .addOption(formatOption(REPORT_FORMATS))
    .addOption(langOption('language of the report and of the questions'))
    .option('-o, --out <file>', 'write the report to a file (atomically) instead of stdout')
    .option('--force', 'replace an existing --out file')
    .addOption(new Option('--fail-on <level>', 'exit 1 when a gap is at or above this severity').choices(FAIL_ON).default('blocking'))
    .addOption(rulesOption())
    .option('--as-of <date>', 'diagnose as of this date (YYYY-MM-DD) instead of today')
    .option('-i, --interactive', 'ask the questions in the terminal; with FILE, continue it and ask only what is missing')
    .option('--save <file>', 'where the questionnaire saves the answers (default: FILE, else filing.yaml)')
    .option('--set <path=value>', 'pre-fill or override one answer, e.g. entity.name=杭州示例科技有限公司 or services[0].status=live (repeatable)', collect, [])
    .option('--color', 'force colours in text output')
    .option('--no-color', 'no colours in text output')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (file: string | undefined, options: DiagnoseOptions) => {
      const asOf = asOfDate(options.asOf, io);
      const sets = options.set.map(parseSetOption);
      let rules: Promise<Rules> | undefined;
      const loadRules = () => (rules ??= rulesFor(options, io));
      const interactive = wantsQuestionnaire(file, options, io);
      let source: { text: string; shown: string };
      if (interactive) {
        const { runQuestionnaire } = await import('../questionnaire/session.js');
        source = await runQuestionnaire({ io, lang: options.lang, from: file, save: options.save, sets, rules: loadRules, asOf, color: options.color });
      } else {
        source = file !== undefined ? await readAnswersSource(file, io) : await pipedAnswers(io, 'diagnose');
      }
      // The questionnaire has already written the --set values into the file it returns.
      const answers = parseAnswers(source.text, source.shown, await loadRules(), interactive ? [] : sets);
      const report = diagnose({ answers, rules: await loadRules(), lang: options.lang, source: source.shown, asOf, toolVersion: VERSION });
      await emit(renderReport(report, options.format as ReportFormat, { flag: options.color, io, toFile: options.out !== undefined }), options, io);
      result.code = exitCodeFor(report, options.failOn);
    });
}
