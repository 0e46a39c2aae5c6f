import { defineCheck, finding } from './check.js';

/** Words of a 主要用途 that suggest each answer: prices for consumers, or work dispatched to people. */
const HINTS = {
  pricing: /售价|定价|调价|价格|报价|计价|折扣|优惠|运费|票价|费率/,
  affectsWorkers: /骑手|骑士|司机|配送员|快递员|劳动者|师傅|派单|排班|考核/,
} as const;

/**
 * A dispatch or decision algorithm whose answers leave pricing or workers unsaid: Algorithm
 * Provisions Arts 20 and 21 bind on those facts, and an unanswered fact must not read as "no" in
 * silence. The 主要用途, when it names a price or a rider, says which answer looks likely.
 */
export default defineCheck({
  name: 'decision-unanswered',
  scope: 'algorithm',
  codes: ['DECISION_UNANSWERED'],
  run({ algorithm, facts }) {
    if (!algorithm.does.includes('decide') || facts.inScope !== true) return [];
    const missing = (['pricing', 'affectsWorkers'] as const).filter((field) => algorithm.decision?.[field] === undefined);
    if (missing.length === 0) return [];
    // One hint is enough to show the purpose was read; pricing first, the likelier of the two.
    const hint = missing
      .map((field) => ({ field, word: algorithm.purpose?.match(HINTS[field])?.[0] }))
      .find((h) => h.word !== undefined);
    return [finding('DECISION_UNANSWERED', algorithm, {
      questions: { list: missing.map((field) => ({ key: `decision.unanswered.${field}` })), separator: 'list.enumeration' },
      hint: hint ? { key: `decision.hint.${hint.field}`, args: { word: hint.word! } } : '',
    })];
  },
});
