import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAnswers } from '../../src/answers/read.js';
import { classifyAlgorithm, parseDeclaredType } from '../../src/core/classify.js';
import { decideRegimes } from '../../src/core/regimes.js';
import { diagnose } from '../../src/core/report.js';
import { loadRules } from '../../src/rules/load.js';
import type { Rules } from '../../src/rules/model.js';
import type { AlgorithmFunction } from '../../src/answers/vocabulary.js';
import { AS_OF, CASES, ROOT } from '../helpers.js';

let rules: Rules;
beforeAll(async () => {
  rules = await loadRules([], ROOT);
});

describe('classification from does facts', () => {
  const cases: [AlgorithmFunction[], string, string[]][] = [
    [['generate'], '01', ['01']],
    [['personalize'], '02', ['02']],
    [['rank'], '03', ['03']],
    [['search'], '04', ['04']],
    [['filter'], '05', ['05']],
    [['decide'], '06', ['06']],
    // Precedence: generation > decision > personalisation > search > ranking > filtering. Filtering
    // comes last: the lists file it under the function it serves (a hot list that removes
    // violating topics is 03, a search that filters is 04, a feed that filters is 02).
    [['rank', 'personalize'], '02', ['02', '03']],
    [['search', 'generate'], '01', ['01', '04']],
    [['filter', 'search'], '04', ['04', '05']],
    [['rank', 'filter'], '03', ['03', '05']],
    [['filter', 'personalize'], '02', ['02', '05']],
    [['personalize', 'decide'], '06', ['06', '02']],
    [['rank', 'filter', 'search', 'personalize', 'decide', 'generate'], '01', ['01', '06', '02', '04', '03', '05']],
  ];
  it.each(cases)('%j → %s', (does, type, order) => {
    const result = classifyAlgorithm({ does }, rules.types);
    expect(result.type).toBe(type);
    expect(result.functions.map((f) => f.type)).toEqual(order);
  });
});

describe('declaredType accepts codes and Chinese or English names', () => {
  it.each([
    ['02', ['02']], ['2', ['02']], ['6', ['06']], ['个性化推送类', ['02']], ['个性化推荐', ['02']], ['生成合成类', ['01']],
    ['深度合成', ['01']], ['检索过滤类', ['04', '05']], ['信息检索类', ['04']], ['内容过滤类', ['05']], ['调度决策类', ['06']],
    ['排序精选类', ['03']], ['Personalised push', ['02']], ['search', ['04']], ['（检索过滤类）', ['04', '05']], ['07', null], ['热榜类', null],
  ])('%s → %j', (declared, codes) => expect(parseDeclaredType(declared, rules.types)).toEqual(codes));
});

/** Builds a minimal valid answers text for one algorithm in one service. */
function oneAlgorithm(service: string, algorithm: string): string {
  return `schemaVersion: 1
entity: { name: 杭州测试网络科技有限公司 }
services:
  - { id: app, name: 测试应用, ${service} }
algorithms:
  - { id: algo, name: 测试算法, services: [app], ${algorithm} }
`;
}

