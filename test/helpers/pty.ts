import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

const RELAY = fileURLToPath(new URL('../../scripts/pty-relay.py', import.meta.url));

/** A command running in a real pseudo-terminal, driven like a person at the keyboard. */
export interface PtySession {
  /** Everything the terminal showed so far, colour codes removed. */
  output(): string;
  /** Waits until the terminal shows text after the point reached by the previous wait. */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
  /** Types keys (\r is enter, \x03 is Ctrl-C, \x1b[B is down). */
  type(keys: string): void;
  /** Resolves with the exit code once the command ends. */
  exit: Promise<number>;
}

/** Starts a command under scripts/pty-relay.py, in `cwd`, with the given environment. */
export function spawnPty(command: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): PtySession {
  const child = spawn('python3', [RELAY, '--', ...command], { cwd: options.cwd, env: options.env, stdio: ['pipe', 'pipe', 'pipe'] });
  let raw = '';
  let consumed = 0;
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    raw += chunk.toString('utf8');
    for (const listener of listeners) listener();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exit = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  const output = () => stripVTControlCharacters(raw);
  return {
    output,
    exit,
    type: (keys) => void child.stdin.write(keys),
    waitFor: (text, timeoutMs = 20_000) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          const rest = output().slice(consumed);
          const match = typeof text === 'string' ? { index: rest.indexOf(text), length: text.length } : (() => {
            const m = text.exec(rest);
            return { index: m ? m.index : -1, length: m ? m[0].length : 0 };
          })();
          if (match.index < 0) return false;
          consumed += match.index + match.length;
          cleanup();
          resolve();
          return true;
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${String(text)}; the terminal shows:\n${output().slice(-3000)}`));
        }, timeoutMs);
        const ended = () => {
          if (check()) return;
          cleanup();
          reject(new Error(`the command ended before showing ${String(text)}; the terminal shows:\n${output().slice(-3000)}`));
        };
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(listener);
          child.off('close', ended);
        };
        const listener = () => void check();
        listeners.add(listener);
        child.once('close', ended);
        check();
      }),
  };
}
