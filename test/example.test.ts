// The bundled example shows the facts of a filing subject over time (an algorithm added to a live
// service, a filed algorithm with its changes, the service's own security assessment, user scale),
// and its totals count each item once: a consultant signs the readiness figure it prints.
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/core/report-schema.js';
import { AS_OF, runCli } from './helpers/formats.js';

const EXAMPLE = 'examples/filing.yaml';

async function report(): Promise<Report> {
  return JSON.parse((await runCli(['diagnose', EXAMPLE, '--as-of', AS_OF, '-f', 'json'])).stdout);
}

describe('the bundled example', () => {
  it('counts each item once in its readiness and blocking totals', async () => {
    const { items, duties, summary, algorithms } = await report();
    const keys = items.map((i) => `${i.algorithm ?? i.service ?? 'entity'}/${i.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    // The 2018 assessment: one item per service with 舆论属性, none per algorithm.
    const assessments = items.filter((i) => i.id === 'security-assessment-report');
    expect(assessments.map((i) => [i.level, i.service, i.covers])).toEqual([
      ['service', 'yunqi-app', ['feed', 'bestseller-list', 'search', 'moderation', 'copywriter']],
      ['service', 'yunqi-life', ['life-feed']],
    ]);
    const blocking = items.filter((i) => i.gap && i.severity === 'blocking');
    expect(summary.blocking).toBe(blocking.length);
    expect(summary.blocking).toBe(26);
    // Entity, service and algorithm items add up to the total, with nothing counted twice.
    const perAlgorithm = Object.values(summary.algorithms).reduce((sum, t) => sum + t.blocking, 0);
    const beyondAlgorithms = blocking.filter((i) => i.algorithm === null).length;
    expect([perAlgorithm, beyondAlgorithms]).toEqual([21, 5]);
    expect(perAlgorithm + beyondAlgorithms).toBe(summary.blocking);
    const { ready, draft, missing, notApplicable } = summary.counts;
    expect(ready + draft + missing + notApplicable).toBe(items.length);
    // Continuing duties have their own tally and never enter the filing's totals.
    expect(keys.some((key) => duties.some((d) => `${d.algorithm ?? d.service ?? 'entity'}/${d.id}` === key))).toBe(false);
    expect(summary.duties.major).toBe(duties.filter((d) => d.gap && d.severity === 'major').length);
    // The filed algorithm has no initial-filing gap, and neither has the entity it filed with.
    expect(summary.algorithms['life-feed']).toMatchObject({ blocking: 0, major: 0, minor: 0 });
    expect(items.filter((i) => i.id.startsWith('entity-'))).toEqual([]);
    expect(algorithms.find((a) => a.id === 'life-feed')?.filing).toBe('filed');
  });

  it('prints the same totals on the summary screen, one action line per material', async () => {
    const text = (await runCli(['diagnose', EXAMPLE, '--as-of', AS_OF])).stdout;
    expect(text).toContain('准备度    15%  缺口：阻断 26 · 重要 11 · 一般 1');
    expect(text).toContain('阻断缺口（26 项，提交前须补齐）');
    expect(text.match(/^ {2}安全评估报告（2018 年安全评估规定）.*$/gm)).toEqual(['  安全评估报告（2018 年安全评估规定）（云栖优选）  ◐ 草稿：云栖优选（赵琳 2026-12-21）']);
  });

  it('shows the lifecycle facts: an algorithm added to a live service, a filed algorithm with its changes', async () => {
    const { algorithms, deadlines } = await report();
    // The AI copywriter went live in the merchant console in November, not with the console in June.
    expect(algorithms.find((a) => a.id === 'copywriter')).toMatchObject({ filing: 'owed', launchDate: '2026-11-20' });
    const changes = deadlines.filter((d) => d.algorithm === 'life-feed').map((d) => [d.kind, d.trigger, d.from, d.due, d.done]);
    expect(changes).toEqual([
      ['algorithm-filing', 'launch', '2024-05-20', '2024-06-03', true],
      ['change', 'change', '2025-08-11', '2025-08-25', true],
      ['change', 'change', '2026-11-25', '2026-12-09', false],
    ]);
  });
});
