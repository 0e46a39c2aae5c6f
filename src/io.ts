import { lstat, open, readFile, readlink, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve as resolvePath } from 'node:path';
import { inputError } from './errors.js';
import { pendingTemps } from './pending-files.js';

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
  /** Standard input as a stream: the terminal's keys for the questionnaire's prompts, or texts piped to suggest-type. */
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
 * Writes a file so that readers see either the old or the whole new content (see openAtomicWriter
 * for what each kind of path gets). Refuses to replace a file without force.
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

/** How many symbolic links a path may pass through, as the kernel allows (ELOOP beyond). */
const MAX_LINKS = 40;

/** The path a chain of symbolic links ends at, even when that path does not exist yet (a dangling link). */
async function linkTarget(path: string, shown: string): Promise<string> {
  let current = path;
  for (let hops = 0; hops < MAX_LINKS; hops++) {
    const info = await lstat(current).catch(() => null);
    if (!info?.isSymbolicLink()) return current;
    current = resolvePath(dirname(current), await readlink(current));
  }
  throw inputError('error.output.link-loop', { file: shown });
}

// The process's own streams by name: links into /proc that no rename could ever replace.
const STANDARD_STREAM = /^\/(?:dev\/(?:stdout|stderr|fd\/\d+)|proc\/(?:self|\d+)\/fd\/\d+)$/;

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code ?? 'error';

/**
 * Opens a writer for what the path is. A regular file (or a new one) gets a temporary file in the
 * same folder, flushed, given the original's mode (and owner where permitted), then renamed over
 * it. A symbolic link gets the same on the file it points to, so the link stays a link. A device,
 * FIFO or socket, or /dev/stdout and its kin, is written into directly: it is
 * never replaced, and needs no --force. A file with several hard links is refused, as a new file
 * would cut it off from its other names. An existing path, a dangling link included, is replaced
 * only with force.
 */
export async function openAtomicWriter(path: string, options: { force: boolean; shown?: string }): Promise<AtomicWriter> {
  const shown = options.shown ?? path;
  if (STANDARD_STREAM.test(path)) return openDirectWriter(path, shown);
  const linkInfo = await lstat(path).catch(() => null);
  const target = linkInfo?.isSymbolicLink() ? await linkTarget(path, shown) : path;
  const existing = await stat(target).catch(() => null);
  if (existing?.isDirectory()) throw inputError('error.output.directory', { file: shown });
  if (existing && !existing.isFile()) return openDirectWriter(target, shown);
  if (linkInfo && !options.force) throw inputError(existing ? 'error.output.exists' : 'error.output.dangling-link', { file: shown });
  if (existing && existing.nlink > 1) throw inputError('error.output.hard-links', { file: shown, links: existing.nlink });
  // 'wx' below refuses an existing name, so a random suffix only has to make clashes rare.
  const temp = join(dirname(target), `.${basename(target)}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  // Registered before it exists: a signal handled between the file's creation and the end of the
  // await would otherwise leave it behind.
  pendingTemps.add(temp);
  const handle = await open(temp, 'wx', existing ? existing.mode & 0o7777 : 0o666).catch((error: NodeJS.ErrnoException) => {
    pendingTemps.delete(temp);
    throw inputError('error.output.folder-not-writable', { file: shown, code: error.code ?? 'error' });
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
        throw inputError('error.output.write-failed', { file: shown, code: errorCode(error) });
      }
    },
    commit: async () => {
      try {
        if (existing) {
          // The mode as it was (open() applied the umask); the owner only where the user may set it.
          await handle.chmod(existing.mode & 0o7777);
          await handle.chown(existing.uid, existing.gid).catch(() => undefined);
        }
        await handle.sync();
        await handle.close();
        await rename(temp, target);
      } catch (error) {
        await drop();
        const code = (error as NodeJS.ErrnoException).code;
        throw code ? inputError('error.output.write-failed', { file: shown, code }) : error;
      }
      pendingTemps.delete(temp);
    },
    abort: drop,
  };
}

/** Writes straight into a device, FIFO or socket: there is nothing to replace, and nothing to take back. */
async function openDirectWriter(target: string, shown: string): Promise<AtomicWriter> {
  const handle = await open(target, 'w').catch((error: NodeJS.ErrnoException) => {
    throw inputError('error.output.device-not-writable', { file: shown, code: error.code ?? 'error' });
  });
  return {
    write: async (content) => {
      try {
        await handle.writeFile(content);
      } catch (error) {
        await handle.close().catch(() => undefined);
        throw inputError('error.output.device-write-failed', { file: shown, code: errorCode(error) });
      }
    },
    commit: async () => {
      await handle.close().catch((error: NodeJS.ErrnoException) => {
        throw inputError('error.output.device-write-failed', { file: shown, code: errorCode(error) });
      });
    },
    abort: async () => {
      await handle.close().catch(() => undefined);
    },
  };
}

/** How long a second run waits for another to finish with the same file before it gives up. */
const LOCK_WAIT_MS = 15_000;
const LOCK_POLL_MS = 50;

/** Whether a process of this machine is running (a lock of a dead one is stale). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs `work` holding an exclusive lock on a file that it reads, changes and writes back: a
 * `.NAME.lock` beside it (beside the file a link points to), created exclusively and holding the
 * owner's pid and a token of its own. A second run waits for the first and then reads what the first
 * wrote, so neither change is lost; a lock left by a process that died is taken over.
 */
export async function withFileLock<T>(path: string, shown: string, work: () => Promise<T>): Promise<T> {
  const target = await linkTarget(path, shown);
  const lock = join(dirname(target), `.${basename(target)}.lock`);
  const token = `${process.pid} ${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}\n`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      const handle = await open(lock, 'wx');
      pendingTemps.add(lock);
      await handle.writeFile(token);
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        pendingTemps.delete(lock);
        throw inputError('error.output.lock-failed', { file: shown, code: errorCode(error) });
      }
    }
    const held = await readFile(lock, 'utf8').catch(() => '');
    const owner = Number.parseInt(held, 10);
    if (Number.isInteger(owner) && owner > 0 && !processAlive(owner)) {
      if (await removeStaleLock(lock, held)) continue;
    }
    if (Date.now() > deadline) {
      throw Number.isInteger(owner) ? inputError('error.output.locked-by', { file: shown, lock, process: owner }) : inputError('error.output.locked', { file: shown, lock });
    }
    await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
  }
  try {
    return await work();
  } finally {
    // Only our own lock goes: one deleted by hand and taken by another run since is theirs.
    if ((await readFile(lock, 'utf8').catch(() => '')) === token) await rm(lock, { force: true });
    pendingTemps.delete(lock);
  }
}

/**
 * Removes a lock whose owner died, if it still says `held`; false when another run is taking it over.
 * Runs that find the same dead lock at once must not all remove it: the second would remove the
 * lock the first has taken since. So the takeover of that lock is itself taken, by creating a file
 * named after its content: one run gets it, checks the lock still holds the dead owner's content
 * (every lock's is unique) and removes it; the others wait and find the new owner's lock.
 */
async function removeStaleLock(lock: string, held: string): Promise<boolean> {
  const takeover = `${lock}.${held.trim().replace(/[^0-9A-Za-z]+/g, '-')}.takeover`;
  try {
    await (await open(takeover, 'wx')).close();
  } catch {
    return false;
  }
  pendingTemps.add(takeover);
  try {
    if ((await readFile(lock, 'utf8').catch(() => '')) === held) await rm(lock, { force: true });
    return true;
  } finally {
    await rm(takeover, { force: true });
    pendingTemps.delete(takeover);
  }
}
