// What the one writer does with each kind of path a user points --out or --into at, and how
// read-modify-write runs share a file: real processes of the built CLI on real paths in a temp
// folder (devices, FIFOs, links, modes, owners), the way the reliability trial found the failures.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, existsSync, linkSync, lstatSync, openSync, closeSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { esbuildYaml } from '../../scripts/yaml-plugin.mjs';
import { beforeEach, describe, expect, it } from 'vitest';
import { AS_OF, BIN, ROOT, runCli, tempDir, type RunResult } from '../helpers.js';
import { editDocx, editRow, setTracking } from '../helpers/word.js';
import { csvFile, parseCsv } from '../../src/text/csv.js';

const EXAMPLE = join(ROOT, 'examples', 'filing.yaml');
let dir: string;

beforeEach(() => {
  dir = tempDir();
});

/** Runs the built CLI without waiting, so two can run at once. */
function spawnCli(args: string[]): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => void (stdout += chunk));
    child.stderr.on('data', (chunk) => void (stderr += chunk));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

const diagnoseTo = (out: string, ...extra: string[]) => runCli(['diagnose', EXAMPLE, '--as-of', AS_OF, '-f', 'json', '--out', out, ...extra], { cwd: dir });

/** The example's CSV checklist with one owner changed by the client; imports of two of them touch different rows. */
function ownerChecklist(name: string, key: string, owner: string): string {
  const file = join(dir, name);
  expect(runCli(['checklist', EXAMPLE, '--as-of', AS_OF, '-f', 'csv', '--out', file]).code).toBe(0);
  const rows = parseCsv(readFileSync(file, 'utf8'));
  rows.find((row) => row[0] === key)![rows[0]!.indexOf('负责人')] = owner;
  writeFileSync(file, csvFile(rows));
  return file;
}

describe('--out writes what the path is', () => {
  it('/dev/null stays a device, and needs no --force', () => {
    const before = statSync('/dev/null');
    const run = diagnoseTo('/dev/null');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const after = statSync('/dev/null');
    expect(after.isCharacterDevice()).toBe(true);
    expect(after.rdev).toBe(before.rdev);
  });

  it('a full device is exit 2 with one message', () => {
    const run = diagnoseTo('/dev/full');
    expect(run.stderr).toBe('filing-check: /dev/full: 无法写入（ENOSPC）\n');
    expect(run.code).toBe(2);
    expect(diagnoseTo('/dev/full', '--lang', 'en').stderr).toBe('filing-check: /dev/full: cannot write to it (ENOSPC)\n');
  });

  it('a FIFO is written into, never replaced', async () => {
    const fifo = join(dir, 'report.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = new Promise<string>((resolve) => {
      const cat = spawn('cat', [fifo]);
      let text = '';
      cat.stdout.on('data', (chunk) => void (text += chunk));
      cat.on('close', () => resolve(text));
    });
    const run = await spawnCli(['diagnose', EXAMPLE, '--as-of', AS_OF, '-f', 'json', '--out', fifo, '--force']);
    expect(run.stderr).toBe('');
    expect(JSON.parse(await reader).schemaVersion).toBe(1);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('a symbolic link stays a link, and the file it points to gets the report', () => {
    const real = join(dir, 'real.json');
    const link = join(dir, 'link.json');
    writeFileSync(real, 'old');
    symlinkSync('real.json', link);
    expect(diagnoseTo(link).stderr).toBe(`filing-check: ${link}: 文件已存在；如需替换请加 --force（文件未作改动）\n`);
    const run = diagnoseTo(link, '--force');
    expect(run.code).toBe(1);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(real, 'utf8')).schemaVersion).toBe(1);
  });

  it('a dangling link is an existing path: refused without --force, followed with it', () => {
    const link = join(dir, 'report.json');
    symlinkSync('reports/latest.json', link);
    const refused = diagnoseTo(link);
    expect(refused.stderr).toBe(`filing-check: ${link}: 已存在一个指向不存在文件的符号链接；如需替换请加 --force（未作改动）\n`);
    expect(refused.code).toBe(2);
    expect(diagnoseTo(link, '--lang', 'en').stderr).toBe(`filing-check: ${link}: a symbolic link to a missing file exists; pass --force to replace it (it was left untouched)\n`);
    spawnSync('mkdir', [join(dir, 'reports')]);
    expect(diagnoseTo(link, '--force').code).toBe(1);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'reports', 'latest.json'), 'utf8')).schemaVersion).toBe(1);
  });

  it('keeps the mode of the file it replaces', () => {
    const out = join(dir, 'report.json');
    writeFileSync(out, 'old');
    chmodSync(out, 0o600);
    expect(diagnoseTo(out, '--force').code).toBe(1);
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });

  it('refuses a file with several hard links rather than cut it off from them', () => {
    const out = join(dir, 'report.json');
    writeFileSync(out, 'old');
    linkSync(out, join(dir, 'copy.json'));
    const run = diagnoseTo(out, '--force');
    expect(run.stderr).toBe(`filing-check: ${out}: 该文件有 2 个硬链接，替换它会使其与其他链接断开；应为只有一个链接的文件（文件未作改动）\n`);
    expect(diagnoseTo(out, '--force', '--lang', 'en').stderr).toBe(`filing-check: ${out}: the file has 2 hard links, and replacing it would cut it off from the others; expected a file with one link (it was left untouched)\n`);
    expect(run.code).toBe(2);
    expect(readFileSync(join(dir, 'copy.json'), 'utf8')).toBe('old');
  });
});

