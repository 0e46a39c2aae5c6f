import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers.js';

// Realistic subjects a consultant meets after the first filing: a live app that adds features, a
// platform whose duties do not depend on a filing, a legacy service with a filed algorithm that lost a
// product, and a technical supporter whose deadline crosses 1 January. Each runs the real CLI and
// reads the JSON report: items, duties, clocks and counts.
const LIFECYCLE = join(ROOT, 'test', 'fixtures', 'lifecycle');
const AS_OF = '2026-12-06';

interface Item { id: string; algorithm: string | null; service: string | null; covers: string[]; status: string; gap: boolean; severity: string; confidence: string; met?: boolean | null; basis: { instrument: string; article: string }[] }
interface Clock { kind: string; algorithm: string | null; service: string; trigger: string; from: string; due: string; calendar: string; done: boolean; overdue: boolean; basis: { instrument: string; article: string }[] }
interface Tally { blocking: number; major: number; minor: number; readiness: number }
interface Report {
  algorithms: { id: string; role: string; filing: string; launchDate: string | null }[];
  regimes: { id: string; algorithms: string[]; reasons: string[]; perAlgorithm: { algorithm: string; applies: boolean; reasons: string[] }[] }[];
  items: Item[];
  duties: Item[];
  deadlines: Clock[];
  warnings: { code: string; algorithm: string | null; message: string }[];
  summary: Tally & { overdue: number; duties: Tally };
}

function diagnose(name: string, format = 'json', extra: string[] = []): { code: number; report: Report; stdout: string } {
  const run = runCli(['diagnose', join(LIFECYCLE, `${name}.yaml`), '--as-of', AS_OF, '-f', format, ...extra]);
  expect(run.stderr).toBe('');
  return { code: run.code, report: format === 'json' ? (JSON.parse(run.stdout) as Report) : (undefined as never), stdout: run.stdout };
}

const owner = (i: Item) => i.algorithm ?? i.service ?? 'entity';
const clock = (d: Clock) => [d.kind, d.algorithm, d.trigger, d.from, d.due, d.calendar, d.done, d.overdue];

describe('a short-video app live since 2025 that adds features', () => {
  const { report } = diagnose('short-video-new-features');

  it('starts each new algorithm\'s clocks at its own launch, not the app\'s', () => {
    expect(report.algorithms.map((a) => [a.id, a.filing, a.launchDate])).toEqual([
      ['feed', 'filed', '2025-03-10'],
      ['assistant', 'owed', '2026-11-20'],
      ['face-effect', 'owed', '2027-01-08'],
    ]);
    expect(report.deadlines.filter((d) => d.kind === 'algorithm-filing').map(clock)).toEqual([
      ['algorithm-filing', 'feed', 'launch', '2025-03-10', '2025-03-24', 'official', true, false],
      // Launched 2026-11-20: due 10 working days later, overdue on 2026-12-06, not since 2025.
      ['algorithm-filing', 'assistant', 'algorithm-launch', '2026-11-20', '2026-12-04', 'official', false, true],
      // Launching in January 2027, whose schedule is not published: statutory holidays counted.
      ['algorithm-filing', 'face-effect', 'algorithm-launch', '2027-01-08', '2027-01-22', 'statutory', false, false],
    ]);
    expect(report.warnings.filter((w) => w.code === 'DEADLINE_OVERDUE').map((w) => w.algorithm)).toEqual(['assistant']);
  });

  it('has one security assessment for the app, with a clock at launch and before each added feature', () => {
    const assessments = report.items.filter((i) => i.id === 'security-assessment-report');
    expect(assessments.map((i) => [owner(i), i.covers])).toEqual([['qingyou-app', ['feed', 'assistant', 'face-effect']]]);
    expect(report.deadlines.filter((d) => d.kind === 'security-assessment').map((d) => [d.algorithm, d.trigger, d.from])).toEqual([
      [null, 'launch', '2025-03-10'],
      ['assistant', 'algorithm-launch', '2026-11-20'],
      ['face-effect', 'algorithm-launch', '2027-01-08'],
    ]);
  });

  it('asks the filed feed for no initial materials, and answers to its user controls show', () => {
    expect(report.items.filter((i) => i.algorithm === 'feed')).toEqual([]);
    expect(report.duties.filter((i) => i.algorithm === 'feed').map((i) => [i.id, i.met])).toEqual([
      ['user-algorithm-transparency', null], ['user-opt-out', true], ['user-tag-management', false], ['user-minors', null],
      ['user-minors-content-positions', null], ['filing-number-display', null], ['filing-change', null],
    ]);
    // The opt-out exists: only its evidence is asked. Tag management is missing: a warning with the article.
    expect(report.duties.find((i) => i.id === 'user-opt-out')!.severity).toBe('minor');
    expect(report.warnings.find((w) => w.code === 'TAG_MANAGEMENT_NOT_OFFERED')).toMatchObject({ algorithm: 'feed' });
    expect(report.warnings.find((w) => w.code === 'TAG_MANAGEMENT_NOT_OFFERED')!.message).toContain('第十七条第二款');
  });

  it('gives the face-swap effect a deep-synthesis filing, not a large-model one, and says it is practice', () => {
    const genai = report.regimes.find((r) => r.id === 'genai-filing')!;
    expect(genai.algorithms).toEqual([]);
    const ids = report.items.filter((i) => i.algorithm === 'face-effect').map((i) => i.id);
    expect(ids).toContain('ds-biometric-assessment');
    for (const bank of ['genai-test-bank', 'genai-keyword-list', 'genai-filing-form']) expect(ids).not.toContain(bank);
    const warning = report.warnings.find((w) => w.code === 'GENERATION_EFFECT_PRACTICE')!;
    expect(warning.algorithm).toBe('face-effect');
    expect(warning.message).toContain('实践做法');
  });
});

