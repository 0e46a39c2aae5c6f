import type { MaterialStatus } from '../answers/vocabulary.js';
import type { Report, ReportItem, Tally } from '../core/report-schema.js';
import { itemKey } from '../format/groups.js';
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
  /** Reopened items and new blocking gaps: what --fail-on-regression fails on. */
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

/** Compares two reports item by item (joined on itemKey), algorithm by algorithm and regime by regime. */
export function diffReports(before: Report, after: Report): ReportDiff {
  const oldItems = new Map(before.items.map((i) => [itemKey(i), i]));
  const newItems = new Map(after.items.map((i) => [itemKey(i), i]));
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
    regressions: items.filter((i) => i.kind === 'reopened' || (i.kind === 'opened' && i.severity === 'blocking')).length,
  };
}
