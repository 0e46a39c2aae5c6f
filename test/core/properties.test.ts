import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import * as z from '../../src/zod.js';
import { ReportSchema, type Report } from '../../src/core/report-schema.js';
import { runMain } from '../helpers.js';
import { answers } from '../helpers/answers-arbitrary.js';

async function diagnoseObject(value: unknown): Promise<{ code: number; report: Report | null; stderr: string }> {
  const result = await runMain(['diagnose', '-', '-f', 'json', '--as-of', '2026-11-29'], { stdin: stringify(value) });
  return { code: result.code, report: result.code === 2 ? null : (JSON.parse(result.stdout) as Report), stderr: result.stderr };
}

describe('properties of the diagnosis', () => {
  it('every valid answers file gives a valid report that keeps the invariants', async () => {
    const seen = new Map<string, Set<boolean>>();
    await fc.assert(
      fc.asyncProperty(answers, async (value) => {
        const { code, report, stderr } = await diagnoseObject(value);
        expect(stderr).toBe('');
        expect(z.safeParse(ReportSchema, report).success).toBe(true);
        const r = report!;
        // Each required item and duty once, each in one section; service items only for services.
        const keys = [...r.items, ...r.duties].map((i) => `${i.algorithm ?? i.service ?? ''}/${i.id}`);
        expect(new Set(keys).size).toBe(keys.length);
        for (const i of [...r.items, ...r.duties]) expect(i.level === 'service').toBe(i.service !== null);
        // Regimes agree with the per-algorithm view and with the types.
        for (const regime of r.regimes) {
          expect(regime.applies).toBe(regime.algorithms.length > 0);
          for (const a of regime.algorithms) expect(r.algorithms.find((x) => x.id === a)!.regimes).toContain(regime.id);
          if (['content-labeling', 'genai-filing', 'genai-registration'].includes(regime.id)) {
            for (const a of regime.algorithms) expect(r.algorithms.find((x) => x.id === a)!.functions.map((f) => f.does)).toContain('generate');
          }
        }
        expect(r.regimes.find((x) => x.id === 'genai-filing')!.algorithms.filter((a) => r.regimes.find((x) => x.id === 'genai-registration')!.algorithms.includes(a))).toEqual([]);
        // The type is the primary function's, and items belong to known algorithms.
        for (const a of r.algorithms) expect(a.type).toBe(a.functions[0]!.type);
        for (const i of r.items) if (i.algorithm) expect(r.algorithms.map((a) => a.id)).toContain(i.algorithm);
        // Summary and exit code follow the items.
        expect(r.summary.blocking).toBe(r.items.filter((i) => i.gap && i.severity === 'blocking').length);
        expect(r.summary.duties.blocking).toBe(r.duties.filter((i) => i.gap && i.severity === 'blocking').length);
        expect(code).toBe(r.summary.blocking > 0 || r.summary.duties.blocking > 0 || r.summary.overdue > 0 ? 1 : 0);
        for (const regime of r.regimes) seen.set(regime.id, (seen.get(regime.id) ?? new Set()).add(regime.applies));
      }),
      { numRuns: 80, seed: 20261129 },
    );
    // The generator reaches both outcomes of every regime, so the invariants were really exercised.
    for (const [regime, outcomes] of seen) expect([regime, [...outcomes].sort()]).toEqual([regime, [false, true]]);
  });

  it('every invalid answers file exits 2 with one line and no stack trace', async () => {
    const mutation = fc.constantFrom<((v: Record<string, unknown>) => void)[]>(
      (v) => delete v.entity,
      (v) => (v.schemaVersion = 2),
      (v) => (v.extra = true),
      (v) => ((v.algorithms as Record<string, unknown>[])[0]!.does = ['recommend']),
      (v) => ((v.algorithms as Record<string, unknown>[])[0]!.services = ['no-such-service']),
      (v) => ((v.services as Record<string, unknown>[])[0]!.launchDate = '2026-02-30'),
      (v) => ((v.entity as Record<string, unknown>).creditCode = '91330110MA2KXQ7L3X'),
      (v) => (v.algorithms = {}),
      (v) => ((v.materials as Record<string, unknown>)['system-anti-fraud'] = { status: 'not-applicable' }),
    );
    await fc.assert(
      fc.asyncProperty(answers, mutation, async (value, mutate) => {
        const copy = structuredClone(value) as Record<string, unknown>;
        mutate(copy);
        const { code, stderr } = await diagnoseObject(copy);
        expect(code).toBe(2);
        expect(stderr).toMatch(/^filing-check: <stdin>(:\d+:\d+)?: [^\n]+\n$/);
      }),
      { numRuns: 60, seed: 20261129 },
    );
  });
});
