import { Chalk, type ChalkInstance } from 'chalk';

// One instance per level, shared by every report of a batch.
const instances = new Map<0 | 1, ChalkInstance>();

/** What decides whether text gets colours: the --color / --no-color flag, the environment, the terminal. */
export interface ColorChoice {
  flag?: boolean;
  env: Record<string, string | undefined>;
  isTTY: boolean;
}

/**
 * The chalk instance for a choice. chalk ignores NO_COLOR, so the order is ours: --color /
 * --no-color, then NO_COLOR (set and non-empty), then FORCE_COLOR, then whether stdout is a terminal.
 */
export function createColor(options: ColorChoice): ChalkInstance {
  const { flag, env, isTTY } = options;
  let enabled: boolean;
  if (flag !== undefined) enabled = flag;
  else if (env.NO_COLOR) enabled = false;
  else if (env.FORCE_COLOR !== undefined) enabled = env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  else enabled = isTTY && env.TERM !== 'dumb';
  const level = enabled ? 1 : 0;
  let chalk = instances.get(level);
  if (!chalk) instances.set(level, (chalk = new Chalk({ level })));
  return chalk;
}
