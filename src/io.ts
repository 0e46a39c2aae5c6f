import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError } from './errors.js';

/** What main() may use of the outside world; cli.ts builds it from process, tests build fakes. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads all of standard input (only called when stdin is not a terminal or "-" was given). */
  readStdin(): Promise<Uint8Array>;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Today's date in China (YYYY-MM-DD), the day statutory clocks count from. */
  today(): string;
}

/** Temporary files being written right now, so an interrupted run can remove them. */
const pendingTemps = new Set<string>();

/** Removes the temporary files of writes cut short (called on SIGINT and SIGTERM); targets stay intact. */
export function removePendingTempFiles(): void {
  for (const temp of pendingTemps) rmSync(temp, { force: true });
  pendingTemps.clear();
}

/**
 * Writes a file so that readers see either the old or the whole new content: a temporary file in
 * the same folder, flushed, then renamed over the target. Refuses to replace a file without force.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array, options: { force: boolean; shown?: string }): Promise<void> {
  const shown = options.shown ?? path;
  const existing = await stat(path).catch(() => null);
  if (existing?.isDirectory()) throw new InputError(`${shown}: is a directory; expected a file path to write`);
  if (existing && !options.force) throw new InputError(`${shown}: file exists; pass --force to replace it (it was left untouched)`);
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  let handle;
  try {
    handle = await open(temp, 'wx');
    pendingTemps.add(temp);
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
    const code = (error as NodeJS.ErrnoException).code;
    throw code ? new InputError(`${shown}: cannot write the file (${code}); it was left as it was`) : error;
  } finally {
    pendingTemps.delete(temp);
  }
}
