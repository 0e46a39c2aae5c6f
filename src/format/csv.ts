import type { Report } from '../core/report-schema.js';
import { t } from '../messages/messages.js';
import { itemKey } from '../core/groups.js';
import { basisLine } from '../text/article.js';
import { csvFile } from '../text/csv.js';
import { materialPath } from '../text/paths.js';

const CSV_COLUMNS = [
  'ui.key', 'ui.level', 'ui.algorithm', 'ui.algorithmName', 'ui.materialId', 'ui.material', 'ui.status', 'ui.gap', 'ui.severity',
  'ui.confidence', 'ui.owner', 'ui.due', 'ui.file', 'ui.reasonOrNote', 'ui.basis',
] as const;

/** The report's items as CSV, one row per required item, for spreadsheets (files as a client's document shows them). */
export function formatCsv(report: Report): string {
  const { lang } = report;
  const L = (key: string) => t(lang, key);
  const names = new Map(report.algorithms.map((a) => [a.id, a.name]));
  return csvFile([
    CSV_COLUMNS.map(L),
    ...[...report.items, ...report.duties].map((i) => [
      itemKey(i),
      L(`level.${i.level}`),
      i.algorithm ?? '',
      i.algorithm ? names.get(i.algorithm) ?? '' : report.entity.name,
      i.id,
      i.title,
      L(`status.${i.status}`),
      L(i.gap ? 'ui.true' : 'ui.false'),
      L(`severity.${i.severity}`),
      L(`confidence.${i.confidence}`),
      i.owner,
      i.due,
      i.file === null ? null : materialPath(i.file, lang),
      i.reason,
      basisLine(i.basis, report.lang),
    ]),
  ]);
}
