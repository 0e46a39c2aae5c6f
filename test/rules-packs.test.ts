// Tests of the rule packs themselves: the data, not the code that reads it. They load the bundled
// packs the way the CLI does, run the built CLI (npm run build first) for the JSON views, and
// diagnose a set of realistic answers files to prove every material can actually be required.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AnswersSchema } from '../src/answers/schema.js';
import { diagnose } from '../src/core/report.js';
import { loadRules, parseRulePack } from '../src/rules/load.js';
import { mergePacks, type Rules } from '../src/rules/model.js';
import { packageRoot } from '../src/paths.js';

const root = packageRoot();

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['bin/filing-check.js', ...args], { cwd: root, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

interface ListEntry {
  id: string;
  kind: string;
  level: string | null;
  title: { zh: string; en: string };
  confidence: string | null;
  basis: { instrument: string; article: string; url: string; kind: string }[];
  verified: string | null;
  pack: string;
}

/** Material ids the public contract (spec section 2) promises; never renamed or removed. */
const CONTRACT_MATERIALS = [
  'entity-commitment-letter', 'entity-responsibility-report', 'entity-business-licence', 'entity-legal-representative',
  'entity-security-officer', 'entity-icp', 'system-mechanism-review', 'system-ethics-review', 'system-user-registration',
  'system-content-review', 'system-data-security', 'system-personal-information', 'system-anti-fraud',
  'system-security-monitoring', 'system-self-assessment', 'system-incident-response', 'system-violation-handling',
  'system-complaints', 'system-rumor-refuting',
  'algorithm-self-assessment', 'algorithm-disclosure', 'algorithm-attributes', 'algorithm-product-info',
  'algorithm-tech-service', 'user-opt-out', 'user-tag-management', 'user-minors', 'user-elderly', 'user-workers',
  'user-fair-pricing', 'labeling-explicit', 'labeling-implicit', 'ds-biometric-consent', 'ds-biometric-assessment',
  'genai-filing-form', 'genai-security-assessment', 'genai-annotation-rules', 'genai-keyword-list', 'genai-test-bank',
  'genai-corpus-sources', 'genai-upstream-proof', 'security-assessment-report',
];

/** Hosts of official publishers: the CAC and other government sites, 12377.cn, the standards bodies. */
function isOfficialUrl(url: string): boolean {
  if (!/^https?:\/\//.test(url)) return false;
  const host = new URL(url).hostname;
  return /(^|\.)gov\.cn$/.test(host) || host === 'www.12377.cn' || host === 'www.tc260.org.cn';
}

let rules: Rules;
let list: ListEntry[];
let materials: ListEntry[];

beforeAll(async () => {
  rules = await loadRules([], root);
  const run = cli('rules', 'list', '--format', 'json');
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  list = JSON.parse(run.stdout) as ListEntry[];
  materials = list.filter((e) => e.kind === 'material');
});

describe('every material in rules list --format json', () => {
  it('lists the same materials the packs define', () => {
    expect(materials.map((m) => m.id).sort()).toEqual(rules.materials.map((m) => m.id).sort());
    expect(materials.length).toBeGreaterThanOrEqual(CONTRACT_MATERIALS.length);
  });

  it('has a zh and an en title', () => {
    for (const m of materials) {
      expect(m.title.zh, m.id).toMatch(/\p{Script=Han}/u);
      expect(m.title.en, m.id).toMatch(/[A-Za-z]/);
      expect(m.title.en, `${m.id}: the en title is not the zh one`).not.toMatch(/\p{Script=Han}/u);
    }
  });

  it('has at least one basis with an article and an official http(s) URL', () => {
    for (const m of materials) {
      expect(m.basis.length, m.id).toBeGreaterThan(0);
      for (const b of m.basis) {
        expect(b.article.trim(), `${m.id}: article`).not.toBe('');
        expect(isOfficialUrl(b.url), `${m.id}: ${b.url} is not an official URL`).toBe(true);
      }
    }
  });

  it('has a verified date that is a real date', () => {
    for (const m of materials) {
      expect(m.verified, m.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(m.verified!)), m.id).toBe(false);
    }
  });

  it('names the pack it comes from', () => {
    for (const m of materials) expect(m.pack, m.id).toMatch(/^cn-[a-z-]+@\d{4}\.\d{2}$/);
  });
});

describe('ids', () => {
  it('every contract material id exists', () => {
    const ids = new Set(materials.map((m) => m.id));
    expect(CONTRACT_MATERIALS.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('material ids are unique across all packs', () => {
    const ids = materials.map((m) => m.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('a second definition of an existing id is refused with its position', () => {
    const sources = packSources();
    const clash = parseRulePack(packText('clash', `materials:\n${materialText('entity-icp')}`), 'overlay/clash.yaml');
    expect(() => mergePacks([...sources, clash])).toThrow(/^overlay\/clash\.yaml:\d+:\d+: materials\[0\]\.id: a new material id/);
  });
});

/** The bundled pack files, parsed as the loader does. */
function packSources() {
  return ['cn-algorithm-filing', 'cn-deep-synthesis', 'cn-genai', 'cn-security-assessment'].map((name) => {
    const file = `rules/${name}.yaml`;
    return parseRulePack(readFileSync(join(root, file), 'utf8'), file);
  });
}

function packText(name: string, body: string): string {
  return `pack: ${name}\nversion: "2026.11"\ntitle: { zh: 测试, en: test }\n${body}`;
}

function materialText(id: string, when = '{ regimes: algorithm-filing }'): string {
  return [
    `  - id: ${id}`,
    '    level: algorithm',
    '    title: { zh: 测试材料, en: Test material }',
    '    severity: major',
    '    confidence: practice',
    `    when: ${when}`,
    '    basis:',
    '      - { instrument: algorithm-provisions, article: 第七条 }',
    '    verified: 2026-11-29',
    '',
  ].join('\n');
}

describe('conditions', () => {
  it('an unknown fact in a pack text is an error with file:line:column', () => {
    const text = packText('bad-fact', `materials:\n${materialText('bad-fact', '{ regimes: algorithm-filing, colour: red }')}`);
    expect(() => parseRulePack(text, 'overlay/bad.yaml')).toThrow(/^overlay\/bad\.yaml:10:\d+: materials\[0\]\.when\.colour: expected a known fact/);
  });

  it('an impossible value of a known fact is an error with file:line:column', () => {
    const text = packText('bad-value', `materials:\n${materialText('bad-value', '{ role: boss }')}`);
    expect(() => parseRulePack(text, 'overlay/bad.yaml')).toThrow(/^overlay\/bad\.yaml:10:\d+: materials\[0\]\.when\.role: expected a value of role/);
  });

  it('a bad fact nested in any / all / not is an error too', () => {
    const text = packText('bad-nested', `materials:\n${materialText('bad-nested', '{ all: [{ filed: true }, { not: { serviceStatus: closed } }] }')}`);
    expect(() => parseRulePack(text, 'overlay/bad.yaml')).toThrow(/^overlay\/bad\.yaml:\d+:\d+: materials\[0\]\.when/);
  });

  it('every bundled condition parses (the packs validate)', () => {
    const run = cli('rules', 'validate');
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^ok: 4 packs/);
  });
});
