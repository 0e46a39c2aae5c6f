// SARIF 2.1.0 for code scanning: every log validates against the official OASIS schema (shipped in
// test/fixtures/sarif, no network), rules carry title, why and basis, and results sit on the line of
// the answers file where the gap belongs.
import { Validator } from '@cfworker/json-schema';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASSESS_FINDING_CODES } from '../../src/assess/messages.js';
import { ASSESS_CODES } from '../../src/assess/sarif.js';
import { ReportSchema } from '../../src/core/report-schema.js';
import { artifactUri } from '../../src/format/sarif.js';
import { LINT_BASIS, lintCodeBasis } from '../../src/lint/basis.js';
import { LINT_CODES } from '../../src/lint/lint.js';
import { loadRules } from '../../src/rules/load.js';
import { AS_OF, ROOT, runCli, tempDir } from '../helpers/formats.js';

const schema = JSON.parse(await readFile(join(ROOT, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'));
// The official schema is draft-04; short-circuit off so a failure lists every problem.
const validator = new Validator(schema, '4', false);

interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    automationDetails: { id: string };
    tool: { driver: { name: string; version: string; rules: { id: string; shortDescription: { text: string }; fullDescription?: { text: string }; help: { text: string; markdown: string }; helpUri?: string; defaultConfiguration: { level: string }; properties: Record<string, unknown> }[] } };
    results: {
      ruleId: string;
      ruleIndex?: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation?: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn?: number } }; logicalLocations: { name: string }[] }[];
    }[];
  }[];
}

/** Parses a SARIF log and fails the test, listing the schema's complaints, unless it is valid. */
function validSarif(text: string): SarifLog {
  const log = JSON.parse(text);
  const result = validator.validate(log);
  expect(result.errors.filter((e) => e.keyword !== '$ref' && e.keyword !== 'properties' && e.keyword !== 'items'), 'SARIF 2.1.0 schema').toEqual([]);
  expect(result.valid).toBe(true);
  return log;
}

/** 1-based line and column where `fragment` starts on the first line containing it (beginning with it, for `atStart`). */
function positionOf(text: string, fragment: string, atStart = false): { startLine: number; startColumn: number } {
  const lines = text.split('\n');
  const index = lines.findIndex((line) => (atStart ? line.startsWith(fragment) : line.includes(fragment)));
  expect(index, fragment).toBeGreaterThanOrEqual(0);
  return { startLine: index + 1, startColumn: lines[index]!.indexOf(fragment) + 1 };
}

const EXAMPLE = 'examples/filing.yaml';

