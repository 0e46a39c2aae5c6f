import { rmSync } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError } from './errors.js';

/** What main() may use of the outside world; cli.ts builds it from process, tests build fakes. */
export interface Io {
  /** Writes to standard output; returns a promise when the reader is behind, to wait for before writing more. */
  stdout(text: string): void | Promise<void>;
  stderr(text: string): void;
  /** Reads all of standard input (only called when stdin is not a terminal or "-" was given). */
  readStdin(): Promise<Uint8Array>;
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
  const writer = await openAtomicWriter(path, options);
  await writer.write(content);
  await writer.commit();
}

/** A file written piece by piece, then put in place atomically (or dropped, leaving the target as it was). */
export interface AtomicWriter {
  write(content: string | Uint8Array): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/** Opens an atomic writer: like writeFileAtomic, for output too large to hold in memory at once. */
export async function openAtomicWriter(path: string, options: { force: boolean; shown?: string }): Promise<AtomicWriter> {
  const shown = options.shown ?? path;
  const existing = await stat(path).catch(() => null);
  if (existing?.isDirectory()) throw new InputError(`${shown}: is a directory; expected a file path to write`);
  if (existing && !options.force) throw new InputError(`${shown}: file exists; pass --force to replace it (it was left untouched)`);
  // 'wx' below refuses an existing name, so a random suffix only has to make clashes rare.
  const temp = join(dirname(path), `.${basename(path)}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  // Registered before it exists: a signal handled between the file's creation and the end of the
  // await would otherwise leave it behind.
  pendingTemps.add(temp);
  const handle = await open(temp, 'wx').catch((error: NodeJS.ErrnoException) => {
    pendingTemps.delete(temp);
    throw new InputError(`${shown}: cannot write here (${error.code ?? 'error'}); expected a writable folder`);
  });
  const drop = async () => {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    pendingTemps.delete(temp);
  };
  return {
    write: async (content) => {
      try {
        await handle.writeFile(content);
      } catch (error) {
        await drop();
        throw new InputError(`${shown}: cannot write the file (${(error as NodeJS.ErrnoException).code ?? 'error'}); it was left as it was`);
      }
    },
    commit: async () => {
      try {
        await handle.sync();
        await handle.close();
        await rename(temp, path);
      } catch (error) {
        await drop();
        const code = (error as NodeJS.ErrnoException).code;
        throw code ? new InputError(`${shown}: cannot write the file (${code}); it was left as it was`) : error;
      }
      pendingTemps.delete(temp);
    },
    abort: drop,
  };
}
