import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ASSESS_MESSAGES, ASSESS_REPORT_WORDS } from '../../src/assess/messages.js';
import { CHECKS } from '../../src/core/checks/index.js';
import { validateCatalogue } from '../../src/messages/catalogue-schema.js';
import { fill, MESSAGES, t, word } from '../../src/messages/messages.js';
import { loadRules } from '../../src/rules/load.js';

const root = new URL('../..', import.meta.url).pathname;
const read = (file: string) => parse(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8')) as Record<string, unknown>;

describe('the message catalogue', () => {
  it('has one shape in every message file: a dotted key worded in Chinese and English', () => {
    const questions = read('src/questionnaire/questions.yaml');
    for (const [name, data] of [
      ['src/messages/messages.yaml', read('src/messages/messages.yaml')],
      ['src/messages/help.yaml', read('src/messages/help.yaml')],
      ['src/lint/messages.yaml', read('src/lint/messages.yaml')],
      ['src/assess/messages.yaml', read('src/assess/messages.yaml')],
      ['questions.yaml ui', questions.ui],
      ['questions.yaml checks', questions.checks],
    ] as const) {
      expect(() => validateCatalogue(data, name), name).not.toThrow();
    }
  });

  it('has every label the assess views use', () => {
    for (const label of ASSESS_REPORT_WORDS) expect(Object.keys(ASSESS_MESSAGES), label).toContain(`report.${label}`);
  });

  it('words every code a check can return, and each code has a severity and a basis in the rule packs', async () => {
    const rules = await loadRules([], root);
    const codes = CHECKS.flatMap((c) => c.codes);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) {
      expect(Object.keys(MESSAGES), code).toContain(`warning.${code}`);
      expect(rules.warnings.map((w) => w.id), code).toContain(code);
    }
    // No wording is left for a code that no check returns.
    const worded = Object.keys(MESSAGES).filter((k) => k.startsWith('warning.')).map((k) => k.slice('warning.'.length));
    expect(worded.sort()).toEqual([...codes].sort());
  });

  it('words references and lists in the language of the message, and leaves a missing placeholder visible', () => {
    const catalogue = { ...MESSAGES, 'type.02': { zh: '个性化推送类', en: 'Personalised push' } };
    const args = { declared: { list: [{ key: 'ui.typeCodeAndName', args: { type: '02', typeName: { key: 'type.02' } } }, '06'], separator: 'list.enumeration' }, level: { key: 'level.entity' } };
    expect(fill('{declared}（{level}）{gap}', args, catalogue, 'zh')).toBe('02 个性化推送类、06（主体层面）{gap}');
    expect(fill('{declared} ({level}) {gap}', args, catalogue, 'en')).toBe('02 Personalised push, 06 (entity level) {gap}');
    expect(() => word(catalogue, 'en', 'warning.NO_SUCH_CODE')).toThrow(/warning\.NO_SUCH_CODE/);
    expect(t('en', 'warning.MATERIAL_NOT_REQUIRED', { material: 'x', id: 'x', level: { key: 'level.algorithm' } })).toContain('(algorithm level)');
  });
});
