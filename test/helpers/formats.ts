// Shared by the format and checklist tests: the CLI in-process with a fake Io, golden files, and
// the local Chromium. Set UPDATE_GOLDEN=1 to rewrite the goldens from the current output.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { runMain, type RunResult } from '../helpers.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export { AS_OF } from '../helpers.js';
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** Runs main() in-process with no colours, a fixed day and a clean environment (PATH kept for Chromium). */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string>; stdin?: string } = {}): Promise<RunResult> {
  return runMain(args, { ...options, env: { NO_COLOR: '1', PATH: process.env.PATH ?? '', ...options.env } });
}

/** Compares text with test/golden/<name>, or writes it there when UPDATE_GOLDEN=1. */
export async function expectGolden(name: string, actual: string): Promise<void> {
  const path = join(ROOT, 'test', 'golden', name);
  if (UPDATE || !existsSync(path)) {
    if (!UPDATE && process.env.CI === 'true') throw new Error(`test/golden/${name} is missing; run UPDATE_GOLDEN=1 npx vitest run and commit it`);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, actual);
    return;
  }
  expect(actual, `test/golden/${name} (UPDATE_GOLDEN=1 rewrites it)`).toBe(await readFile(path, 'utf8'));
}

/** A fresh temporary folder for one test. */
export function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'filing-check-test-'));
}

/**
 * The Chromium for the browser tests: the first on the PATH, or null. On CI (CI=true) a missing
 * browser is a failure, not a skip, because .ci/run installs one.
 */
export async function chromiumForTests(env: Record<string, string | undefined> = process.env): Promise<string | null> {
  const { findChromium } = await import('../../src/format/pdf.js');
  try {
    return await findChromium(undefined, { PATH: env.PATH }, ROOT);
  } catch (error) {
    if (env.CI === 'true') throw new Error(`CI=true but no Chromium on the PATH (.ci/run should install it): ${(error as Error).message}`);
    return null;
  }
}

/** Every Markdown table keeps its shape: each row has as many unescaped pipes as its header row. */
export function expectTablesIntact(md: string): void {
  const pipes = (line: string) => (line.match(/(?<!\\)\|/g) ?? []).length;
  let header: string | null = null;
  for (const line of md.split('\n')) {
    if (!line.startsWith('|')) {
      header = null;
      continue;
    }
    header ??= line;
    expect(pipes(line), line).toBe(pipes(header));
  }
}
