// The pre-commit hooks (.pre-commit-hooks.yaml) in a real git repository. The `pre-commit` tool
// itself is not run (it is a Python package this machine cannot install); the test does what it does
// for a hook of `language: node`: the package's bin on the PATH (pre-commit installs the repository
// with npm), the staged files filtered by the hook's `files` pattern, and the entry called from the
// repository root with those files appended. Its exit code decides the commit.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, tempDir } from './helpers.js';

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  args?: string[];
}

const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const hook = (id: string) => hooks.find((h) => h.id === id)!;

/** A git repository with the example's answers and drafts committed, and `filing-check` on a PATH of its own. */
function repository(): { repo: string; path: string } {
  const dir = tempDir();
  const repo = join(dir, 'repo');
  mkdirSync(join(repo, 'docs', 'feed'), { recursive: true });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
  git('init', '--quiet');
  git('config', 'user.email', 'dev@example.com');
  git('config', 'user.name', 'dev');
  writeFileSync(join(repo, 'README.md'), '# 算法备案材料\n');
  git('add', 'README.md');
  git('commit', '--quiet', '-m', 'start');
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  symlinkSync(BIN, join(bin, 'filing-check'));
  return { repo, path: `${bin}:${process.env.PATH}` };
}

/** What pre-commit does for one hook: the staged files its pattern selects, appended to its entry. */
function runHook(id: string, { repo, path }: { repo: string; path: string }) {
  const staged = execFileSync('git', ['diff', '--cached', '--name-only', '-z', '--diff-filter=ACMR'], { cwd: repo, encoding: 'utf8' }).split('\0').filter(Boolean);
  const { entry, args = [], files } = hook(id);
  const selected = staged.filter((file) => new RegExp(files).test(file));
  if (selected.length === 0) return { selected, status: 0, stdout: '', stderr: '' };
  const [command, ...entryArgs] = entry.split(' ');
  const run = spawnSync(command!, [...entryArgs, ...args, ...selected], { cwd: repo, encoding: 'utf8', env: { ...process.env, PATH: path, NO_COLOR: '1' } });
  return { selected, status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('.pre-commit-hooks.yaml', () => {
  it('declares a diagnose hook and a lint hook that pre-commit installs as a Node package', () => {
    expect(hooks.map((h) => [h.id, h.entry, h.language])).toEqual([
      ['filing-check-diagnose', 'filing-check diagnose', 'node'],
      ['filing-check-lint', 'filing-check lint', 'node'],
    ]);
    // pre-commit puts the package's bin on the PATH: the entry's command must be that bin.
    expect(Object.keys(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).bin)).toContain('filing-check');
  });

  it('stops a commit whose staged answers file has blocking gaps, and passes sound staged drafts', () => {
    const setup = repository();
    copyFileSync(join(ROOT, 'examples', 'filing.yaml'), join(setup.repo, 'filing.yaml'));
    for (const draft of ['拟公示内容.md', '算法安全自评估报告.md']) copyFileSync(join(ROOT, 'examples', 'docs', 'feed', draft), join(setup.repo, 'docs', 'feed', draft));
    writeFileSync(join(setup.repo, 'notes.md'), '会议记录\n');
    execFileSync('git', ['add', 'filing.yaml', 'docs', 'notes.md'], { cwd: setup.repo });

    const diagnose = runHook('filing-check-diagnose', setup);
    expect(diagnose.selected).toEqual(['filing.yaml']);
    expect(diagnose.stderr).toBe('');
    expect(diagnose.status).toBe(1);
    expect(diagnose.stdout).toContain('杭州云栖优选网络科技有限公司');

    const lint = runHook('filing-check-lint', setup);
    expect(lint.selected).toEqual(['docs/feed/拟公示内容.md', 'docs/feed/算法安全自评估报告.md']);
    expect(lint.stderr).toBe('');
    expect(lint.status).toBe(0);
  });

  it('stops a commit of a flawed draft, checks only staged files, and reports an invalid answers file with exit code 2', () => {
    const setup = repository();
    copyFileSync(join(ROOT, 'test', 'fixtures', 'drafts', 'disclosure-missing-section.md'), join(setup.repo, 'docs', 'feed', '拟公示内容.md'));
    mkdirSync(join(setup.repo, 'clients'));
    writeFileSync(join(setup.repo, 'clients', 'acme.filing.yaml'), 'schemaVersion: 1\nentity: { name: 示例公司 }\nalgorithms:\n  - { id: feed, does: [recommend] }\n');
    copyFileSync(join(ROOT, 'examples', 'filing.yaml'), join(setup.repo, 'filing.yaml'));
    execFileSync('git', ['add', 'docs', 'clients'], { cwd: setup.repo });

    const lint = runHook('filing-check-lint', setup);
    expect(lint.status).toBe(1);
    expect(lint.stdout).toContain('SECTION_MISSING');

    const diagnose = runHook('filing-check-diagnose', setup);
    // filing.yaml is in the folder but not staged: pre-commit does not pass it.
    expect(diagnose.selected).toEqual(['clients/acme.filing.yaml']);
    expect(diagnose.status).toBe(2);
    expect(diagnose.stderr).toMatch(/^filing-check: clients\/acme\.filing\.yaml:4:/m);
  });
});
