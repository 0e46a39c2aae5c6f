import type { Report } from '../core/report-schema.js';
import { t } from '../messages/messages.js';
import { dutiesPrefix, groupOwnerName, reportGroups, reportNames } from '../core/groups.js';
import { basisLine } from '../text/article.js';
import { mdCell, mdTable, mdText } from '../text/escape.js';
import { materialPath } from '../text/paths.js';
import { percent, readinessHeader, readinessRow } from '../text/readiness.js';
import { buildSummary, calendarCaveat, coveredAlgorithms, deadlineService, deadlineState, deadlinesByDate, nameList, scopeName } from './summary.js';

/** The Markdown report: the summary (as the text view's), then the detail as headings and tables. */
export function formatMarkdown(report: Report): string {
  const { lang } = report;
  const L = (key: string, args?: Record<string, string | number>) => t(lang, key, args);
  const summary = buildSummary(report);
  const s = report.summary;
  const names = reportNames(report);
  const list = (items: string[]) => nameList(lang, items);
  const algorithmList = (ids: string[]) => list(ids.map(names.algorithm));
  const out: string[] = [`# ${L('ui.title')}`, ''];
  out.push(`- ${L('ui.entity')}: ${mdText(report.entity.name)}`);
  out.push(`- ${L('ui.asOf')}: ${report.asOf}`);
  out.push(`- ${L('ui.source')}: ${mdText(summary.source)}`);
  out.push(`- ${L('ui.rules')}: ${report.rules.packs.map((p) => `${p.name}@${p.version}`).join(', ')}`);
  out.push(`- ${L('ui.readiness')}: **${percent(s.readiness)}** · ${L('severity.blocking')} ${s.blocking} · ${L('severity.major')} ${s.major} · ${L('severity.minor')} ${s.minor}`, '');
  out.push(`**${L(s.blocking > 0 ? 'ui.nextStep.blocking' : 'ui.nextStep.clean')}**`, '');

  out.push(`## ${L('ui.summaryTitle')}`, '');
  if (summary.algorithms.length > 0) {
    out.push(...mdTable(
      [L('ui.algorithm'), L('ui.type'), L('ui.filingState'), L('ui.readiness'), L('severity.blocking')],
      summary.algorithms.map(({ algorithm: a, filed, readiness, blocking }) => [
        mdCell(`${a.name} (${a.id})`), mdCell(`${a.type} ${a.typeName}${a.role === 'technical-supporter' ? ` · ${L('role.technical-supporter')}` : ''}`), mdCell(filed ? L('ui.filed', { number: a.filingNumber! }) : L('ui.unfiled')), percent(readiness), String(blocking),
      ]),
    ), '');
  }
  out.push(`### ${L('ui.regimes')}`, '');
  for (const r of summary.applying) out.push(`- **${mdText(r.title)}**: ${mdText(coveredAlgorithms(r.algorithms, report, names))}`);
  if (summary.notApplying.length > 0) out.push(`- ${L('ui.no')}: ${mdText(list(summary.notApplying.map((r) => r.title)))}`);
  out.push('');
  if (summary.actions.length > 0) {
    out.push(`### ${mdText(L('ui.actions', { count: s.blocking }))}`, '');
    out.push(...mdTable([L('ui.material'), L('ui.actionWhere')], summary.actions.map((action) => [
      mdCell(action.title),
      mdCell(list(action.scopes.map((e) => {
        const tracking = [e.owner, e.due].filter(Boolean).join(' ');
        return `${L(`status.${e.status}`)} ${scopeName(e, lang, names)}${tracking ? ` (${tracking})` : ''}`;
      }))),
    ])), '');
  }
  if (summary.deadlines.length > 0) {
    out.push(`### ${L('ui.nextDeadlines')}`, '');
    for (const { deadline: d, algorithms } of summary.deadlines) {
      out.push(`- ${d.overdue ? `**${d.due}** ${L('ui.overdue')}` : d.due}: ${mdText(d.title + calendarCaveat(lang, d.calendar, 'short'))} (${mdText([deadlineService(d, names), ...(algorithms.length ? [algorithmList(algorithms)] : [])].join(' · '))})`);
    }
    out.push('');
  }
  if (summary.warnings.length > 0) {
    out.push(`### ${L('ui.warnings')}`, '');
    for (const w of summary.warnings) out.push(`- **${L(`severity.${w.severity}`)}**${w.algorithm ? ` ${mdText(names.algorithm(w.algorithm))}` : ''}: ${mdText(w.message)} (${w.code.replace(/_/g, '\\_')})`);
    out.push('');
  }

  out.push(`## ${L('ui.detailTitle')}`, '');
  out.push(`### ${L('ui.algorithms')}`, '');
  out.push(...mdTable(
    [L('ui.algorithm'), L('ui.type'), L('ui.role'), L('ui.filing'), L('ui.declared'), L('ui.why')],
    report.algorithms.map((a) => [mdCell(`${a.name} (${a.id})`), mdCell(`${a.type} ${a.typeName}`), L(`role.${a.role}`), mdCell(`${L(`filing.${a.filing}`)}${a.filingNumber ? ` ${a.filingNumber}` : ''}`), mdCell(a.declaredType ?? '—'), mdCell(a.reasons.join('\n'))]),
  ), '');

  out.push(`### ${L('ui.regimes')}`, '');
  out.push(...mdTable(
    [L('ui.regime'), L('ui.applies'), L('ui.algorithm'), L('ui.why'), L('ui.basis')],
    report.regimes.map((r) => [mdCell(`${r.title} (${r.id})`), r.applies ? L('ui.yes') : L('ui.no'), mdCell(algorithmList(r.algorithms) || '—'), mdCell(r.reasons.join('\n')), mdCell(basisLine(r.basis, lang))]),
  ), '');
  const exposed = report.regimes.filter((r) => r.applies && r.exposure);
  if (exposed.length > 0) out.push(`### ${L('ui.exposure')}`, '', ...exposed.map((r) => `- **${mdText(r.title)}**: ${mdText(r.exposure!.text)}`), '');

  out.push(`### ${L('ui.materials')}`, '');
  const groups = reportGroups(report);
  for (const group of groups) {
    const { items } = group;
    out.push(`#### ${dutiesPrefix(group, L)}${mdText(groupOwnerName(group, L, names))}`, '');
    if (items.length === 0) {
      out.push(L('ui.none'), '');
      continue;
    }
    out.push(...mdTable(
      [L('ui.status'), L('ui.severity'), L('ui.material'), L('ui.confidence'), L('ui.owner'), L('ui.due'), L('ui.file'), L('ui.basis')],
      items.map((i) => [
        L(`status.${i.status}`) + (i.reason ? `：${mdCell(i.reason)}` : ''),
        L(`severity.${i.severity}`),
        mdCell(`${i.title} (${i.id})`),
        L(`confidence.${i.confidence}`),
        mdCell(i.owner),
        mdCell(i.due),
        mdCell(i.file === null ? null : materialPath(i.file, lang)),
        mdCell(basisLine(i.basis, lang)),
      ]),
    ), '');
  }

  if (report.deadlines.length > 0) {
    out.push(`### ${L('ui.deadlines')}`, '');
    out.push(...mdTable(
      [L('ui.status'), L('ui.due'), L('ui.algorithm'), L('ui.deadlines'), L('ui.basis')],
      deadlinesByDate(report).map((d) => [
        deadlineState(d, lang),
        d.due,
        mdCell([d.algorithm && names.algorithm(d.algorithm), deadlineService(d, names)].filter(Boolean).join(' · ')),
        mdCell(d.title + calendarCaveat(lang, d.calendar, 'full')),
        mdCell(basisLine(d.basis, lang)),
      ]),
    ), '');
  }

  out.push(`### ${L('ui.summary')}`, '');
  out.push(...mdTable(
    [L('ui.scope'), ...readinessHeader(lang)],
    [
      [`**${L('ui.total')}**`, ...readinessRow(report.summary)],
      ...groups.map((g) => [dutiesPrefix(g, L) + mdCell(groupOwnerName(g, L, names)), ...readinessRow(g.tally)]),
    ],
  ));
  return `${out.join('\n')}\n`;
}
