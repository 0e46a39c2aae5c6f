import { CommanderError, type Command } from 'commander';
import type { CommandContext } from './commands/shared.js';
import { VERSION } from './constants.js';
import { CancelledError, errorText, ExitCode, InputError, type ExitCodeValue } from './errors.js';
import type { Io } from './io.js';
import { visible } from './text/visible.js';
import { commandWords, langOption, resolveLang } from './lang.js';
import { CliCommand, UsageError } from './usage.js';

type Register = (program: Command, context: CommandContext) => void;

/**
 * Every command, with a loader for its module. Only the command being run is loaded, so --help,
 * --version and each command pay only for what they use (start-up time is a feature). Their words
 * (descriptions, options, arguments, exit codes) are in src/messages/help.yaml alone, worded only
 * when help is shown.
 */
const COMMANDS: { name: string; load: () => Promise<Register> }[] = [
  { name: 'diagnose', load: async () => (await import('./commands/diagnose.js')).registerDiagnose },
  { name: 'render', load: async () => (await import('./commands/render.js')).registerRender },
  { name: 'diff', load: async () => (await import('./commands/diff.js')).registerDiff },
  { name: 'checklist', load: async () => (await import('./commands/checklist.js')).registerChecklist },
  { name: 'schema', load: async () => (await import('./commands/schema.js')).registerSchema },
  { name: 'rules', load: async () => (await import('./commands/rules.js')).registerRules },
  { name: 'suggest-type', load: async () => (await import('./commands/suggest.js')).registerSuggest },
  { name: 'assess', load: async () => (await import('./commands/assess.js')).registerAssess },
  { name: 'lint', load: async () => (await import('./commands/lint.js')).registerLint },
];

/** The command the arguments name (skipping global options), or the one `help NAME` asks about. */
function invokedCommand(argv: readonly string[]): string | undefined {
  const words = commandWords(argv);
  return words[0] === 'help' ? words[1] : words[0];
}

/**
 * Whether the run shows help: asked for, or a command with subcommands named alone (`rules`). Only
 * then is help worded from the catalogue; no other run pays for it.
 */
function showsHelp(argv: readonly string[], program: Command): boolean {
  if (argv.length === 0 || argv[0] === 'help' || argv.some((arg) => arg === '-h' || arg === '--help')) return true;
  const words = commandWords(argv);
  return words.length === 1 && (program.commands.find((c) => c.name() === words[0])?.commands.length ?? 0) > 0;
}

/** The command-line program for these arguments: the invoked command in full, the others as names for help. */
export async function buildProgram(context: CommandContext, argv: readonly string[]): Promise<Command> {
  const { io } = context;
  const program = new CliCommand('filing-check')
    .version(VERSION, '-V, --version')
    .option('--debug')
    .addOption(langOption(context.lang))
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(visible(s)), writeErr: (s) => io.stderr(visible(s)) });
  const invoked = invokedCommand(argv);
  for (const command of COMMANDS) {
    if (command.name === invoked) (await command.load())(program, context);
    else program.command(command.name);
  }
  // Subcommands inherit exitOverride and output settings only when copied explicitly.
  for (const command of allCommands(program)) command.exitOverride().configureOutput(program.configureOutput());
  if (showsHelp(argv, program)) (await import('./help-lang.js')).wordHelp([program, ...allCommands(program)], context.lang);
  return program;
}

/** Every command below this one, depth first. */
export function allCommands(command: Command): Command[] {
  return command.commands.flatMap((c) => [c, ...allCommands(c)]);
}

/** Runs the CLI with the given arguments (without "node" and the script) and returns the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<ExitCodeValue> {
  const result: { code: ExitCodeValue } = { code: ExitCode.Ok };
  const debug = argv.includes('--debug');
  const lang = resolveLang(argv, io.env);
  try {
    const program = await buildProgram({ io, result, lang }, argv);
    await program.parseAsync([...argv], { from: 'user' });
    return result.code;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`filing-check: ${visible((await import('./usage-text.js')).usageErrorText(error, lang))}\n`);
      return ExitCode.Invalid;
    }
    if (error instanceof CommanderError) {
      // Help and version are successes; every other commander complaint is a usage error.
      return ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code) ? ExitCode.Ok : ExitCode.Invalid;
    }
    if (error instanceof CancelledError) {
      io.stderr(`${visible(error.message)}\n`);
      return ExitCode.Cancelled;
    }
    if (error instanceof InputError) {
      // A message of several lines (every bad cell of a sheet) is several messages, each on its own line.
      for (const line of errorText(error, lang).split('\n')) io.stderr(`filing-check: ${visible(line)}\n`);
      if (debug && error.stack) io.stderr(`${error.stack}\n`);
      return ExitCode.Invalid;
    }
    // Not the user's fault: say so plainly, and keep the stack for the bug report.
    io.stderr(`filing-check: internal error: ${visible((error as Error)?.message ?? String(error))}\n`);
    io.stderr(debug ? `${(error as Error)?.stack ?? ''}\n` : 'Run again with --debug to see the stack trace, and report it.\n');
    return ExitCode.Invalid;
  }
}
