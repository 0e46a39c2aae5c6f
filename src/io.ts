import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError } from './errors.js';

/** What main() may use of the outside world; cli.ts builds it from process, tests build fakes. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads all of standard input (only called when stdin is not a terminal or "-" was given). */
  readStdin(): Promise<string>;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** The terminal's keys, for the questionnaire's prompts (only used when stdin is a terminal). */
  stdin: NodeJS.ReadableStream;
  /** Where prompts draw, so stdout carries only the report and can be redirected. */
  stderrStream: NodeJS.WritableStream;
  /** Calls handler on Ctrl-C outside a prompt (SIGINT) instead of dying mid-save; returns the way to stop. */
  onInterrupt(handler: () => void): () => void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Today's date in China (YYYY-MM-DD), the day statutory clocks count from. */
  today(): string;
}

/**
 * Writes a file so that readers see either the old or the whole new content: a temporary file in
 * the same folder, flushed, then renamed over the target. Refuses to replace a file without force.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array, options: { force: boolean; shown?: string }): Promise<void> {
  const shown = options.shown ?? path;
  if (!options.force) {
    const existing = await stat(path).catch(() => null);
    if (existing) throw new InputError(`${shown}: file exists; pass --force to replace it (it was left untouched)`);
  }
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  let handle;
  try {
    handle = await open(temp, 'wx');
  } catch (error) {
    throw new InputError(`${shown}: cannot write here (${(error as NodeJS.ErrnoException).code ?? 'error'}); expected a writable folder`);
  }
  try {
    await handle.writeFile(content);
    await handle.sync();
    await handle.close();
    await rename(temp, path);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
}