describe('a delivery platform with no public features', () => {
  it('owes no filing, but its dispatch and pricing duties bind, in their own section and every format', () => {
    const { code, report } = diagnose('delivery-platform');
    expect(report.algorithms.map((a) => a.filing)).toEqual(['not-owed', 'not-owed']);
    expect(report.items).toEqual([]);
    // Art 7 binds the provider of every algorithm in scope of Art 2: its management systems and technical measures.
    expect(report.duties.map((i) => `${owner(i)}/${i.id}`)).toEqual([
      'entity/algorithm-security-responsibility',
      'dispatch/user-algorithm-transparency', 'dispatch/user-workers', 'pricing/user-algorithm-transparency', 'pricing/user-fair-pricing',
    ]);
    expect(report.duties[0]!.basis.map((b) => b.article)).toEqual(['第七条', '第二条']);
    expect(report.summary).toMatchObject({ blocking: 0, readiness: 1, overdue: 0, duties: { blocking: 0, major: 5, minor: 0, readiness: 0 } });
    expect(code).toBe(0);
    const text = diagnose('delivery-platform', 'text', ['--detail']).stdout;
    expect(text).toContain('持续义务（不以备案为前提） · 算法 闪送达订单智能分配算法');
    expect(text).toContain('本案没有需要备案的算法，但下列持续义务不以备案为前提，仍须履行。');
    expect(diagnose('delivery-platform', 'md').stdout).toContain('劳动者权益保护');
    expect(diagnose('delivery-platform', 'csv').stdout).toContain('pricing/user-fair-pricing');
  });
});

describe('a legacy forum whose filed recommender lost a product', () => {
  const { report } = diagnose('legacy-and-ended');

  it('starts the filing clock when the provisions took effect, and the ended product is a change, not a cancellation', () => {
    expect(report.deadlines.map(clock)).toEqual([
      ['algorithm-filing', 'recommend', 'in-force', '2022-03-01', '2022-03-15', 'official', true, false],
      ['change', 'recommend', 'service-ended', '2026-09-15', '2026-09-29', 'official', false, true],
      ['algorithm-filing', 'hot-threads', 'in-force', '2022-03-01', '2022-03-15', 'official', false, true],
      // The 2018 rules were in force at the forum's launch in 2020.
      ['security-assessment', null, 'launch', '2020-05-18', '2020-05-18', 'official', false, true],
    ]);
    expect([...report.items, ...report.duties].map((i) => i.id)).not.toContain('filing-cancellation');
  });

  it('asks no entity filing again once one algorithm is filed, and counts each item once', () => {
    const ids = report.items.map((i) => `${owner(i)}/${i.id}`);
    expect(ids.filter((id) => id.startsWith('entity/entity-'))).toEqual([]);
    expect(ids.filter((id) => id.startsWith('recommend/'))).toEqual([]);
    expect(ids).toContain('nanchuang-bbs/security-assessment-report');
    expect(new Set(ids).size).toBe(ids.length);
    expect(report.summary.blocking).toBe(report.items.filter((i) => i.gap && i.severity === 'blocking').length);
    expect(report.summary).toMatchObject({ blocking: 9, overdue: 3 });
  });
});

