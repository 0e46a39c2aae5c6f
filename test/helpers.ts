import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readable, Writable } from 'node:stream';
import { main } from '../src/main.js';
import type { Io } from '../src/io.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'filing-check.js');
export const CASES = join(ROOT, 'test', 'fixtures', 'cases');
export const AS_OF = '2026-11-29';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a subprocess, as CI would: no terminal, NO_COLOR, optional stdin. */
export function runCli(args: string[], options: { input?: string | Buffer; cwd?: string; env?: Record<string, string | undefined> } = {}): RunResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    input: options.input ?? '',
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env },
    timeout: 60_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Runs main() in-process with a fake Io. */
export async function runMain(args: string[], options: { stdin?: string | Uint8Array; cwd?: string; stdinIsTTY?: boolean; env?: Record<string, string> } = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readStdin: async () => (typeof options.stdin === 'string' || options.stdin === undefined ? Buffer.from(options.stdin ?? '', 'utf8') : options.stdin),
    stdinIsTTY: options.stdinIsTTY ?? false,
    stdoutIsTTY: false,
    stderrIsTTY: false,
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    stderrStream: new Writable({ write: (chunk, _encoding, done) => void ((stderr += String(chunk)), done()) }),
    onInterrupt: () => () => undefined,
    cwd: options.cwd ?? ROOT,
    env: options.env ?? {},
    today: () => AS_OF,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** A fresh temporary directory. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'filing-check-test-'));
}
