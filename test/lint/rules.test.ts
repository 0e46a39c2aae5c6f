import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { LINT_RULES, validateLintRules } from '../../src/lint/rules.js';

const file = () => parse(readFileSync(new URL('../../src/lint/lint-rules.yaml', import.meta.url), 'utf8')) as Record<string, unknown>;

describe('lint-rules.yaml', () => {
  it('validates and is what the lint loads', () => {
    expect(validateLintRules(file())).toEqual(LINT_RULES);
    expect(LINT_RULES.kinds.disclosure.sections.map((s) => s.name)).toEqual(['算法基本原理', '算法运行机制', '算法应用场景', '算法目的意图']);
    expect(LINT_RULES.kinds['self-assessment'].sections.map((s) => s.name)).toEqual(['算法情况', '服务情况', '风险研判', '风险防控情况', '安全评估结论']);
  });

  it('rejects a pattern that does not compile, naming where it is', () => {
    expect(() => validateLintRules({ ...file(), marketing: [{ pattern: '行业领先', reason: 'ranking' }, { pattern: '(unclosed', reason: 'hype' }] })).toThrow(/marketing\[1\][\s\S]*regular expression|regular expression[\s\S]*marketing/);
  });

  it('rejects a heading variant given to two sections of one kind', () => {
    const data = file();
    const kinds = data.kinds as { disclosure: { sections: { variants: string[] }[] } };
    kinds.disclosure.sections[1]?.variants.push('基本 原理');
    expect(() => validateLintRules(data)).toThrow(/"基本 原理" belongs to both "principle" and "mechanism"/);
  });

  it('rejects unknown keys and missing type names', () => {
    expect(() => validateLintRules({ ...file(), extra: 1 })).toThrow(/extra/);
    const data = file();
    delete (data.typeNames as Record<string, unknown>)['06'];
    expect(() => validateLintRules(data)).toThrow(/typeNames/);
  });
});