describe('diagnose --format sarif', () => {
  it('validates, has a rule per required material and warning code, and a result per gap and warning', async () => {
    const run = await runCli(['diagnose', EXAMPLE, '--as-of', AS_OF, '-f', 'sarif']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const log = validSarif(run.stdout);
    expect(log.version).toBe('2.1.0');
    // Its own code-scanning category, so the SARIF files of several answers files upload together.
    expect(log.runs[0]!.automationDetails.id).toBe('filing-check/diagnose/examples/filing.yaml/');
    const report = ReportSchema.parse(JSON.parse((await runCli(['diagnose', EXAMPLE, '--as-of', AS_OF, '-f', 'json'])).stdout));
    const [sarif] = log.runs;
    const rules = sarif!.tool.driver.rules;
    const ruleIds = rules.map((r) => r.id);
    expect(new Set(ruleIds).size).toBe(ruleIds.length);
    for (const item of [...report.items, ...report.duties]) expect(ruleIds).toContain(item.id);
    for (const code of ['DECLARED_TYPE_MISMATCH', 'MULTIPLE_FUNCTIONS', 'OPT_OUT_NOT_OFFERED', 'DEADLINE_OVERDUE']) expect(ruleIds).toContain(code);

    const gaps = [...report.items, ...report.duties].filter((i) => i.gap);
    expect(sarif!.results).toHaveLength(gaps.length + report.warnings.length);
    expect(sarif!.results.filter((r) => r.level === 'error')).toHaveLength(gaps.filter((i) => i.severity === 'blocking').length + report.warnings.filter((w) => w.severity === 'blocking').length);
    for (const result of sarif!.results) {
      expect(rules[result.ruleIndex!]!.id).toBe(result.ruleId);
      expect(result.locations[0]!.physicalLocation!.artifactLocation.uri).toBe(EXAMPLE);
      expect(result.locations[0]!.physicalLocation!.region!.startLine).toBeGreaterThan(0);
    }
  });

  it('gives each material rule its title, why, legal basis with links, and a level from its severity', async () => {
    const log = validSarif((await runCli(['diagnose', EXAMPLE, '--as-of', AS_OF, '-f', 'sarif'])).stdout);
    const rule = log.runs[0]!.tool.driver.rules.find((r) => r.id === 'algorithm-self-assessment')!;
    expect(rule.shortDescription.text).toBe('算法安全自评估报告');
    expect(rule.fullDescription!.text).toMatch(/^.{20,}$/su);
    expect(rule.help.text).toContain(rule.fullDescription!.text);
    expect(rule.help.text).toContain('法律依据');
    expect(rule.help.text).toContain('《互联网信息服务算法推荐管理规定》第二十四条');
    expect(rule.help.markdown).toContain('[《互联网信息服务算法推荐管理规定》第二十四条');
    expect(rule.help.markdown).toContain('](https://www.cac.gov.cn/2022-01/04/c_1642894606364259.htm)');
    expect(rule.helpUri).toMatch(/^https:\/\//);
    expect(rule.defaultConfiguration.level).toBe('error');
    expect(rule.properties).toMatchObject({ severity: 'blocking', confidence: 'law' });

    const levels = Object.fromEntries(log.runs[0]!.tool.driver.rules.map((r) => [r.properties.severity, r.defaultConfiguration.level]));
    expect(levels).toEqual({ blocking: 'error', major: 'warning', minor: 'note', info: 'note' });
    const warning = log.runs[0]!.tool.driver.rules.find((r) => r.id === 'DECLARED_TYPE_MISMATCH')!;
    expect(warning.shortDescription.text).toBe('拟申报类型与算法事实不符');
    expect(warning.help.text).toContain('《互联网信息服务算法推荐管理规定》第二十四条');
  });

  it('puts each result on the line and column of the algorithm or material where the gap belongs', async () => {
    const text = await readFile(join(ROOT, EXAMPLE), 'utf8');
    const log = validSarif((await runCli(['diagnose', EXAMPLE, '--as-of', AS_OF, '-f', 'sarif'])).stdout);
    const results = log.runs[0]!.results;
    const regionOf = (ruleId: string, scope: string) => {
      const found = results.find((r) => r.ruleId === ruleId && r.locations[0]!.logicalLocations[0]!.name === scope);
      expect(found, `${ruleId} of ${scope}`).toBeDefined();
      return found!.locations[0]!.physicalLocation!.region;
    };
    // A material the file lists (a draft): its own entry under the algorithm.
    expect(regionOf('algorithm-self-assessment', 'feed')).toEqual(positionOf(text, 'algorithm-self-assessment: { status: draft'));
    // A material the file does not list (missing by default): the algorithm it belongs to.
    expect(regionOf('algorithm-disclosure', 'bestseller-list')).toEqual(positionOf(text, 'id: bestseller-list'));
    // Entity materials: the listed entry, or the materials: key for one not listed.
    expect(regionOf('system-mechanism-review', 'entity')).toEqual(positionOf(text, 'system-mechanism-review:'));
    expect(regionOf('system-user-registration', 'entity')).toEqual(positionOf(text, 'materials:', true));
    // A service's own material (its security assessment): its entry under the service.
    expect(regionOf('security-assessment-report', 'yunqi-app')).toEqual(positionOf(text, 'security-assessment-report: { status: draft'));
    // A warning about one algorithm: that algorithm.
    expect(regionOf('DECLARED_TYPE_MISMATCH', 'bestseller-list')).toEqual(positionOf(text, 'id: bestseller-list'));
  });

  it('works in English, from a JSON answers file, under a Chinese path, and from standard input', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, '客户 甲'));
    const json = JSON.stringify(JSON.parse(JSON.stringify((await import('yaml')).parse(await readFile(join(ROOT, EXAMPLE), 'utf8')))), null, 2);
    await writeFile(join(dir, '客户 甲', '备案.json'), json);
    await copyFile(join(ROOT, EXAMPLE), join(dir, 'filing.yaml'));

    const english = validSarif((await runCli(['diagnose', EXAMPLE, '--as-of', AS_OF, '-f', 'sarif', '--lang', 'en'])).stdout);
    const rule = english.runs[0]!.tool.driver.rules.find((r) => r.id === 'algorithm-self-assessment')!;
    expect(rule.shortDescription.text).toBe('Algorithm security self-assessment report');
    expect(rule.help.text).toContain('Legal basis: Provisions on the Administration of Algorithm Recommendation for Internet Information Services, Art 24');

    const fromJson = validSarif((await runCli(['diagnose', '客户 甲/备案.json', '--as-of', AS_OF, '-f', 'sarif'], { cwd: dir })).stdout);
    const located = fromJson.runs[0]!.results.find((r) => r.ruleId === 'algorithm-self-assessment')!.locations[0]!.physicalLocation!;
    expect(located.artifactLocation.uri).toBe('%E5%AE%A2%E6%88%B7%20%E7%94%B2/%E5%A4%87%E6%A1%88.json');
    expect(located.region).toEqual(positionOf(json, '"algorithm-self-assessment": {'));

    const piped = await runCli(['diagnose', '-', '--as-of', AS_OF, '-f', 'sarif'], { cwd: dir, stdin: await readFile(join(dir, 'filing.yaml'), 'utf8') });
    expect(piped.code).toBe(1);
    const fromStdin = validSarif(piped.stdout);
    expect(fromStdin.runs[0]!.automationDetails.id).toBe('filing-check/diagnose/');
    expect(fromStdin.runs[0]!.results.every((r) => r.locations[0]!.physicalLocation === undefined && r.locations[0]!.logicalLocations.length === 1)).toBe(true);
  });

  it('is written by --out-dir as report.sarif, and render gives the same log from a saved report', async () => {
    const dir = await tempDir();
    const run = await runCli(['diagnose', EXAMPLE, '--as-of', AS_OF, '-f', 'json,sarif', '--out-dir', join(dir, 'out')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const written = await readFile(join(dir, 'out', 'report.sarif'), 'utf8');
    validSarif(written);
    expect(written).toBe((await runCli(['diagnose', EXAMPLE, '--as-of', AS_OF, '-f', 'sarif'])).stdout);
    const rendered = await runCli(['render', join(dir, 'out', 'report.json'), '-f', 'sarif']);
    expect(rendered.code).toBe(1);
    expect(rendered.stdout).toBe(written);
  });
});

describe('lint --format sarif', () => {
  const D = 'test/fixtures/drafts';
  const drafts = [`${D}/disclosure-missing-section.md`, `${D}/disclosure-names-differ.md`, `${D}/self-assessment-flawed.md`];

  it('has a rule with title, why and basis for every finding code, and every finding on its line of the draft', async () => {
    const run = await runCli(['lint', ...drafts, '--answers', `${D}/filing.yaml`, '-f', 'sarif']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const log = validSarif(run.stdout);
    const rules = log.runs[0]!.tool.driver.rules;
    expect(log.runs[0]!.automationDetails.id).toBe('filing-check/lint/');
    expect(rules.map((r) => r.id)).toEqual([...LINT_CODES]);
    for (const rule of rules) {
      expect(rule.shortDescription.text, rule.id).not.toBe(rule.id);
      expect(rule.help.text, rule.id).toContain('法律依据');
      expect(rule.helpUri, rule.id).toMatch(/^https:\/\//);
    }
    expect(rules.find((r) => r.id === 'OPT_OUT_NOT_DESCRIBED')!.help.text).toContain('《互联网信息服务算法推荐管理规定》第十七条');
    expect(rules.find((r) => r.id === 'EXPLICIT_LABEL_NOT_DESCRIBED')!.help.text).toContain('《人工智能生成合成内容标识办法》第十二条');

    const json = JSON.parse((await runCli(['lint', ...drafts, '--answers', `${D}/filing.yaml`, '-f', 'json'])).stdout) as { files: { file: string; findings: { code: string; severity: string; line: number | null; message: string }[] }[] };
    const expected = json.files.flatMap((f) => f.findings.map((x) => ({ ruleId: x.code, level: { blocking: 'error', major: 'warning', minor: 'note' }[x.severity], uri: f.file, line: x.line ?? 1, message: x.message })));
    const results = log.runs[0]!.results.map((r) => ({
      ruleId: r.ruleId,
      level: r.level,
      uri: r.locations[0]!.physicalLocation!.artifactLocation.uri,
      line: r.locations[0]!.physicalLocation!.region!.startLine,
      message: r.message.text.split('\n')[0],
    }));
    expect(results).toEqual(expected);
    expect(results).toContainEqual(expect.objectContaining({ ruleId: 'MARKETING_LANGUAGE', uri: `${D}/self-assessment-flawed.md`, line: 41 }));
  });

  it('words rules in English with --lang en, and gives a clean draft a log without results', async () => {
    const run = await runCli(['lint', `${D}/disclosure-sound.md`, '-f', 'sarif', '--lang', 'en']);
    expect(run.code).toBe(0);
    const log = validSarif(run.stdout);
    expect(log.runs[0]!.results).toEqual([]);
    const rule = log.runs[0]!.tool.driver.rules.find((r) => r.id === 'WORKER_PROTECTION_NOT_DESCRIBED')!;
    expect(rule.shortDescription.text).toBe('Worker protections not described');
    expect(rule.help.text).toContain('Provisions on the Administration of Algorithm Recommendation for Internet Information Services, Art 20');
  });

  it('cites only instruments the bundled packs declare, for every code in both languages', async () => {
    const rules = await loadRules([], ROOT);
    for (const lang of ['zh', 'en'] as const) {
      for (const code of LINT_CODES) expect(lintCodeBasis(code, rules, lang), code).not.toBeNull();
    }
    expect(Object.keys(LINT_BASIS.codes).sort()).toEqual([...LINT_CODES].sort());
  });
});

describe('assess --format sarif', () => {
  const SHORTFALLS = 'examples/genai-assessment/shortfalls';

  it('has a rule with title and why for every finding code, and every finding at its file and, for CSV, its row', async () => {
    const run = await runCli(['assess', SHORTFALLS, '-f', 'sarif']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const log = validSarif(run.stdout);
    expect(log.runs[0]!.automationDetails.id).toBe('filing-check/assess/');
    const rules = log.runs[0]!.tool.driver.rules;
    expect(rules.map((r) => r.id)).toEqual(ASSESS_FINDING_CODES);
    expect(Object.keys(ASSESS_CODES).sort()).toEqual([...ASSESS_FINDING_CODES].sort());
    for (const rule of rules) expect(rule.fullDescription?.text, rule.id).toMatch(/^.{10,}$/su);
    // The clauses the report's findings rest on: keyword library, generated-content and refusal banks.
    expect(rules.find((r) => r.id === 'RISK_SHORT')!.help.text).toContain('《GB/T 45654-2025》关键词库要求（源自 TC260-003 8.1）');

    const json = JSON.parse((await runCli(['assess', SHORTFALLS, '-f', 'json'])).stdout) as { findings: { code: string; severity: string; message: string }[] };
    const results = log.runs[0]!.results;
    expect(results.map((r) => [r.ruleId, r.level, r.message.text.split('\n')[0]])).toEqual(
      json.findings.map((f) => [f.code, { blocking: 'error', major: 'warning', minor: 'note' }[f.severity], f.message]),
    );
    const located = (code: string) => results.find((r) => r.ruleId === code)!.locations[0]!.physicalLocation!;
    // A row of a CSV file is its line; a spreadsheet's row is no line of the file, so only the file is named.
    expect(located('SOURCE_OVER_LIMIT')).toEqual({ artifactLocation: { uri: artifactUri(`${SHORTFALLS}/语料抽检.csv`) }, region: { startLine: 4 } });
    expect(located('PASS_RATE_LOW')).toEqual({ artifactLocation: { uri: artifactUri(`${SHORTFALLS}/评估结果.xlsx`) } });
    expect(located('TOTAL_SHORT')).toEqual({ artifactLocation: { uri: artifactUri(`${SHORTFALLS}/关键词库.csv`) }, region: { startLine: 1 } });
  });

  it('gives a complete set a log without results, in English with --lang en', async () => {
    const run = await runCli(['assess', 'examples/genai-assessment/complete', '-f', 'sarif', '--lang', 'en']);
    expect(run.code).toBe(0);
    const log = validSarif(run.stdout);
    expect(log.runs[0]!.results).toEqual([]);
    expect(log.runs[0]!.tool.driver.rules.find((r) => r.id === 'REFUSAL_RATE_HIGH')!.shortDescription.text).toBe('Over-refusal too high');
  });
});
