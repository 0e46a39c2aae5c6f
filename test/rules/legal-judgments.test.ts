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
