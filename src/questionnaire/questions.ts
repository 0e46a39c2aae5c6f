import * as z from '../zod.js';
import { enumValues, fieldKind, fieldSchema } from '../answers/fields.js';
import { problemWith } from '../data/schema-problem.js';
import { ERROR_MESSAGES } from '../errors.js';
import { word } from '../messages/catalogue.js';
import { SERVICE_STATUSES } from '../answers/vocabulary.js';
import { conditionSchema, type Condition, type FactValue } from '../rules/schema.js';
import data from './questions.yaml';

const QUESTION_KINDS = ['text', 'integer', 'date', 'confirm', 'select', 'checkbox', 'services', 'declared-type', 'events', 'changes'] as const;
/** Reasons a refused answer can be given; each needs a zh and en text under `checks`. */
const CHECKS = [
  'required', 'at-least-one', 'kebab-id', 'unique-id', 'credit-code', 'credit-code-check-digit', 'region-code',
  'date', 'integer', 'declared-type', 'services', 'event-before-launch', 'invalid',
] as const;
/** The checks a question may name itself; the others follow from its kind. */
const QUESTION_CHECKS = ['kebab-id', 'credit-code', 'region-code'] as const;
const DERIVATIONS = ['id-from-name', 'region-from-credit-code'] as const;
const UI_KEYS = [
  'intro', 'resume', 'file-header', 'existing-file', 'existing-resume', 'existing-replace', 'existing-cancel', 'existing-why',
  'cancelled', 'cancelled-unsaved', 'saved', 'why', 'optional', 'invalid-existing', 'no-services-yet',
  'new-service', 'service-choice', 'service-heading', 'algorithm-heading', 'materials-heading', 'material-of',
  'declared-type-none', 'event-date', 'event-what', 'event-feature', 'event-submitted', 'yes', 'no', 'key-navigate', 'key-select', 'key-submit', 'key-all', 'key-invert',
  'change-on', 'change-what', 'change-filed', 'change-more',
] as const;

export type Check = (typeof CHECKS)[number];
export type UiKey = (typeof UI_KEYS)[number];

/** The typed kinds: a condition tests only whether they were answered. */
export const TYPED_KINDS: ReadonlySet<Question['kind']> = new Set(['text', 'integer', 'date']);
/** The fact a `services` question gives later questions: the statuses of the products chosen. */
export const SERVICES_STATUS = 'services.status';

/**
 * Where each section's items sit in the answers file. A question's key is checked against the
 * schema under this prefix (any list index or material id stands for all of them).
 */
export const SECTION_PREFIXES = {
  entity: ['entity'],
  service: ['services', 0],
  algorithm: ['algorithms', 0],
  material: ['materials', 'any-material'],
} as const satisfies Record<string, readonly (string | number)[]>;
export type SectionName = keyof typeof SECTION_PREFIXES;

const nonEmpty = z.string().check(z.minLength(1));
const localized = z.strictObject({ zh: nonEmpty, en: nonEmpty });
export type Localized = z.output<typeof localized>;

const Question = z.strictObject({
  key: z.string().check(z.regex(/^[a-z][A-Za-z]*(?:\.[a-z][A-Za-z]*)*$/, 'a field path such as name or generation.modalities')),
  kind: z.enum(QUESTION_KINDS),
  message: localized,
  why: localized,
  choices: z.optional(z.record(z.string(), localized)),
  default: z.optional(z.union([z.boolean(), z.string(), z.array(z.string())])),
  derive: z.optional(z.enum(DERIVATIONS)),
  optional: z.optional(z.boolean()),
  check: z.optional(z.enum(QUESTION_CHECKS)),
  // Checked against the earlier questions of its section in the file-level refinement below.
  when: z.optional(z.custom<Condition>((value) => typeof value === 'object' && value !== null, 'a condition')),
});
export type Question = z.output<typeof Question>;

const Confirmation = z.strictObject({ message: localized, why: localized });

const Section = z.strictObject({
  title: localized,
  /** Asked once before the first item, when the section may be empty. */
  start: z.optional(Confirmation),
  /** Asked after each item: add another? */
  more: z.optional(Confirmation),
  questions: z.array(Question).check(z.minLength(1)),
});
export type Section = z.output<typeof Section>;

