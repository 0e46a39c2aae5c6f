// The only module that touches `process`: it builds the Io for main() and sets the exit code.
import { main } from './main.js';
import { removePendingTempFiles, type Io } from './io.js';

// An interrupted write leaves the previous file as it was; only our temporary file goes.
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.on(signal, () => {
    removePendingTempFiles();
    process.exit(code);
  });
}

async function readAll(stream: NodeJS.ReadStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

// China has kept UTC+8 without daylight saving since 1991, so a fixed offset gives its date;
// Intl.DateTimeFormat with a time zone would load ICU's zone data (about 20 ms of start-up).
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

const io: Io = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  readStdin: () => readAll(process.stdin),
  stdinIsTTY: process.stdin.isTTY === true,
  stdoutIsTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
  stdin: process.stdin,
  stderrStream: process.stderr,
  onInterrupt: (handler) => {
    process.on('SIGINT', handler);
    return () => void process.off('SIGINT', handler);
  },
  cwd: process.cwd(),
  env: process.env,
  today: () => new Date(Date.now() + CHINA_OFFSET_MS).toISOString().slice(0, 10),
};

// No top-level await: the bundle is CommonJS (see bin/filing-check.js).
void main(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