describe('regimes per algorithm, with the reason that decided each', () => {
  type Row = [string, string, string, Record<string, boolean>, string[]];
  const gen = (model: string, extra = '') => `does: [generate], generation: { modalities: [text], foundationModel: ${model}${extra} }`;
  const cases: Row[] = [
    ['feed with comments', 'publicFeatures: [comments]', 'does: [personalize]',
      { 'algorithm-filing': true, 'security-assessment': true, 'genai-filing': false, 'genai-registration': false, 'content-labeling': false },
      ['filing.opinion-features', 'sa.live', 'genai.not-generation', 'genai.not-generation', 'label.not-generation']],
    ['planned service with live streaming: assess before launch', 'publicFeatures: [live-streaming], status: planned', 'does: [rank]',
      { 'algorithm-filing': true, 'security-assessment': true }, ['filing.opinion-features', 'sa.before-launch']],
    ['mobilisation channel without listed features', 'mobilization: true', 'does: [search]',
      { 'algorithm-filing': true, 'security-assessment': true }, ['filing.mobilization', 'sa.live']],
    ['no public-opinion features: no filing duty', 'publicFeatures: []', 'does: [search]',
      { 'algorithm-filing': false, 'security-assessment': false }, ['filing.no-opinion-features', 'sa.no-opinion-features']],
    ['internal-only service', 'audience: internal, publicFeatures: [forum]', 'does: [personalize]',
      { 'algorithm-filing': false, 'security-assessment': false }, ['scope.internal', 'scope.internal']],
    ['offered only outside mainland China', 'servesMainland: false, publicFeatures: [short-video]', 'does: [personalize]',
      { 'algorithm-filing': false, 'security-assessment': false }, ['scope.overseas', 'scope.overseas']],
    ['terminated service', 'status: terminated, publicFeatures: [comments]', 'does: [personalize]',
      { 'algorithm-filing': false }, ['scope.terminated']],
    ['public generation app without features: practice says file', 'publicFeatures: []', gen('self-developed'),
      { 'algorithm-filing': true, 'security-assessment': true, 'genai-filing': true, 'genai-registration': false, 'content-labeling': true },
      ['filing.generation-public-practice', 'sa.generation-practice', 'genai.model-self-developed', 'genai.own-model-not-registration', 'label.provider']],
    ['API app on a filed model: registration, not gen-AI filing', 'publicFeatures: [mini-program]', gen('third-party-api', ', upstream: { name: 某模型, filingNumber: Beijing-X-20240101 }'),
      { 'genai-filing': false, 'genai-registration': true, 'content-labeling': true }, ['filing.opinion-features', 'sa.live', 'genai.api-not-filing', 'genai.api-registration', 'label.provider']],
    ['fine-tuned model: filing, not registration', 'publicFeatures: []', gen('fine-tuned', ', upstream: { name: 开源基座 }'),
      { 'genai-filing': true, 'genai-registration': false }, ['filing.generation-public-practice', 'sa.generation-practice', 'genai.model-fine-tuned', 'genai.own-model-not-registration']],
    ['deployed open-source model: filing', 'publicFeatures: []', gen('open-source-deployed'),
      { 'genai-filing': true }, ['filing.generation-public-practice', 'sa.generation-practice', 'genai.model-open-source-deployed']],
    ['beauty effect without a foundation model: no gen-AI regime', 'publicFeatures: [short-video]', gen('none'),
      { 'algorithm-filing': true, 'genai-filing': false, 'genai-registration': false, 'content-labeling': true }, ['filing.opinion-features', 'sa.live', 'genai.no-model', 'genai.no-model']],
    ['business-only generation tool without features', 'audience: business', gen('self-developed'),
      { 'algorithm-filing': false, 'genai-filing': false, 'genai-registration': false, 'content-labeling': true },
      ['filing.no-opinion-features', 'sa.no-opinion-features', 'genai.business-only', 'genai.business-only', 'label.provider']],
  ];
  it.each(cases)('%s', async (_name, service, algorithm, expected, reasonKeys) => {
    const answers = await parseAnswers(oneAlgorithm(service, algorithm), 'case.yaml', rules);
    const decisions = decideRegimes(answers.algorithms[0]!, answers);
    for (const [regime, applies] of Object.entries(expected)) expect(decisions.find((d) => d.regime === regime)?.applies, regime).toBe(applies);
    expect(decisions.map((d) => d.reasons[0]?.key).slice(0, reasonKeys.length)).toEqual(reasonKeys);
  });

  it('a technical supporter of generation files without services; of anything else it does not', async () => {
    const text = `schemaVersion: 1
entity: { name: 杭州测试网络科技有限公司 }
algorithms:
  - { id: sdk, name: 人脸融合算法, role: technical-supporter, does: [generate], generation: { modalities: [image], biometricEditing: [face] } }
  - { id: rank-api, name: 排序服务, role: technical-supporter, does: [rank] }
`;
    const answers = await parseAnswers(text, 'case.yaml', rules);
    const [sdk, rank] = answers.algorithms.map((a) => decideRegimes(a, answers));
    expect(sdk!.map((d) => d.applies)).toEqual([true, false, false, false, true, false]);
    expect(sdk![0]!.reasons[0]!.key).toBe('filing.supporter-generation');
    expect(rank!.every((d) => !d.applies)).toBe(true);
    expect(rank![0]!.reasons[0]!.key).toBe('filing.supporter-not-generation');
  });
});

