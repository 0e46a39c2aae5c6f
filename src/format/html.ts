import type { Report, ReportBasis } from '../core/report-schema.js';
import { t, type Lang } from '../messages/messages.js';
import { dutiesPrefix, groupOwnerName, itemKey, reportGroups, reportNames } from '../core/groups.js';
import { htmlLang, labels, renderTemplate } from '../text/template.js';
import { escapeHtml } from '../text/escape.js';
import { percent, tallyView } from '../text/readiness.js';
import { basisLine } from '../text/article.js';
import { materialPath } from '../text/paths.js';
import { buildSummary, calendarCaveat, coveredAlgorithms, deadlineService, deadlineState, deadlinesByDate, nameList, scopeName } from './summary.js';

const REPORT_LABELS = [
  'ui.title', 'ui.entity', 'ui.source', 'ui.rules', 'ui.asOf', 'ui.algorithms', 'ui.algorithm', 'ui.type', 'ui.role', 'ui.declared',
  'ui.why', 'ui.regimes', 'ui.regime', 'ui.applies', 'ui.basis', 'ui.materials', 'ui.material', 'ui.status', 'ui.severity',
  'ui.confidence', 'ui.owner', 'ui.due', 'ui.file', 'ui.warnings', 'ui.summary', 'ui.readiness', 'ui.none', 'ui.scope', 'ui.total',
  'ui.key', 'severity.blocking', 'severity.major', 'severity.minor', 'status.ready', 'status.draft', 'status.missing',
  'status.not-applicable', 'ui.generatedBy', 'ui.filingState', 'ui.actionWhere', 'ui.nextDeadlines', 'ui.detailTitle', 'ui.summaryTitle',
  'ui.notes', 'ui.deadline', 'ui.readinessChart', 'ui.deadlines', 'ui.no',
] as const;

/**
 * Legal bases as numbered notes: each distinct basis gets one number the first time it is cited,
 * so a materials table cites "[3][7]" instead of repeating whole titles on every row.
 */
class Notes {
  readonly list: { number: number; text: string }[] = [];
  private readonly numbers = new Map<string, number>();
  constructor(private readonly lang: Lang) {}

  /** The note numbers of a basis, in order, three or more in a row written as a range ("3,5–8"). */
  refs(basis: readonly ReportBasis[]): string {
    const numbers = [...new Set(this.cite(basis))].sort((a, b) => a - b);
    const runs: number[][] = [];
    for (const n of numbers) {
      const run = runs.at(-1);
      if (run && run.at(-1) === n - 1) run.push(n);
      else runs.push([n]);
    }
    return runs.map((run) => (run.length >= 3 ? `${run[0]}–${run.at(-1)}` : run.join(','))).join(',');
  }

  private cite(basis: readonly ReportBasis[]): number[] {
    return basis.map((b) => {
      const text = basisLine([b], this.lang);
      let number = this.numbers.get(text);
      if (number === undefined) {
        number = this.list.length + 1;
        this.numbers.set(text, number);
        this.list.push({ number, text });
      }
      return number;
    });
  }
}

/** The cover's readiness chart: one bar per algorithm (and the entity), drawn as inline SVG. */
function readinessChart(rows: { name: string; readiness: number }[]) {
  const rowHeight = 22;
  const labelWidth = 260;
  const barWidth = 300;
  return {
    width: labelWidth + barWidth + 60,
    height: rows.length * rowHeight + 4,
    rows: rows.map((row, index) => ({
      name: row.name,
      y: index * rowHeight + 2,
      textY: index * rowHeight + 16,
      labelWidth,
      barWidth,
      filled: Math.round(row.readiness * barWidth),
      valueX: labelWidth + barWidth + 8,
      value: percent(row.readiness),
    })),
  };
}

