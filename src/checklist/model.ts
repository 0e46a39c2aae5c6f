import { MATERIAL_STATUSES, type MaterialStatus } from '../answers/vocabulary.js';
import type { Report } from '../core/report-schema.js';
import { dutiesPrefix, itemKey, reportGroups, reportNames } from '../core/groups.js';
import { tallyView } from '../text/readiness.js';
import { basisLine } from '../text/article.js';
import { materialPath, sourceName } from '../text/paths.js';
import { LANGS, t, type Lang } from '../messages/messages.js';
import type { Rules } from '../rules/model.js';
import type { Severity } from '../rules/schema.js';

/** One material on the client checklist: what it is, why, how, and the client's tracking fields. */
export interface ChecklistItem {
  key: string;
  number: number;
  algorithm: string | null;
  scope: string;
  id: string;
  title: string;
  severity: Severity;
  severityLabel: string;
  status: MaterialStatus;
  statusLabel: string;
  owner: string;
  due: string;
  file: string;
  /** The answers file's `reason`: why it does not apply, or the client's note on any status. */
  notes: string;
  why: string;
  /** What the material is (the pack's summary), when the pack says. */
  description: string | null;
  prepare: string[];
  returnReasons: string[];
}

/** The checklist for one case (or a generic one): a view of a report plus the rule packs' guidance. */
export interface Checklist {
  lang: Lang;
  entity: string;
  creditCode: string | null;
  source: string;
  asOf: string;
  packs: string;
  tool: string;
  /** Set for `checklist --type`: the case was built from typical answers, not the client's. */
  generic: string | null;
  summary: ReturnType<typeof tallyView>;
  algorithms: { id: string; name: string; type: string; role: string; readiness: string }[];
  groups: { title: string; readiness: string; items: ChecklistItem[] }[];
  items: ChecklistItem[];
  warnings: { code: string; severityLabel: string; message: string }[];
}

/** The words for each status, in the order a client would pick them. */
export function statusLabels(lang: Lang): { status: MaterialStatus; label: string }[] {
  return MATERIAL_STATUSES.map((status) => ({ status, label: t(lang, `status.${status}`) }));
}

/** Reads a status as a client writes it: the id or its word in either language, any case; null when it is none. */
export function parseStatus(text: string): MaterialStatus | null {
  const wanted = text.trim().toLowerCase();
  return MATERIAL_STATUSES.find((s) => s === wanted || LANGS.some((lang) => t(lang, `status.${s}`).toLowerCase() === wanted)) ?? null;
}

/** Builds the checklist from a report; guidance texts come from the materials of the loaded packs. */
export function buildChecklist(report: Report, rules: Rules, generic: string | null): Checklist {
  const { lang } = report;
  const L = (key: string) => t(lang, key);
  const material = new Map(rules.materials.map((m) => [m.id, m]));
  const names = reportNames(report);
  let number = 0;
  const groups = reportGroups(report).filter((g) => g.items.length > 0).map(({ algorithm, service, duties, items, tally }) => {
    const scope = algorithm ? names.algorithm(algorithm.id) : service ? names.service(service.id) : L('ui.entityMaterials');
    return {
      title: dutiesPrefix({ duties }, L) + (algorithm ? t(lang, 'checklist.group.algorithm', { name: names.algorithm(algorithm.id), type: algorithm.type, typeName: algorithm.typeName })
        : service ? t(lang, 'checklist.group.service', { name: names.service(service.id) }) : L('ui.entityMaterials')),
      readiness: tallyView(tally).readiness,
      items: items.map((i): ChecklistItem => {
        const rule = material.get(i.id);
        return {
          key: itemKey(i),
          number: ++number,
          algorithm: i.algorithm,
          scope,
          id: i.id,
          title: i.title,
          severity: i.severity,
          severityLabel: L(`severity.${i.severity}`),
          status: i.status,
          statusLabel: L(`status.${i.status}`),
          owner: i.owner ?? '',
          due: i.due ?? '',
          file: i.file === null ? '' : materialPath(i.file, lang),
          notes: i.reason ?? '',
          why: basisLine(i.basis, lang),
          description: rule?.summary?.[lang] ?? null,
          prepare: rule?.prepare?.[lang] ?? [],
          returnReasons: rule?.returnReasons?.[lang] ?? [],
        };
      }),
    };
  });
  return {
    lang,
    entity: report.entity.name,
    creditCode: report.entity.creditCode,
    source: sourceName(report.source),
    asOf: report.asOf,
    packs: report.rules.packs.map((p) => `${p.name}@${p.version}`).join(', '),
    tool: `${report.tool.name} ${report.tool.version}`,
    generic,
    summary: tallyView(report.summary),
    algorithms: report.algorithms.map((a) => ({
      id: a.id,
      name: a.name,
      type: `${a.type} ${a.typeName}`,
      role: L(`role.${a.role}`),
      readiness: tallyView(report.summary.algorithms[a.id]!).readiness,
    })),
    groups,
    items: groups.flatMap((g) => g.items),
    warnings: report.warnings.map((w) => ({ code: w.code, severityLabel: L(`severity.${w.severity}`), message: w.message })),
  };
}
