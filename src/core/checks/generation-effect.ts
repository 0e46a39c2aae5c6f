import { defineCheck, finding } from './check.js';

const EFFECT_REASONS = new Set(['genai.effect-practice', 'genai.effect-inferred-practice']);

/**
 * A generation decided as a fixed effect rests on practice: the report says so, with its source and
 * the procedure it leaves out (the large-model filing, or for an API caller its registration), only
 * when that practice decided the gen-AI procedures; a service offered to businesses alone or out of
 * scope owes neither, and a warning about how it files would mislead.
 */
export default defineCheck({
  name: 'generation-effect',
  scope: 'algorithm',
  codes: ['GENERATION_EFFECT_PRACTICE'],
  run({ algorithm, decisions }) {
    const decidedByEffect = decisions.some((d) => d.regime === 'genai-filing' && d.reasons.some((r) => EFFECT_REASONS.has(r.key)));
    if (!decidedByEffect) return [];
    const route = algorithm.generation!.foundationModel === 'third-party-api' ? 'registration' : 'filing';
    return [finding('GENERATION_EFFECT_PRACTICE', algorithm, { procedure: { key: `genai.effect-procedure-${route}` }, skipped: { key: `genai.effect-skips-${route}` } })];
  },
});
