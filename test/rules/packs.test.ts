// Tests of the rule packs themselves: the data, not the code that reads it. They load the bundled
// packs the way the CLI does, run the built CLI (npm run build first) for the JSON views, and
// diagnose a set of realistic answers files to prove every material can actually be required.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AnswersSchema } from '../../src/answers/schema.js';
import { diagnose } from '../../src/core/report.js';
import { errorText, type InputError } from '../../src/errors.js';
import { loadRules } from '../../src/rules/load.js';
import { parseRulePack } from '../../src/rules/parse-packs.js';
import { mergePacks, type Rules } from '../../src/rules/model.js';
import { packageRoot } from '../../src/paths.js';
import { GUIDANCE_FIELDS } from '../../src/rules/precompile.js';
import { REPORT_FORMATS, renderReport } from '../../src/format/index.js';

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
    expect(() => mergePacks([...sources, clash])).toThrow(/^overlay\/clash\.yaml:\d+:\d+: materials\[0\]\.id: expected a new material id/);
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

  it('words a pack\'s problem in the run\'s language', () => {
    const text = packText('bad-value', `materials:\n${materialText('bad-value', '{ role: boss }')}`);
    const error = (() => {
      try {
        parseRulePack(text, 'overlay/bad.yaml');
      } catch (caught) {
        return caught as InputError;
      }
      throw new Error('the pack was accepted');
    })();
    expect(errorText(error, 'zh')).toMatch(/^overlay\/bad\.yaml:10:\d+: materials\[0\]\.when\.role: 应为事实 role 的取值之一："provider" \| "technical-supporter"（实际为 "boss"）$/);
    expect(errorText(error, 'en')).toMatch(/^overlay\/bad\.yaml:10:\d+: materials\[0\]\.when\.role: expected a value of role: "provider" \| "technical-supporter" \(got "boss"\)$/);
  });

  it('a bad fact nested in any / all / not is an error too', () => {
    const text = packText('bad-nested', `materials:\n${materialText('bad-nested', '{ all: [{ filed: true }, { not: { serviceStatus: closed } }] }')}`);
    expect(() => parseRulePack(text, 'overlay/bad.yaml')).toThrow(/^overlay\/bad\.yaml:\d+:\d+: materials\[0\]\.when/);
  });

  it('every bundled condition parses (the packs validate)', () => {
    const run = cli('rules', 'validate');
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^ok: 5 packs/);
  });
});

/**
 * Realistic filing subjects: Chinese companies in several industries. Each is an answers file as a
 * client would write it; together they must require every material of the bundled packs.
 */
