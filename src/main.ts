import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { z } from 'zod';
import packageJson from '../package.json' with { type: 'json' };
import { parseAnswers } from './answers/read.js';
import { AnswersSchema, type Answers } from './answers/schema.js';
import { createColor } from './color.js';
import { MAX_DATA_FILE_BYTES } from './data-file.js';
import { diagnose, exitCodeFor } from './core/report.js';
import { ReportSchema, type Report } from './core/report-schema.js';
import { CancelledError, ExitCode, InputError, type ExitCodeValue } from './errors.js';
import { formatMarkdown } from './format/markdown.js';
import { formatText } from './format/text.js';
import { writeFileAtomic, type Io } from './io.js';
import { LANGS, type Lang } from './messages/messages.js';
import { isRealDate } from './dates.js';
import { loadRules } from './rules/load.js';
import type { Rules } from './rules/model.js';
import { formatRulesExplain, formatRulesList, type RulesFormat } from './rules/explain.js';
import { RulePackSchema, SEVERITIES } from './rules/schema.js';

export const VERSION: string = packageJson.version;

const REPORT_FORMATS = ['text', 'json', 'md'] as const;
type ReportFormat = (typeof REPORT_FORMATS)[number];
const FAIL_ON = [...SEVERITIES, 'none'] as const;

interface CommonOptions {
  format: string;
  lang: Lang;
  out?: string;
  force?: boolean;
  color?: boolean;
  debug?: boolean;
  rules: string[];
  asOf?: string;
}

const EXIT_CODES_HELP = `
Exit codes:
  0    nothing at or above the --fail-on level is missing
  1    gaps at or above the --fail-on level (default: blocking)
  2    usage error, unreadable or invalid input, or invalid rule files
  130  cancelled at a prompt (answers typed so far are saved)`;

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Reads an answers source: a file path, or "-" for standard input. */
async function readAnswersSource(source: string, io: Io): Promise<{ text: string; shown: string }> {
  if (source === '-') {
    const text = await io.readStdin();
    if (Buffer.byteLength(text) > MAX_DATA_FILE_BYTES) throw new InputError(`<stdin>: larger than ${MAX_DATA_FILE_BYTES / 1024 / 1024} MiB; expected an answers file`);
    return { text, shown: '<stdin>' };
  }
  const path = resolve(io.cwd, source);
  const info = await stat(path).catch(() => null);
  if (!info) throw new InputError(`${source}: no such file; expected an answers file (YAML or JSON)`);
  if (!info.isFile()) throw new InputError(`${source}: not a file; expected an answers file (YAML or JSON)`);
  if (info.size > MAX_DATA_FILE_BYTES) throw new InputError(`${source}: larger than ${MAX_DATA_FILE_BYTES / 1024 / 1024} MiB; expected an answers file`);
  return { text: await readFile(path, 'utf8'), shown: source };
}

/** Chooses where answers come from when no file is named: a pipe, or nowhere (exit 2 with help). */
async function defaultAnswersSource(io: Io, command: string): Promise<{ text: string; shown: string }> {
  if (!io.stdinIsTTY) {
    const piped = await readAnswersSource('-', io);
    if (piped.text.trim() !== '') return piped;
  }
  throw new InputError(
    `no answers given; pass a file (filing-check ${command} filing.yaml), pipe one (filing-check ${command} - < filing.yaml), or run filing-check diagnose in a terminal to answer the questions`,
  );
}

function checkAsOf(asOf: string | undefined, io: Io): string {
  if (asOf === undefined) return io.today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || !isRealDate(asOf)) throw new InputError(`--as-of: expected a date written YYYY-MM-DD, got "${asOf}"`);
  return asOf;
}

async function rulesFor(options: Pick<CommonOptions, 'rules'>, io: Io): Promise<Rules> {
  return loadRules(options.rules.map((dir) => resolve(io.cwd, dir)), io.cwd);
}

/** Renders a report in one format. */
export function renderReport(report: Report, format: ReportFormat, colorEnabled: { flag: boolean | undefined; io: Io; toFile: boolean }): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'md':
      return formatMarkdown(report);
    case 'text': {
      const { flag, io, toFile } = colorEnabled;
      const color = createColor({ flag: toFile ? false : flag, env: io.env, isTTY: io.stdoutIsTTY });
      return formatText(report, color);
    }
  }
}

/** Writes command output to --out (atomically) or stdout. */
async function emit(text: string, options: Pick<CommonOptions, 'out' | 'force'>, io: Io): Promise<void> {
  if (options.out) await writeFileAtomic(resolve(io.cwd, options.out), text, { force: options.force === true, shown: options.out });
  else io.stdout(text);
}

function formatOption(choices: readonly string[]): Option {
  return new Option('-f, --format <format>', 'output format').choices(choices).default('text');
}

function langOption(): Option {
  return new Option('--lang <lang>', 'report language').choices(LANGS).default('zh');
}