describe('an API and SDK offered to businesses, launched just before 1 January', () => {
  it('files as a technical supporter, with a clock that skips 元旦 2027', () => {
    const { report } = diagnose('api-supporter-year-end');
    expect(report.algorithms.map((a) => [a.role, a.filing])).toEqual([['technical-supporter', 'owed']]);
    expect(report.regimes.find((r) => r.id === 'algorithm-filing')!.reasons[0]).toContain('深度合成管理规定第十九条第二款');
    expect(report.items.map((i) => i.id)).toContain('algorithm-tech-service');
    expect(report.items.map((i) => i.id)).not.toContain('algorithm-product-info');
    // Its own continuing duties: the consent prompt for face editing, training data and periodic review bind supporters too (DS Arts 14-15).
    expect(report.duties.map((i) => [owner(i), i.id, i.basis.map((b) => b.article)])).toEqual([
      ['face-fusion', 'ds-biometric-consent', ['第十四条第二款']],
      ['face-fusion', 'ds-technical-management', ['第十四条第一款', '第十五条第一款']],
    ]);
    // 2026-12-24 + 10 working days: 1 January 2027 (a Friday) is a holiday before the schedule is published.
    expect(report.deadlines.map(clock)).toEqual([['algorithm-filing', 'face-fusion', 'launch', '2026-12-24', '2027-01-08', 'statutory', false, false]]);
  });

  it('once filed, shows its number and the disclosure link on its open platform, under Deep Synthesis Art 19 para 3', () => {
    const filed = readFileSync(join(LIFECYCLE, 'api-supporter-year-end.yaml'), 'utf8')
      .replace('    launchDate: 2026-12-24\n', '    launchDate: 2025-03-03\n')
      .replace('      foundationModel: self-developed\n', '      foundationModel: self-developed\n    filingNumber: 网信算备110105123456701250011号\n    materials:\n      ds-filing-number-display: { status: ready, file: 证据/开放平台页脚截图.png }\n');
    const dir = mkdtempSync(join(tmpdir(), 'lifecycle-'));
    writeFileSync(join(dir, 'api-supporter.yaml'), filed);
    mkdirSync(join(dir, '证据'));
    writeFileSync(join(dir, '证据', '开放平台页脚截图.png'), 'png');
    const run = runCli(['diagnose', 'api-supporter.yaml', '--as-of', AS_OF, '-f', 'json'], { cwd: dir });
    expect(run.stderr).toBe('');
    const after = JSON.parse(run.stdout) as Report;
    expect(after.algorithms.map((a) => [a.role, a.filing])).toEqual([['technical-supporter', 'filed']]);
    const display = after.duties.find((d) => d.id === 'ds-filing-number-display')!;
    // The supporter's duty rests on the deep-synthesis article; Art 26 and its penalty are a provider's.
    expect([display.severity, display.confidence, display.status, display.gap]).toEqual(['major', 'law', 'ready', false]);
    expect(display.basis.map((b) => `${b.instrument}${b.article}`)).toEqual([
      '互联网信息服务深度合成管理规定第十九条第三款', '互联网信息服务算法推荐管理规定第二十六条', '互联网信息服务深度合成管理规定第二十二条', '互联网信息服务算法推荐管理规定第三十一条',
    ]);
    expect(after.duties.map((d) => d.id)).toEqual(['filing-change', 'ds-biometric-consent', 'ds-filing-number-display', 'ds-technical-management']);
    const text = runCli(['diagnose', 'api-supporter.yaml', '--as-of', AS_OF, '--detail'], { cwd: dir }).stdout;
    expect(text).toContain('    ✔ 就绪  重要  法规  显著标明备案编号并提供公示信息链接（深度合成服务提供者和技术支持者） (ds-filing-number-display)\n        文件: 证据/开放平台页脚截图.png\n        法律依据: 《互联网信息服务深度合成管理规定》第十九条第三款；');
  });
});