const CASES: Record<string, unknown> = {
  'news feed with hot list, search and moderation; the feed is already filed': {
    schemaVersion: 1,
    entity: { name: '北京示例资讯科技有限公司', regionCode: '110108', icp: 'licensed', securityOfficer: true },
    services: [
      { id: 'news-app', name: '示例新闻', forms: ['app', 'website'], publicFeatures: ['comments', 'short-video'], status: 'live', launchDate: '2023-05-01', monthlyActiveUsers: 5200000, minors: true, elderly: true },
    ],
    algorithms: [
      { id: 'feed', name: '示例新闻个性化推荐算法', services: ['news-app'], does: ['personalize'], filingNumber: '网信算备110108123456702230015号', userControls: { optOut: true, tagManagement: true } },
      { id: 'hot-list', name: '示例新闻热榜算法', services: ['news-app'], does: ['rank'] },
      { id: 'search', name: '示例新闻搜索算法', services: ['news-app'], does: ['search'] },
      { id: 'moderation', name: '示例新闻评论审核算法', services: ['news-app'], does: ['filter'] },
    ],
  },
  'ride-hailing dispatch that sets fares and dispatches drivers': {
    schemaVersion: 1,
    entity: { name: '杭州示例出行科技有限公司', regionCode: '330110', icp: 'licensed', securityOfficer: true },
    services: [
      { id: 'rider-app', name: '示例出行', forms: ['app', 'mini-program'], publicFeatures: ['comments'], status: 'live' },
      { id: 'driver-app', name: '示例出行司机端', forms: ['app'], publicFeatures: ['group-chat'], status: 'live' },
    ],
    algorithms: [
      { id: 'dispatch', name: '示例出行派单算法', services: ['rider-app', 'driver-app'], does: ['decide'], decision: { affectsWorkers: true, pricing: false } },
      { id: 'fares', name: '示例出行动态计价算法', services: ['rider-app'], does: ['decide'], decision: { affectsWorkers: false, pricing: true } },
    ],
  },
  'LLM chat app on its own model': {
    schemaVersion: 1,
    entity: { name: '上海示例智能科技有限公司', regionCode: '310115', icp: 'filed', securityOfficer: true },
    services: [{ id: 'chat-app', name: '示例智能助手', forms: ['app', 'website', 'api'], status: 'planned', launchDate: '2027-01-15' }],
    algorithms: [
      { id: 'chat', name: '示例大模型对话生成算法', services: ['chat-app'], does: ['generate'], generation: { modalities: ['text', 'image'], foundationModel: 'self-developed' } },
    ],
  },
  'writing mini-program that calls a filed model through an API': {
    schemaVersion: 1,
    entity: { name: '深圳示例文化传媒有限公司', regionCode: '440305', icp: 'filed', securityOfficer: true },
    services: [{ id: 'writer', name: '示例写作助手', forms: ['mini-program'], status: 'live', minors: false }],
    algorithms: [
      {
        id: 'writer-gen', name: '示例写作助手文本生成算法', services: ['writer'], does: ['generate'],
        generation: { modalities: ['text'], foundationModel: 'third-party-api', upstream: { name: '文心一言', filingNumber: 'Beijing-WenXinYiYan-20230821' } },
      },
    ],
  },
  'face-swap and voice effects offered to other apps as a technical supporter': {
    schemaVersion: 1,
    entity: { name: '广州示例视觉技术有限公司', regionCode: '440106', icp: 'filed', securityOfficer: true },
    services: [],
    algorithms: [
      { id: 'face-swap', name: '示例人脸融合特效生成算法', role: 'technical-supporter', does: ['generate'], generation: { modalities: ['image', 'video', 'audio'], biometricEditing: ['face', 'voice'] } },
    ],
  },
  'face-fusion API filed as a technical supporter, offered on an open platform': {
    schemaVersion: 1,
    entity: { name: '深圳示例影像科技有限公司', regionCode: '440305', icp: 'filed', securityOfficer: true },
    services: [{ id: 'open-platform', name: '示例影像开放平台', forms: ['api', 'sdk'], audience: 'business', status: 'live', launchDate: '2024-04-08' }],
    algorithms: [
      {
        id: 'face-fusion', name: '示例人脸融合合成算法', services: ['open-platform'], role: 'technical-supporter', does: ['generate'], filingNumber: '网信算备440305246813501240015号',
        generation: { modalities: ['image'], biometricEditing: ['face'], foundationModel: 'self-developed' },
      },
    ],
  },
  'AI companion app whose users keep up relationships with virtual characters': {
    schemaVersion: 1,
    entity: { name: '杭州示例心语智能科技有限公司', regionCode: '330106', icp: 'licensed', securityOfficer: true },
    services: [{ id: 'companion', name: '示例AI伴侣', forms: ['app'], publicFeatures: ['info-sharing'], status: 'live', launchDate: '2025-09-01', registeredUsers: 2300000, minors: true }],
    algorithms: [
      {
        id: 'companion-chat', name: '示例虚拟伴侣对话生成算法', services: ['companion'], does: ['generate'],
        generation: { modalities: ['text', 'audio'], foundationModel: 'fine-tuned', upstream: { name: '通义千问', filingNumber: 'ZheJiang-TongYiQianWen-20230901' }, anthropomorphic: true },
      },
    ],
  },
  'social app that has shut down; its recommender was filed': {
    schemaVersion: 1,
    entity: { name: '成都示例社交网络有限公司', regionCode: '510107', icp: 'filed', securityOfficer: true },
    services: [{ id: 'old-app', name: '示例交友', forms: ['app'], publicFeatures: ['microblog'], status: 'terminated', launchDate: '2022-06-01' }],
    algorithms: [
      { id: 'matching', name: '示例交友推荐算法', services: ['old-app'], does: ['personalize'], filingNumber: '网信算备510107765432102220013号' },
    ],
  },
};

