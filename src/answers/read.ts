import { fieldError, parseDataText, validateData } from '../data-file.js';
import { parseDeclaredType } from '../core/classify.js';
import { parseFilingNumber } from '../core/filing-number.js';
import type { Rules } from '../rules/model.js';
import { AnswersSchema, type Answers } from './schema.js';
import { applySets, type SetValue } from './set.js';

/**
 * Parses and validates an answers text (YAML or JSON) against the schema and the loaded rules:
 * declared types must name a type, material ids must exist at the level they are listed. --set
 * values are written in first, so they are validated with everything else.
 */
export function parseAnswers(text: string, file: string, rules: Rules, sets: readonly SetValue[] = []): Answers {
  const parsed = parseDataText(text, file, sets.length > 0 ? (doc) => applySets(doc, sets) : undefined);
  const answers = validateData(parsed, AnswersSchema, file, 'filing-check schema answers');
  const levelOf = new Map(rules.materials.map((m) => [m.id, m.level]));
  const checkMaterials = (materials: Record<string, unknown>, level: 'entity' | 'algorithm', path: (string | number)[]) => {
    for (const id of Object.keys(materials)) {
      const actual = levelOf.get(id);
      if (!actual) throw fieldError(parsed, [...path, id], `expected a material id from the rule packs (see: filing-check rules list); "${id}" is unknown`);
      if (actual !== level) {
        const where = actual === 'entity' ? 'the top-level materials' : "an algorithm's materials";
        throw fieldError(parsed, [...path, id], `expected ${level === 'entity' ? 'an entity' : 'an algorithm'}-level material here; "${id}" is ${actual}-level and belongs under ${where}`);
      }
    }
  };
  checkMaterials(answers.materials, 'entity', ['materials']);
  const typeNames = rules.types.map((t) => `${t.code} ${t.title.zh}`).join(', ');
  answers.algorithms.forEach((algorithm, i) => {
    if (algorithm.declaredType !== undefined && !parseDeclaredType(algorithm.declaredType, rules.types)) {
      throw fieldError(parsed, ['algorithms', i, 'declaredType'], `expected a type code or name (${typeNames}, or 检索过滤类), got "${algorithm.declaredType}"`);
    }
    if (algorithm.filingNumber !== undefined && parseFilingNumber(algorithm.filingNumber).kind === 'invalid') {
      throw fieldError(parsed, ['algorithms', i, 'filingNumber'], `expected 网信算备 followed by 21 digits and 号, e.g. 网信算备330110123456702250013号, got "${algorithm.filingNumber}"`);
    }
    checkMaterials(algorithm.materials, 'algorithm', ['algorithms', i, 'materials']);
  });
  return answers;
}