describe('a general web search open to the public, with none of the Art 2 features', () => {
  const { report } = diagnose('public-search');

  it('owes no filing by the letter, and is warned that the major engines filed theirs', () => {
    expect(report.regimes.find((r) => r.id === 'algorithm-filing')!.algorithms).toEqual([]);
    const warning = report.warnings.find((w) => w.code === 'SEARCH_ENGINE_PRACTICE')!;
    expect(warning.algorithm).toBe('web-search');
    expect(warning.message).toContain('禾木搜索 面向公众提供搜索');
    expect(warning.message).toContain('百度信息检索算法 网信算备110108645502804220013号');
  });

  it('is not warned once the service lists comments, which bring the filing itself', () => {
    const run = runCli(['diagnose', '-', '--as-of', AS_OF, '-f', 'json'], {
      input: readFileSync(join(LIFECYCLE, 'public-search.yaml'), 'utf8').replace('publicFeatures: []', 'publicFeatures: [comments]'),
    });
    const withComments = JSON.parse(run.stdout) as Report;
    expect(withComments.regimes.find((r) => r.id === 'algorithm-filing')!.algorithms).toEqual(['web-search']);
    expect(withComments.warnings.map((w) => w.code)).not.toContain('SEARCH_ENGINE_PRACTICE');
  });
});

