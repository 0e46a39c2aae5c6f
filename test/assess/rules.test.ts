import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ASSESS_FINDING_CODES } from '../../src/assess/messages.js';
import { ASSESS_RULES, validateAssessRules } from '../../src/assess/rules.js';

const file = () => parse(readFileSync(new URL('../../src/assess/assess-rules.yaml', import.meta.url), 'utf8')) as Record<string, unknown>;

describe('assess-rules.yaml', () => {
  it('validates and holds the 31 risks of Annex A: 8, 9, 5, 7 and 2', () => {
    expect(validateAssessRules(file())).toEqual(ASSESS_RULES);
    const perGroup = Object.fromEntries(ASSESS_RULES.groups.map((g) => [g.code, ASSESS_RULES.risks.filter((r) => r.code.startsWith(`${g.code}.`)).length]));
    expect(perGroup).toEqual({ 'A.1': 8, 'A.2': 9, 'A.3': 5, 'A.4': 7, 'A.5': 2 });
    expect(ASSESS_RULES.risks.map((r) => r.code)).toEqual(ASSESS_RULES.risks.map((r) => r.code).sort());
    expect(ASSESS_RULES.topics).toHaveLength(13);
  });

  it('rejects a name given to two risks, and a risk of no group', () => {
    const twice = file();
    (twice.risks as { aliases?: string[] }[])[9]!.aliases = ['民族歧视内容'];
    expect(() => validateAssessRules(twice)).toThrow(/"民族歧视内容" names both A\.2\.1 and A\.2\.2/);
    const orphan = file();
    (orphan.risks as { code: string }[])[0]!.code = 'A.7.1';
    expect(() => validateAssessRules(orphan)).toThrow(/risk A\.7\.1 belongs to no group/);
  });

  it('every finding code the checks can raise is worded in both languages', () => {
    const source = readFileSync(new URL('../../src/assess/check.ts', import.meta.url), 'utf8');
    const raised = [...new Set([...source.matchAll(/code: '([A-Z][A-Z_]+)'|'([A-Z]+_[A-Z_]+)'/g)].map((m) => (m[1] ?? m[2])!))].sort();
    expect(raised).toEqual([...ASSESS_FINDING_CODES].sort());
  });
});
