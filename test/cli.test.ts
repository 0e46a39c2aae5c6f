import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ReportSchema } from '../src/core/report-schema.js';
import { CLI_CASES, type CliCase } from './cli-cases.js';
import { AS_OF, BIN, CASES, ROOT, runCli, runMain, tempDir } from './helpers.js';
import { expectGolden } from './helpers/formats.js';

describe.each([
  { host: 'in-process, main(argv, io)', run: (c: CliCase) => runMain(c.args, { ...(c.stdin === undefined ? {} : { stdin: c.stdin }), ...(c.env ? { env: c.env } : {}) }), cases: CLI_CASES },
  { host: 'the built bin', run: async (c: CliCase) => runCli(c.args, { ...(c.stdin === undefined ? {} : { input: c.stdin }), ...(c.env ? { env: c.env } : {}) }), cases: CLI_CASES.filter((c) => c.bin) },
])('the CLI case table, $host', ({ run, cases }) => {
  it.each(cases)('$name', async (c) => {
    const result = await run(c);
    if (typeof c.stdout === 'string') expect(result.stdout).toBe(c.stdout);
    else await expectGolden(c.stdout.golden, result.stdout);
    expect(result.stderr).toBe(c.stderr);
    expect(result.code).toBe(c.code);
  });
});

describe('contract: JSON report', () => {
  it('the JSON report of every realistic case matches the report schema', () => {
    for (const name of readdirSync(CASES).filter((f) => f.endsWith('.yaml'))) {
      const run = runCli(['diagnose', join(CASES, name), '--as-of', AS_OF, '--format', 'json']);
      expect(z.safeParse(ReportSchema, JSON.parse(run.stdout)).success, name).toBe(true);
    }
  });

  it('has every regime, every required item once, and the contract fields', () => {
    const report = JSON.parse(runCli(['diagnose', 'examples/filing.yaml', '-f', 'json', '--as-of', AS_OF]).stdout);
    expect(report.schemaVersion).toBe(1);
    expect(report.tool).toEqual({ name: 'filing-check', version: JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version });
    expect(report.rules.version).toBe('2026.11');
    expect(report.regimes.map((r: { id: string }) => r.id)).toEqual(['algorithm-filing', 'security-assessment', 'genai-filing', 'genai-registration', 'content-labeling', 'anthropomorphic-interaction']);
    const keys = report.items.map((i: { id: string; algorithm: string | null; service: string | null }) => `${i.algorithm ?? i.service ?? 'entity'}/${i.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    // The entity filing was made with the filed algorithm; the entity's own systems are still owed.
    const review = report.items.find((i: { id: string }) => i.id === 'system-mechanism-review');
    expect(review).toMatchObject({ algorithm: null, status: 'draft', severity: 'major' });
    expect(review.basis[0]).toEqual({ instrument: '互联网信息服务算法推荐管理规定', article: '第七条', url: 'https://www.cac.gov.cn/2022-01/04/c_1642894606364259.htm' });
    expect(report.algorithms.find((a: { id: string }) => a.id === 'bestseller-list')).toMatchObject({ type: '03', typeName: '排序精选类', role: 'provider', declaredType: '个性化推送类' });
    expect(report.warnings[0]).toMatchObject({ code: 'DECLARED_TYPE_MISMATCH', algorithm: 'bestseller-list' });
    expect(Object.keys(report.summary)).toEqual(['blocking', 'major', 'minor', 'readiness', 'counts', 'overdue', 'algorithms', 'duties']);
  });

  it('schema report and schema answers print JSON Schemas that describe the outputs', () => {
    const reportSchema = JSON.parse(runCli(['schema', 'report']).stdout);
    expect(reportSchema.$defs.FilingCheckReport.required).toContain('regimes');
    const answersSchema = JSON.parse(runCli(['schema', 'answers']).stdout);
    expect(answersSchema.$defs.FilingCheckAnswers.additionalProperties).toBe(false);
    expect(answersSchema.$defs.FilingCheckAnswers.properties.algorithms.items.properties.does.items.enum).toEqual(['generate', 'personalize', 'rank', 'search', 'filter', 'decide']);
  });
});

describe('exit codes and streams', () => {
  it('--debug shows the stack of an input error', () => {
    const debug = runCli(['diagnose', 'missing.yaml', '--debug']);
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/^filing-check: missing\.yaml: 文件不存在[^\n]*\nInputError: missing\.yaml[\s\S]*\n {4}at /);
  });

  it('stdout redirected to a file gets exactly what a pipe gets (written straight to the file), with the same exit code', () => {
    const dir = tempDir();
    for (const args of [['diagnose', join(CASES, 'news-feed.yaml'), '--as-of', AS_OF], ['diagnose', join(CASES, 'news-feed.yaml'), join(CASES, 'ride-hailing.yaml'), '--format', 'json', '--as-of', AS_OF], ['--help', '--lang', 'en']]) {
      const piped = runCli(args);
      const file = join(dir, 'out.txt');
      const fd = openSync(file, 'w');
      const toFile = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['pipe', fd, 'pipe'], encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      closeSync(fd);
      expect(toFile.stderr).toBe(piped.stderr);
      expect(toFile.status).toBe(piped.code);
      expect(readFileSync(file, 'utf8')).toBe(piped.stdout);
      expect(piped.stdout.length).toBeGreaterThan(1000);
    }
  });
});

describe('--out writes atomically and never replaces a file without --force', () => {
  it('writes the report, refuses to overwrite, replaces with --force', () => {
    const dir = tempDir();
    const out = join(dir, '报告.md');
    expect(runCli(['diagnose', 'examples/filing.yaml', '-f', 'md', '-o', out, '--as-of', AS_OF])).toMatchObject({ code: 1, stdout: '' });
    const first = readFileSync(out, 'utf8');
    expect(first).toContain('# 算法备案预诊断报告');
    writeFileSync(out, 'client notes');
    const refused = runCli(['diagnose', 'examples/filing.yaml', '-f', 'md', '-o', out]);
    expect(refused).toEqual({ code: 2, stdout: '', stderr: `filing-check: ${out}: 文件已存在；如需替换请加 --force（文件未作改动）\n` });
    expect(readFileSync(out, 'utf8')).toBe('client notes');
    expect(runCli(['diagnose', 'examples/filing.yaml', '-f', 'md', '-o', out, '--force', '--as-of', AS_OF]).code).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe(first);
    expect(readdirSync(dir)).toEqual(['报告.md']);
  });

  it('text written to a file never carries colour codes, even with FORCE_COLOR', () => {
    const out = join(tempDir(), 'report.txt');
    runCli(['diagnose', 'examples/filing.yaml', '-o', out], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(readFileSync(out, 'utf8')).not.toContain('\u001b[');
  });
});

describe('colour on the terminal report', () => {
  const run = (args: string[], env: Record<string, string | undefined>) => runCli(['diagnose', 'examples/filing.yaml', ...args], { env: { NO_COLOR: undefined, FORCE_COLOR: undefined, ...env } });
  it('honours FORCE_COLOR, NO_COLOR, --color and --no-color', () => {
    expect(run([], {}).stdout).not.toContain('\u001b['); // a pipe is not a terminal
    expect(run([], { FORCE_COLOR: '1' }).stdout).toContain('\u001b[');
    expect(run([], { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout).not.toContain('\u001b['); // NO_COLOR wins over FORCE_COLOR
    expect(run(['--color'], { NO_COLOR: '1' }).stdout).toContain('\u001b[');
    expect(run(['--no-color'], { FORCE_COLOR: '1' }).stdout).not.toContain('\u001b[');
    expect(run([], { NO_COLOR: '1' }).stdout).not.toContain('\u001b[');
  });
});

describe('rules commands', () => {
  it('rules list --format json follows the contract shape', () => {
    const list = JSON.parse(runCli(['rules', 'list', '--format', 'json']).stdout);
    const disclosure = list.find((e: { id: string }) => e.id === 'algorithm-disclosure');
    expect(disclosure).toMatchObject({ id: 'algorithm-disclosure', kind: 'material', level: 'algorithm', title: { zh: '拟公示内容', en: 'Content to be publicly disclosed' }, verified: '2026-11-29', pack: 'cn-algorithm-filing@2026.11' });
    expect(disclosure.basis[0]).toMatchObject({ instrument: '互联网信息服务算法推荐管理规定', article: '第十六条', url: 'https://www.cac.gov.cn/2022-01/04/c_1642894606364259.htm' });
    expect(list.filter((e: { kind: string }) => e.kind === 'regime')).toHaveLength(6);
  });

  it('rules explain shows condition, basis with URL and pack; an unknown id is exit 2', () => {
    const explain = runCli(['rules', 'explain', 'user-workers']);
    expect(explain.stdout).toContain('适用条件: inScope = true 且 affectsWorkers = true');
    expect(explain.stdout).toContain('《互联网信息服务算法推荐管理规定》第二十条 https://www.cac.gov.cn/2022-01/04/c_1642894606364259.htm');
  });

  it('rules validate: ok for the bundled packs, exit 2 with file:line:column for a bad overlay', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.yaml'), `pack: bad-overlay\nversion: "2026.12"\ntitle: { zh: 坏, en: bad }\nmaterials:\n  - id: x-note\n    level: algorithm\n    title: { zh: 说明, en: note }\n    severity: urgent\n`);
    const result = runCli(['rules', 'validate', dir], { env: { LANG: 'en_US.UTF-8', LC_ALL: undefined, LC_MESSAGES: undefined } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^filing-check: .*bad\.yaml:8:5: materials\[0\]\.severity: expected one of "blocking" \| "major" \| "minor", got "urgent" \(and \d+ more problems\)\n$/);
    const chinese = runCli(['rules', 'validate', dir], { env: { LANG: 'zh_CN.UTF-8', LC_ALL: undefined, LC_MESSAGES: undefined } });
    expect(chinese.code).toBe(2);
    expect(chinese.stderr).toMatch(/^filing-check: .*bad\.yaml:8:5: materials\[0\]\.severity: 应为以下之一："blocking" \| "major" \| "minor"，实际为 "urgent"（另有 \d+ 个问题）\n$/);
  });
});