function requiredIn(name: string): Set<string> {
  const answers = AnswersSchema.parse(CASES[name]);
  const report = diagnose({ answers, rules, lang: 'zh', source: `${name}.yaml`, asOf: '2026-11-29', toolVersion: 'test' });
  return new Set([...report.items, ...report.duties].map((i) => i.id));
}

describe('the rules a diagnosis reads (without guidance)', () => {
  it('give the same report, in every view and language, as the full rules, for cases that need every material', async () => {
    const lean = await loadRules([], root, { guidance: false });
    // The test means something only if the lean rules really lack the guidance.
    expect(lean.materials.filter((m) => GUIDANCE_FIELDS.some((field) => field in m))).toEqual([]);
    expect(rules.materials.filter((m) => m.summary && m.prepare).length).toBe(rules.materials.length);
    const color = { flag: false, env: {}, isTTY: false };
    for (const [name, value] of Object.entries(CASES)) {
      const answers = AnswersSchema.parse(value);
      for (const lang of ['zh', 'en'] as const) {
        const report = (withRules: Rules) => diagnose({ answers, rules: withRules, lang, source: `${name}.yaml`, asOf: '2026-11-29', toolVersion: 'test' });
        // SARIF is left out: it shows each material's summary, so diagnose loads the full rules for it.
        for (const format of REPORT_FORMATS.filter((f) => f !== 'pdf' && f !== 'sarif')) {
          const full = await renderReport(report(rules), format, { failOn: 'blocking', color });
          expect([name, lang, format, (await renderReport(report(lean), format, { failOn: 'blocking', color })).content]).toEqual([name, lang, format, full.content]);
        }
      }
    }
  });
});

