import type { Report } from '../core/report-schema.js';
import { t } from '../messages/messages.js';
import { itemKey, reportGroups } from '../core/groups.js';
import { htmlLang, labels, renderTemplate } from '../text/template.js';
import { escapeHtml } from '../text/escape.js';
import { tallyView } from '../text/readiness.js';
import { basisLine } from '../text/article.js';

const REPORT_LABELS = [
  'ui.title', 'ui.entity', 'ui.source', 'ui.rules', 'ui.asOf', 'ui.algorithms', 'ui.algorithm', 'ui.type', 'ui.role', 'ui.declared',
  'ui.why', 'ui.regimes', 'ui.regime', 'ui.applies', 'ui.basis', 'ui.materials', 'ui.material', 'ui.status', 'ui.severity',
  'ui.confidence', 'ui.owner', 'ui.due', 'ui.file', 'ui.warnings', 'ui.summary', 'ui.readiness', 'ui.none', 'ui.scope', 'ui.total',
  'ui.key', 'severity.blocking', 'severity.major', 'severity.minor', 'status.ready', 'status.draft', 'status.missing',
  'status.not-applicable', 'ui.generatedBy',
] as const;

/** The view of a report that templates/report.html lays out. */
function reportView(report: Report) {
  const { lang } = report;
  const L = (key: string) => t(lang, key);
  const groups = reportGroups(report);
  return {
    lang: htmlLang(lang),
    label: labels(lang, REPORT_LABELS),
    entity: report.entity.name,
    creditCode: report.entity.creditCode,
    source: report.source,
    asOf: report.asOf,
    packs: report.rules.packs.map((p) => `${p.name}@${p.version}`).join(', '),
    tool: `${report.tool.name} ${report.tool.version}`,
    summary: tallyView(report.summary),
    nextStep: L(report.summary.blocking > 0 ? 'ui.nextStep.blocking' : 'ui.nextStep.clean'),
    nextStepClass: report.summary.blocking > 0 ? 'blocking' : 'clean',
    noAlgorithmsInScope: report.items.length === 0 ? L('ui.noAlgorithmsInScope') : null,
    algorithms: report.algorithms.map((a) => ({
      id: a.id,
      name: a.name,
      type: `${a.type} ${a.typeName}`,
      role: L(`role.${a.role}`),
      declared: a.declaredType ?? '—',
      reasons: a.reasons,
    })),
    regimes: report.regimes.map((r) => ({
      id: r.id,
      title: r.title,
      applies: r.applies,
      verdict: L(r.applies ? 'ui.yes' : 'ui.no'),
      algorithms: r.algorithms.join(', ') || '—',
      reasons: r.reasons,
      basis: basisLine(r.basis, report.lang),
    })),
    groups: groups.map(({ algorithm, items, tally }) => ({
      title: algorithm ? `${L('ui.algorithm')} ${algorithm.id} ${algorithm.name}` : L('ui.entityMaterials'),
      tally: tallyView(tally),
      empty: items.length === 0,
      items: items.map((i) => ({
        key: itemKey(i),
        id: i.id,
        title: i.title,
        status: i.status,
        statusLabel: L(`status.${i.status}`),
        severity: i.severity,
        severityLabel: L(`severity.${i.severity}`),
        confidence: L(`confidence.${i.confidence}`),
        gap: i.gap,
        reason: i.reason,
        reasonLabel: L(i.status === 'not-applicable' ? 'ui.reason' : 'ui.note'),
        owner: i.owner,
        due: i.due,
        file: i.file,
        basis: basisLine(i.basis, report.lang),
      })),
    })),
    scopes: [
      { name: L('ui.total'), total: true, ...tallyView(report.summary) },
      ...groups.map((g) => ({ name: g.algorithm ? `${g.algorithm.id} ${g.algorithm.name}` : L('ui.entityMaterials'), total: false, ...tallyView(g.tally) })),
    ],
    warnings: report.warnings.map((w) => ({
      code: w.code,
      severity: w.severity,
      severityLabel: L(`severity.${w.severity}`),
      algorithm: w.algorithm,
      message: w.message,
    })),
  };
}

/** The HTML report: one self-contained page (no scripts, no external resources), printable on A4. */
export function formatHtml(report: Report): string {
  return renderTemplate('report.html', reportView(report), escapeHtml);
}
