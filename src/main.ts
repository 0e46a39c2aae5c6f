import { Command, CommanderError } from 'commander';
import type { CommandContext } from './commands/shared.js';
import { EXIT_CODES_HELP, VERSION } from './constants.js';
import { CancelledError, ExitCode, InputError, type ExitCodeValue } from './errors.js';
import type { Io } from './io.js';
import { visible } from './text/visible.js';

type Register = (program: Command, context: CommandContext) => void;

/**
 * Every command, with a loader for its module. Only the command being run is loaded, so --help,
 * --version and each command pay only for what they use (start-up time is a feature).
 */
const COMMANDS: { name: string; description: string; load: () => Promise<Register> }[] = [
  { name: 'diagnose', description: 'classify each algorithm, decide the procedures that apply and report the material gaps', load: async () => (await import('./commands/diagnose.js')).registerDiagnose },
  { name: 'render', description: 'turn a saved JSON report into any format without diagnosing again', load: async () => (await import('./commands/render.js')).registerRender },
  { name: 'diff', description: 'compare two JSON reports: gaps closed, opened and re-opened, type and regime changes', load: async () => (await import('./commands/diff.js')).registerDiff },
  { name: 'checklist', description: 'the materials a case needs, as a file to hand to a client (md, html, docx, xlsx, csv), and its import back', load: async () => (await import('./commands/checklist.js')).registerChecklist },
  { name: 'schema', description: 'print the JSON Schema of the answers file, the JSON report or a rule pack', load: async () => (await import('./commands/schema.js')).registerSchema },
  { name: 'rules', description: 'list, explain or validate the rule packs', load: async () => (await import('./commands/rules.js')).registerRules },
  { name: 'suggest-type', description: 'the likely type code of an algorithm from its 主要用途 text', load: async () => (await import('./commands/suggest.js')).registerSuggest },
  { name: 'assess', description: 'count the gen-AI keyword library, test banks and evaluation results against TC260-003 / GB/T 45654', load: async () => (await import('./commands/assess.js')).registerAssess },
  { name: 'lint', description: 'check drafts of 拟公示内容 and 算法安全自评估报告 for sections, substance and wording', load: async () => (await import('./commands/lint.js')).registerLint },
];

/** The command the arguments name (skipping global options), or the one `help NAME` asks about. */
function invokedCommand(argv: readonly string[]): string | undefined {
  const words = argv.filter((arg) => !arg.startsWith('-'));
  return words[0] === 'help' ? words[1] : words[0];
}

/** Whether the arguments ask for help (the catalogue's Chinese help then loads; no other run pays for it). */
function asksForHelp(argv: readonly string[]): boolean {
  return argv.length === 0 || argv[0] === 'help' || argv.some((arg) => arg === '-h' || arg === '--help');
}

/** The language of --help: --lang when given, else Chinese when LC_ALL or LANG starts with zh, else English. */
export function helpLang(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): 'zh' | 'en' {
  const index = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  const given = index === -1 ? undefined : argv[index]!.includes('=') ? argv[index]!.split('=')[1] : argv[index + 1];
  if (given === 'zh' || given === 'en') return given;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** The command-line program: the invoked command in full, the others as names for help. */
async function buildProgram(context: CommandContext, argv: readonly string[]): Promise<Command> {
  const { io } = context;
  const program = new Command('filing-check')
    .description('Pre-submission diagnosis for CAC algorithm filing (互联网信息服务算法备案)')
    .version(VERSION, '-V, --version')
    .option('--debug', 'show stack traces for errors')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(visible(s)), writeErr: (s) => io.stderr(visible(s)) })
    .addHelpText('after', EXIT_CODES_HELP)
    .showHelpAfterError('(run with --help for usage)');
  const invoked = invokedCommand(argv);
  for (const command of COMMANDS) {
    if (command.name === invoked) (await command.load())(program, context);
    else program.command(command.name).description(command.description);
  }
  // Subcommands inherit exitOverride and output settings only when copied explicitly.
  for (const command of allCommands(program)) command.exitOverride().configureOutput(program.configureOutput());
  if (asksForHelp(argv) && helpLang(argv, io.env) === 'zh') (await import('./help-lang.js')).useChineseHelp([program, ...allCommands(program)]);
  return program;
}

function allCommands(command: Command): Command[] {
  return command.commands.flatMap((c) => [c, ...allCommands(c)]);
}

/** Runs the CLI with the given arguments (without "node" and the script) and returns the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<ExitCodeValue> {
  const result: { code: ExitCodeValue } = { code: ExitCode.Ok };
  const debug = argv.includes('--debug');
  try {
    const program = await buildProgram({ io, result }, argv);
    await program.parseAsync([...argv], { from: 'user' });
    return result.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; every other commander complaint is a usage error.
      return ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code) ? ExitCode.Ok : ExitCode.Invalid;
    }
    if (error instanceof CancelledError) {
      io.stderr(`${visible(error.message)}\n`);
      return ExitCode.Cancelled;
    }
    if (error instanceof InputError) {
      io.stderr(`filing-check: ${visible(error.message)}\n`);
      if (debug && error.stack) io.stderr(`${error.stack}\n`);
      return ExitCode.Invalid;
    }
    // Not the user's fault: say so plainly, and keep the stack for the bug report.
    io.stderr(`filing-check: internal error: ${visible((error as Error)?.message ?? String(error))}\n`);
    io.stderr(debug ? `${(error as Error)?.stack ?? ''}\n` : 'Run again with --debug to see the stack trace, and report it.\n');
    return ExitCode.Invalid;
  }
}