describe('every material is reachable by a realistic case', () => {
  it('the cases together require every material', () => {
    const union = new Set(Object.keys(CASES).flatMap((name) => [...requiredIn(name)]));
    expect(rules.materials.map((m) => m.id).filter((id) => !union.has(id))).toEqual([]);
  });

  it('a terminated filed service owes only its cancellation', () => {
    expect([...requiredIn('social app that has shut down; its recommender was filed')]).toEqual(['filing-cancellation']);
  });

  it('a filed live algorithm owes the display and change duties; unfiled ones do not', () => {
    const answers = AnswersSchema.parse(CASES['news feed with hot list, search and moderation; the feed is already filed']);
    const report = diagnose({ answers, rules, lang: 'zh', source: 'news.yaml', asOf: '2026-11-29', toolVersion: 'test' });
    const of = (id: string) => [...report.items, ...report.duties].filter((i) => i.id === id).map((i) => i.algorithm);
    expect(of('filing-number-display')).toEqual(['feed']);
    expect(of('filing-change')).toEqual(['feed']);
    expect(of('filing-cancellation')).toEqual([]);
    expect(of('user-opt-out')).toEqual(['feed']);
    // The feed's initial filing is made: its materials are no longer owed, only the others'.
    expect(of('algorithm-self-assessment')).toEqual(['hot-list', 'search', 'moderation']);
    expect(report.duties.map((d) => d.id)).toContain('filing-number-display');
    expect(report.items.map((i) => i.id)).not.toContain('filing-number-display');
    expect(of('ds-filing-number-display')).toEqual([]);
  });

  it('a filed deep-synthesis supporter owes the display under Deep Synthesis Art 19 para 3, once', () => {
    const required = requiredIn('face-fusion API filed as a technical supporter, offered on an open platform');
    expect(required).toContain('ds-filing-number-display');
    expect(required).not.toContain('filing-number-display');
  });

  it('an API-based app registers with upstream proof and skips the model filing package', () => {
    const required = requiredIn('writing mini-program that calls a filed model through an API');
    expect(required).toContain('genai-upstream-proof');
    expect(required).toContain('labeling-explicit');
    for (const id of ['genai-filing-form', 'genai-keyword-list', 'genai-test-bank', 'genai-security-assessment']) expect(required).not.toContain(id);
  });

  it('an own-model chat app owes the full generative-AI filing package', () => {
    const required = requiredIn('LLM chat app on its own model');
    for (const id of ['genai-filing-form', 'genai-security-assessment', 'genai-keyword-list', 'genai-test-bank', 'genai-corpus-sources', 'genai-annotation-rules', 'system-rumor-refuting']) {
      expect(required).toContain(id);
    }
    expect(required).not.toContain('genai-upstream-proof');
  });

  it('a technical supporter describes its service mode, not products, and owes the biometric duties', () => {
    const required = requiredIn('face-swap and voice effects offered to other apps as a technical supporter');
    for (const id of ['algorithm-tech-service', 'ds-biometric-consent', 'ds-biometric-assessment', 'labeling-implicit']) expect(required).toContain(id);
    for (const id of ['algorithm-product-info', 'labeling-explicit', 'system-rumor-refuting', 'user-algorithm-transparency']) expect(required).not.toContain(id);
  });

  it('dispatch that affects workers and sets prices owes the worker and pricing protections', () => {
    const required = requiredIn('ride-hailing dispatch that sets fares and dispatches drivers');
    expect(required).toContain('user-workers');
    expect(required).toContain('user-fair-pricing');
    expect(required).not.toContain('user-opt-out');
  });
});

describe('every material is fully described, in zh and en', () => {
  const DESCRIPTIVE = ['summary', 'acceptance', 'prepare', 'owner', 'effort'] as const;
  const LISTS = ['acceptance', 'prepare', 'returnReasons', 'checks'] as const;

  it('has summary, acceptance, prepare, owner and effort', () => {
    const missing = rules.materials.flatMap((m) => DESCRIPTIVE.filter((key) => !m[key]).map((key) => `${m.id}.${key}`));
    expect(missing).toEqual([]);
  });

  it('says the same number of things in zh and en', () => {
    const uneven = rules.materials.flatMap((m) =>
      LISTS.filter((key) => m[key] && m[key].zh.length !== m[key].en.length).map((key) => `${m.id}.${key}: ${m[key]!.zh.length} zh, ${m[key]!.en.length} en`),
    );
    expect(uneven).toEqual([]);
  });

  it('writes zh in Chinese and en without Chinese prose', () => {
    for (const m of rules.materials) {
      expect(m.summary!.zh, m.id).toMatch(/\p{Script=Han}/u);
      // English may quote Chinese terms (网信算备, 人工智能生成) but is mostly Latin script.
      const en = m.summary!.en;
      const han = [...en].filter((c) => /\p{Script=Han}/u.test(c)).length;
      expect(han / en.length, `${m.id}: en summary`).toBeLessThan(0.1);
    }
  });

  it('marks every effort as an estimate, since no source gives one', () => {
    for (const m of rules.materials) {
      expect(m.effort!.zh, m.id).toMatch(/^估计：/);
      expect(m.effort!.en, m.id).toMatch(/^Estimate: /);
    }
  });

  it('gives the official template of the materials the filing system supplies one for', () => {
    for (const id of ['entity-commitment-letter', 'entity-responsibility-report', 'algorithm-self-assessment', 'algorithm-disclosure', 'genai-filing-form']) {
      const m = rules.materials.find((x) => x.id === id)!;
      expect(m.template?.title.zh, id).toMatch(/模板|表/);
    }
  });

  it('the self-assessment report lists the template sections (§5.1)', () => {
    const m = rules.materials.find((x) => x.id === 'algorithm-self-assessment')!;
    const text = m.acceptance!.zh.join('\n');
    for (const section of ['算法流程', '算法数据', '算法模型', '干预策略', '结果标识', '服务情况', '风险研判', '风险防控情况', '安全评估结论', '真实性声明']) {
      expect(text, section).toContain(section);
    }
  });

  it('the 2018 assessment names its eight focus points and its deadlines', () => {
    const m = rules.materials.find((x) => x.id === 'security-assessment-report')!;
    expect(m.checks!.zh.filter((c) => /^（[一二三四五六七八]）/.test(c))).toHaveLength(8);
    expect(m.summary!.zh).toContain('30 个工作日内');
    expect(m.summary!.zh).toContain('全国互联网安全管理服务平台');
  });

  it('the implicit label names every AIGC metadata field of GB 45438-2025 Annex E', () => {
    const m = rules.materials.find((x) => x.id === 'labeling-implicit')!;
    const text = m.checks!.en.join('\n');
    for (const field of ['Label', 'ContentProducer', 'ProduceID', 'ReservedCode1', 'ContentPropagator', 'PropagateID', 'ReservedCode2']) expect(text).toContain(field);
  });
});