describe('a community app re-assessed after user growth and a written notice', () => {
  const { report } = diagnose('community-reassessment');
  const fixture = readFileSync(join(LIFECYCLE, 'community-reassessment.yaml'), 'utf8');
  // Each variant as a file of its own, so a refusal names it as a user would see it.
  const run = (text: string, name = 'community-reassessment.yaml') => {
    const dir = mkdtempSync(join(tmpdir(), 'lifecycle-'));
    writeFileSync(join(dir, name), text);
    return runCli(['diagnose', name, '--as-of', AS_OF, '-f', 'json'], { cwd: dir });
  };

  it('has one assessment item for the app, with a clock at launch and one per event of Art 3', () => {
    const assessments = report.items.filter((i) => i.id === 'security-assessment-report');
    expect(assessments.map((i) => [owner(i), i.covers, i.status])).toEqual([['ronglinli-app', ['neighbourhood-feed', 'hot-topics'], 'ready']]);
    expect(report.deadlines.filter((d) => d.kind === 'security-assessment').map(clock)).toEqual([
      ['security-assessment', null, 'launch', '2024-04-16', '2024-04-16', 'official', true, false],
      // Items 3 and 5: 30 working days from the event; 国庆 2026 pushes the first to 23 October.
      ['security-assessment', null, 'user-growth', '2026-09-07', '2026-10-23', 'official', false, true],
      ['security-assessment', null, 'written-notice', '2026-11-16', '2026-12-28', 'official', false, false],
    ]);
    const reasons = report.regimes.find((r) => r.id === 'security-assessment')!.reasons.join('\n');
    expect(reasons).toContain('「蓉邻里」2026-09-07 用户规模显著增加（暑期同城活动后注册用户由 80 万增至 420 万，日均发帖量增长约 6 倍）');
    expect(reasons).toContain('书面通知（成都市委网信办《关于开展安全评估的通知》）（安全评估规定第三条第五项）');
  });

  it('counts the assessment once in the totals, and warns of the re-assessment that is overdue', () => {
    const blockingGaps = report.items.filter((i) => i.gap && i.severity === 'blocking');
    expect(report.summary).toMatchObject({ blocking: blockingGaps.length, overdue: 2, counts: { ready: 1 } });
    expect(report.summary.blocking).toBe(8);
    const overdue = report.warnings.filter((w) => w.code === 'DEADLINE_OVERDUE').map((w) => w.message);
    expect(overdue).toContain('「蓉邻里」的安全评估：用户规模显著增加（30 个工作日内提交报告）期限 2026-10-23 已过：请立即补办，逾期本身即构成违规。');
  });

  it('marks an event whose report was submitted as done, and a planned major change as due before it goes live', () => {
    const changed = fixture
      .replace('        what: 暑期同城活动后', '        submitted: true\n        what: 暑期同城活动后')
      .replace('    materials:\n      security-assessment-report', '      - kind: major-change\n        on: 2027-02-01\n        what: 群聊迁移至自研分布式消息平台\n    materials:\n      security-assessment-report');
    const after = JSON.parse(run(changed).stdout) as Report;
    expect(after.deadlines.filter((d) => d.kind === 'security-assessment' && d.trigger !== 'launch').map(clock)).toEqual([
      ['security-assessment', null, 'user-growth', '2026-09-07', '2026-10-23', 'official', true, false],
      ['security-assessment', null, 'written-notice', '2026-11-16', '2026-12-28', 'official', false, false],
      ['security-assessment', null, 'major-change', '2027-02-01', '2027-02-01', 'statutory', false, false],
    ]);
    expect(after.summary.overdue).toBe(1);
    expect(after.items.filter((i) => i.id === 'security-assessment-report')).toHaveLength(1);
  });

  it('brings the assessment to a service without public features when an authority demands it in writing', () => {
    const demanded = readFileSync(join(LIFECYCLE, 'delivery-platform.yaml'), 'utf8').replace(
      '    monthlyActiveUsers: 2100000\n',
      '    monthlyActiveUsers: 2100000\n    assessmentTriggers:\n      - { kind: written-notice, on: 2026-11-02, what: 上海市公安局网安总队书面通知 }\n',
    );
    const after = JSON.parse(run(demanded, 'delivery-platform.yaml').stdout) as Report;
    expect(after.regimes.find((r) => r.id === 'security-assessment')!.algorithms).toEqual(['dispatch', 'pricing']);
    expect(after.regimes.find((r) => r.id === 'algorithm-filing')!.algorithms).toEqual([]);
    expect(after.items.map((i) => [owner(i), i.id, i.covers])).toEqual([['shansong-user', 'security-assessment-report', ['dispatch', 'pricing']]]);
    // No clock at launch: the service had no 舆论属性 then; the notice starts the only one.
    expect(after.deadlines.map(clock)).toEqual([['security-assessment', null, 'written-notice', '2026-11-02', '2026-12-14', 'official', false, false]]);
  });

  it('lists the duties each algorithm owes by what it does and who uses it: elderly users, no minors', () => {
    expect(report.duties.map((i) => `${owner(i)}/${i.id}:${i.met}`)).toEqual([
      'entity/algorithm-security-responsibility:null', 'entity/labeling-platform-verification:null',
      // The feed personalises: opt-out and tags (both offered, so met); filed: display and change.
      // No minors among its users lifts the push duty, not the prominent-position ban (Minors' Regulations Art 24 para 2).
      'neighbourhood-feed/user-algorithm-transparency:null', 'neighbourhood-feed/user-opt-out:true', 'neighbourhood-feed/user-tag-management:true',
      'neighbourhood-feed/user-minors-content-positions:null', 'neighbourhood-feed/user-elderly:null', 'neighbourhood-feed/filing-number-display:null',
      'neighbourhood-feed/filing-change:null',
      // The chart ranks the same for everyone: no opt-out or tags; not filed yet: nothing to display.
      'hot-topics/user-algorithm-transparency:null', 'hot-topics/user-minors-content-positions:null', 'hot-topics/user-elderly:null',
    ]);
    expect(report.summary.duties).toMatchObject({ blocking: 0, major: 10, minor: 2 });
  });

  it('refuses an event before the service launched, or of an unknown kind, naming the field', () => {
    const early = run(fixture.replace('on: 2026-09-07', 'on: 2024-03-01'));
    expect([early.code, early.stdout]).toEqual([2, '']);
    expect(early.stderr).toBe('filing-check: community-reassessment.yaml:24:9: services[0].assessmentTriggers[0].on: 应为不早于服务上线日的日期（实际为 2024-03-01；「蓉邻里」于 2024-04-16 上线）\n');
    const unknown = run(fixture.replace('kind: user-growth', 'kind: traffic-spike'));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('filing-check: community-reassessment.yaml:23:9: services[0].assessmentTriggers[0].kind: 应为以下之一："feature-added" | "major-change" | "user-growth" | "harmful-spread" | "written-notice"，实际为 "traffic-spike"\n');
  });
});