const keyed = <K extends string>(keys: readonly K[]) => z.strictObject(Object.fromEntries(keys.map((k) => [k, localized])) as Record<K, typeof localized>);

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value) => b.includes(value));
}

/** Checks one section's questions against the answers schema and each other. */
function checkSection(name: SectionName, section: Section, ctx: { issues: unknown[] }, input: unknown): void {
  const domains: Record<string, readonly FactValue[]> = {};
  const seen = new Set<string>();
  section.questions.forEach((question, index) => {
    const at = ['sections', name, 'questions', index];
    const issue = (message: string, field?: string) => ctx.issues.push({ code: 'custom', input, path: field ? [...at, field] : at, message });
    const path = [...SECTION_PREFIXES[name], ...question.key.split('.')];
    if (seen.has(question.key)) issue(`a key not asked twice in section ${name} (got "${question.key}")`, 'key');
    seen.add(question.key);
    const kind = fieldKind(path);
    if (!kind) return issue(`a field of the answers file under ${SECTION_PREFIXES[name].join('.')} (got "${question.key}"; see src/answers/schema.ts)`, 'key');
    // An events question offers the kinds of its list's entries.
    const values = question.kind === 'events' ? enumValues([...path, 0, 'kind']) : enumValues(path);
    const expected: Record<Question['kind'], boolean> = {
      text: kind === 'other' && !values,
      integer: kind === 'other' && !values,
      date: kind === 'other' && !values,
      'declared-type': kind === 'other' && !values,
      confirm: kind === 'boolean',
      select: kind === 'other' && values !== undefined,
      checkbox: kind === 'list' && values !== undefined,
      services: kind === 'list' && name === 'algorithm' && question.key === 'services',
      events: kind === 'list' && values !== undefined && fieldKind([...path, 0, 'on']) === 'other',
      changes: kind === 'list' && name === 'algorithm' && question.key === 'changes',
    };
    if (!expected[question.kind]) issue(`a kind that fits the field ${question.key} (got ${question.kind})`, 'kind');
    const hasChoices = question.kind === 'select' || question.kind === 'checkbox' || question.kind === 'events';
    if (hasChoices && values && !sameSet(Object.keys(question.choices ?? {}), values)) {
      issue(`a label for exactly each value of ${question.key}: ${values.join(', ')} (got ${Object.keys(question.choices ?? {}).join(', ') || 'none'})`, 'choices');
    }
    if (!hasChoices && question.choices) issue(`no choices for a ${question.kind} question`, 'choices');
    if (question.default !== undefined && !z.safeParse(fieldSchema(path)!, question.default).success) {
      issue(`a default that is a valid value of ${question.key}`, 'default');
    }
    if (question.when !== undefined) {
      const problem = problemWith(conditionSchema(domains), question.when, 'src/questionnaire/questions.yaml');
      if (problem) {
        ctx.issues.push({ code: 'custom', input, path: [...at, 'when'], message: `${word(ERROR_MESSAGES, 'en', problem.key, problem.args)} (a condition may only test earlier questions of the section: their choices, yes/no answers, whether a typed one was answered, or the status of the products chosen)` });
      }
    }
    if (question.kind === 'confirm' || TYPED_KINDS.has(question.kind)) domains[question.key] = [true, false];
    if (question.kind === 'services') domains[SERVICES_STATUS] = SERVICE_STATUSES;
    if ((question.kind === 'select' || question.kind === 'checkbox') && values) domains[question.key] = values;
  });
}

/** The questions file: user-interface words, refusal reasons and the four sections of questions. */
export const QuestionsFileSchema = z
  .strictObject({
    ui: keyed(UI_KEYS),
    checks: keyed(CHECKS),
    sections: z.strictObject({ entity: Section, service: Section, algorithm: Section, material: Section }),
  })
  .check(
    z.superRefine((file, ctx) => {
      for (const name of Object.keys(SECTION_PREFIXES) as SectionName[]) checkSection(name, file.sections[name], ctx, file);
    }),
  );
export type QuestionsFile = z.output<typeof QuestionsFileSchema>;

/**
 * The bundled questions. The test of questions.yaml checks them against QuestionsFileSchema; they
 * are not checked again at every start, because that compiles dozens of schemas and would hold
 * back the first question by tens of milliseconds.
 */
export function loadQuestions(): QuestionsFile {
  return data as QuestionsFile;
}