/** The command-line program; each action stores its exit code in `result`. */
function buildProgram(io: Io, result: { code: ExitCodeValue }): Command {
  const program = new Command('filing-check')
    .description('Pre-submission diagnosis for CAC algorithm filing (互联网信息服务算法备案)')
    .version(VERSION, '-V, --version')
    .option('--debug', 'show stack traces for errors')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .addHelpText('after', EXIT_CODES_HELP)
    .showHelpAfterError('(run with --help for usage)');

  program
    .command('diagnose')
    .description('classify each algorithm, decide the procedures that apply and report the material gaps')
    .argument('[file]', 'answers file (YAML or JSON), or - for standard input')
    .addOption(formatOption(REPORT_FORMATS))
    .addOption(langOption())
    .option('-o, --out <file>', 'write the report to a file (atomically) instead of stdout')
    .option('--force', 'replace an existing --out file')
    .addOption(new Option('--fail-on <level>', 'exit 1 when a gap is at or above this severity').choices(FAIL_ON).default('blocking'))
    .option('--rules <dir>', 'add an overlay rule-pack directory (repeatable)', collect, [])
    .option('--as-of <date>', 'diagnose as of this date (YYYY-MM-DD) instead of today')
    .option('--color', 'force colours in text output')
    .option('--no-color', 'no colours in text output')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (file: string | undefined, options: CommonOptions & { failOn: (typeof FAIL_ON)[number] }) => {
      const asOf = checkAsOf(options.asOf, io);
      const rules = await rulesFor(options, io);
      const source = file !== undefined ? await readAnswersSource(file, io) : await defaultAnswersSource(io, 'diagnose');
      const answers: Answers = parseAnswers(source.text, source.shown, rules);
      const report = diagnose({ answers, rules, lang: options.lang, source: source.shown, asOf, toolVersion: VERSION });
      await emit(renderReport(report, options.format as ReportFormat, { flag: options.color, io, toFile: options.out !== undefined }), options, io);
      result.code = exitCodeFor(report, options.failOn);
    });

  program
    .command('schema')
    .description('print the JSON Schema of the answers file or of the JSON report')
    .argument('<which>', 'answers | report | rules')
    .action((which: string) => {
      const schemas = { answers: AnswersSchema, report: ReportSchema, rules: RulePackSchema } as const;
      if (!(which in schemas)) throw new InputError(`schema: expected answers, report or rules, got "${which}"`);
      const schema = z.toJSONSchema(schemas[which as keyof typeof schemas], { io: 'input', unrepresentable: 'any' });
      io.stdout(`${JSON.stringify(schema, null, 2)}\n`);
    });

  const rulesCommand = program.command('rules').description('list, explain or validate the rule packs');
  rulesCommand
    .command('list')
    .description('every material, regime and warning rule in the loaded packs')
    .addOption(formatOption(['text', 'json', 'md']))
    .addOption(langOption())
    .option('--rules <dir>', 'add an overlay rule-pack directory (repeatable)', collect, [])
    .action(async (options: CommonOptions) => {
      io.stdout(formatRulesList(await rulesFor(options, io), options.format as RulesFormat, options.lang));
    });
  rulesCommand
    .command('explain')
    .description('everything the packs say about one material, regime or warning')
    .argument('<id>', 'a material id, regime id or warning code')
    .addOption(formatOption(['text', 'json', 'md']))
    .addOption(langOption())
    .option('--rules <dir>', 'add an overlay rule-pack directory (repeatable)', collect, [])
    .action(async (id: string, options: CommonOptions) => {
      io.stdout(formatRulesExplain(await rulesFor(options, io), id, options.format as RulesFormat, options.lang));
    });
  rulesCommand
    .command('validate')
    .description('validate the bundled packs, or an overlay directory on top of them')
    .argument('[dir]', 'overlay directory of *.yaml packs')
    .action(async (dir: string | undefined) => {
      const rules = await rulesFor({ rules: dir ? [dir] : [] }, io);
      io.stdout(`ok: ${rules.packs.length} packs (${rules.packs.map((p) => `${p.name}@${p.version}`).join(', ')}), ${rules.materials.length} materials, ${rules.regimes.length} regimes, ${rules.warnings.length} warning rules\n`);
    });

  return program;
}

/** Runs the CLI with the given arguments (without "node" and the script) and returns the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<ExitCodeValue> {
  const result: { code: ExitCodeValue } = { code: ExitCode.Ok };
  const program = buildProgram(io, result);
  const debug = argv.includes('--debug');
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return result.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; every other commander complaint is a usage error.
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? ExitCode.Ok : ExitCode.Invalid;
    }
    if (error instanceof CancelledError) {
      io.stderr(`${error.message}\n`);
      return ExitCode.Cancelled;
    }
    if (error instanceof InputError) {
      io.stderr(`filing-check: ${error.message}\n`);
      if (debug && error.stack) io.stderr(`${error.stack}\n`);
      return ExitCode.Invalid;
    }
    // Not the user's fault: say so plainly, and keep the stack for the bug report.
    io.stderr(`filing-check: internal error: ${(error as Error)?.message ?? String(error)}\n`);
    io.stderr(debug ? `${(error as Error)?.stack ?? ''}\n` : 'Run again with --debug to see the stack trace, and report it.\n');
    return ExitCode.Invalid;
  }
}
