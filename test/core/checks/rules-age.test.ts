import { describe, expect, it } from 'vitest';
import { isAtOrAbove } from '../../../src/core/report.js';
import { runCli } from '../../helpers.js';

const NEWS = 'test/fixtures/cases/news-feed.yaml';
const PACKS: [string, string][] = [
  ['cn-algorithm-filing@2026.11', '2026-11-29'], ['cn-anthropomorphic@2026.12', '2026-12-06'], ['cn-deep-synthesis@2026.11', '2026-11-29'],
  ['cn-genai@2026.11', '2026-11-29'], ['cn-security-assessment@2026.11', '2026-11-29'],
];

function warnings(asOf: string, lang = 'zh'): { code: string; severity: string; algorithm: string | null; message: string }[] {
  const run = runCli(['diagnose', NEWS, '--format', 'json', '--as-of', asOf, '--lang', lang]);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout).warnings;
}

describe('a report that knows its age', () => {
  it('says, at info, that the packs may be out of date when the diagnosis is two years after they were checked', () => {
    const stale = warnings('2028-11-30').filter((w) => w.code === 'RULES_MAY_BE_OUTDATED');
    expect(stale).toEqual([
      {
        code: 'RULES_MAY_BE_OUTDATED',
        severity: 'info',
        algorithm: null,
        message: `本报告按 2028-11-30 诊断，而以下规则包最后一次对照法规核对距此已超过 6 个月：${PACKS.map(([p, d]) => `${p}（${d} 核对）`).join('、')}。此后发布或修订的规定未必已经纳入：请以现行有效的法规文本核对结论，或更新 filing-check。`,
      },
    ]);
    expect(warnings('2028-11-30', 'en').find((w) => w.code === 'RULES_MAY_BE_OUTDATED')!.message).toContain(`${PACKS.map(([p, d]) => `${p} (checked ${d})`).join(', ')}.`);
  });

  it('stays silent up to six months after the packs were checked', () => {
    expect(warnings('2027-05-29').map((w) => w.code)).not.toContain('RULES_MAY_BE_OUTDATED');
    expect(warnings('2027-05-30').map((w) => w.code)).toContain('RULES_MAY_BE_OUTDATED');
  });

  // The CSV view is the table of materials and carries no warning of any kind.
  it('shows the warning in every report format that shows warnings, and never fails a run for it', () => {
    const run = (format: string, ...more: string[]) => runCli(['diagnose', NEWS, '--format', format, '--as-of', '2028-11-30', '--fail-on', 'none', ...more]);
    expect(run('text').stdout).toMatch(/! 提示 本报告按 2028-11-30 诊断/);
    expect(run('text', '--detail').stdout).toMatch(/! 提示 RULES_MAY_BE_OUTDATED\n {4}本报告按 2028-11-30 诊断/);
    expect(run('md').stdout).toMatch(/- \*\*提示\*\*: 本报告按 2028-11-30 诊断.*\(RULES\\_MAY\\_BE\\_OUTDATED\)/);
    expect(run('html').stdout).toContain('RULES_MAY_BE_OUTDATED');
    expect(run('junit').stdout).toContain('RULES_MAY_BE_OUTDATED (提示)');
    expect(run('github').stdout).toMatch(/^::notice [^\n]*::本报告按 2028-11-30 诊断/m);
    const sarif = JSON.parse(run('sarif').stdout);
    expect(sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'RULES_MAY_BE_OUTDATED')).toMatchObject({ level: 'note' });
    for (const failOn of ['blocking', 'major', 'minor'] as const) expect(isAtOrAbove('info', failOn)).toBe(false);
  });

  it('rules list shows the day each pack was last checked', () => {
    const text = runCli(['rules', 'list']).stdout;
    for (const [pack, verified] of PACKS) expect(text).toMatch(new RegExp(`^${pack.split('@')[0]} +pack +- +- +- +${verified} `, 'm'));
    const json = JSON.parse(runCli(['rules', 'list', '--format', 'json']).stdout) as { id: string; kind: string; verified: string; pack: string }[];
    expect(json.filter((e) => e.kind === 'pack').map(({ id, verified, pack }) => ({ id, verified, pack }))).toEqual(
      PACKS.map(([pack, verified]) => ({ id: pack.split('@')[0], verified, pack })),
    );
  });
});
