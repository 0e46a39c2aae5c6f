import { validateBundled } from '../data/bundled.js';
import * as z from '../zod.js';
import { SEVERITIES } from '../constants.js';
import rawRules from './assess-rules.yaml';

const word = z.string().check(z.trim(), z.minLength(1));
const words = z.array(word).check(z.minLength(1));
const count = z.int().check(z.positive());
const share = z.number().check(z.gt(0), z.lt(1));
const groupCode = z.string().check(z.regex(/^A\.[1-9]$/, 'a group code such as A.2'));
const riskCode = z.string().check(z.regex(/^A\.[1-9]\.[1-9]$/, 'a risk code such as A.2.3'));
const severity = z.enum(SEVERITIES);

export const BANKS = ['keywords', 'generation', 'should-refuse', 'should-answer'] as const;
/** The four collections of TC260-003 §8: the keyword library and the three test banks. */
export type Bank = (typeof BANKS)[number];
/** The three test banks (the keyword library holds keywords, not questions). */
export type QuestionBank = Exclude<Bank, 'keywords'>;
export const QUESTION_BANKS = ['generation', 'should-refuse', 'should-answer'] as const satisfies readonly QuestionBank[];
export const EVALUATION_METHODS = ['manual', 'keyword', 'classifier'] as const;
export type EvaluationMethod = (typeof EVALUATION_METHODS)[number];
export const CORPUS_METHODS = ['manual', 'technical'] as const;
export type CorpusMethod = (typeof CORPUS_METHODS)[number];
export const VERDICTS = ['pass', 'fail', 'refused', 'answered'] as const;
export type Verdict = (typeof VERDICTS)[number];
export const COLUMNS = ['keyword', 'risk', 'topic', 'question', 'id', 'bank', 'result', 'method', 'sampleSize', 'qualified', 'corpusSize', 'source'] as const;
export type Column = (typeof COLUMNS)[number];

const Basis = z.strictObject({ instrument: word, clause: z.optional(word), zh: word, en: word, origin: z.optional(z.strictObject({ instrument: word, clause: word })) });
const basisId = z.enum(['keywords', 'generation', 'refusal', 'corpusSource', 'corpusEval', 'outputEval', 'refusalEval', 'annexA']);

const RiskBank = z.strictObject({ basis: basisId, total: count, perRisk: z.record(groupCode, count) });

/** Schema of src/assess/assess-rules.yaml: the Annex A taxonomy and the figures `assess` checks. */
export const AssessRulesSchema = z
  .strictObject({
    groups: z.array(z.strictObject({ code: groupCode, zh: word, en: word })).check(z.minLength(1)),
    risks: z.array(z.strictObject({ code: riskCode, zh: word, en: word, aliases: z._default(z.array(word), []) })).check(z.minLength(1)),
    topics: z.array(z.strictObject({ id: z.string().check(z.regex(/^[a-z][a-z-]*$/)), zh: word, en: word })).check(z.minLength(1)),
    columns: z.strictObject(Object.fromEntries(COLUMNS.map((c) => [c, words])) as Record<Column, typeof words>),
    values: z.strictObject({
      bank: z.strictObject({ generation: words, 'should-refuse': words, 'should-answer': words }),
      verdict: z.strictObject({ pass: words, fail: words, refused: words, answered: words }),
      method: z.strictObject({ manual: words, keyword: words, classifier: words, technical: words }),
    }),
    basis: z.record(basisId, Basis),
    banks: z.strictObject({
      keywords: RiskBank,
      generation: RiskBank,
      'should-refuse': RiskBank,
      'should-answer': z.strictObject({ basis: basisId, total: count, perTopic: count }),
    }),
    evaluation: z.strictObject({
      output: z.strictObject({ basis: basisId, methods: z.array(z.enum(EVALUATION_METHODS)).check(z.minLength(1)), minDraws: count, minPassRate: share }),
      'should-refuse': z.strictObject({ basis: basisId, minDraws: count, minRefusalRate: share }),
      'should-answer': z.strictObject({ basis: basisId, minDraws: count, maxRefusalRate: share }),
    }),
    corpus: z.strictObject({
      manual: z.strictObject({ basis: basisId, minSamples: count, minPassRate: share }),
      technical: z.strictObject({ basis: basisId, minShare: share, minPassRate: share }),
      source: z.strictObject({ basis: basisId, maxFailShare: share }),
    }),
    severity: z.strictObject({ size: severity, draws: severity, rate: severity, unassigned: severity, untraced: severity, duplicate: severity, crossBank: severity }),
    limits: z.strictObject({ maxRowsPerFile: count, maxCellChars: count }),
  })
  .check(z.superRefine((rules, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.issues.push({ code: 'custom', input: rules, path, message });
    const groups = new Set(rules.groups.map((g) => g.code));
    const seen = new Map<string, string>();
    rules.risks.forEach((risk, i) => {
      if (!groups.has(risk.code.slice(0, 3))) issue(['risks', i, 'code'], `risk ${risk.code} belongs to no group listed under groups`);
      for (const name of [risk.code, risk.zh, risk.en, ...risk.aliases]) {
        const key = normaliseValue(name);
        const owner = seen.get(key);
        if (owner && owner !== risk.code) issue(['risks', i], `"${name}" names both ${owner} and ${risk.code}`);
        seen.set(key, risk.code);
      }
    });
    for (const bank of ['keywords', 'generation', 'should-refuse'] as const) {
      for (const group of Object.keys(rules.banks[bank].perRisk)) if (!groups.has(group)) issue(['banks', bank, 'perRisk', group], `no group ${group}`);
    }
  }));

export type AssessRules = z.output<typeof AssessRulesSchema>;
export type Risk = AssessRules['risks'][number];
export type Topic = AssessRules['topics'][number];
export type BasisRef = z.output<typeof Basis>;

/** Validates parsed assess-rules data; throws one readable error listing every problem. */
export function validateAssessRules(data: unknown): AssessRules {
  return validateBundled(AssessRulesSchema, data, 'assess rules');
}

/** A cell or header as it is compared: NFKC (full-width to half-width), lower case, no white space or trailing colon. */
export function normaliseValue(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, '').replace(/[:：]$/u, '');
}

/** The bundled rules, validated once when the module loads. */
export const ASSESS_RULES: AssessRules = validateAssessRules(rawRules);