describe('checklist --import --into writes what the path is', () => {
  const importInto = (into: string, checklist = ownerChecklist('owner.csv', 'feed/algorithm-self-assessment', '李律师')) =>
    runCli(['checklist', '--import', checklist, '--into', into], { cwd: dir });

  it('updates the file a symbolic link points to, and keeps the link', () => {
    const real = join(dir, 'filing.yaml');
    const link = join(dir, 'current.yaml');
    copyFileSync(EXAMPLE, real);
    symlinkSync('filing.yaml', link);
    const run = importInto(link);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toContain('owner: 李律师');
  });

  it('keeps a private answers file private, and its owner', () => {
    const answers = join(dir, 'filing.yaml');
    copyFileSync(EXAMPLE, answers);
    chmodSync(answers, 0o600);
    const root = process.getuid?.() === 0;
    if (root) chownSync(answers, 1234, 1234);
    expect(importInto(answers).code).toBe(0);
    const info = statSync(answers);
    expect(info.mode & 0o777).toBe(0o600);
    if (root) expect([info.uid, info.gid]).toEqual([1234, 1234]);
    expect(readFileSync(answers, 'utf8')).toContain('owner: 李律师');
  });

  it('refuses an answers file with hard links, leaving both names as they were', () => {
    const answers = join(dir, 'filing.yaml');
    copyFileSync(EXAMPLE, answers);
    linkSync(answers, join(dir, 'backup.yaml'));
    const run = importInto(answers);
    expect(run.stderr).toBe(`filing-check: ${answers}: 该文件有 2 个硬链接，替换它会使其与其他链接断开；应为只有一个链接的文件（文件未作改动）\n`);
    expect(run.code).toBe(2);
    expect(readFileSync(answers, 'utf8')).toBe(readFileSync(EXAMPLE, 'utf8'));
  });
});

