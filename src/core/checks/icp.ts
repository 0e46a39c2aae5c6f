import { applies } from '../analysis.js';
import { defineCheck, finding } from './check.js';

/** An entity that files algorithms has an ICP filing or licence for the services that run them. */
export default defineCheck({
  name: 'icp',
  scope: 'case',
  codes: ['ICP_NOT_FILED'],
  run({ answers, analysed }) {
    if (!analysed.some((a) => applies(a, 'algorithm-filing')) || answers.entity.icp !== 'none') return [];
    const forms = { list: [...new Set(answers.services.flatMap((s) => s.forms))].map((form) => ({ key: `vocab.form.${form}` })), separator: 'list.enumeration' };
    return [finding('ICP_NOT_FILED', null, { forms })];
  },
});
