import { PassThrough } from 'node:stream';
import type { Io } from '../../src/io.js';

/** An Io for running main() in-process: captured stdout/stderr, a terminal by default, a fixed date. */
export function fakeIo(cwd: string, overrides: Partial<Io> = {}): Io & { out(): string; err(): string; interrupt(): void } {
  const out: string[] = [];
  const err: string[] = [];
  const stderrStream = new PassThrough();
  stderrStream.on('data', (chunk: Buffer) => err.push(chunk.toString('utf8')));
  const interrupts = new Set<() => void>();
  return {
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    readStdin: async () => new Uint8Array(),
    stdinIsTTY: true,
    stdoutIsTTY: true,
    stderrIsTTY: true,
    stdin: new PassThrough(),
    stderrStream,
    cwd,
    env: { NO_COLOR: '1' },
    today: () => '2026-11-29',
    onInterrupt: (handler) => {
      interrupts.add(handler);
      return () => void interrupts.delete(handler);
    },
    ...overrides,
    out: () => out.join(''),
    err: () => err.join(''),
    interrupt: () => interrupts.forEach((handler) => handler()),
  };
}
