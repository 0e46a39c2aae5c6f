import { applies } from '../analysis.js';
import { servicesOf } from '../facts.js';
import { groupDigits as thousands } from '../../text/numbers.js';
import { defineCheck, finding, type WarningFinding } from './check.js';

// The user scale at which an anthropomorphic service is assessed (again): the December 2025 draft's
// figures, reported as kept in the final text of 2026-04-10.
const REGISTERED_USERS = 1_000_000;
const MONTHLY_ACTIVE_USERS = 100_000;

/** An anthropomorphic service past the user-scale threshold owes a security assessment. */
export default defineCheck({
  name: 'anthropomorphic-scale',
  scope: 'algorithm',
  codes: ['ANTHROPOMORPHIC_USER_SCALE'],
  run(analysis, { answers }) {
    if (!applies(analysis, 'anthropomorphic-interaction')) return [];
    const findings: WarningFinding[] = [];
    const offered = servicesOf(analysis.algorithm, answers).filter((s) => s.servesMainland && s.audience === 'public' && s.status !== 'terminated');
    for (const service of offered) {
      const scale = [
        ...(service.registeredUsers !== undefined && service.registeredUsers >= REGISTERED_USERS ? [{ key: 'ui.registeredUsers', args: { count: thousands(service.registeredUsers) } }] : []),
        ...(service.monthlyActiveUsers !== undefined && service.monthlyActiveUsers >= MONTHLY_ACTIVE_USERS ? [{ key: 'ui.monthlyActiveUsers', args: { count: thousands(service.monthlyActiveUsers) } }] : []),
      ];
      if (scale.length > 0) findings.push(finding('ANTHROPOMORPHIC_USER_SCALE', analysis.algorithm, { service: service.name, scale: { list: scale, separator: 'list.enumeration' } }));
    }
    return findings;
  },
});
