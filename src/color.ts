import { Chalk, type ChalkInstance } from 'chalk';

/**
 * One chalk instance for the whole run. chalk ignores NO_COLOR, so the order is ours: --color /
 * --no-color, then NO_COLOR (set and non-empty), then FORCE_COLOR, then whether stdout is a terminal.
 */
export function createColor(options: { flag?: boolean; env: Record<string, string | undefined>; isTTY: boolean }): ChalkInstance {
  const { flag, env, isTTY } = options;
  let enabled: boolean;
  if (flag !== undefined) enabled = flag;
  else if (env.NO_COLOR) enabled = false;
  else if (env.FORCE_COLOR !== undefined) enabled = env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  else enabled = isTTY && env.TERM !== 'dumb';
  return new Chalk({ level: enabled ? 1 : 0 });
}
