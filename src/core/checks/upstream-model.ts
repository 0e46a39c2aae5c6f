import { defineCheck, finding } from './check.js';

/** A service built on another party's model names that model, and an API caller shows its number. */
export default defineCheck({
  name: 'upstream-model',
  scope: 'algorithm',
  codes: ['UPSTREAM_MODEL_MISSING', 'UPSTREAM_NOT_FILED'],
  run({ algorithm }) {
    const generation = algorithm.generation;
    if (!generation || (generation.foundationModel !== 'third-party-api' && generation.foundationModel !== 'fine-tuned')) return [];
    if (!generation.upstream) return [finding('UPSTREAM_MODEL_MISSING', algorithm, { model: { key: `vocab.model.${generation.foundationModel}` } })];
    // Only an API caller shows the upstream's number; a fine-tuned model files on its own.
    if (generation.foundationModel === 'third-party-api' && !generation.upstream.filingNumber) {
      return [finding('UPSTREAM_NOT_FILED', algorithm, { upstream: generation.upstream.name })];
    }
    return [];
  },
});