describe('two imports into one answers file at once', () => {
  it('never both succeed with one change lost', async () => {
    const first = ownerChecklist('first.csv', 'feed/algorithm-self-assessment', '李律师');
    const second = ownerChecklist('second.csv', 'entity/system-data-security', '王工');
    for (let attempt = 0; attempt < 8; attempt++) {
      const answers = join(dir, 'filing.yaml');
      copyFileSync(EXAMPLE, answers);
      const runs = await Promise.all([first, second].map((checklist) => spawnCli(['checklist', '--import', checklist, '--into', answers])));
      const text = readFileSync(answers, 'utf8');
      for (const [run, owner] of [[runs[0]!, '李律师'], [runs[1]!, '王工']] as const) {
        // A run that reports success has its change in the file; one that does not says why, with exit 2.
        if (run.code === 0) expect(text, `attempt ${attempt}`).toContain(`owner: ${owner}`);
        else expect(run.code).toBe(2);
      }
      expect(runs.filter((r) => r.code === 0).length, runs.map((r) => r.stderr).join('')).toBe(2);
      expect(readdirSync(dir).filter((name) => name.endsWith('.lock') || name.endsWith('.tmp'))).toEqual([]);
    }
  }, 120_000);

  it('a Word checklist import takes the same lock: it waits while another run holds it', async () => {
    const answers = join(dir, 'filing.yaml');
    copyFileSync(EXAMPLE, answers);
    const docx = join(dir, '材料清单.docx');
    expect(runCli(['checklist', answers, '--as-of', AS_OF, '-f', 'docx', '--out', docx], { cwd: dir }).code).toBe(0);
    await editDocx(docx, (xml) => editRow(xml, 'feed/algorithm-self-assessment', (row) => setTracking(row, '负责人', '李律师')));
    // A live process (this one) holds the lock, as a questionnaire saving or another import would.
    const lock = join(dir, '.filing.yaml.lock');
    writeFileSync(lock, `${process.pid}\n`);
    let finished = false;
    const run = spawnCli(['checklist', '--import', docx, '--into', answers]).then((result) => ((finished = true), result));
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(finished).toBe(false);
    expect(readFileSync(answers, 'utf8')).toBe(readFileSync(EXAMPLE, 'utf8'));
    rmSync(lock);
    const result = await run;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readFileSync(answers, 'utf8')).toContain('owner: 李律师');
  }, 60_000);

  it('takes over a lock left by a process that died', () => {
    const answers = join(dir, 'filing.yaml');
    copyFileSync(EXAMPLE, answers);
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(join(dir, '.filing.yaml.lock'), `${dead}\n`);
    const run = runCli(['checklist', '--import', ownerChecklist('owner.csv', 'feed/algorithm-self-assessment', '李律师'), '--into', answers], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(existsSync(join(dir, '.filing.yaml.lock'))).toBe(false);
  });

  it('lets one process at a time hold a dead lock that several find at once', async () => {
    // The lock code in a real process of its own, as the CLI runs it.
    const holder = join(dir, 'lock-holder.mjs');
    await build({ entryPoints: [join(ROOT, 'test', 'helpers', 'lock-holder.ts')], outfile: holder, bundle: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning', plugins: [esbuildYaml] });
    const answers = join(dir, 'filing.yaml');
    copyFileSync(EXAMPLE, answers);
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const HOLDERS = 6;
    for (let round = 0; round < 4; round++) {
      writeFileSync(join(dir, '.filing.yaml.lock'), `${dead}\n`);
      const log = join(dir, `log-${round}`);
      const go = join(dir, `go-${round}`);
      writeFileSync(log, '');
      const ready = Array.from({ length: HOLDERS }, (_, i) => join(dir, `ready-${round}-${i}`));
      const exits = ready.map((file) => new Promise<number | null>((resolve) => spawn(process.execPath, [holder, answers, log, file, go], { stdio: 'inherit' }).on('close', resolve)));
      while (!ready.every((file) => existsSync(file))) await new Promise((resolve) => setTimeout(resolve, 10));
      writeFileSync(go, '');
      expect(await Promise.all(exits)).toEqual(Array(HOLDERS).fill(0));
      // Every holder entered once, and each left before the next entered.
      const lines = readFileSync(log, 'utf8').trim().split('\n');
      expect(lines, `round ${round}`).toHaveLength(2 * HOLDERS);
      for (let i = 0; i < lines.length; i += 2) expect(lines[i + 1], `round ${round}: ${lines.join(', ')}`).toBe(lines[i]!.replace('enter', 'leave'));
      expect(new Set(lines).size).toBe(2 * HOLDERS);
      expect(readdirSync(dir).filter((name) => name.endsWith('.lock') || name.endsWith('.takeover'))).toEqual([]);
    }
  }, 120_000);
});

describe('output that cannot be written', () => {
  /** The built CLI with its stdout on /dev/full. */
  function toFullDevice(args: string[], lang = 'zh_CN.UTF-8'): RunResult {
    const full = openSync('/dev/full', 'w');
    try {
      const run = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', full, 'pipe'], encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: lang, LC_ALL: undefined, LC_MESSAGES: undefined } });
      return { code: run.status ?? -1, stdout: '', stderr: run.stderr };
    } finally {
      closeSync(full);
    }
  }

  it.each([
    [['diagnose', EXAMPLE, '--as-of', AS_OF]],
    [['schema', 'answers']],
    [['rules', 'list']],
    [['suggest-type', '根据用户的浏览、点击等行为数据，向用户推荐可能感兴趣的商品']],
  ])('%j to a full disk is exit 2 with one message', (args) => {
    const run = toFullDevice(args);
    expect(run.stderr).toBe('filing-check: 标准输出：无法写出输出（ENOSPC）；未再写入任何内容\n');
    expect(run.code).toBe(2);
    const english = toFullDevice(args, 'en_US.UTF-8');
    expect(english.stderr).toBe('filing-check: standard output: cannot write the output (ENOSPC); nothing more was written\n');
    expect(english.code).toBe(2);
  });
});