/** The view of a report that templates/report.html lays out. */
function reportView(report: Report) {
  const { lang } = report;
  const L = (key: string, args?: Record<string, string | number>) => t(lang, key, args);
  const groups = reportGroups(report);
  const summary = buildSummary(report);
  const notes = new Notes(lang);
  const names = reportNames(report);
  const algorithmList = (ids: string[]) => nameList(lang, ids.map(names.algorithm));
  const groupViews = groups.map(({ duties, algorithm, service, items, tally }) => ({
    title: dutiesPrefix({ duties }, L) + groupOwnerName({ algorithm, service }, L, names),
    id: algorithm?.id ?? null,
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
      file: i.file === null ? null : materialPath(i.file, lang),
      notes: notes.refs(i.basis),
    })),
  }));
  return {
    lang: htmlLang(lang),
    label: { ...labels(lang, REPORT_LABELS), colon: lang === 'zh' ? '：' : ': ' },
    entity: report.entity.name,
    creditCode: report.entity.creditCode,
    source: summary.source,
    asOf: report.asOf,
    packs: report.rules.packs.map((p) => `${p.name}@${p.version}`).join(', '),
    tool: `${report.tool.name} ${report.tool.version}`,
    summary: tallyView(report.summary),
    nextStep: L(report.summary.blocking > 0 ? 'ui.nextStep.blocking' : 'ui.nextStep.clean'),
    nextStepClass: report.summary.blocking > 0 ? 'blocking' : 'clean',
    noAlgorithmsInScope: report.items.length === 0 ? L(report.duties.length > 0 ? 'ui.nothingToFileButDuties' : 'ui.noAlgorithmsInScope') : null,
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
      algorithms: algorithmList(r.algorithms) || '—',
      reasons: r.reasons,
      basis: basisLine(r.basis, report.lang),
    })),
    groups: groupViews,
    notes: notes.list,
    chart: readinessChart([
      { name: L('ui.entityMaterials'), readiness: groups[0]!.tally.readiness },
      ...summary.algorithms.map((a) => ({ name: names.algorithm(a.algorithm.id), readiness: a.readiness })),
    ]),
    summaryAlgorithms: summary.algorithms.map(({ algorithm, filed, readiness, blocking }) => ({
      id: algorithm.id,
      name: algorithm.name,
      type: `${algorithm.type} ${algorithm.typeName}${algorithm.role === 'technical-supporter' ? ` · ${L('role.technical-supporter')}` : ''}`,
      state: filed ? L('ui.filed', { number: algorithm.filingNumber! }) : L('ui.unfiled'),
      readiness: percent(readiness),
      blocking,
    })),
    applying: summary.applying.map((r) => ({ title: r.title, algorithms: coveredAlgorithms(r.algorithms, report, names) })),
    notApplying: summary.notApplying.map((r) => r.title).join(lang === 'zh' ? '、' : '; '),
    actions: summary.actions.map((action) => ({
      title: action.title,
      scopes: action.scopes.map((scope) => ({
        where: scopeName(scope, lang, names),
        status: scope.status,
        statusLabel: L(`status.${scope.status}`),
        tracking: [scope.owner, scope.due].filter(Boolean).join(' '),
      })),
    })),
    actionsTitle: L('ui.actions', { count: report.summary.blocking }),
    deadlines: deadlinesByDate(report).map((d) => ({
      state: deadlineState(d, lang),
      overdue: d.overdue,
      due: d.due,
      title: d.title + calendarCaveat(lang, d.calendar, 'full'),
      where: [d.algorithm && names.algorithm(d.algorithm), deadlineService(d, names)].filter(Boolean).join(' · '),
      notes: notes.refs(d.basis),
    })),
    nextDeadlines: summary.deadlines.map(({ deadline: d, algorithms }) => ({
      due: d.due,
      overdue: d.overdue,
      title: d.title + calendarCaveat(lang, d.calendar, 'short'),
      // A service's own clock (its assessment at launch) belongs to no one algorithm: no dangling ·.
      where: [deadlineService(d, names), ...(algorithms.length ? [algorithmList(algorithms)] : [])].join(' · '),
    })),
    scopes: [
      { name: L('ui.total'), total: true, ...tallyView(report.summary) },
      ...groups.map((g) => ({ name: dutiesPrefix(g, L) + groupOwnerName(g, L, names), total: false, ...tallyView(g.tally) })),
    ],
    warnings: summary.warnings.map((w) => ({
      code: w.code,
      severity: w.severity,
      severityLabel: L(`severity.${w.severity}`),
      algorithm: w.algorithm === null ? null : names.algorithm(w.algorithm),
      message: w.message,
    })),
  };
}

/** The HTML report: one self-contained page (no scripts, no external resources), printable on A4. */
export function formatHtml(report: Report): string {
  return renderTemplate('report.html', reportView(report), escapeHtml);
}