describe('warnings and required items of the realistic cases', () => {
  const run = async (name: string) => {
    const text = readFileSync(join(CASES, `${name}.yaml`), 'utf8');
    return diagnose({ answers: await parseAnswers(text, name, rules), rules, lang: 'zh', source: name, asOf: AS_OF, toolVersion: '0.0.0' });
  };

  it('declared-traps: a declared type the facts contradict is DECLARED_TYPE_MISMATCH, explained in plain words', async () => {
    const report = await run('declared-traps');
    const mismatches = report.warnings.filter((w) => w.code === 'DECLARED_TYPE_MISMATCH');
    expect(mismatches.map((w) => w.algorithm)).toEqual(['faq-bot', 'llm-service']);
    // Ranking declared for an algorithm that also personalises: only the order of precedence says 02,
    // and that order is a heuristic, so the warning asks rather than blocks.
    expect(report.warnings.filter((w) => w.code === 'DECLARED_TYPE_OTHER_FUNCTION')).toMatchObject([{ algorithm: 'recommend-rank', severity: 'major' }]);
    expect(mismatches[0]!.message).toBe('拟按「01 生成合成类」申报，但该算法的功能事实（信息检索）对应「04 信息检索类」。备案类型决定自评估报告模板和审核要点，类型选错是退回补正的常见原因：请按 信息检索类 申报，或修正答案文件中的功能事实（does）。');
    expect(report.warnings.filter((w) => w.code === 'MULTIPLE_FUNCTIONS').map((w) => w.algorithm)).toEqual(['llm-service', 'recommend-rank']);
    expect(report.warnings.map((w) => w.code)).toContain('OPT_OUT_NOT_OFFERED');
    // The FAQ bot's purpose reads like generation: the reviewer would file it as 01.
    expect(report.warnings.find((w) => w.code === 'PURPOSE_TYPE_MISMATCH')).toMatchObject({ algorithm: 'faq-bot', severity: 'major' });
    expect(report.warnings.filter((w) => w.algorithm === 'recommend-rank' && w.code.startsWith('PURPOSE_')).map((w) => w.code)).toEqual([
      'PURPOSE_TOO_SHORT', 'PURPOSE_NO_SCENARIO', 'PURPOSE_NO_DATA_BASIS', 'PURPOSE_SUPERLATIVE',
    ]);
  });

  it('news-feed: every required item is listed whatever its status; 检索过滤类 matches a search algorithm', async () => {
    const report = await run('news-feed');
    // Live since 2024 and still unfiled: the only warnings are the overdue statutory dates, three
    // filings and the one security assessment of the one service.
    expect(report.warnings.map((w) => w.code)).toEqual(Array(4).fill('DEADLINE_OVERDUE'));
    const feedItems = report.items.filter((i) => i.algorithm === 'feed').map((i) => `${i.id}:${i.status}`);
    expect(feedItems).toEqual(['algorithm-self-assessment:ready', 'algorithm-disclosure:ready', 'algorithm-attributes:ready', 'algorithm-product-info:ready']);
    // Users' rights bind with or without a filing: duties, not filing items; answered controls are met.
    expect(report.duties.filter((i) => i.algorithm === 'feed').map((i) => `${i.id}:${i.status}:${i.met}`)).toEqual([
      'user-algorithm-transparency:missing:null', 'user-opt-out:ready:true', 'user-tag-management:draft:true', 'user-minors:ready:null', 'user-minors-content-positions:missing:null', 'user-elderly:missing:null',
    ]);
    expect(report.items.filter((i) => i.id === 'security-assessment-report').map((i) => [i.service, i.covers])).toEqual([['chendu-news', ['feed', 'hot-list', 'search']]]);
    expect(report.items.filter((i) => i.algorithm === null && i.status === 'ready')).toHaveLength(6);
  });

  it('ride-hailing: worker and pricing protections follow the decision facts', async () => {
    const report = await run('ride-hailing');
    expect(report.duties.filter((i) => i.id === 'user-workers').map((i) => i.algorithm)).toEqual(['dispatch']);
    expect(report.duties.filter((i) => i.id === 'user-fair-pricing').map((i) => i.algorithm)).toEqual(['pricing']);
  });

  it('face-swap supporter: technical service mode, biometric tool assessment and consent (DS Art 14 ¶2 names supporters), no product info', async () => {
    const report = await run('face-swap-supporter');
    const ids = report.items.filter((i) => i.algorithm === 'face-fusion').map((i) => i.id);
    expect(ids).toContain('algorithm-tech-service');
    expect(ids).toContain('ds-biometric-assessment');
    expect(ids).toContain('labeling-implicit');
    // The consent prompt is a continuing duty of the product, owed whether or not a filing is.
    expect(report.duties.filter((i) => i.algorithm === 'face-fusion').map((i) => i.id)).toContain('ds-biometric-consent');
    expect(ids).not.toContain('algorithm-product-info');
    expect(ids).not.toContain('labeling-explicit');
  });

  it('internal and overseas services: no regime applies, nothing is required, and the report says why', async () => {
    const report = await run('internal-overseas');
    expect(report.items).toEqual([]);
    expect(report.duties).toEqual([]);
    expect(report.regimes.every((r) => !r.applies)).toBe(true);
    // A staff-only search is outside Art 2 of the algorithm provisions; the gen-AI measures' Art 2 para 3 is for generation only.
    expect(report.regimes[0]!.reasons).toEqual([
      '环宇内部知识检索算法: 「环宇内部知识库」仅供本单位员工内部使用，不是向上网用户提供信息的互联网信息服务，不在算法推荐管理规定的适用范围内（算法推荐管理规定第二条；互联网信息服务管理办法第二条）',
      'Orbit Clips 个性化推荐算法: 「Orbit Clips」不向中国境内用户提供服务，不适用境内互联网信息服务规定（算法推荐管理规定第二条）',
    ]);
  });

  it('readiness weighs severity: blocking 3, major 2, minor 1; draft counts half; not-applicable is left out', async () => {
    const report = await run('news-feed');
    const counted = report.items.filter((i) => i.status !== 'not-applicable');
    const weight = { blocking: 3, major: 2, minor: 1 } as const;
    const credit = { ready: 1, draft: 0.5, missing: 0 } as const;
    const expected = counted.reduce((s, i) => s + weight[i.severity] * credit[i.status as keyof typeof credit], 0) / counted.reduce((s, i) => s + weight[i.severity], 0);
    expect(report.summary.readiness).toBe(Math.round(expected * 100) / 100);
    expect(report.summary.readiness).toBeGreaterThan(0);
    expect(report.summary.readiness).toBeLessThan(1);
  });
});