describe('practice items say so', () => {
  /** Materials whose form or content comes from the filing system, agents or TC260, not a regulation. */
  const PRACTICE = [
    'entity-filing-form', 'entity-commitment-letter', 'entity-responsibility-report', 'entity-business-licence',
    'entity-legal-representative', 'entity-security-officer', 'entity-icp', 'system-violation-handling',
    'algorithm-attributes', 'algorithm-product-info', 'algorithm-tech-service', 'genai-filing-form',
    'genai-security-assessment', 'genai-keyword-list', 'genai-test-bank', 'genai-upstream-proof',
    'genai-registration-form', 'genai-model-display', 'genai-test-access',
  ];

  it('materials from templates, agents and TC260 are confidence practice', () => {
    expect(PRACTICE.filter((id) => rules.materials.find((m) => m.id === id)?.confidence !== 'practice')).toEqual([]);
  });

  it('a material whose every basis is a notice or standard is practice', () => {
    const wrong = rules.materials.filter((m) => m.basis.every((b) => b.kind !== 'law') && m.confidence !== 'practice').map((m) => m.id);
    expect(wrong).toEqual([]);
  });

  it('every check that states a TC260 or GB 45438 figure says it is medium confidence', () => {
    const unmarked = rules.materials.flatMap((m) => [
      ...(m.checks?.zh ?? []).filter((c) => /TC260|GB 45438/.test(c) && !c.includes('中等可信度')).map((c) => `${m.id}: ${c}`),
      ...(m.checks?.en ?? []).filter((c) => /TC260|GB 45438/.test(c) && !c.includes('medium confidence')).map((c) => `${m.id}: ${c}`),
    ]);
    expect(unmarked).toEqual([]);
  });

  it('reports show practice items as practice', () => {
    const answers = AnswersSchema.parse(CASES['writing mini-program that calls a filed model through an API']);
    const report = diagnose({ answers, rules, lang: 'zh', source: 'writer.yaml', asOf: '2026-11-29', toolVersion: 'test' });
    expect(report.items.find((i) => i.id === 'genai-upstream-proof')?.confidence).toBe('practice');
    expect(report.items.find((i) => i.id === 'labeling-explicit')?.confidence).toBe('law');
  });
});

