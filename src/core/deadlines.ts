import type { Algorithm, Answers, Service } from '../answers/schema.js';
import type { AssessmentTrigger } from '../answers/vocabulary.js';
import { CALENDARS, type Calendar, type ClockTrigger, type RegimeId } from '../constants.js';
import { servicesOf } from './facts.js';
import { assessedFromLaunch, effectiveRole, hasOpinionAttributes, inScope, serviceRegimes } from './regimes.js';
import table from './holidays.json' with { type: 'json' };

/** A statutory clock: what is due, counted from which date, and whether it has run out. */
export interface Deadline {
  kind: 'algorithm-filing' | 'security-assessment' | 'anthropomorphic-assessment' | 'change' | 'cancellation';
  /** The algorithm the clock belongs to; null for a service's own clock (its security assessment at launch or after a later event). */
  algorithm: string | null;
  /** The service whose launch, termination or own assessment sets the clock, named; for a change, what changed; for a technical supporter with no live service, the algorithm. */
  service: string;
  /** That service's id; null when the clock belongs to no one service (a change, or a supporter's filing without a live service). */
  serviceId: string | null;
  trigger: ClockTrigger;
  from: string;
  due: string;
  /** Working days counted, or 0 when the duty falls due on the start date itself. */
  workingDays: number;
  calendar: Calendar;
  done: boolean;
  /** The day it was met, where the answers record one (a submitted assessment's day); null when not done or when they say only that it was. */
  doneOn: string | null;
  overdue: boolean;
  /** The instrument (a rule-pack key) and article that set the clock. */
  basis: { instrument: string; article: string };
}

// The State Council's holiday arrangements, as the chinese-days library records them, extracted
// by scripts/gen-holidays.mjs (a test keeps the table equal to the library's data): holidays that
// fall on weekdays, and weekend days that are make-up working days. Years not yet published carry
// the statutory holidays alone (`statutory`): their make-up working days are not known.
const YEARS = table as Record<string, { holidays: string[]; makeUp: string[]; statutory?: boolean }>;
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

