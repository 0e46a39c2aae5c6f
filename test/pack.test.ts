import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers.js';

describe('npm pack', () => {
  it('produces a package that installs into another project and runs there', () => {
    const dir = tempDir();
    const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', dir, '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' }));
    const files: string[] = packed[0].files.map((f: { path: string }) => f.path);
    expect(files).toContain('dist/cli.js');
    expect(files).toContain('dist/rules.json');
    expect(files).toContain('rules/cn-algorithm-filing.yaml');
    expect(files.some((f) => f.startsWith('src/') || f.startsWith('test/'))).toBe(false);

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
