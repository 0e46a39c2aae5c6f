import type { MaterialStatus } from '../answers/vocabulary.js';
import type { Report, ReportAlgorithm, ReportDeadline, ReportRegime, ReportWarning } from '../core/report-schema.js';
import { WARNING_SEVERITIES, type Calendar } from '../constants.js';
import { sourceName } from '../text/paths.js';
import { t, type Lang } from '../messages/messages.js';
import type { ReportNames } from '../core/groups.js';

/** One algorithm on the summary's first lines: what it is, whether it is filed, how ready it is. */
export interface SummaryAlgorithm {
  algorithm: ReportAlgorithm;
  filed: boolean;
  readiness: number;
  blocking: number;
}

/** Where one blocking material is still a gap: the entity, a service (named by the action's title) or an algorithm, and its tracking. */
export interface ActionScope {
  level: 'entity' | 'service' | 'algorithm';
  /** The algorithm's id at level `algorithm`; null for the entity's or a service's own material. */
  algorithm: string | null;
  /** The service's id at level `service`; null otherwise. */
  service: string | null;
  status: Extract<MaterialStatus, 'missing' | 'draft'>;
  owner: string | null;
  due: string | null;
}

/** One action: a blocking material to produce or finish, wherever it is still a gap. */
export interface SummaryAction {
  id: string;
  title: string;
  scopes: ActionScope[];
}

/** A statutory date that several algorithms share (same clock, service and day) is one line. */
export interface SummaryDeadline {
  deadline: ReportDeadline;
  algorithms: string[];
}

/**
 * What the summary shows, in its order: subject and date, the algorithms with their type and
 * filed state, the procedures, readiness, the blocking gaps as actions, the next dates and the
 * warnings. Text, Markdown and HTML print this before the detail; new report sections join here.
 */
export interface Summary {
  source: string;
  algorithms: SummaryAlgorithm[];
  applying: ReportRegime[];
  notApplying: ReportRegime[];
  actions: SummaryAction[];
  deadlines: SummaryDeadline[];
  warnings: ReportWarning[];
}

/**
 * What a deadline's calendar leaves unknown, worded to follow its title (empty when the year's
 * schedule is published): short on the summary, a sentence in the detail. Every view words it here.
 */
export function calendarCaveat(lang: Lang, calendar: Calendar, form: 'short' | 'full'): string {
  if (calendar === 'official') return '';
  const key = calendar === 'statutory' ? 'ui.statutoryOnly' : 'ui.weekendsOnly';
  return t(lang, form === 'short' ? `${key}Short` : key);
}

/** Where one blocking gap is, by name: the algorithm's or the service's, or 主体 for the entity. */
export function scopeName(scope: ActionScope, lang: Lang, names: ReportNames): string {
  if (scope.algorithm !== null) return names.algorithm(scope.algorithm);
  if (scope.service !== null) return names.service(scope.service);
  return t(lang, 'ui.entityScope');
}

/** The service that started a statutory clock, by name, or for a change what changed. */
export function deadlineService(deadline: ReportDeadline, names: ReportNames): string {
  return deadline.serviceId === null ? deadline.service : names.service(deadline.serviceId);
}

/** Names listed in the report's language: 、 between Chinese names, commas in English. */
export function nameList(lang: Lang, list: readonly string[]): string {
  return list.join(lang === 'zh' ? '、' : ', ');
}

/** The algorithms a procedure applies to, as the summary names them: all of them in a word, else each by name. */
export function coveredAlgorithms(ids: readonly string[], report: Pick<Report, 'algorithms' | 'lang'>, names: ReportNames): string {
  if (ids.length > 2 && ids.length === report.algorithms.length) return t(report.lang, 'ui.allAlgorithms', { count: ids.length });
  return nameList(report.lang, ids.map(names.algorithm));
}

/**
 * A statutory date's state as every view words it: passed, pending, or done with the day the answers
 * record; a filing number or a change marked filed says it was filed, not when, so no date is assumed.
 */
export function deadlineState(deadline: ReportDeadline, lang: Lang): string {
  if (deadline.overdue) return t(lang, 'ui.overdue');
  if (!deadline.done) return t(lang, 'ui.pending');
  if (deadline.doneOn) return t(lang, deadline.doneOn > deadline.due ? 'ui.doneLate' : 'ui.doneOn', { date: deadline.doneOn });
  return t(lang, deadline.kind === 'algorithm-filing' || deadline.kind === 'change' ? 'ui.filedUndated' : 'ui.doneUndated');
}

/** The report's statutory dates in date order (the core lists them by algorithm and kind), earliest first. */
export function deadlinesByDate(report: Pick<Report, 'deadlines'>): ReportDeadline[] {
  return [...report.deadlines].sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
}

/** How many upcoming dates the summary names besides those already passed. */
const UPCOMING_DATES = 3;

/** Builds the summary of a report (pure; every view of the summary reads this). */
export function buildSummary(report: Report): Summary {
  const algorithms = report.algorithms.map((algorithm) => {
    const tally = report.summary.algorithms[algorithm.id];
    return { algorithm, filed: algorithm.filingNumber !== null, readiness: tally?.readiness ?? 1, blocking: tally?.blocking ?? 0 };
  });

  const actions = new Map<string, SummaryAction>();
  for (const item of report.items) {
    if (!item.gap || item.severity !== 'blocking') continue;
    // A service's own material (its security assessment) is one action per service, whose title names it.
    const key = item.service === null ? item.id : `${item.service}/${item.id}`;
    const action = actions.get(key) ?? { id: item.id, title: item.title, scopes: [] };
    action.scopes.push({ level: item.level, algorithm: item.algorithm, service: item.service, status: item.status as ActionScope['status'], owner: item.owner, due: item.due });
    actions.set(key, action);
  }

  const byClock = new Map<string, SummaryDeadline>();
  for (const deadline of report.deadlines.filter((d) => !d.done)) {
    const key = `${deadline.kind}/${deadline.service}/${deadline.due}/${deadline.overdue}`;
    const shared = byClock.get(key);
    // A service's own clock (its assessment at launch) belongs to no one algorithm.
    const algorithms = deadline.algorithm ? [deadline.algorithm] : [];
    if (shared) shared.algorithms.push(...algorithms);
    else byClock.set(key, { deadline, algorithms });
  }
  // Dates sort as strings (YYYY-MM-DD); passed ones come first, then the next few.
  const dates = [...byClock.values()].sort((a, b) => a.deadline.due.localeCompare(b.deadline.due));
  const passed = dates.filter((d) => d.deadline.overdue);
  const upcoming = dates.filter((d) => !d.deadline.overdue).slice(0, UPCOMING_DATES);

  return {
    source: sourceName(report.source),
    algorithms,
    applying: report.regimes.filter((r) => r.applies),
    notApplying: report.regimes.filter((r) => !r.applies),
    actions: [...actions.values()],
    deadlines: [...passed, ...upcoming],
    // Most severe first; the sort is stable, so the report's order holds within a severity.
    warnings: [...report.warnings].sort((a, b) => WARNING_SEVERITIES.indexOf(a.severity) - WARNING_SEVERITIES.indexOf(b.severity)),
  };
}
