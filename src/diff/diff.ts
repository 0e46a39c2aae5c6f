import type { MaterialStatus } from '../answers/vocabulary.js';
import { isAtOrAbove } from '../core/report.js';
import type { Report, ReportDeadline, ReportItem, ReportWarning, Tally } from '../core/report-schema.js';
import { itemKey } from '../core/groups.js';
import type { RegimeId, Severity } from '../rules/schema.js';

/**
 * How one required item moved between two reports:
 *   closed     a gap (missing, draft) became ready or not applicable
 *   opened     newly required, and a gap
 *   reopened   ready or not applicable before, a gap now
 *   progressed missing → draft;  regressed  draft → missing
 *   changed    ready ↔ not applicable
 *   added      newly required, already ready or not applicable
 *   dropped    no longer required
 */
export const ITEM_CHANGES = ['reopened', 'opened', 'regressed', 'closed', 'progressed', 'changed', 'added', 'dropped'] as const;
export type ItemChangeKind = (typeof ITEM_CHANGES)[number];

/** One item that is not as it was. */
export interface ItemChange {
  kind: ItemChangeKind;
  key: string;
  algorithm: string | null;
  id: string;
  title: string;
  severity: Severity;
  from: MaterialStatus | null;
  to: MaterialStatus | null;
}

/** What changed about one algorithm that both reports have. */
export interface AlgorithmChange {
  id: string;
  name: string;
  type: { from: string; to: string } | null;
  regimesAdded: RegimeId[];
  regimesRemoved: RegimeId[];
}

/**
 * How one statutory date moved: overdue (passed since), met (done since), moved (another last
 * day), added (a new clock), removed (no longer running).
 */
export const DEADLINE_CHANGES = ['overdue', 'met', 'moved', 'added', 'removed'] as const;
export type DeadlineChangeKind = (typeof DEADLINE_CHANGES)[number];

/** One statutory date that is not as it was. */
export interface DeadlineChange {
  kind: DeadlineChangeKind;
  title: string;
  algorithm: string | null;
  service: string;
  from: string | null;
  to: string | null;
}

/** Two reports compared: the progress of a case between two meetings. */
export interface ReportDiff {
  old: { source: string; asOf: string; entity: string; summary: Tally };
  new: { source: string; asOf: string; entity: string; summary: Tally };
  items: ItemChange[];
  algorithms: {
    added: { id: string; name: string; type: string }[];
    removed: { id: string; name: string; type: string }[];
    changed: AlgorithmChange[];
  };
  regimes: { id: RegimeId; title: string; from: boolean; to: boolean }[];
  deadlines: DeadlineChange[];
  /** Warnings only the new report has, and warnings only the old one had (resolved). */
  warnings: { added: ReportWarning[]; resolved: ReportWarning[] };
  /** The level new gaps and warnings are counted from as regressions. */
  failOn: Severity | 'none';
  /**
   * Re-opened items, new gaps and new warnings at or above failOn, and dates passed since: what
   * --fail-on-regression fails on.
   */
  regressions: number;
}

const isGap = (status: MaterialStatus) => status === 'missing' || status === 'draft';

function kindOf(from: ReportItem | undefined, to: ReportItem | undefined): ItemChangeKind | null {
  if (!from) return isGap(to!.status) ? 'opened' : 'added';
  if (!to) return 'dropped';
  if (from.status === to.status) return null;
  if (isGap(from.status) && !isGap(to.status)) return 'closed';
  if (!isGap(from.status) && isGap(to.status)) return 'reopened';
  if (isGap(from.status)) return to.status === 'draft' ? 'progressed' : 'regressed';
  return 'changed';
}

// A change clock runs once for each changes entry, so its start date is part of what it is.
// A change, and a service's re-assessment after an event, are told apart by what started them and when.
const dated = (d: ReportDeadline) => d.kind === 'change' || (d.kind === 'security-assessment' && d.algorithm === null && !['launch', 'in-force'].includes(d.trigger));
// A service's assessment clock is the service's, but for one added with an algorithm: a report saved
// before the lifecycle gave each algorithm a copy of the launch clock.
const clockOwner = (d: ReportDeadline) => (d.kind === 'security-assessment' && d.trigger !== 'algorithm-launch' ? null : d.algorithm);
const deadlineKey = (d: ReportDeadline) => `${d.kind}/${clockOwner(d)}/${d.service}${d.kind === 'change' ? `/${d.from}` : dated(d) ? `/${d.trigger}/${d.from}` : ''}`;

/** A report's clocks by key; of the copies an old report holds, an open one speaks for them. */
function keyedDeadlines(report: Report): Map<string, ReportDeadline> {
  const keyed = new Map<string, ReportDeadline>();
  for (const d of report.deadlines) {
    const was = keyed.get(deadlineKey(d));
    if (!was || (was.done && !d.done)) keyed.set(deadlineKey(d), d);
  }
  return keyed;
}

function deadlineChanges(before: Report, after: Report): DeadlineChange[] {
  const old = keyedDeadlines(before);
  const now = keyedDeadlines(after);
  const changes: DeadlineChange[] = [];
  const change = (kind: DeadlineChangeKind, d: ReportDeadline, from: string | null, to: string | null) =>
    changes.push({ kind, title: d.title, algorithm: d.algorithm, service: d.service, from, to });
  for (const [key, d] of now) {
    const was = old.get(key);
    if (d.overdue && !was?.overdue) change('overdue', d, was?.due ?? null, d.due);
    else if (!was) change('added', d, null, d.due);
    else if (d.done && !was.done) change('met', d, was.due, d.due);
    else if (d.due !== was.due) change('moved', d, was.due, d.due);
  }
  for (const [key, d] of old) if (!now.has(key)) change('removed', d, d.due, null);
  return changes.sort((a, b) => DEADLINE_CHANGES.indexOf(a.kind) - DEADLINE_CHANGES.indexOf(b.kind));
}