/** How well the calendar knows a year: published, statutory holidays only, or not at all. */
function calendarOf(year: number): Calendar {
  const known = YEARS[String(year)];
  return !known ? 'weekends-only' : known.statutory ? 'statutory' : 'official';
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

/** The catalogue key of a clock's title: a security assessment after a later event names the event and its time limit. */
export function deadlineTitleKey(deadline: Pick<Deadline, 'kind' | 'trigger'>): string {
  return deadline.kind === 'security-assessment' && deadline.trigger in ASSESSMENT_EVENTS ? `deadline.security-assessment.${deadline.trigger}` : `deadline.${deadline.kind}`;
}

/** The later of two ISO dates (they sort as strings; localeCompare would load an ICU collator). */
const later = (a: string, b: string) => (b > a ? b : a);

/** The instruments' dates of entry into force, by rule-pack key. */
export type InForce = Readonly<Record<string, { effective?: string }>>;

interface ClockStart {
  kind: Deadline['kind'];
  algorithm: string | null;
  service: string;
  serviceId: string | null;
  trigger: ClockTrigger;
  from: string;
  workingDays: number;
  done: boolean;
  doneOn?: string;
  basis: Deadline['basis'];
}

function clock(start: ClockStart, asOf: string): Deadline {
  const due = start.workingDays === 0 ? start.from : addWorkingDays(start.from, start.workingDays);
  // The clock is only as sure as the least known year it runs through.
  const rank = Math.max(...[start.from, due].map((date) => CALENDARS.indexOf(calendarOf(Number(date.slice(0, 4))))));
  const { kind, algorithm, service, serviceId, trigger, from, workingDays, done, basis } = start;
  // In the report schema's order, so a re-rendered report prints byte for byte the same.
  return { kind, algorithm, service, serviceId, trigger, from, due, workingDays, calendar: CALENDARS[rank]!, done, doneOn: start.doneOn ?? null, overdue: !done && due < asOf, basis };
}

/**
 * Starts a clock at the latest of its events: a duty cannot run before the instrument that creates
 * it took effect, nor before the algorithm itself served users.
 */
function startOf(serviceLaunch: string, algorithmLaunch: string | undefined, effective: string | undefined): { from: string; trigger: ClockTrigger } {
  let from = serviceLaunch;
  let trigger: ClockTrigger = 'launch';
  if (algorithmLaunch && algorithmLaunch > from) [from, trigger] = [algorithmLaunch, 'algorithm-launch'];
  if (effective && effective > from) [from, trigger] = [effective, 'in-force'];
  return { from, trigger };
}

const byLaunch = (a: Service, b: Service) => (a.launchDate! < b.launchDate! ? -1 : a.launchDate! > b.launchDate! ? 1 : 0);

/** When an algorithm first served users: its own launch date, else the earliest launch of its services. */
export function algorithmLaunch(algorithm: Algorithm, answers: Answers): string | undefined {
  if (algorithm.launchDate) return algorithm.launchDate;
  const launches = servicesOf(algorithm, answers).filter((s) => s.launchDate).sort(byLaunch);
  return launches[0]?.launchDate;
}

/** The initial filing clock of one algorithm and the instrument whose duty it is. */
function filingClock(algorithm: Algorithm, answers: Answers, inForce: InForce): ClockStart | undefined {
  const filed = algorithm.filingNumber !== undefined;
  if (effectiveRole(algorithm, answers) === 'technical-supporter') {
    // A supporter files 参照 the provider's filing (DS Art 19 para 2), from when it offered the technology.
    const launch = algorithmLaunch(algorithm, answers);
    if (!launch) return undefined;
    const offeredBy = servicesOf(algorithm, answers).filter((s) => s.launchDate).sort(byLaunch)[0];
    const { from, trigger } = startOf(launch, undefined, inForce['deep-synthesis-provisions']?.effective);
    return { kind: 'algorithm-filing', algorithm: algorithm.id, service: offeredBy?.name ?? algorithm.name, serviceId: offeredBy?.id ?? null, trigger, from, workingDays: 10, done: filed, basis: { instrument: 'deep-synthesis-provisions', article: '第十九条第二款' } };
  }
  const launched = servicesOf(algorithm, answers).filter((s) => s.launchDate && inScope(s)).sort(byLaunch);
  // The duty starts with the service that brings the algorithm under Art 24: one with 舆论属性
  // features, else (public generation, in practice under the gen-AI measures) a public one.
  const withFeatures = launched.find(hasOpinionAttributes);
  const service = withFeatures ?? launched.find((s) => s.audience === 'public' && algorithm.does.includes('generate'));
  if (!service) return undefined;
  const instrument = withFeatures ? 'algorithm-provisions' : 'genai-measures';
  const { from, trigger } = startOf(service.launchDate!, algorithm.launchDate, inForce[instrument]?.effective);
  const article = withFeatures ? '第二十四条第一款' : '第十七条';
  return { kind: 'algorithm-filing', algorithm: algorithm.id, service: service.name, serviceId: service.id, trigger, from, workingDays: 10, done: filed, basis: { instrument, article } };
}

/**
 * The statutory dates of a case. Each algorithm: its initial filing within 10 working days of its own
 * launch (Algorithm Provisions Art 24 para 1); once filed, a change filing within 10 working days of
 * each change and of a service that ends while the algorithm runs on elsewhere (para 2), and
 * cancellation within 20 working days of the day it stops everywhere (para 3). Each service with
 * 舆论属性: its security assessment before launch and before each algorithm or feature added later
 * (2018 rules Art 3 item 1, Art 7), and for each later event of Art 3 items 2–5. `assessed` names the
 * services whose assessment report is ready.
 */
export function computeDeadlines(
  answers: Answers,
  applying: ReadonlyMap<string, ReadonlySet<RegimeId>>,
  assessed: ReadonlySet<string>,
  inForce: InForce,
  asOf: string,
  anthropomorphicAssessed: ReadonlySet<string> = new Set(),
): Deadline[] {
  const starts: ClockStart[] = [];
  for (const algorithm of answers.algorithms) {
    const regimes = applying.get(algorithm.id) ?? new Set();
    if (regimes.has('algorithm-filing')) {
      const filing = filingClock(algorithm, answers, inForce);
      if (filing) starts.push(filing);
    }
    if (regimes.has('anthropomorphic-interaction')) {
      // Assessed when the function launches; a service already live when the measures took effect
      // owes it from that day (practice reading: the text read here has no transitional article).
      const service = servicesOf(algorithm, answers).filter((s) => s.launchDate && inScope(s) && s.audience === 'public').sort(byLaunch)[0];
      if (service) {
        const { from, trigger } = startOf(service.launchDate!, algorithm.launchDate, inForce['anthropomorphic-measures']?.effective);
        starts.push({ kind: 'anthropomorphic-assessment', algorithm: algorithm.id, service: service.name, serviceId: service.id, trigger, from, workingDays: 0, done: anthropomorphicAssessed.has(algorithm.id), basis: { instrument: 'anthropomorphic-measures', article: '安全评估情形' } });
      }
    }
    if (algorithm.filingNumber === undefined) continue;
    const change = { kind: 'change', algorithm: algorithm.id, workingDays: 10, basis: { instrument: 'algorithm-provisions', article: '第二十四条第二款' } } as const;
    for (const entry of algorithm.changes) starts.push({ ...change, service: entry.what, serviceId: null, trigger: 'change', from: entry.on, done: entry.filed });
    const services = servicesOf(algorithm, answers);
    const ended = services.filter((s) => s.status === 'terminated');
    if (ended.length === 0) continue;
    if (ended.length < services.length) {
      // The algorithm runs on in another product: its product list changes, the filing stays.
      for (const service of ended.filter((s) => s.terminatedOn)) {
        starts.push({ ...change, service: service.name, serviceId: service.id, trigger: 'service-ended', from: service.terminatedOn!, done: false });
      }
    } else if (ended.every((s) => s.terminatedOn)) {
      const last = ended.reduce((a, b) => (b.terminatedOn! > a.terminatedOn! ? b : a));
      starts.push({ kind: 'cancellation', algorithm: algorithm.id, service: last.name, serviceId: last.id, trigger: 'termination', from: last.terminatedOn!, workingDays: 20, done: false, basis: { instrument: 'algorithm-provisions', article: '第二十四条第三款' } });
    }
  }
  starts.push(...assessmentClocks(answers, applying, assessed, inForce));
  return starts.map((start) => clock(start, asOf));
}

// The item of 2018 rules Art 3 each later event falls under, and the working days Art 7 gives for
// its report: before an added feature or a new technology goes live (items 1, 2), within 30 working
// days of the others (items 3–5).
const ASSESSMENT_EVENTS = {
  'feature-added': { item: '第三条第一项', workingDays: 0 },
  'major-change': { item: '第三条第二项', workingDays: 0 },
  'user-growth': { item: '第三条第三项', workingDays: 30 },
  'harmful-spread': { item: '第三条第四项', workingDays: 30 },
  'written-notice': { item: '第三条第五项', workingDays: 30 },
} as const satisfies Record<AssessmentTrigger, { item: string; workingDays: number }>;

/**
 * The 2018 security assessment of each service: before its launch and before each algorithm added
 * later (Art 3 item 1), and for each event of Art 3 recorded after launch (Art 7); a report listed
 * in `submittedAssessments` meets the launch's or that algorithm's clock.
 */
function assessmentClocks(answers: Answers, applying: ReadonlyMap<string, ReadonlySet<RegimeId>>, assessed: ReadonlySet<string>, inForce: InForce): ClockStart[] {
  const starts: ClockStart[] = [];
  const effective = inForce['security-assessment-rules']?.effective;
  for (const service of answers.services) {
    if (!serviceRegimes(service, answers, applying).has('security-assessment')) continue;
    const base = { kind: 'security-assessment', service: service.name, serviceId: service.id, algorithm: null } as const;
    if (service.launchDate && assessedFromLaunch(service, answers, applying)) {
      // Without 舆论属性 features, the assessment comes from the practice that treats public
      // generation as having them: a duty of the gen-AI measures (Art 17), from their entry into force.
      const basis = hasOpinionAttributes(service)
        ? { instrument: 'security-assessment-rules', article: '第三条第一项、第七条' }
        : { instrument: 'genai-measures', article: '第十七条' };
      // A report already submitted for a clock meets it, whatever the status of the report in progress.
      const submitted = new Map(service.submittedAssessments.map((report) => [report.for, report.on]));
      const atLaunch = { ...base, workingDays: 0, done: assessed.has(service.id), basis };
      const { from, trigger } = startOf(service.launchDate, undefined, inForce[basis.instrument]?.effective);
      starts.push({ ...atLaunch, trigger, from, done: atLaunch.done || submitted.has('launch'), doneOn: submitted.get('launch') });
      const covered = answers.algorithms.filter((a) => a.services.includes(service.id) && applying.get(a.id)?.has('security-assessment'));
      // An added feature recorded as an event on the day an algorithm went live is that algorithm's addition: one clock.
      const featureDays = new Set(service.assessmentTriggers.filter((e) => e.kind === 'feature-added').map((e) => e.on));
      for (const algorithm of covered.filter((a) => a.launchDate && a.launchDate > from && !featureDays.has(a.launchDate))) {
        // A feature added to a live service is assessed before it goes live (Art 3 item 1 增设相关功能).
        starts.push({ ...atLaunch, algorithm: algorithm.id, trigger: 'algorithm-launch', from: algorithm.launchDate!, done: atLaunch.done || submitted.has(algorithm.id), doneOn: submitted.get(algorithm.id) });
      }
    }
    for (const event of service.assessmentTriggers) {
      const { item, workingDays } = ASSESSMENT_EVENTS[event.kind];
      // An event before the rules took effect counts from their entry into force.
      const from = effective ? later(event.on, effective) : event.on;
      starts.push({ ...base, trigger: event.kind, from, workingDays, done: event.submitted, basis: { instrument: 'security-assessment-rules', article: `${item}、第七条` } });
    }
  }
  return starts;
}
