import { isEffect } from '../regimes.js';
import { defineCheck, finding } from './check.js';

/** A generation decided as a fixed effect rests on practice: the report says so, with its source. */
export default defineCheck({
  name: 'generation-effect',
  scope: 'algorithm',
  codes: ['GENERATION_EFFECT_PRACTICE'],
  run({ algorithm }) {
    const generation = algorithm.generation;
    if (!generation || !isEffect(generation) || generation.foundationModel === 'none' || generation.foundationModel === 'third-party-api') return [];
    return [finding('GENERATION_EFFECT_PRACTICE', algorithm, { model: generation.foundationModel })];
  },
});