describe('every duty the domain reference marks as law is represented', () => {
  /** Instrument key → articles that create a filing-relevant duty (domain reference §1.1, §2, §6). */
  const LAW: Record<string, string[]> = {
    'algorithm-provisions': ['第七条', '第八条', '第九条', '第十条', '第十六条', '第十七条', '第十八条', '第十九条', '第二十条', '第二十一条', '第二十二条', '第二十四条', '第二十六条', '第二十七条', '第二十八条'],
    'deep-synthesis-provisions': ['第七条', '第八条', '第九条', '第十条', '第十一条', '第十二条', '第十四条', '第十五条', '第十六条', '第十七条', '第十八条', '第十九条', '第二十条'],
    'genai-measures': ['第七条', '第八条', '第九条', '第十条', '第十一条', '第十二条', '第十四条', '第十五条', '第十七条', '第十九条'],
    'security-assessment-rules': ['第三条', '第四条', '第五条', '第六条', '第七条'],
    'labeling-measures': ['第四条', '第五条', '第六条', '第八条', '第九条', '第十二条'],
  };

  it('each such article is the basis of some material', () => {
    const cited = (instrument: string, article: string) =>
      rules.materials.some((m) => m.basis.some((b) => b.instrument === instrument && b.article.split(/[、；]/).some((a) => a === article || (a.startsWith(article) && a[article.length] === '第'))));
    const missing = Object.entries(LAW).flatMap(([instrument, articles]) => articles.filter((a) => !cited(instrument, a)).map((a) => `${instrument} ${a}`));
    expect(missing).toEqual([]);
  });
});

describe('rules explain', () => {
  it('shows every field of a rich material (zh)', () => {
    const run = cli('rules', 'explain', 'algorithm-self-assessment');
    expect(run.status).toBe(0);
    for (const label of ['类别', '层面', '严重程度', '依据性质', '适用条件', '法律依据', '核实日期', '规则包', '说明', '审核要点', '准备步骤', '常见退回原因', '自查项', '通常负责', '工作量', '官方模板']) {
      expect(run.stdout, label).toMatch(new RegExp(`^${label}:`, 'm'));
    }
    expect(run.stdout).toContain('https://beian.cac.gov.cn');
  });

  it('shows every field of a rich material (en)', () => {
    const run = cli('rules', 'explain', 'entity-responsibility-report', '--lang', 'en');
    expect(run.status).toBe(0);
    for (const label of ['What it is', 'What the reviewer checks', 'How to prepare it', 'Common reasons for return', 'Checks', 'Usually owned by', 'Typical effort', 'Official template', 'Legal basis', 'Verified']) {
      expect(run.stdout, label).toMatch(new RegExp(`^${label}:`, 'm'));
    }
  });

  it('gives every descriptive field in JSON', () => {
    const run = cli('rules', 'explain', 'labeling-explicit', '--format', 'json');
    const m = JSON.parse(run.stdout) as Record<string, unknown>;
    for (const key of ['summary', 'acceptance', 'prepare', 'owner', 'effort', 'returnReasons', 'checks', 'basis', 'verified', 'confidence', 'when']) expect(m, key).toHaveProperty(key);
  });
});

