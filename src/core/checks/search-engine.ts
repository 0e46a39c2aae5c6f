import { servicesOf } from '../facts.js';
import { applies } from '../analysis.js';
import { hasOpinionAttributes, inScope } from '../regimes.js';
import { defineCheck, finding } from './check.js';

/**
 * A public search with none of the Art 2 features listed is outside the letter of Art 24, but in
 * practice a general search engine is a channel of public opinion: the major engines filed their
 * search algorithms (the CAC's list). Said as a warning with that evidence, never silently.
 */
export default defineCheck({
  name: 'search-engine',
  scope: 'algorithm',
  codes: ['SEARCH_ENGINE_PRACTICE'],
  run(analysis, { answers }) {
    const { algorithm } = analysis;
    if (!algorithm.does.includes('search') || applies(analysis, 'algorithm-filing') || analysis.facts.inScope !== true) return [];
    const open = servicesOf(algorithm, answers).filter((s) => inScope(s) && s.audience === 'public' && !hasOpinionAttributes(s));
    return open.length > 0 ? [finding('SEARCH_ENGINE_PRACTICE', algorithm, { services: { list: open.map((s) => s.name), separator: 'list.enumeration' } })] : [];
  },
});
