import { defineCheck, finding } from './check.js';

/** The filing system has the technical-supporter role only for generation algorithms. */
export default defineCheck({
  name: 'role-without-generation',
  scope: 'algorithm',
  codes: ['ROLE_WITHOUT_GENERATION'],
  run({ algorithm }) {
    return algorithm.role === 'technical-supporter' && !algorithm.does.includes('generate') ? [finding('ROLE_WITHOUT_GENERATION', algorithm)] : [];
  },
});
