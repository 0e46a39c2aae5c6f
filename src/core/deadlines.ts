import type { Algorithm, Answers } from '../answers/schema.js';
import type { RegimeId } from '../rules/schema.js';
import { servicesOf } from './facts.js';
import table from './holidays.json' with { type: 'json' };

/** A statutory clock: what is due, counted from which date, and whether it has run out. */
export interface Deadline {
  kind: 'algorithm-filing' | 'security-assessment' | 'anthropomorphic-assessment' | 'change' | 'cancellation';
  algorithm: string;
  service: string;
  from: string;
  due: string;
  /** Working days counted, or 0 when the duty falls due on the start date itself. */
  workingDays: number;
  /** Whether the State Council holiday calendar of every year involved is known. */
  calendar: 'official' | 'weekends-only';
  done: boolean;
  overdue: boolean;
}

// The State Council's holiday arrangements, as the chinese-days library records them, extracted
// by scripts/gen-holidays.mjs (a test keeps the table equal to the library's data): holidays that
// fall on weekdays, and weekend days that are make-up working days.
const YEARS = table as Record<string, { holidays: string[]; makeUp: string[] }>;
const MS_PER_DAY = 86_400_000;

/**
 * Days since 1970-01-01 of a YYYY-MM-DD date, by arithmetic (Howard Hinnant's days_from_civil):
 * the calendar turns some 700 dates into day numbers when first used, which Date.parse made
 * about 1 ms of every diagnosis.
 */
export function dayNumber(iso: string): number {
  const month = Number(iso.slice(5, 7));
  const year = Number(iso.slice(0, 4)) - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + Number(iso.slice(8, 10)) - 1;
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468;
}
/** The day the anthropomorphic-interaction measures took effect. */
const ANTHROPOMORPHIC_MEASURES_IN_FORCE = '2026-07-15';

// Days since 1970-01-01 rather than Date objects and ISO strings: the batch counts clocks for a
// thousand files, and the string form of every day counted showed in its profile.
let calendar: { holidays: Set<number>; makeUp: Set<number> } | undefined;

function isWorkday(day: number): boolean {
  calendar ??= {
    holidays: new Set(Object.values(YEARS).flatMap((y) => y.holidays.map(dayNumber))),
    makeUp: new Set(Object.values(YEARS).flatMap((y) => y.makeUp.map(dayNumber))),
  };
  if (calendar.makeUp.has(day)) return true;
  // 1970-01-01 was a Thursday, so day 0 is weekday 4 (Sunday 0, Saturday 6).
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday !== 0 && weekday !== 6 && !calendar.holidays.has(day);
}

/** True when the holiday arrangement of a year is published (and so in the table). */
function yearCovered(year: number): boolean {
  return String(year) in YEARS;
}

/**
 * The date `days` working days after `from` on the Chinese calendar (statutory holidays and make-up
 * working days included). The start day itself is not counted (Civil Code Art 201).
 */
export function addWorkingDays(from: string, days: number): string {
  let day = dayNumber(from);
  for (let counted = 0; counted < days; ) {
    day++;
    if (isWorkday(day)) counted++;
  }
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

function clock(kind: Deadline['kind'], algorithm: Algorithm, service: string, from: string, workingDays: number, done: boolean, asOf: string): Deadline {
  const due = workingDays === 0 ? from : addWorkingDays(from, workingDays);
  const years = [Number(from.slice(0, 4)), Number(due.slice(0, 4))];
  return {
    kind,
    algorithm: algorithm.id,
    service,
    from,
    due,
    workingDays,
    calendar: years.every(yearCovered) ? 'official' : 'weekends-only',
    done,
    overdue: !done && due < asOf,
  };
}

/**
 * The statutory dates of each algorithm (Algorithm Provisions Art 24; 2018 rules Art 7): filing
 * within 10 working days of launch, the security assessment before launch, a change filing within 10
 * working days of each change, cancellation within 20 working days of termination; an anthropomorphic
 * service's assessment at launch. `assessed` and `anthropomorphicAssessed` say whose assessment report is ready.
 */
export function computeDeadlines(
  answers: Answers,
  applying: ReadonlyMap<string, ReadonlySet<RegimeId>>,
  assessed: ReadonlySet<string>,
  asOf: string,
  anthropomorphicAssessed: ReadonlySet<string> = new Set(),
): Deadline[] {
  const deadlines: Deadline[] = [];
  for (const algorithm of answers.algorithms) {
    const regimes = applying.get(algorithm.id) ?? new Set();
    const filed = algorithm.filingNumber !== undefined;
    const services = servicesOf(algorithm, answers);
    const launched = services
      .filter((s) => s.launchDate && s.status !== 'terminated')
      // ISO dates sort as plain strings; localeCompare would load an ICU collator (about 8 ms).
      .sort((a, b) => (a.launchDate! < b.launchDate! ? -1 : a.launchDate! > b.launchDate! ? 1 : 0));
    // The duty starts with the service that brings the algorithm under Art 24: one with 舆论属性
    // features, else (public generation, in practice) a public one.
    const withFeatures = launched.filter((s) => s.publicFeatures.length > 0 || s.mobilization);
    const first = withFeatures[0] ?? launched.find((s) => s.audience === 'public');
    if (regimes.has('algorithm-filing') && first) {
      deadlines.push(clock('algorithm-filing', algorithm, first.name, first.launchDate!, 10, filed, asOf));
    }
    if (regimes.has('security-assessment')) {
      for (const service of withFeatures) {
        deadlines.push(clock('security-assessment', algorithm, service.name, service.launchDate!, 0, assessed.has(algorithm.id), asOf));
      }
    }
    if (regimes.has('anthropomorphic-interaction')) {
      // Assessed when the function launches; a service already live when the measures took effect
      // owes it from that day (practice reading: the text read here has no transitional article).
      const service = launched.find((s) => s.audience === 'public');
      if (service) {
        const from = service.launchDate! > ANTHROPOMORPHIC_MEASURES_IN_FORCE ? service.launchDate! : ANTHROPOMORPHIC_MEASURES_IN_FORCE;
        deadlines.push(clock('anthropomorphic-assessment', algorithm, service.name, from, 0, anthropomorphicAssessed.has(algorithm.id), asOf));
      }
    }
    if (filed) {
      // A change of filed information is filed within 10 working days (Art 24 para 2).
      for (const change of algorithm.changes) deadlines.push(clock('change', algorithm, change.what, change.on, 10, change.filed, asOf));
      for (const service of services.filter((s) => s.status === 'terminated' && s.terminatedOn)) {
        deadlines.push(clock('cancellation', algorithm, service.name, service.terminatedOn!, 20, false, asOf));
      }
    }
  }
  return deadlines;
}
