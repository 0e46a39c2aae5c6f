import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

const COMPANION = 'test/fixtures/anthropomorphic/companion.yaml';
const CUSTOMER_SERVICE = 'test/fixtures/anthropomorphic/customer-service.yaml';

interface Report {
  regimes: { id: string; applies: boolean; algorithms: string[]; reasons: string[] }[];
  items: { id: string; algorithm: string | null; status: string; severity: string; confidence: string }[];
  deadlines: { kind: string; service: string; from: string; due: string; overdue: boolean }[];
  warnings: { code: string; severity: string; algorithm: string | null; message: string }[];
}

function diagnose(file: string, ...args: string[]): Report {
  const run = runCli(['diagnose', file, '--format', 'json', '--as-of', '2026-12-06', ...args]);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as Report;
}

describe('the anthropomorphic-interaction regime', () => {
  it('applies to an AI companion app, with its duties, its assessment clock and the user-scale threshold', () => {
    const report = diagnose(COMPANION);
    const regime = report.regimes.find((r) => r.id === 'anthropomorphic-interaction')!;
    expect(regime).toMatchObject({ applies: true, algorithms: ['companion-chat'] });
    expect(regime.reasons).toEqual(['心语虚拟伴侣对话生成算法: 「心语AI伴侣」以模拟人类人格特征的方式向公众提供持续情感互动，适用《人工智能拟人化互动服务管理暂行办法》（2026 年 7 月 15 日施行；第二条，条号据二手来源）']);
    const items = report.items.filter((i) => i.id.startsWith('anthropomorphic-')).map(({ id, status, severity, confidence }) => [id, status, severity, confidence]);
    expect(items).toEqual([
      ['anthropomorphic-security-assessment', 'draft', 'blocking', 'practice'],
      ['anthropomorphic-minors', 'missing', 'blocking', 'practice'],
      ['anthropomorphic-reminders', 'missing', 'major', 'practice'],
      ['anthropomorphic-risk-response', 'missing', 'major', 'practice'],
      ['anthropomorphic-lifecycle-security', 'missing', 'major', 'practice'],
    ]);
    // Live before the measures: the assessment is owed from their entry into force, and is not done.
    expect(report.deadlines.find((d) => d.kind === 'anthropomorphic-assessment')).toMatchObject({ service: '心语AI伴侣', from: '2026-07-15', due: '2026-07-15', overdue: true });
    expect(report.warnings.find((w) => w.code === 'ANTHROPOMORPHIC_USER_SCALE')).toEqual({
      code: 'ANTHROPOMORPHIC_USER_SCALE',
      severity: 'major',
      algorithm: 'companion-chat',
      message: '「心语AI伴侣」的用户规模（注册用户 2,300,000、月活跃用户 410,000）已达拟人化互动服务安全评估门槛（注册用户 100 万以上或月活跃用户 10 万以上），须开展安全评估并向属地省级网信部门提交报告。门槛为征求意见稿所定、据报道正式文本保留（中等可信度）。',
    });
    // Still a generative service: gen-AI filing (fine-tuned model) and labelling apply beside it.
    expect(report.regimes.filter((r) => r.applies).map((r) => r.id)).toEqual(['algorithm-filing', 'security-assessment', 'genai-filing', 'content-labeling', 'anthropomorphic-interaction']);
  });

  it('leaves customer service out, however many users it has', () => {
    const report = diagnose(CUSTOMER_SERVICE, '--lang', 'en');
    expect(report.regimes.find((r) => r.id === 'anthropomorphic-interaction')).toMatchObject({ applies: false, algorithms: [] });
    expect(report.regimes.find((r) => r.id === 'anthropomorphic-interaction')!.reasons[0]).toContain('customer service, Q&A, productivity tools and other services without sustained emotional interaction are outside');
    expect(report.items.filter((i) => i.id.startsWith('anthropomorphic-'))).toEqual([]);
    expect(report.warnings.map((w) => w.code)).not.toContain('ANTHROPOMORPHIC_USER_SCALE');
  });
});

describe('bad input about users and anthropomorphic services', () => {
  const companion = readFileSync(COMPANION, 'utf8');
  const cases: [string, string, string][] = [
    ['a negative registeredUsers', companion.replace('registeredUsers: 2300000', 'registeredUsers: -5'), '<stdin>:15:5: services[0].registeredUsers: expected a number ≥ 0, got number -5'],
    ['a fractional registeredUsers', companion.replace('registeredUsers: 2300000', 'registeredUsers: 2300000.5'), '<stdin>:15:5: services[0].registeredUsers: expected a whole number, got number 2300000.5'],
    ['anthropomorphic on an algorithm that does not generate', companion.replace('does: [generate]', 'does: [personalize]'), '<stdin>:28:7: algorithms[0].generation.anthropomorphic: expected false or absent (does does not include generate, and only an algorithm that generates can be anthropomorphic, 拟人化互动), got boolean true'],
  ];
  it.each(cases)('%s is exit 2 with one message naming the field', (_name, yaml, message) => {
    const run = runCli(['diagnose', '-', '--as-of', '2026-12-06', '--lang', 'en'], { input: yaml });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`filing-check: ${message}\n`);
  });

  it('words the same refusals in Chinese, the default language', () => {
    const [negative, , anthropomorphic] = cases;
    expect(runCli(['diagnose', '-', '--as-of', '2026-12-06', '--lang', 'zh'], { input: negative![1] }).stderr).toBe('filing-check: <stdin>:15:5: services[0].registeredUsers: 应为不小于 0 的数字，实际为数字 -5\n');
    expect(runCli(['diagnose', '-', '--as-of', '2026-12-06', '--lang', 'zh'], { input: anthropomorphic![1] }).stderr).toBe(
      'filing-check: <stdin>:28:7: algorithms[0].generation.anthropomorphic: 应为不填或填 false（does 不含 generate；只有生成类算法才可能拟人化互动），实际为布尔值 true\n',
    );
  });
});
