import { Command, CommanderError } from 'commander';
import { registerChecklist } from './commands/checklist.js';
import { registerDiagnose } from './commands/diagnose.js';
import { registerDiff, registerRender } from './commands/render.js';
import { registerRules, registerSchema } from './commands/rules.js';
import { EXIT_CODES_HELP, VERSION, type CommandContext } from './commands/shared.js';
import { CancelledError, ExitCode, InputError, type ExitCodeValue } from './errors.js';
import type { Io } from './io.js';

/** The command-line program: each command module registers itself on it. */
function buildProgram(context: CommandContext): Command {
  const { io } = context;
  const program = new Command('filing-check')
    .description('Pre-submission diagnosis for CAC algorithm filing (互联网信息服务算法备案)')
    .version(VERSION, '-V, --version')
    .option('--debug', 'show stack traces for errors')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .addHelpText('after', EXIT_CODES_HELP)
    .showHelpAfterError('(run with --help for usage)');
  registerDiagnose(program, context);
  registerRender(program, context);
  registerDiff(program, context);
  registerChecklist(program, context);
  registerSchema(program, context);
  registerRules(program, context);
  // Subcommands inherit exitOverride and output settings only when copied explicitly.
  for (const command of allCommands(program)) command.exitOverride().configureOutput(program.configureOutput());
  return program;
}

function allCommands(command: Command): Command[] {
  return command.commands.flatMap((c) => [c, ...allCommands(c)]);
}

/** Runs the CLI with the given arguments (without "node" and the script) and returns the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<ExitCodeValue> {
  const result: { code: ExitCodeValue } = { code: ExitCode.Ok };
  const program = buildProgram({ io, result });
  const debug = argv.includes('--debug');
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return result.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; every other commander complaint is a usage error.
      return ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code) ? ExitCode.Ok : ExitCode.Invalid;
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
