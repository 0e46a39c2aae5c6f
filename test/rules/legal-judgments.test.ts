// The legal judgments a domain audit (December 2026) found wrong, each run through the CLI on a
// realistic answers file and read from what the user gets: which duty or material is owed, with
// what severity and confidence, and which warning is (or is not) said.
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report-schema.js';
import { AS_OF, runMain } from '../helpers.js';

async function diagnoseJson(file: string, ...extra: string[]): Promise<{ code: number; report: Report }> {
  const run = await runMain(['diagnose', file, '--as-of', AS_OF, '--format', 'json', ...extra]);
  expect(run.stderr).toBe('');
  return { code: run.code, report: JSON.parse(run.stdout) as Report };
}

/** Each item and duty as `section algorithm-or-entity id severity confidence`. */
function lines(report: Report): string[] {
  return [
    ...report.items.map((i) => `item ${i.algorithm ?? i.service ?? 'entity'} ${i.id} ${i.severity} ${i.confidence}`),
    ...report.duties.map((i) => `duty ${i.algorithm ?? 'entity'} ${i.id} ${i.severity} ${i.confidence}`),
  ];
}

describe('deep-synthesis duties that bind without a filing (DS Arts 11, 14 para 2, 15 para 2)', () => {
  it('a Shenzhen digital-human video site for businesses owes the consent prompt, the tool assessment and rumour refuting, though it files nothing', async () => {
    const { code, report } = await diagnoseJson('test/fixtures/cases/digital-human-b2b.yaml');
    expect(report.regimes.find((r) => r.id === 'algorithm-filing')!.algorithms).toEqual([]);
    expect(lines(report)).toEqual(expect.arrayContaining([
      'item avatar-video ds-biometric-assessment blocking law',
      'duty avatar-video ds-biometric-consent major law',
      'duty entity system-rumor-refuting major law',
    ]));
    // The assessment of a face- and voice-editing tool is a blocking gap: exit 1.
    expect(code).toBe(1);
  });

  it('says nothing of how a fixed effect files when no gen-AI procedure was decided by it', async () => {
    const { report } = await diagnoseJson('test/fixtures/cases/digital-human-b2b.yaml');
    expect(report.warnings.map((w) => w.code)).not.toContain('GENERATION_EFFECT_PRACTICE');
  });

  it('a technical supporter still owes the consent prompt and the tool assessment, but not rumour refuting (Art 11 names providers only)', async () => {
    const { report } = await diagnoseJson('test/fixtures/cases/face-swap-supporter.yaml');
    expect(lines(report)).toEqual(expect.arrayContaining([
      'item face-fusion ds-biometric-assessment blocking law',
      'duty face-fusion ds-biometric-consent major law',
    ]));
    expect(lines(report).some((l) => l.includes('system-rumor-refuting'))).toBe(false);
  });
});

describe('information that may harm minors (Regulations on the Online Protection of Minors Art 24 para 2; classification measures 2026)', () => {
  it('a public short-video app keeps it off its feed and hot list though the answers say nothing of minors', async () => {
    const { report } = await diagnoseJson('test/fixtures/cases/short-video-hot-list.yaml');
    expect(lines(report).filter((l) => l.includes('user-minors'))).toEqual([
      'duty feed user-minors-content-positions major law',
      'duty hot-list user-minors-content-positions major law',
    ]);
    const positions = report.duties.find((d) => d.id === 'user-minors-content-positions')!;
    expect(positions.basis.map((b) => `${b.instrument}${b.article}`)).toContain('未成年人网络保护条例第二十四条第二款');
  });

  it('pushing nothing harmful to minors stays owed only where minors are users, with the classification measures beside Art 18', async () => {
    const { report } = await diagnoseJson('test/fixtures/cases/short-video-hot-list.yaml', '--set', 'services[0].minors=true');
    expect(lines(report).filter((l) => l.includes('user-minors'))).toEqual([
      'duty feed user-minors major law',
      'duty feed user-minors-content-positions major law',
      'duty hot-list user-minors major law',
      'duty hot-list user-minors-content-positions major law',
    ]);
    const minors = report.duties.find((d) => d.id === 'user-minors')!;
    expect(minors.basis.map((b) => `${b.instrument}${b.article}`)).toEqual([
      '互联网信息服务算法推荐管理规定第十八条', '生成式人工智能服务管理暂行办法第十条', '可能影响未成年人身心健康的网络信息分类办法第九条',
    ]);
  });

  it('a business-only service, a search and a dispatch algorithm are not given the prominent-position duty', async () => {
    const { report } = await diagnoseJson('test/fixtures/cases/digital-human-b2b.yaml');
    expect(lines(report).some((l) => l.includes('user-minors'))).toBe(false);
    // The news app's search answers queries; its feed and hot list fill the prominent positions.
    const { report: news } = await diagnoseJson('test/fixtures/cases/news-feed.yaml');
    expect(news.duties.filter((d) => d.id === 'user-minors-content-positions').map((d) => d.algorithm)).toEqual(['feed', 'hot-list']);
    const { report: rides } = await diagnoseJson('test/fixtures/cases/ride-hailing.yaml');
    expect(rides.duties.filter((d) => d.id === 'user-minors-content-positions')).toEqual([]);
  });
});

