import { parseValidated } from '../data/data-file.js';
import type { FieldProblem } from '../data/field-path.js';
import { parseDeclaredType } from '../core/classify.js';
import { parseFilingNumber } from '../core/filing-number.js';
import type { MessageArgs, MessageList } from '../messages/catalogue.js';
import type { Rules } from '../rules/model.js';
import { applySets } from './apply-sets.js';
import { AnswersSchema, type Answers } from './schema.js';
import type { SetValue } from './set.js';

/**
 * Parses and validates an answers text (YAML or JSON) against the schema and the loaded rules:
 * declared types must name a type, material ids must exist at the level they are listed. --set
 * values are written in first, so they are validated with everything else.
 */
export async function parseAnswers(text: string, file: string, rules: Rules, sets: readonly SetValue[] = []): Promise<Answers> {
  return parseValidated(text, file, {
    schema: AnswersSchema,
    schemaHint: 'filing-check schema answers',
    check: (answers) => answersProblem(answers, rules),
    edit: sets.length > 0 ? (doc) => applySets(doc, sets) : undefined,
  });
}

/** What the checks need of the rules, made once per rules (a batch checks a thousand files). */
type Level = Rules['materials'][number]['level'];
const lookups = new WeakMap<Rules, { levelOf: Map<string, Level>; typeNames: MessageList }>();
function lookupsOf(rules: Rules) {
  let found = lookups.get(rules);
  if (!found) {
    found = { levelOf: new Map(rules.materials.map((m) => [m.id, m.level])), typeNames: { list: rules.types.map((t) => `${t.code} ${t.title.zh}`), separator: 'list.comma' } };
    lookups.set(rules, found);
  }
  return found;
}

/** "expected …" for a check of answers against the rules, an entry of the error catalogue. */
const expected = (key: string, args: MessageArgs) => ({ key: 'issue.expected', args: { expected: { key, args } } });

/** The first reference in valid answers that the rules do not know, or null. */
function answersProblem(answers: Answers, rules: Rules): FieldProblem | null {
  const { levelOf, typeNames } = lookupsOf(rules);
  const materialsProblem = (materials: Record<string, unknown>, level: Level, path: (string | number)[]): FieldProblem | null => {
    for (const id of Object.keys(materials)) {
      const actual = levelOf.get(id);
      if (!actual) return { path: [...path, id], problem: expected('expect.material-id', { id }) };
      if (actual !== level) {
        return { path: [...path, id], problem: expected(`expect.material-at.${level}`, { id, actual: { key: `material-level.${actual}` }, where: { key: `materials-of.${actual}` } }) };
      }
    }
    return null;
  };
  const entityProblem = materialsProblem(answers.materials, 'entity', ['materials']);
  if (entityProblem) return entityProblem;
  for (const [i, service] of answers.services.entries()) {
    const problem = materialsProblem(service.materials, 'service', ['services', i, 'materials']);
    if (problem) return problem;
  }
  for (const [i, algorithm] of answers.algorithms.entries()) {
    if (algorithm.declaredType !== undefined && !parseDeclaredType(algorithm.declaredType, rules.types)) {
      return { path: ['algorithms', i, 'declaredType'], problem: expected('expect.declared-type', { types: typeNames, got: algorithm.declaredType }) };
    }
    if (algorithm.filingNumber !== undefined && parseFilingNumber(algorithm.filingNumber).kind === 'invalid') {
      return { path: ['algorithms', i, 'filingNumber'], problem: expected('expect.filing-number', { got: algorithm.filingNumber }) };
    }
    const problem = materialsProblem(algorithm.materials, 'algorithm', ['algorithms', i, 'materials']);
    if (problem) return problem;
  }
  return null;
}
