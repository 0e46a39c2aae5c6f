// How the command starts: Node's compile cache (bin/filing-check.js turns it on where Node has it)
// lives outside the package and never changes what the CLI does; the rule packs precompiled at
// build time serve only while the rule files are the ones the build read.
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AS_OF, ROOT, runCli, tempDir } from '../helpers.js';

const DIAGNOSE = ['diagnose', 'examples/filing.yaml', '--format', 'json', '--as-of', AS_OF];

/** A copy of the package (bin, dist, rules, templates, example) that a test may change. */
function packageCopy(): string {
  const dir = tempDir();
  for (const part of ['bin', 'dist', 'rules', 'templates', 'examples', 'package.json']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  return dir;
}

/** Every file under a folder, as paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort();
}

describe("Node's compile cache", () => {
  const diagnoseIn = (dir: string, cache: string) =>
    spawnSync(process.execPath, [join(dir, 'bin', 'filing-check.js'), ...DIAGNOSE], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', NODE_COMPILE_CACHE: cache } });

  it('is written outside the package, and a damaged one changes nothing but time', () => {
    const dir = packageCopy();
    const before = filesUnder(dir);
    const cache = tempDir();
    const expected = runCli(DIAGNOSE);
    expect(expected.code).toBe(1);
    for (let run = 0; run < 2; run++) {
      const result = diagnoseIn(dir, cache);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(1);
      expect(result.stdout).toBe(expected.stdout);
    }
    expect(filesUnder(dir)).toEqual(before);
    // Node 20 has no compile cache; from 22.8 the first run fills it.
    const cached = filesUnder(cache);
    expect(cached.length > 0).toBe(typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function');
    for (const file of cached) writeFileSync(join(cache, file), 'not a compile cache');
    const damaged = diagnoseIn(dir, cache);
    expect(damaged.stderr).toBe('');
    expect(damaged.status).toBe(1);
    expect(damaged.stdout).toBe(expected.stdout);
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
    writeFileSync(pack(dir), text.replace('title: { zh: 科技伦理审查制度,', 'title: { zh: 科技伦理审核制度,'));
    const edited = run(dir);
    expect(edited.stderr).toBe('');
    expect(edited.stdout).toContain('"科技伦理审核制度"');
    expect(edited.stdout).not.toContain('"科技伦理审查制度"');
  });
});