describe('overlays', () => {
  const overlay = 'examples/overlays/zhejiang-practice';

  it('the example overlay adds a material and overrides a bundled one', async () => {
    const merged = await loadRules([join(root, overlay)], root);
    const added = merged.materials.find((m) => m.id === 'zj-pre-submission-consultation');
    expect(added?.pack).toBe('zhejiang-practice@2026.11');
    expect(added?.confidence).toBe('practice');
    expect(added?.summary?.zh).toContain('示例');
    const base = rules.materials.find((m) => m.id === 'system-ethics-review')!;
    const changed = merged.materials.find((m) => m.id === 'system-ethics-review')!;
    expect(base.severity).toBe('major');
    expect(changed.severity).toBe('blocking');
    expect(changed.pack).toBe('cn-algorithm-filing@2026.11+zhejiang-practice@2026.11');
    expect(changed.summary?.zh).toContain('非真实规定');
    // What the override does not name stays as the bundled pack has it.
    expect(changed.when).toEqual(base.when);
    expect(changed.basis).toEqual(base.basis);
    expect(merged.packs.map((p) => p.name)).toContain('zhejiang-practice');
  });

  it('rules validate accepts the overlay', () => {
    const run = cli('rules', 'validate', overlay);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^ok: 6 packs .*zhejiang-practice@2026\.11/);
  });

  it('diagnose --rules uses the overlay and names it in the report', () => {
    const run = cli('diagnose', 'examples/filing.yaml', '--as-of', '2026-11-29', '--rules', overlay, '--format', 'json', '--fail-on', 'none');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { rules: { packs: { name: string }[] }; items: { id: string; severity: string }[] };
    expect(report.rules.packs.map((p) => p.name)).toContain('zhejiang-practice');
    expect(report.items.find((i) => i.id === 'system-ethics-review')?.severity).toBe('blocking');
    expect(report.items.some((i) => i.id === 'zj-pre-submission-consultation')).toBe(true);
  });

  it('overriding an unknown id is an error with its position', () => {
    const text = packText('typo', 'overrides:\n  - id: entity-icpp\n    severity: blocking\n');
    const source = parseRulePack(text, 'overlay/typo.yaml');
    expect(() => mergePacks([...packSources(), source])).toThrow(/^overlay\/typo\.yaml:5:\d+: overrides\[0\]\.id: expected the id of a material defined by an earlier pack \(got "entity-icpp"\)/);
  });

  it('an override cannot change a material\'s level', () => {
    const text = packText('relevel', 'overrides:\n  - id: entity-icp\n    level: algorithm\n');
    expect(() => parseRulePack(text, 'overlay/relevel.yaml')).toThrow(/overlay\/relevel\.yaml:\d+:\d+: .*unknown field "level"/);
  });

  it('the CLI refuses an overlay with an unknown id (exit 2)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'filing-check-overlay-'));
    try {
      writeFileSync(join(dir, 'typo.yaml'), packText('typo', 'overrides:\n  - id: entity-icpp\n    severity: blocking\n'));
      const run = cli('rules', 'validate', dir);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/typo\.yaml:5:\d+: overrides\[0\]\.id/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('docs/materials.zh.md is generated from the packs', () => {
  const generate = (...args: string[]) => spawnSync(process.execPath, ['scripts/gen-rules-doc.mjs', ...args], { cwd: root, encoding: 'utf8' });

  it('the committed catalogue is what the script produces now', () => {
    const run = generate('--stdout');
    expect(run.status).toBe(0);
    expect(readFileSync(join(root, 'docs/materials.zh.md'), 'utf8')).toBe(run.stdout);
    expect(generate('--check').status).toBe(0);
  });

  it('covers every material with its title, condition, basis links and verified date', () => {
    const doc = readFileSync(join(root, 'docs/materials.zh.md'), 'utf8');
    for (const m of rules.materials) {
      expect(doc, m.id).toContain(`#### ${m.title.zh}（\`${m.id}\`）`);
      for (const b of m.basis) expect(doc, `${m.id} ${b.article}`).toContain(`》${b.article}](${b.url})`);
    }
    expect(doc.match(/^- \*\*核实日期\*\*：\d{4}-\d{2}-\d{2}$/gm)).toHaveLength(rules.materials.length);
    expect(doc.match(/^- \*\*适用条件\*\*：/gm)).toHaveLength(rules.materials.length);
  });

  it('--check fails when a pack changes and the catalogue is not regenerated', () => {
    const dir = mkdtempSync(join(tmpdir(), 'filing-check-rules-'));
    try {
      for (const name of ['cn-algorithm-filing', 'cn-deep-synthesis', 'cn-genai', 'cn-security-assessment']) {
        let text = readFileSync(join(root, 'rules', `${name}.yaml`), 'utf8');
        if (name === 'cn-algorithm-filing') text = text.replace('title: { zh: 营业执照, en: Business licence }', 'title: { zh: 营业执照副本, en: Business licence }');
        writeFileSync(join(dir, `${name}.yaml`), text);
      }
      const run = generate('--check', '--rules-dir', dir);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('out of date');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
