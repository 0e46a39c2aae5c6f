import { applies } from '../analysis.js';
import { defineCheck, finding } from './check.js';

/** A foreign-invested company offering generative AI: the measures add the foreign-investment rules (Art 23 para 2). */
export default defineCheck({
  name: 'foreign-invested',
  scope: 'case',
  codes: ['FOREIGN_INVESTED_GENAI'],
  run({ answers, analysed }) {
    if (!answers.entity.foreignInvested) return [];
    const genai = analysed.filter((a) => applies(a, 'genai-filing') || applies(a, 'genai-registration'));
    if (genai.length === 0) return [];
    return [finding('FOREIGN_INVESTED_GENAI', null, { algorithms: { list: genai.map((a) => a.algorithm.name), separator: 'list.enumeration' } })];
  },
});
