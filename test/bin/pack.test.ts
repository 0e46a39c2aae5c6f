import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers.js';

describe('npm pack', () => {
  it('produces a package that installs into another project and runs there', () => {
    const dir = tempDir();
    const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', dir, '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' }));
    const files: string[] = packed[0].files.map((f: { path: string }) => f.path);
    expect(files).toContain('dist/cli.js');
    expect(files).toContain('dist/rules.json');
    expect(files).toContain('rules/cn-algorithm-filing.yaml');
    expect(files.some((f) => f.startsWith('src/') || f.startsWith('test/'))).toBe(false);
    // Only what the command runs on and the example the Quick start diagnoses: no tests, sources,
    // scripts, training data (CSV lists) or CI files (the action and the hooks are used from the repository).
    const shipped = /^(bin|dist|rules|templates|examples)\/|^(package\.json|README\.md|LICENSE)$/;
    expect(files.filter((f) => !shipped.test(f))).toEqual([]);
    expect(files.filter((f) => /\.(csv|ts|tsv)$/.test(f))).toEqual([]);

    const project = join(dir, 'client-project');
    execFileSync('mkdir', ['-p', project]);
    writeFileSync(join(project, 'package.json'), '{ "name": "client-project", "private": true }');
    const tarball = join(dir, readdirSync(dir).find((f) => f.endsWith('.tgz'))!);
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: project, encoding: 'utf8' });
    // No runtime dependencies: everything the CLI needs is in its bundle.
    expect(readdirSync(join(project, 'node_modules')).filter((n) => !n.startsWith('.'))).toEqual(['filing-check']);

    writeFileSync(join(project, 'filing.yaml'), `schemaVersion: 1
entity: { name: 广州示例网络科技有限公司 }
services:
  - { id: forum, name: 示例论坛, publicFeatures: [forum] }
algorithms:
  - { id: hot, name: 示例论坛热帖排序算法, services: [forum], does: [rank] }
`);
    const run = spawnSync(join(project, 'node_modules', '.bin', 'filing-check'), ['diagnose', 'filing.yaml', '--format', 'json', '--as-of', '2026-11-29'], { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.algorithms[0]).toMatchObject({ id: 'hot', type: '03' });
    expect(report.regimes[0]).toMatchObject({ id: 'algorithm-filing', applies: true });
  }, 120_000);
});

describe('npx with the packed tarball', () => {
  it('runs the Quick start diagnosis in a folder with no clone, offline, exactly as the clone does', () => {
    const dir = tempDir();
    execFileSync('npm', ['pack', '--pack-destination', dir, '--ignore-scripts', '--silent'], { cwd: ROOT, encoding: 'utf8' });
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
    const folder = join(dir, 'client');
    mkdirSync(folder);
    renameSync(join(dir, tarball), join(folder, tarball));
    // The client's own answers and drafts, laid out as the Quick start's example.
    cpSync(join(ROOT, 'examples'), join(folder, 'examples'), { recursive: true });
    const args = ['diagnose', 'examples/filing.yaml', '--format', 'json', '--as-of', '2026-11-29'];
    // A cache of its own, offline: nothing comes from an earlier install or from the registry.
    const env = { ...process.env, NO_COLOR: '1', npm_config_cache: join(dir, 'npm-cache'), npm_config_offline: 'true', npm_config_update_notifier: 'false' };
    const run = spawnSync('npx', ['--yes', `./${tarball}`, ...args], { cwd: folder, encoding: 'utf8', env });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const inClone = spawnSync(process.execPath, [join(ROOT, 'bin', 'filing-check.js'), ...args], { cwd: ROOT, encoding: 'utf8', env });
    expect(inClone.status).toBe(1);
    expect(run.stdout).toBe(inClone.stdout);
    expect(JSON.parse(run.stdout).algorithms).toHaveLength(6);
  }, 180_000);
});
