import { Command, InvalidArgumentError, type Argument, type Option } from 'commander';

/** What the command line refused, as data; src/usage-text.ts words it in the run's language. */
export type UsageProblem =
  | { kind: 'unknown-option'; candidates: string[] }
  | { kind: 'unknown-command'; candidates: string[] }
  | { kind: 'missing-argument'; argument: Argument }
  | { kind: 'missing-value'; option: Option }
  | { kind: 'excess-argument'; value: string }
  | { kind: 'invalid-value'; value: string; choices: readonly string[] };

/** A usage error: the command, the option or word at fault (when there is one), and the problem. */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(
    readonly command: Command,
    readonly term: string | undefined,
    readonly problem: UsageProblem,
  ) {
    super(`${command.name()}${term ? ` ${term}` : ''}: ${problem.kind}`);
  }
}

/** Thrown by an option's parser that refuses one part of its value (an item of a list): the error names that part. */
export class InvalidItemError extends InvalidArgumentError {
  constructor(readonly item: string) {
    super(`"${item}" is not one of the choices`);
  }
}

/** The long options a command takes, its own and its ancestors' (as commander accepts them), for a suggestion. */
function longOptions(command: Command): string[] {
  const flags: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) flags.push(...c.createHelp().visibleOptions(c).flatMap((o) => (o.long ? [o.long] : [])));
  return flags;
}

/**
 * commander's Command whose own complaints (an unknown option or command, a missing argument or
 * value, an extra argument, a value outside the choices) are thrown as UsageErrors that carry what
 * was refused, so main() words them from the help catalogue in the run's language instead of
 * printing commander's English. Its methods below are the ones commander calls with the option,
 * argument or word at fault; they are not in commander's typings, so commander stays pinned and the
 * CLI case table has a case for each. No command here allows unknown options or excess arguments.
 */
export class CliCommand extends Command {
  override createCommand(name?: string): Command {
    return new CliCommand(name);
  }

  unknownOption(flag: string): never {
    throw new UsageError(this, flag.split('=')[0], { kind: 'unknown-option', candidates: longOptions(this) });
  }

  unknownCommand(): never {
    throw new UsageError(this, this.args[0], { kind: 'unknown-command', candidates: this.commands.map((c) => c.name()) });
  }

  missingArgument(name: string): never {
    throw new UsageError(this, undefined, { kind: 'missing-argument', argument: this.registeredArguments.find((a) => a.name() === name)! });
  }

  optionMissingArgument(option: Option): never {
    throw new UsageError(this, option.long ?? option.flags, { kind: 'missing-value', option });
  }

  _excessArguments(received: string[]): never {
    throw new UsageError(this, undefined, { kind: 'excess-argument', value: received[this.registeredArguments.length]! });
  }

  _callParseArg(target: Option | Argument, value: string, previous: unknown): unknown {
    try {
      return target.parseArg!(value, previous);
    } catch (error) {
      if (!(error instanceof InvalidArgumentError)) throw error;
      // A refusal is worded with the choices: an option whose parser refuses values declares them (Option.choices).
      if (!target.argChoices) throw new Error(`${target.name()}: its parser refused "${value}" but it declares no choices`);
      const term = 'long' in target ? (target.long ?? target.flags) : `<${target.name()}>`;
      throw new UsageError(this, term, { kind: 'invalid-value', value: error instanceof InvalidItemError ? error.item : value, choices: target.argChoices });
    }
  }
}