describe('a community app assessed at launch in 2024 that adds live streaming in 2026', () => {
  const fixture = readFileSync(join(LIFECYCLE, 'community-live-feature.yaml'), 'utf8');
  const run = (text: string, args: string[] = ['-f', 'json']) => {
    const dir = mkdtempSync(join(tmpdir(), 'lifecycle-'));
    writeFileSync(join(dir, 'community-live-feature.yaml'), text);
    return runCli(['diagnose', 'community-live-feature.yaml', '--as-of', AS_OF, ...args], { cwd: dir });
  };
  const { report } = diagnose('community-live-feature');
  const assessments = (r: Report) => r.deadlines.filter((d) => d.kind === 'security-assessment').map(clock);

  it('meets the launch clock with the report submitted in 2024, and shows only the added feature\'s, due before it goes live', () => {
    expect(assessments(report)).toEqual([
      ['security-assessment', null, 'launch', '2024-03-15', '2024-03-15', 'official', true, false],
      // Art 3 item 1 增设相关功能: the report goes in before the feature does (Art 7).
      ['security-assessment', null, 'feature-added', '2026-12-18', '2026-12-18', 'official', false, false],
    ]);
    expect(report.deadlines.find((d) => d.trigger === 'feature-added')!.basis[0]!.article).toBe('第三条第一项、第七条');
    expect(report.summary.overdue).toBe(0);
    expect(report.warnings.map((w) => w.code)).not.toContain('DEADLINE_OVERDUE');
    // The report in progress is the one gap, counted once.
    expect(report.items.map((i) => [owner(i), i.id, i.status])).toEqual([['xixi-app', 'security-assessment-report', 'draft']]);
    const reasons = report.regimes.find((r) => r.id === 'security-assessment')!.reasons.join('\n');
    expect(reasons).toContain('「西溪邻里」2026-12-18 增设具有舆论属性或社会动员能力的功能（邻里直播（社区团购、社区活动直播））（安全评估规定第三条第一项）：须在功能增设前开展安全评估并提交报告（第七条）');
  });

  it('says the next date in the summary, in Chinese and English', () => {
    const zh = run(fixture, []);
    expect(zh.stdout).toContain('最近的法定期限\n  ◷ 2026-12-18  安全评估：增设相关功能（功能增设前提交报告）  西溪邻里\n');
    expect(zh.stdout).not.toContain('已过');
    const en = run(fixture, ['--lang', 'en']);
    expect(en.stdout).toContain('2026-12-18  security assessment: a feature added (report before it goes live)  西溪邻里');
  });

  it('without the record of 2024, the launch clock is overdue: the draft in progress does not meet it', () => {
    const unrecorded = run(fixture.replace(/    submittedAssessments:\n(?:      .*\n|        .*\n)+/, ''));
    const after = JSON.parse(unrecorded.stdout) as Report;
    expect(assessments(after)[0]).toEqual(['security-assessment', null, 'launch', '2024-03-15', '2024-03-15', 'official', false, true]);
    expect(after.warnings.filter((w) => w.code === 'DEADLINE_OVERDUE').map((w) => w.message)).toEqual([
      '「西溪邻里」的安全评估（上线前完成）期限 2024-03-15 已过：请立即补办，逾期本身即构成违规。',
    ]);
  });

  it('meets an added algorithm\'s clock with the report submitted for it, and counts a feature added with an algorithm once', () => {
    const withAlgorithm = fixture
      .replace('        what: 上线前安全评估，经全国互联网安全管理服务平台提交杭州市委网信办、杭州市公安局\n', '        what: 上线前安全评估，经全国互联网安全管理服务平台提交杭州市委网信办、杭州市公安局\n      - for: hot-list\n        on: 2025-05-06\n')
      .concat(
        [
          '  - id: hot-list',
          '    name: 西溪邻里小区热帖榜算法',
          '    purpose: 应用于“小区热帖”榜单场景，根据帖子的浏览、回复和转发数据，对小区话题排序展示。',
          '    services: [xixi-app]',
          '    launchDate: 2025-05-09',
          '    does: [rank]',
          '  - id: live-ranking',
          '    name: 西溪邻里直播间推荐算法',
          '    purpose: 应用于“邻里直播”频道，根据直播间热度和用户所在小区，向用户推荐直播间。',
          '    services: [xixi-app]',
          '    launchDate: 2026-12-18',
          '    does: [personalize]',
          '',
        ].join('\n'),
      );
    const after = JSON.parse(run(withAlgorithm).stdout) as Report;
    expect(assessments(after)).toEqual([
      ['security-assessment', null, 'launch', '2024-03-15', '2024-03-15', 'official', true, false],
      ['security-assessment', 'hot-list', 'algorithm-launch', '2025-05-09', '2025-05-09', 'official', true, false],
      // The live-streaming recommender goes live with the feature: its clock is the feature's.
      ['security-assessment', null, 'feature-added', '2026-12-18', '2026-12-18', 'official', false, false],
    ]);
  });

  it('refuses a report for a clock the service does not have, and an added feature that is not named, naming the field', () => {
    const unknown = run(fixture.replace('      - for: launch', '      - for: live-room'));
    expect([unknown.code, unknown.stdout]).toEqual([2, '']);
    expect(unknown.stderr).toBe('filing-check: community-live-feature.yaml:23:9: services[0].submittedAssessments[0].for: 应为上线评估 launch，或在「西溪邻里」中运行的算法的 id（实际为 "live-room"；该服务的算法：neighbourhood-feed）\n');
    const unnamed = run(fixture.replace('        what: 邻里直播（社区团购、社区活动直播）\n', ''));
    expect([unnamed.code, unnamed.stdout]).toEqual([2, '']);
    expect(unnamed.stderr).toBe('filing-check: community-live-feature.yaml:27:9: services[0].assessmentTriggers[0].what: 应为所增设的功能（如 直播、评论、热榜），因为 kind 为 feature-added\n');
    const undated = run(fixture.replace('        on: 2024-03-08\n', ''));
    expect(undated.code).toBe(2);
    expect(undated.stderr).toMatch(/^filing-check: community-live-feature\.yaml:23:\d+: services\[0\]\.submittedAssessments\[0\]\.on: /);
  });
});

