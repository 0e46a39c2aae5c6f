import { defineCheck, finding } from './check.js';

/** The warning for each user control the answers say the product lacks. */
const MISSING: Record<string, string> = { optOut: 'OPT_OUT_NOT_OFFERED', tagManagement: 'TAG_MANAGEMENT_NOT_OFFERED' };

/**
 * A user control the answers say is missing breaches the article of its duty (Algorithm Provisions
 * Art 17), filed or not; the duty's rule names the control it asks about.
 */
export default defineCheck({
  name: 'user-controls',
  scope: 'algorithm',
  codes: Object.values(MISSING),
  run({ algorithm }, { rules, duties }) {
    const controlOf = new Map(rules.materials.map((m) => [m.id, m.control]));
    return duties
      .filter((d) => d.algorithm === algorithm.id && d.met === false)
      .map((d) => MISSING[controlOf.get(d.id) ?? ''])
      .filter((code): code is string => code !== undefined)
      .map((code) => finding(code, algorithm));
  },
});
