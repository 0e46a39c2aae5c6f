import { defineCheck, finding } from './check.js';

/** A pack checked against the law longer ago than this may miss a regulation issued or amended since. */
const STALE_AFTER_MONTHS = 6;

/** The day `months` after a YYYY-MM-DD date, as a string that compares in date order (day not clamped). */
function monthsAfter(date: string, months: number): string {
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  return `${String(Math.floor(total / 12)).padStart(4, '0')}-${String((total % 12) + 1).padStart(2, '0')}${date.slice(7)}`;
}

/** A report knows its age: packs last checked more than six months before the diagnosis are named. */
export default defineCheck({
  name: 'rules-age',
  scope: 'case',
  codes: ['RULES_MAY_BE_OUTDATED'],
  run({ rules, asOf }) {
    const stale = rules.packs.filter((p) => p.verified !== null && monthsAfter(p.verified, STALE_AFTER_MONTHS) < asOf);
    if (stale.length === 0) return [];
    const packs = stale.map((p) => ({ key: 'ui.packVerified', args: { pack: `${p.name}@${p.version}`, verified: p.verified! } }));
    return [finding('RULES_MAY_BE_OUTDATED', null, { asOf, months: STALE_AFTER_MONTHS, packs: { list: packs, separator: 'list.enumeration' } })];
  },
});
