// The only module that touches `process`: it builds the Io for main() and sets the exit code.
import { fstatSync, statSync, writeSync } from 'node:fs';
import { errorText, inputError } from './errors.js';
import { resolveLang } from './lang.js';
import { main } from './main.js';
import type { Io } from './io.js';
import { removePendingTempFiles } from './pending-files.js';

// An interrupted write leaves the previous file as it was; only our temporary file goes.
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.on(signal, () => {
    removePendingTempFiles();
    process.exit(code);
  });
}

/**
 * Whether stdout is a regular file or /dev/null: then text goes straight to the file descriptor,
 * as a file write never blocks or half-completes, and Node's stream machinery (about 5 ms to load)
 * is never built. Pipes, sockets and terminals go through process.stdout.
 */
function stdoutIsPlainFile(): boolean {
  try {
    const info = fstatSync(1);
    return info.isFile() || (info.isCharacterDevice() && info.rdev === statSync('/dev/null').rdev);
  } catch {
    return false;
  }
}

let stdoutStream: NodeJS.WriteStream | undefined;
/** process.stdout, set up on first use. */
function stdoutOnce(): NodeJS.WriteStream {
  if (!stdoutStream) {
    stdoutStream = process.stdout;
    // A reader that stops early (| head) closes the pipe: stop quietly, as a pipeline stage killed
    // by SIGPIPE would (128 + 13), instead of an unhandled EPIPE with a stack trace.
    // Any other failure (a full disk, EIO) is an error too: a CI step must not pass on an empty report.
    stdoutStream.on('error', (error: NodeJS.ErrnoException) => {
      removePendingTempFiles();
      if (error.code === 'EPIPE') process.exit(141);
      process.stderr.write(`filing-check: ${errorText(outputFailure(error), resolveLang(process.argv.slice(2), process.env))}\n`);
      process.exit(2);
    });
  }
  return stdoutStream;
}

const stdoutDirect = stdoutIsPlainFile();

/** The one message for output that could not be written. */
function outputFailure(error: NodeJS.ErrnoException) {
  return inputError('error.output.stdout', { code: error.code ?? error.message });
}

/** Writes to stdout; a promise to wait for when a slow reader has let the pipe fill. */
function writeStdout(text: string): void | Promise<void> {
  if (stdoutDirect) {
    const bytes = Buffer.from(text);
    try {
      for (let written = 0; written < bytes.length; ) written += writeSync(1, bytes, written);
    } catch (error) {
      throw outputFailure(error as NodeJS.ErrnoException);
    }
    return;
  }
  const stream = stdoutOnce();
  // Node queues what a full pipe cannot take; without waiting, a batch piped to a slow reader
  // would hold all its reports in memory (67 MB for 1,000 files).
  if (!stream.write(text)) return new Promise((resolve) => stream.once('drain', resolve));
}

async function readAll(stream: NodeJS.ReadStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

// China has kept UTC+8 without daylight saving since 1991, so a fixed offset gives its date;
// Intl.DateTimeFormat with a time zone would load ICU's zone data (about 20 ms of start-up).
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

let stderrUsed = false;

// Getters: Node builds process.stdin and process.stderr on first access, and for a pipe that
// loads its whole net stack (about 5 ms); a diagnosis of a file needs neither.
const io: Io = {
  stdout: writeStdout,
  stderr: (text) => {
    stderrUsed = true;
    process.stderr.write(text);
  },
  readStdin: () => readAll(process.stdin),
  get stdinIsTTY() {
    return process.stdin.isTTY === true;
  },
  stdoutIsTTY: !stdoutDirect && stdoutOnce().isTTY === true,
  get stderrIsTTY() {
    return process.stderr.isTTY === true;
  },
  get stdin() {
    return process.stdin;
  },
  get stderrStream() {
    return process.stderr;
  },
  onInterrupt: (handler) => {
    process.on('SIGINT', handler);
    return () => void process.off('SIGINT', handler);
  },
  cwd: process.cwd(),
  env: process.env,
  today: () => new Date(Date.now() + CHINA_OFFSET_MS).toISOString().slice(0, 10),
};

void main(process.argv.slice(2), io).then((code) => {
  // main() has finished every write and rename. Exiting now spares the heap teardown of a natural
  // exit (a few ms); output still queued (a pipe is asynchronous on some systems) keeps the natural
  // exit, which waits for it.
  const finish = () => {
    if ((stdoutStream?.writableLength ?? 0) === 0 && (!stderrUsed || process.stderr.writableLength === 0)) process.exit(code);
    process.exitCode = code;
  };
  // A stream reports a failed write (ENOSPC on /dev/full) on the next tick: let it, before exiting.
  if (stdoutStream) setImmediate(finish);
  else finish();
});