// From the least advanced: where several old items stand for one current item, the least advanced speaks for them.
const PROGRESS: readonly MaterialStatus[] = ['missing', 'draft', 'ready', 'not-applicable'];

/**
 * A report's items and duties by itemKey. A report saved before the filing lifecycle listed a
 * service's own material (its 2018 security assessment) under each algorithm; where the other report
 * has it under a service covering that algorithm, the old items are read as that service's one item,
 * so the same assessment is not counted as a new gap and five dropped ones.
 */
function keyedItems(report: Report, other: Report): Map<string, ReportItem> {
  const covering = new Map<string, ReportItem>();
  for (const item of other.items) {
    if (item.level === 'service' && item.service !== null) for (const algorithm of item.covers) covering.set(`${algorithm}/${item.id}`, item);
  }
  const keyed = new Map<string, ReportItem>();
  for (const item of [...report.items, ...report.duties]) {
    const service = item.service === null && item.algorithm !== null ? covering.get(itemKey(item)) : undefined;
    const read = service ? { ...item, algorithm: null, service: service.service, covers: service.covers, level: service.level } : item;
    const key = itemKey(read);
    const was = keyed.get(key);
    keyed.set(key, was && PROGRESS.indexOf(was.status) <= PROGRESS.indexOf(read.status) ? was : read);
  }
  return keyed;
}

// Warnings have no id of their own: the same code, algorithm and wording is the same finding.
const warningKey = (w: ReportWarning) => `${w.code}/${w.algorithm ?? ''}/${w.message}`;

/**
 * Compares two reports item by item (joined on itemKey), algorithm by algorithm, regime by regime,
 * date by date and warning by warning; new gaps and warnings count as regressions from `failOn`.
 */
export function diffReports(before: Report, after: Report, failOn: Severity | 'none' = 'blocking'): ReportDiff {
  const oldItems = keyedItems(before, after);
  const newItems = keyedItems(after, before);
  const keys = [...newItems.keys(), ...[...oldItems.keys()].filter((k) => !newItems.has(k))];
  const items: ItemChange[] = [];
  for (const key of keys) {
    const from = oldItems.get(key);
    const to = newItems.get(key);
    const kind = kindOf(from, to);
    if (!kind) continue;
    const item = (to ?? from)!;
    items.push({ kind, key, algorithm: item.algorithm, id: item.id, title: item.title, severity: item.severity, from: from?.status ?? null, to: to?.status ?? null });
  }
  items.sort((a, b) => ITEM_CHANGES.indexOf(a.kind) - ITEM_CHANGES.indexOf(b.kind));

  const oldAlgorithms = new Map(before.algorithms.map((a) => [a.id, a]));
  const newAlgorithms = new Map(after.algorithms.map((a) => [a.id, a]));
  const brief = (a: Report['algorithms'][number]) => ({ id: a.id, name: a.name, type: `${a.type} ${a.typeName}` });
  const changed: AlgorithmChange[] = [];
  for (const a of after.algorithms) {
    const was = oldAlgorithms.get(a.id);
    if (!was) continue;
    const change: AlgorithmChange = {
      id: a.id,
      name: a.name,
      type: was.type === a.type ? null : { from: `${was.type} ${was.typeName}`, to: `${a.type} ${a.typeName}` },
      regimesAdded: a.regimes.filter((r) => !was.regimes.includes(r)),
      regimesRemoved: was.regimes.filter((r) => !a.regimes.includes(r)),
    };
    if (change.type || change.regimesAdded.length || change.regimesRemoved.length) changed.push(change);
  }

  const regimes = after.regimes.flatMap((r) => {
    const was = before.regimes.find((o) => o.id === r.id);
    return was && was.applies !== r.applies ? [{ id: r.id, title: r.title, from: was.applies, to: r.applies }] : [];
  });
  const side = ({ source, asOf, entity, summary: { blocking, major, minor, readiness, counts } }: Report) =>
    ({ source, asOf, entity: entity.name, summary: { blocking, major, minor, readiness, counts } });
  const oldWarnings = new Set(before.warnings.map(warningKey));
  const newWarnings = new Set(after.warnings.map(warningKey));
  const warnings = {
    added: after.warnings.filter((w) => !oldWarnings.has(warningKey(w))),
    resolved: before.warnings.filter((w) => !newWarnings.has(warningKey(w))),
  };
  const deadlines = deadlineChanges(before, after);
  const regressions =
    items.filter((i) => i.kind === 'reopened' || (i.kind === 'opened' && isAtOrAbove(i.severity, failOn))).length +
    warnings.added.filter((w) => isAtOrAbove(w.severity, failOn)).length +
    // A date passed is as blocking as a missing blocking material (as in diagnose's exit code).
    (isAtOrAbove('blocking', failOn) ? deadlines.filter((d) => d.kind === 'overdue').length : 0);
  return {
    old: side(before),
    new: side(after),
    items,
    algorithms: {
      added: after.algorithms.filter((a) => !oldAlgorithms.has(a.id)).map(brief),
      removed: before.algorithms.filter((a) => !newAlgorithms.has(a.id)).map(brief),
      changed,
    },
    regimes,
    deadlines,
    warnings,
    failOn,
    regressions,
  };
}