describe('services older than the rules that bind them', () => {
  const { report } = diagnose('before-the-rules');

  it('starts each clock when the instrument creating the duty took effect, not at the launch', () => {
    expect(report.algorithms.map((a) => [a.id, a.role, a.filing, a.launchDate])).toEqual([
      ['qa-ranking', 'provider', 'owed', '2016-09-12'],
      ['writer', 'provider', 'owed', '2022-11-15'],
      ['face-fusion', 'technical-supporter', 'owed', '2021-06-01'],
    ]);
    const withBasis = (d: Clock) => [...clock(d), `${d.basis[0]!.instrument}${d.basis[0]!.article}`];
    expect(report.deadlines.map(withBasis)).toEqual([
      // A forum of 2016: filing from the algorithm provisions (2022-03-01) …
      ['algorithm-filing', 'qa-ranking', 'in-force', '2022-03-01', '2022-03-15', 'official', false, true, '互联网信息服务算法推荐管理规定第二十四条第一款'],
      // … a public writing assistant of November 2022 with no public features: from the gen-AI measures (2023-08-15) …
      ['algorithm-filing', 'writer', 'in-force', '2023-08-15', '2023-08-29', 'official', false, true, '生成式人工智能服务管理暂行办法第十七条'],
      // … an API offered since 2021: from the deep-synthesis provisions (2023-01-10), over 春节 2023 and its make-up Sunday.
      ['algorithm-filing', 'face-fusion', 'in-force', '2023-01-10', '2023-01-29', 'official', false, true, '互联网信息服务深度合成管理规定第十九条第二款'],
      // The forum's assessment from the 2018 rules (2018-11-30); the writer's, owed in practice as public generation, from the gen-AI measures.
      ['security-assessment', null, 'in-force', '2018-11-30', '2018-11-30', 'official', false, true, '具有舆论属性或社会动员能力的互联网信息服务安全评估规定第三条第一项、第七条'],
      ['security-assessment', null, 'in-force', '2023-08-15', '2023-08-15', 'official', false, true, '生成式人工智能服务管理暂行办法第十七条'],
    ]);
    expect(report.summary.overdue).toBe(5);
  });
});

