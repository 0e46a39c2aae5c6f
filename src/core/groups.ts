import { tally } from './items.js';
import type { Report, ReportAlgorithm, ReportItem, Tally } from './report-schema.js';

/** The items of one filing unit: the entity, or one algorithm, with its own tally. */
export interface ItemGroup {
  algorithm: ReportAlgorithm | null;
  items: ReportItem[];
  tally: Tally;
}

/** Splits the report's items into the entity group and one group per algorithm, in report order. */
export function reportGroups(report: Report): ItemGroup[] {
  const entityItems = report.items.filter((i) => i.algorithm === null);
  return [
    { algorithm: null, items: entityItems, tally: tally(entityItems) },
    ...report.algorithms.map((algorithm) => ({
      algorithm,
      items: report.items.filter((i) => i.algorithm === algorithm.id),
      tally: report.summary.algorithms[algorithm.id] ?? tally([]),
    })),
  ];
}

/**
 * The stable key of a required item: "<algorithm id>/<material id>", or "entity/<material id>" for
 * entity-level ones. Unambiguous even for an algorithm called "entity", because a material id
 * belongs to one level only. Checklists, diffs and imports all join on it.
 */
export function itemKey(item: Pick<ReportItem, 'algorithm' | 'id'>): string {
  return `${item.algorithm ?? 'entity'}/${item.id}`;
}
