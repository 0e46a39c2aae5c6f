import { applies } from '../analysis.js';
import { defineCheck, finding } from './check.js';

/** The entity filing names an algorithm security officer. */
export default defineCheck({
  name: 'security-officer',
  scope: 'case',
  codes: ['SECURITY_OFFICER_NOT_APPOINTED'],
  run({ answers, analysed }) {
    const filed = analysed.some((a) => applies(a, 'algorithm-filing'));
    return filed && answers.entity.securityOfficer === false ? [finding('SECURITY_OFFICER_NOT_APPOINTED', null)] : [];
  },
});
