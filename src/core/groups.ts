import { tally } from './items.js';
import type { Report, ReportAlgorithm, ReportItem, Tally } from './report-schema.js';

/** The items of one filing unit (the entity, one service or one algorithm), or its continuing duties, with a tally. */
export interface ItemGroup {
  algorithm: ReportAlgorithm | null;
  /** The service whose own materials (its security assessment) the group holds; null otherwise. */
  service: { id: string; name: string } | null;
  /** True for a group of continuing duties, which bind whether or not a filing is owed. */
  duties: boolean;
  items: ReportItem[];
  tally: Tally;
}

/**
 * Splits the report into groups, in report order: the entity's items, one group per service that has
 * its own materials, one group per algorithm, then the continuing duties of the entity and of each
 * algorithm that has any.
 */
export function reportGroups(report: Report): ItemGroup[] {
  const entityItems = report.items.filter((i) => i.algorithm === null && i.service === null);
  const dutyGroup = (algorithm: ReportAlgorithm | null, items: ReportItem[]): ItemGroup => ({ algorithm, service: null, duties: true, items, tally: tally(items) });
  const entityDuties = report.duties.filter((i) => i.algorithm === null);
  // A report saved before services were listed still names each service, by its id.
  const serviceIds = [...new Set([...report.services.map((s) => s.id), ...report.items.flatMap((i) => (i.algorithm === null && i.service !== null ? [i.service] : []))])];
  const serviceGroups = serviceIds.flatMap((id): ItemGroup[] => {
    const items = report.items.filter((i) => i.algorithm === null && i.service === id);
    const name = report.services.find((s) => s.id === id)?.name ?? id;
    return items.length > 0 ? [{ algorithm: null, service: { id, name }, duties: false, items, tally: tally(items) }] : [];
  });
  return [
    { algorithm: null, service: null, duties: false, items: entityItems, tally: tally(entityItems) },
    ...serviceGroups,
    ...report.algorithms.map((algorithm) => ({
      algorithm,
      service: null,
      duties: false,
      items: report.items.filter((i) => i.algorithm === algorithm.id),
      tally: report.summary.algorithms[algorithm.id] ?? tally([]),
    })),
    ...(entityDuties.length > 0 ? [dutyGroup(null, entityDuties)] : []),
    ...report.algorithms.map((algorithm) => dutyGroup(algorithm, report.duties.filter((i) => i.algorithm === algorithm.id))).filter((g) => g.items.length > 0),
  ];
}

/** Whose an item is, for headings and messages: 算法 or 服务 and its name, or the entity's materials. */
export function ownerName(owner: Pick<ReportItem, 'algorithm' | 'service'>, L: (key: string) => string, names: ReportNames): string {
  if (owner.algorithm !== null) return `${L('ui.algorithm')} ${names.algorithm(owner.algorithm)}`;
  if (owner.service !== null) return `${L('ui.service')} ${names.service(owner.service)}`;
  return L('ui.entityMaterials');
}

/** The name of a group's owner, as ownerName words an item's. */
export function groupOwnerName(group: Pick<ItemGroup, 'algorithm' | 'service'>, L: (key: string) => string, names: ReportNames): string {
  return ownerName({ algorithm: group.algorithm?.id ?? null, service: group.service?.id ?? null }, L, names);
}

/** How every view names the report's algorithms and services. */
export interface ReportNames {
  /** An algorithm's name, with its id in parentheses when another algorithm has the same name; the id itself when unknown. */
  algorithm(id: string): string;
  /** A service's name, likewise; the id itself for a report saved before services were named. */
  service(id: string): string;
}

/** The names of a report's algorithms and services, each made unique by its id only where two share a name. */
export function reportNames(report: Pick<Report, 'algorithms' | 'services'>): ReportNames {
  const named = (entries: readonly { id: string; name: string }[]) => {
    const count = new Map<string, number>();
    for (const { name } of entries) count.set(name, (count.get(name) ?? 0) + 1);
    return new Map(entries.map(({ id, name }) => [id, count.get(name)! > 1 ? `${name} (${id})` : name]));
  };
  const algorithms = named(report.algorithms);
  const services = named(report.services);
  return { algorithm: (id) => algorithms.get(id) ?? id, service: (id) => services.get(id) ?? id };
}

/** The heading prefix of a group of continuing duties (empty for filing items). */
export function dutiesPrefix(group: Pick<ItemGroup, 'duties'>, L: (key: string) => string): string {
  return group.duties ? `${L('ui.duties')} · ` : '';
}

/**
 * The stable key of a required item: "<algorithm id>/<material id>", "<service id>/<material id>" for
 * service-level ones, or "entity/<material id>". Unambiguous even for an algorithm and a service
 * of the same id, or one called "entity", because a material id belongs to one level only.
 * Checklists, diffs and imports all join on it.
 */
export function itemKey(item: Pick<ReportItem, 'algorithm' | 'service' | 'id'>): string {
  return `${item.algorithm ?? item.service ?? 'entity'}/${item.id}`;
}