describe('a photo app whose generation ranges from fixed effects to a free text-to-image model', () => {
  const { report } = diagnose('photo-app-generation');
  const ids = (algorithm: string) => report.items.filter((i) => i.algorithm === algorithm).map((i) => i.id);

  it('asks the large-model filing and its test banks only of the model users prompt freely', () => {
    expect(report.regimes.find((r) => r.id === 'genai-filing')!.algorithms).toEqual(['ai-painting']);
    for (const bank of ['genai-test-bank', 'genai-keyword-list', 'genai-filing-form']) {
      expect(ids('ai-painting')).toContain(bank);
      expect(ids('ai-portrait')).not.toContain(bank);
      expect(ids('voice-changer')).not.toContain(bank);
    }
    // Both effects edit biometrics: the deep-synthesis assessment of that editing (DS Art 15).
    for (const effect of ['ai-portrait', 'voice-changer']) expect(ids(effect)).toContain('ds-biometric-assessment');
  });

  it('says the effects are filed as deep synthesis by practice, and which reading was inferred from the facts', () => {
    const warned = report.warnings.filter((w) => w.code === 'GENERATION_EFFECT_PRACTICE');
    expect(warned.map((w) => w.algorithm)).toEqual(['ai-portrait', 'voice-changer']);
    expect(warned[0]!.message).toContain('实践做法');
    const reasons = report.regimes.find((r) => r.id === 'genai-filing')!.perAlgorithm;
    // openEnded: false was answered for the portrait; the voice changer's reading comes from its facts and says how to correct it.
    expect(reasons.find((p) => p.algorithm === 'ai-portrait')!.reasons[0]).toMatch(/^固定效果的生成/);
    expect(reasons.find((p) => p.algorithm === 'voice-changer')!.reasons[0]).toContain('如用户可自由提示生成内容，请填写 generation.openEnded: true');
  });

  it('tells a foreign-invested company that its gen-AI service answers to the foreign-investment rules too', () => {
    expect(report.warnings.map((w) => w.code)).not.toContain('FOREIGN_INVESTED_GENAI');
    const run = runCli(['diagnose', '-', '--as-of', AS_OF, '-f', 'json'], {
      input: readFileSync(join(LIFECYCLE, 'photo-app-generation.yaml'), 'utf8').replace('  securityOfficer: true\n', '  securityOfficer: true\n  foreignInvested: true\n'),
    });
    const warning = (JSON.parse(run.stdout) as Report).warnings.find((w) => w.code === 'FOREIGN_INVESTED_GENAI')!;
    // Only the text-to-image model is a gen-AI service; the effects file as deep synthesis.
    expect(warning.message).toContain('且美图乐AI画画文生图算法向境内公众提供生成式人工智能服务');
    expect(warning.message).toContain('第二十三条第二款');
  });

  it('assesses the app once, again before the text-to-image model went live', () => {
    expect(report.items.filter((i) => i.id === 'security-assessment-report').map((i) => [owner(i), i.covers])).toEqual([
      ['meituyue-app', ['ai-portrait', 'voice-changer', 'ai-painting']],
    ]);
    expect(report.deadlines.filter((d) => d.kind === 'security-assessment').map((d) => [d.algorithm, d.trigger, d.from])).toEqual([
      [null, 'launch', '2025-05-20'],
      ['ai-painting', 'algorithm-launch', '2026-10-15'],
    ]);
  });
});

describe('a filed algorithm whose answers still list its initial materials', () => {
  it('warns only about entries that hold progress, not the empty ones the questionnaire wrote before the number was known', () => {
    const source = readFileSync(join(LIFECYCLE, 'legacy-and-ended.yaml'), 'utf8').replace(
      '    userControls: { optOut: true, tagManagement: true }\n',
      [
        '    userControls: { optOut: true, tagManagement: true }',
        '    materials:',
        '      algorithm-disclosure: { status: missing }',
        '      algorithm-attributes: {}',
        '      algorithm-self-assessment: { status: draft, file: 自评估报告.docx, owner: 王琳 }',
        '',
      ].join('\n'),
    );
    const file = join(mkdtempSync(join(tmpdir(), 'fc-filed-')), '南窗.yaml');
    writeFileSync(file, source);
    const run = runCli(['diagnose', file, '--as-of', AS_OF, '-f', 'json']);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.warnings.filter((w) => w.code === 'MATERIAL_NOT_REQUIRED').map((w) => [w.algorithm, w.message])).toEqual([
      ['recommend', '答案中列出了材料「算法安全自评估报告」（algorithm-self-assessment），但本案不需要它（算法层面）。已保留其状态，不计入完成度。'],
    ]);
  });
});
