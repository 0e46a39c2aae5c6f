import type { Report, ReportItem } from '../core/report-schema.js';
import { t } from '../messages/messages.js';
import { basisLine } from './text.js';

/** Escapes text for a Markdown table cell: pipes, line breaks and HTML-significant characters. */
export function mdCell(text: string | null | undefined): string {
  return (text ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, '<br>');
}

/** Escapes inline Markdown outside tables (headings, list items). */
export function mdText(text: string): string {
  return text.replace(/([\\`*_[\]#<>|])/g, '\\$1').replace(/\r?\n/g, ' ');
}

function table(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

/** The Markdown report: the same sections as text, as headings and tables. */
export function formatMarkdown(report: Report): string {
  const { lang } = report;
  const L = (key: string) => t(lang, key);
  const out: string[] = [`# ${L('ui.title')}`, ''];
  out.push(`- ${L('ui.entity')}: ${mdText(report.entity.name)}`);
  out.push(`- ${L('ui.source')}: ${mdText(report.source)}`);
  out.push(`- ${L('ui.rules')}: ${report.rules.packs.map((p) => `${p.name}@${p.version}`).join(', ')}`);
  out.push(`- ${L('ui.asOf')}: ${report.asOf}`, '');

  out.push(`## ${L('ui.algorithms')}`, '');
  out.push(...table(
    [L('ui.algorithm'), L('ui.type'), L('ui.role'), L('ui.declared'), L('ui.why')],
    report.algorithms.map((a) => [mdCell(`${a.id} ${a.name}`), mdCell(`${a.type} ${a.typeName}`), L(`role.${a.role}`), mdCell(a.declaredType ?? '—'), mdCell(a.reasons.join('\n'))]),
  ), '');

  out.push(`## ${L('ui.regimes')}`, '');
  out.push(...table(
    [L('ui.regime'), L('ui.applies'), L('ui.algorithm'), L('ui.why'), L('ui.basis')],
    report.regimes.map((r) => [mdCell(`${r.title} (${r.id})`), r.applies ? L('ui.yes') : L('ui.no'), mdCell(r.algorithms.join(', ') || '—'), mdCell(r.reasons.join('\n')), mdCell(basisLine(r.basis, lang))]),
  ), '');

  out.push(`## ${L('ui.materials')}`, '');
  const groups: [string, ReportItem[]][] = [
    [L('ui.entityMaterials'), report.items.filter((i) => i.algorithm === null)],
    ...report.algorithms.map((a): [string, ReportItem[]] => [`${L('ui.algorithm')} ${a.id} ${a.name}`, report.items.filter((i) => i.algorithm === a.id)]),
  ];
  for (const [title, items] of groups) {
    out.push(`### ${mdText(title)}`, '');
    if (items.length === 0) {
      out.push(L('ui.none'), '');
      continue;
    }
    out.push(...table(
      [L('ui.status'), L('ui.severity'), L('ui.material'), L('ui.confidence'), L('ui.owner'), L('ui.due'), L('ui.file'), L('ui.basis')],
      items.map((i) => [
        L(`status.${i.status}`) + (i.reason ? `：${mdCell(i.reason)}` : ''),
        L(`severity.${i.severity}`),
        mdCell(`${i.title} (${i.id})`),
        L(`confidence.${i.confidence}`),
        mdCell(i.owner),
        mdCell(i.due),
        mdCell(i.file),
        mdCell(basisLine(i.basis, lang)),
      ]),
    ), '');
  }

  if (report.deadlines.length > 0) {
    out.push(`## ${L('ui.deadlines')}`, '');
    out.push(...table(
      [L('ui.status'), L('ui.due'), L('ui.algorithm'), L('ui.deadlines'), L('ui.basis')],
      report.deadlines.map((d) => [
        L(d.overdue ? 'ui.overdue' : d.done ? 'ui.done' : 'ui.pending'),
        d.due,
        mdCell(`${d.algorithm} · ${d.service}`),
        mdCell(`${d.title}${d.calendar === 'weekends-only' ? L('ui.weekendsOnly') : ''}`),
        mdCell(basisLine(d.basis, lang)),
      ]),
    ), '');
  }

  if (report.warnings.length > 0) {
    out.push(`## ${L('ui.warnings')}`, '');
    for (const w of report.warnings) out.push(`- **${w.code}** (${L(`severity.${w.severity}`)}${w.algorithm ? `, ${mdText(w.algorithm)}` : ''}): ${mdText(w.message)}`);
    out.push('');
  }
  const s = report.summary;
  out.push(`## ${L('ui.summary')}`, '');
  out.push(...table(
    [L('severity.blocking'), L('severity.major'), L('severity.minor'), L('ui.readiness'), L('status.ready'), L('status.draft'), L('status.missing'), L('status.not-applicable')],
    [[s.blocking, s.major, s.minor, `${Math.round(s.readiness * 100)}%`, s.counts.ready, s.counts.draft, s.counts.missing, s.counts.notApplicable].map(String)],
  ));
  return `${out.join('\n')}\n`;
}