describe('the 2018 security assessment of public generation without 舆论属性 features (DS Art 20, Gen-AI Art 17: practice)', () => {
  it('a public chat app on its own model is asked for the report as practice, and told why', async () => {
    const { report } = await diagnoseJson('test/fixtures/cases/llm-own-model.yaml');
    expect(lines(report)).toContain('item shenyan-chat security-assessment-report blocking practice');
    const reason = report.regimes.find((r) => r.id === 'security-assessment')!.perAlgorithm.find((p) => p.algorithm === 'chat')!.reasons[0];
    expect(reason).toContain('只要求“具有舆论属性或者社会动员能力”的服务开展安全评估');
    expect(reason).toContain('实践做法，中等可信度');
    const genai = report.regimes.find((r) => r.id === 'genai-filing')!.perAlgorithm.find((p) => p.algorithm === 'chat')!.reasons[0];
    expect(genai).toContain('实践做法，中等可信度');
  });

  it('the same app with comments owes it by law', async () => {
    const { report } = await diagnoseJson('test/fixtures/cases/llm-own-model.yaml', '--set', 'services[0].publicFeatures=[comments]');
    expect(lines(report)).toContain('item shenyan-chat security-assessment-report blocking law');
  });

  it('an app that registers on a filed model, with no features, is not asked for it; a mini-program is (2018 rules Art 2)', async () => {
    const { report } = await diagnoseJson('test/fixtures/cases/api-writing-app.yaml', '--set', 'services[0].publicFeatures=[]');
    const decision = report.regimes.find((r) => r.id === 'security-assessment')!;
    expect(decision.applies).toBe(false);
    expect(decision.perAlgorithm[0]!.reasons[0]).toContain('登记也不要求 GB/T 45654-2025（TC260-003）安全评估材料（实践做法，中等可信度）');
    expect(lines(report).some((l) => l.includes('security-assessment-report'))).toBe(false);
    const { report: miniProgram } = await diagnoseJson('test/fixtures/cases/api-writing-app.yaml');
    expect(lines(miniProgram)).toContain('item miaobi security-assessment-report blocking law');
  });
});

describe('a technical supporter: what binds it by law and what the filing template asks (DS Art 19 para 2; Labelling Measures Art 5)', () => {
  it('gets the providers\' management systems and the implicit label as practice, its own review and the filing materials as law', async () => {
    const { report } = await diagnoseJson('test/fixtures/cases/face-swap-supporter.yaml');
    expect(lines(report)).toEqual(expect.arrayContaining([
      'item entity system-ethics-review major practice',
      'item entity system-content-review major practice',
      'item entity system-data-security major practice',
      'item entity system-personal-information major practice',
      'item entity system-anti-fraud major practice',
      // DS Art 15 para 1 names supporters: the periodic review of the mechanism is theirs by law.
      'item entity system-mechanism-review major law',
      'item face-fusion labeling-implicit blocking practice',
      'item face-fusion algorithm-self-assessment blocking law',
      'item face-fusion algorithm-disclosure blocking law',
    ]));
    const selfAssessment = report.items.find((i) => i.id === 'algorithm-self-assessment')!;
    expect(selfAssessment.basis.map((b) => `${b.instrument}${b.article}`)).toContain('互联网信息服务深度合成管理规定第十九条第二款');
    const labelling = report.regimes.find((r) => r.id === 'content-labeling')!.reasons[0];
    expect(labelling).toBe('幻颜人脸融合合成算法: 本工具的解释：技术支持者在输出中写入隐式标识，并在备案时提供标识材料，使调用方的内容带有标识（标识办法第五条、第十二条约束服务提供者，对技术支持者适用是解释，非条文）');
  });

  it('a provider keeps them as law', async () => {
    const { report } = await diagnoseJson('test/fixtures/cases/news-feed.yaml');
    expect(lines(report)).toEqual(expect.arrayContaining(['item entity system-content-review major law', 'item entity system-anti-fraud major law']));
  });
});
