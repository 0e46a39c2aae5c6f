import { isEffect } from '../regimes.js';
import { defineCheck, finding } from './check.js';

/**
 * A generation decided as a fixed effect rests on practice: the report says so, with its source and
 * the procedure it leaves out (the large-model filing, or for an API caller its registration).
 */
export default defineCheck({
  name: 'generation-effect',
  scope: 'algorithm',
  codes: ['GENERATION_EFFECT_PRACTICE'],
  run({ algorithm }) {
    const generation = algorithm.generation;
    if (!generation || !isEffect(generation) || generation.foundationModel === 'none') return [];
    const route = generation.foundationModel === 'third-party-api' ? 'registration' : 'filing';
    return [finding('GENERATION_EFFECT_PRACTICE', algorithm, { procedure: { key: `genai.effect-procedure-${route}` }, skipped: { key: `genai.effect-skips-${route}` } })];
  },
});
