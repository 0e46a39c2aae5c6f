import { describe, expect, it } from 'vitest';
import { FUNCTIONS, MATERIAL_STATUSES, PUBLIC_FEATURES } from '../../src/answers/vocabulary.js';
import { QuestionsFileSchema, SECTION_PREFIXES, type SectionName } from '../../src/questionnaire/questions.js';
import data from '../../src/questionnaire/questions.yaml';

type Mutable = { sections: Record<SectionName, { questions: Record<string, unknown>[] }>; ui: Record<string, unknown>; checks: Record<string, unknown> };

/** A deep copy of the bundled questions, changed by `edit`, as the schema sees it. */
function mutated(edit: (file: Mutable) => void) {
  const file = structuredClone(data) as Mutable;
  edit(file);
  return QuestionsFileSchema.safeParse(file);
}

function question(file: Mutable, section: SectionName, key: string) {
  const found = file.sections[section].questions.find((q) => q.key === key);
  if (!found) throw new Error(`no question ${section}.${key}`);
  return found;
}

function messages(result: ReturnType<typeof mutated>): string {
  return result.success ? '' : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n');
}

describe('questions.yaml', () => {
  it('is valid against its schema and the answers schema', () => {
    const result = QuestionsFileSchema.safeParse(data);
    expect(messages(result)).toBe('');
  });

  it('asks in the client\'s terms: the "does" choices describe behaviour and never name a filing type', () => {
    const file = QuestionsFileSchema.parse(data);
    const does = file.sections.algorithm.questions.find((q) => q.key === 'does')!;
    expect(Object.keys(does.choices!)).toEqual([...FUNCTIONS]);
    for (const label of Object.values(does.choices!)) {
      expect(label.zh).not.toMatch(/类|生成合成|个性化推送|排序精选|检索|过滤|调度决策/);
      expect(label.en).not.toMatch(/type|category/i);
    }
  });

  it('gives every question a why line with a legal basis or says the answer is not filed', () => {
    const file = QuestionsFileSchema.parse(data);
    for (const [name, section] of Object.entries(file.sections)) {
      for (const q of section.questions) {
        const basis = /《.+》|GB |实践做法|不会上报|依据|复核/;
        expect(q.why.zh, `${name}.${q.key}`).toMatch(basis);
        expect(q.why.en, `${name}.${q.key}`).not.toBe('');
      }
    }
  });

  it('covers every section of the answers file it promises', () => {
    expect(Object.keys(SECTION_PREFIXES)).toEqual(['entity', 'service', 'algorithm', 'material']);
    const file = QuestionsFileSchema.parse(data);
    expect(Object.keys(file.sections.service.questions.find((q) => q.key === 'publicFeatures')!.choices!)).toEqual([...PUBLIC_FEATURES]);
    expect(Object.keys(file.sections.material.questions.find((q) => q.key === 'status')!.choices!)).toEqual([...MATERIAL_STATUSES]);
  });

  it.each<[string, (file: Mutable) => void, RegExp]>([
    ['a message without English', (f) => delete (question(f, 'entity', 'name').message as Record<string, unknown>).en, /sections\.entity\.questions\.0\.message\.en/],
    ['a missing ui word', (f) => delete f.ui.cancelled, /ui\.cancelled/],
    ['a missing refusal reason', (f) => delete f.checks['credit-code'], /checks\.credit-code/],
    ['a key that is not a field of the answers file', (f) => (question(f, 'service', 'name').key = 'title'), /a field of the answers file under services\.0 \(got "title"/],
    ['choices that miss a value of the field', (f) => delete (question(f, 'algorithm', 'does').choices as Record<string, unknown>).decide, /a label for exactly each value of does/],
    ['a choice the field does not allow', (f) => ((question(f, 'service', 'audience').choices as Record<string, unknown>).everyone = { zh: '所有人', en: 'Everyone' }), /a label for exactly each value of audience/],
    ['a kind that does not fit the field', (f) => (question(f, 'service', 'servesMainland').kind = 'text'), /a kind that fits the field servesMainland/],
    ['a condition on a later question', (f) => (question(f, 'algorithm', 'does').when = { role: 'provider' }), /a known fact .*earlier questions/],
    ['a condition on a value the field cannot take', (f) => (question(f, 'algorithm', 'role').when = { does: 'summarise' }), /a value of does/],
    ['a default the field refuses', (f) => (question(f, 'service', 'minors').default = 'sometimes'), /a default that is a valid value of minors/],
    ['a question asked twice', (f) => f.sections.entity.questions.push(structuredClone(question(f, 'entity', 'icp'))), /a key not asked twice/],
    ['an unknown field', (f) => (question(f, 'entity', 'icp').hint = 'x'), /Unrecognized key/],
  ])('refuses %s', (_, edit, message) => {
    expect(messages(mutated(edit))).toMatch(message);
  });
});
