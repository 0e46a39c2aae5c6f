// The bundle runs as CommonJS compiled from V8's code cache (bin/filing-check.js, written by the
// build). The cache must be accepted in an ordinary run, or the start-up gain silently vanishes,
// and a missing or damaged cache must cost only time, never change what the CLI does.
import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, openSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AS_OF, BIN, ROOT, runCli, tempDir } from '../helpers.js';

const DIAGNOSE = ['diagnose', 'examples/filing.yaml', '--format', 'json', '--as-of', AS_OF];

/** A copy of the package (bin, dist, rules, templates, example) whose dist/cache a test may damage. */
function packageCopy(): string {
  const dir = tempDir();
  for (const part of ['bin', 'dist', 'rules', 'templates', 'examples', 'package.json']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  return dir;
}

/** A diagnose run in-process through the loader: its exit code and what each loaded module did with its cache. */
function diagnoseThroughLoader(): { code: number; modules: { file: string; cache: string }[] } {
  const script = `
      const { loadDist, codeCacheReport, DIST } = require(${JSON.stringify(BIN)});
      const io = { stdout() {}, stderr() {}, readStdin: async () => new Uint8Array(), stdinIsTTY: false, stdoutIsTTY: false, stderrIsTTY: false,
        stdin: process.stdin, stderrStream: process.stderr, onInterrupt: () => () => {}, cwd: ${JSON.stringify(ROOT)}, env: {}, today: () => '${AS_OF}' };
      loadDist(require('node:path').join(DIST, 'main.js')).main(${JSON.stringify(DIAGNOSE)}, io).then((code) => console.log(JSON.stringify({ code, modules: codeCacheReport() })));`;
  const run = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as { code: number; modules: { file: string; cache: string }[] };
}

describe('the code cache', () => {
  it('is accepted for every module a diagnose loads', () => {
    const { code, modules } = diagnoseThroughLoader();
    expect(code).toBe(1);
    expect(modules.length).toBeGreaterThan(10);
    expect(modules.filter((m) => m.cache !== 'accepted')).toEqual([]);
  });

  it('missing or damaged, changes nothing but time', () => {
    const expected = runCli(DIAGNOSE);
    expect(expected.code).toBe(1);
    const missing = packageCopy();
    rmSync(join(missing, 'dist', 'cache'), { recursive: true });
    const damaged = packageCopy();
    const cacheDir = join(damaged, 'dist', 'cache');
    for (const name of readdirSync(cacheDir)) writeFileSync(join(cacheDir, name), 'not a V8 code cache');
    for (const dir of [missing, damaged]) {
      const run = spawnSync(process.execPath, [join(dir, 'bin', 'filing-check.js'), ...DIAGNOSE], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(1);
      expect(run.stdout).toBe(expected.stdout);
    }
  });

  it('--help compiles neither child_process nor fs/promises (they load on first use)', () => {
    const dir = tempDir();
    const preload = join(dir, 'modules.cjs');
    writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(join(dir, 'modules.txt'))}, process.moduleLoadList.join('\\n')));`);
    const run = spawnSync(process.execPath, ['--require', preload, BIN, '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(0);
    const loaded = readFileSync(join(dir, 'modules.txt'), 'utf8').split('\n');
    expect(loaded).toContain('NativeModule vm');
    expect(loaded.filter((m) => /^NativeModule (child_process|fs\/promises|readline)$/.test(m))).toEqual([]);
  });
});

describe('a one-file diagnosis of a valid file', () => {
  it('builds no zod schema and loads no YAML document library: the validation plan decides', () => {
    const { modules } = diagnoseThroughLoader();
    const texts = modules.map((m) => readFileSync(join(ROOT, 'dist', m.file), 'utf8'));
    expect(texts.filter((text) => text.includes('$ZodType')).length).toBe(0);
    expect(texts.filter((text) => text.includes('YAMLSeq')).length).toBe(0);
    // Both are in the bundle, for the files that need them.
    const chunks = readdirSync(join(ROOT, 'dist', 'chunks')).map((name) => readFileSync(join(ROOT, 'dist', 'chunks', name), 'utf8'));
    expect(chunks.some((text) => text.includes('$ZodType'))).toBe(true);
    expect(chunks.some((text) => text.includes('YAMLSeq'))).toBe(true);
  });

  it('with piped stdin and stderr and stdout to a file, loads no net, tty or os module', () => {
    const dir = tempDir();
    const preload = join(dir, 'modules.cjs');
    writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(join(dir, 'modules.txt'))}, process.moduleLoadList.join('\\n')));`);
    const out = openSync(join(dir, 'report.json'), 'w');
    const run = spawnSync(process.execPath, ['--require', preload, BIN, ...DIAGNOSE], { cwd: ROOT, encoding: 'utf8', stdio: ['pipe', out, 'pipe'] });
    closeSync(out);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).summary).toBeDefined();
    const loaded = readFileSync(join(dir, 'modules.txt'), 'utf8').split('\n');
    expect(loaded).toContain('NativeModule vm');
    expect(loaded.filter((m) => /^NativeModule (net|tty|os)$/.test(m))).toEqual([]);
  });
});

describe('the precompiled rule packs (dist/rules.json)', () => {
  const run = (dir: string) => spawnSync(process.execPath, [join(dir, 'bin', 'filing-check.js'), ...DIAGNOSE], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const pack = (dir: string) => join(dir, 'rules', 'cn-algorithm-filing.yaml');

  it('serve a copy whose rule files have new times but the same text (as after npm install)', () => {
    const dir = packageCopy();
    const later = new Date(Date.now() + 60_000);
    utimesSync(pack(dir), later, later);
    const copied = run(dir);
    expect(copied.stderr).toBe('');
    expect(copied.stdout).toBe(runCli(DIAGNOSE).stdout);
  });

  it('give way to an edited rule file, even one of the same size', () => {
    const dir = packageCopy();
    const text = readFileSync(pack(dir), 'utf8');
    // Same byte length: only the text tells the edit apart.
    writeFileSync(pack(dir), text.replace('title: { zh: 算法备案承诺书,', 'title: { zh: 算法备案保证书,'));
    const edited = run(dir);
    expect(edited.stderr).toBe('');
    expect(edited.stdout).toContain('算法备案保证书');
    expect(edited.stdout).not.toContain('"算法备案承诺书"');
  });
});

