import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ReportSchema } from '../src/core/report-schema.js';
import { AS_OF, BIN, CASES, ROOT, runCli, tempDir } from './helpers.js';
import { expectGolden } from './helpers/formats.js';

const cases = readdirSync(CASES).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));

describe('diagnose on realistic cases, built CLI, golden outputs', () => {
  it.each(cases)('%s', async (name) => {
    const file = `test/fixtures/cases/${name}.yaml`;
    const zh = runCli(['diagnose', file, '--as-of', AS_OF]);
    const en = runCli(['diagnose', file, '--as-of', AS_OF, '--lang', 'en', '--format', 'md']);
    const json = runCli(['diagnose', file, '--as-of', AS_OF, '--format', 'json']);
    for (const run of [zh, en, json]) expect(run.stderr).toBe('');
    const report = JSON.parse(json.stdout);
    expect(z.safeParse(ReportSchema, report).success).toBe(true);
    expect(zh.code).toBe(report.summary.blocking > 0 ? 1 : 0);
    await expectGolden(`diagnose/${name}.zh.txt`, zh.stdout);
    await expectGolden(`diagnose/${name}.en.md`, en.stdout);
    await expectGolden(`diagnose/${name}.json`, json.stdout);
  });
});

describe('contract: JSON report', () => {
  it('has every regime, every required item once, and the contract fields', () => {
    const report = JSON.parse(runCli(['diagnose', 'examples/filing.yaml', '-f', 'json', '--as-of', AS_OF]).stdout);
    expect(report.schemaVersion).toBe(1);
    expect(report.tool).toEqual({ name: 'filing-check', version: JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version });
    expect(report.rules.version).toBe('2026.11');
    expect(report.regimes.map((r: { id: string }) => r.id)).toEqual(['algorithm-filing', 'security-assessment', 'genai-filing', 'genai-registration', 'content-labeling', 'anthropomorphic-interaction']);
    const keys = report.items.map((i: { id: string; algorithm: string | null }) => `${i.algorithm}/${i.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    const letter = report.items.find((i: { id: string }) => i.id === 'entity-commitment-letter');
    expect(letter).toMatchObject({ algorithm: null, status: 'ready', severity: 'blocking' });
    expect(letter.basis[0]).toEqual({ instrument: '互联网信息服务算法推荐管理规定', article: '第二十四条', url: 'https://www.cac.gov.cn/2022-01/04/c_1642894606364259.htm' });
    expect(report.algorithms.find((a: { id: string }) => a.id === 'bestseller-list')).toMatchObject({ type: '03', typeName: '排序精选类', role: 'provider', declaredType: '个性化推送类' });
    expect(report.warnings[0]).toMatchObject({ code: 'DECLARED_TYPE_MISMATCH', algorithm: 'bestseller-list' });
    expect(Object.keys(report.summary)).toEqual(['blocking', 'major', 'minor', 'readiness', 'counts', 'overdue', 'algorithms']);
  });

  it('schema report and schema answers print JSON Schemas that describe the outputs', () => {
    const reportSchema = JSON.parse(runCli(['schema', 'report']).stdout);
    expect(reportSchema.$defs.FilingCheckReport.required).toContain('regimes');
    const answersSchema = JSON.parse(runCli(['schema', 'answers']).stdout);
    expect(answersSchema.$defs.FilingCheckAnswers.additionalProperties).toBe(false);
    expect(answersSchema.$defs.FilingCheckAnswers.properties.algorithms.items.properties.does.items.enum).toEqual(['generate', 'personalize', 'rank', 'search', 'filter', 'decide']);
    expect(runCli(['schema', 'nonsense'])).toMatchObject({ code: 2, stderr: 'filing-check: schema: expected answers, report or rules, got "nonsense"\n' });
  });
});

describe('exit codes and streams', () => {
  it('0 with nothing at the --fail-on level, 1 with gaps, per level', () => {
    const file = 'test/fixtures/cases/news-feed.yaml';
    expect(runCli(['diagnose', file, '-f', 'json']).code).toBe(1);
    expect(runCli(['diagnose', file, '-f', 'json', '--fail-on', 'none']).code).toBe(0);
    expect(runCli(['diagnose', 'test/fixtures/cases/internal-overseas.yaml', '--fail-on', 'minor']).code).toBe(0);
  });

  it('reads answers from a file, from -, and from a pipe with no argument, identically', () => {
    const text = readFileSync(join(CASES, 'ride-hailing.yaml'), 'utf8');
    const fromFile = runCli(['diagnose', 'test/fixtures/cases/ride-hailing.yaml', '-f', 'json', '--as-of', AS_OF]);
    const fromDash = runCli(['diagnose', '-', '-f', 'json', '--as-of', AS_OF], { input: text });
    const fromPipe = runCli(['diagnose', '-f', 'json', '--as-of', AS_OF], { input: text });
    const strip = (out: string) => ({ ...JSON.parse(out), source: '' });
    expect(strip(fromDash.stdout)).toEqual(strip(fromFile.stdout));
    expect(strip(fromPipe.stdout)).toEqual(strip(fromFile.stdout));
    expect(JSON.parse(fromDash.stdout).source).toBe('<stdin>');
  });

  it('2 with one clear message, and no stack trace, for usage errors and unreadable input', () => {
    expect(runCli(['diagnose'])).toEqual({ code: 2, stdout: '', stderr: 'filing-check: no answers given; pass a file (filing-check diagnose filing.yaml), pipe one (filing-check diagnose - < filing.yaml), or run filing-check diagnose in a terminal to answer the questions\n' });
    expect(runCli(['diagnose', 'missing.yaml'])).toEqual({ code: 2, stdout: '', stderr: 'filing-check: missing.yaml: no such file; expected an answers file (YAML or JSON)\n' });
    expect(runCli(['diagnose', '/dev/null'])).toEqual({ code: 2, stdout: '', stderr: 'filing-check: /dev/null: not a file; expected an answers file (YAML or JSON)\n' });
    expect(runCli(['diagnose', 'src'])).toEqual({ code: 2, stdout: '', stderr: 'filing-check: src: no answers files (filing.yaml, *.filing.yaml, *.filing.json) in this directory\n' });
    expect(runCli(['diagnose', 'examples/filing.yaml', '--as-of', '2026-02-30']).stderr).toBe('filing-check: --as-of: expected a date written YYYY-MM-DD, got "2026-02-30"\n');
    const badFormat = runCli(['diagnose', 'examples/filing.yaml', '--format', 'xml']);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain("argument 'xml' is invalid. expected text, json, md, html, junit, github, sarif, csv, pdf or a comma-separated list of them, got \"xml\"");
    const unknown = runCli(['diagnoze']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'diagnoze'");
    for (const run of [badFormat, unknown]) expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+\)/);
  });

  it('--debug shows the stack of an input error', () => {
    const debug = runCli(['diagnose', 'missing.yaml', '--debug']);
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/^filing-check: missing\.yaml: no such file[^\n]*\nInputError: missing\.yaml[\s\S]*\n {4}at /);
  });

  it('stdout redirected to a file gets exactly what a pipe gets (written straight to the file), with the same exit code', () => {
    const dir = tempDir();
    for (const args of [['diagnose', join(CASES, 'news-feed.yaml'), '--as-of', AS_OF], ['diagnose', join(CASES, 'news-feed.yaml'), join(CASES, 'ride-hailing.yaml'), '--format', 'json', '--as-of', AS_OF], ['--help']]) {
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

  it('--help and --version exit 0 and list the exit codes', () => {
    const help = runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('130  cancelled at a prompt');
    expect(runCli(['diagnose', '--help']).stdout).toContain('--fail-on <level>');
    expect(runCli(['--version'])).toEqual({ code: 0, stdout: `${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}\n`, stderr: '' });
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
    expect(refused).toEqual({ code: 2, stdout: '', stderr: `filing-check: ${out}: file exists; pass --force to replace it (it was left untouched)\n` });
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
    expect(explain.stdout).toContain('适用条件: regimes = algorithm-filing 且 affectsWorkers = true');
    expect(explain.stdout).toContain('《互联网信息服务算法推荐管理规定》第二十条 https://www.cac.gov.cn/2022-01/04/c_1642894606364259.htm');
    expect(runCli(['rules', 'explain', 'user-worker'])).toMatchObject({ code: 2, stderr: 'filing-check: rules explain: no material, regime, warning or type "user-worker" (did you mean user-workers?); see: filing-check rules list\n' });
  });

  it('rules validate: ok for the bundled packs, exit 2 with file:line:column for a bad overlay', () => {
    expect(runCli(['rules', 'validate']).stdout).toMatch(/^ok: 5 packs/);
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.yaml'), `pack: bad-overlay\nversion: "2026.12"\ntitle: { zh: 坏, en: bad }\nmaterials:\n  - id: x-note\n    level: algorithm\n    title: { zh: 说明, en: note }\n    severity: urgent\n`);
    const result = runCli(['rules', 'validate', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^filing-check: .*bad\.yaml:8:5: materials\[0\]\.severity: expected one of "blocking" \| "major" \| "minor", got "urgent" \(and \d+ more problems\)\n$/);
  });
});
