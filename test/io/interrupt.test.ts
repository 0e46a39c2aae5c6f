import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli, tempDir } from '../helpers.js';

/** A folder of many clients, so a batch run takes long enough to be cut at any point. */
function manyClients(count: number): string {
  const root = tempDir();
  for (let i = 0; i < count; i++) {
    mkdirSync(join(root, `client-${String(i).padStart(3, '0')}`));
    cpSync(join(ROOT, 'examples', 'filing.yaml'), join(root, `client-${String(i).padStart(3, '0')}`, 'filing.yaml'));
  }
  return root;
}

function runAndKill(cwd: string, args: string[], signal: NodeJS.Signals, afterMs: number): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
    const timer = setTimeout(() => child.kill(signal), afterMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

describe('an interrupted run never leaves a half-written file', () => {
  it('SIGINT, SIGTERM and SIGKILL at any moment: the previous report or the whole new one, never a part', async () => {
    const clients = manyClients(120);
    const out = join(tempDir(), 'report.jsonl');
    const previous = '{"previous":"report"}\n';
    const args = ['diagnose', clients, '-f', 'json', '--as-of', '2026-11-29', '-o', out, '--force'];
    let replaced = 0;
    for (const [i, signal] of (['SIGINT', 'SIGTERM', 'SIGKILL', 'SIGINT', 'SIGTERM', 'SIGKILL', 'SIGTERM', 'SIGINT', 'SIGKILL', 'SIGTERM'] as const).entries()) {
      writeFileSync(out, previous);
      const code = await runAndKill(ROOT, args, signal, 150 + i * 250);
      const content = readFileSync(out, 'utf8');
      if (content === previous) {
        // Killed before start-up registered the handlers, the default action applies (code null).
        if (signal === 'SIGINT') expect([130, null]).toContain(code);
        if (signal === 'SIGTERM') expect([143, null]).toContain(code);
      } else {
        replaced++;
        const lines = content.trimEnd().split('\n');
        expect(lines).toHaveLength(120);
        for (const line of lines) expect(JSON.parse(line).schemaVersion).toBe(1);
      }
      // Our signal handler removes the temporary file; only SIGKILL can leave one behind.
      const temps = readdirSync(join(out, '..')).filter((f) => f.endsWith('.tmp'));
      if (signal !== 'SIGKILL') expect(temps).toEqual([]);
      for (const temp of temps) rmSync(join(out, '..', temp));
    }
    expect(replaced).toBeLessThan(10);
  }, 120_000);

  it('a write that fails leaves the target untouched and no temporary file', () => {
    const dir = tempDir();
    const target = join(dir, 'report.md');
    mkdirSync(target); // a folder in the way: the final rename fails
    const run = runCli(['diagnose', 'examples/filing.yaml', '-f', 'md', '-o', target, '--force']);
    expect(run).toEqual({ code: 2, stdout: '', stderr: `filing-check: ${target}: 这是目录；应为可写入的文件路径\n` });
    expect(readdirSync(dir)).toEqual(['report.md']);
    expect(readdirSync(target)).toEqual([]);
  });
});
