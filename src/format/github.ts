import { isAtOrAbove } from '../core/report.js';
import type { Report, ReportItem } from '../core/report-schema.js';
import { t } from '../messages/messages.js';
import type { Severity } from '../rules/schema.js';
import { itemKey, ownerName, reportNames } from '../core/groups.js';
import { percent } from '../text/readiness.js';
import { formatMarkdown } from './markdown.js';
import { basisLine } from '../text/article.js';

/**
 * Escapes text for a GitHub workflow command. Line breaks would end the command (and let a string
 * start a new one), so %, CR and LF are percent-encoded; in properties, ":" and "," also separate fields.
 */
export function escapeAnnotation(text: string, inProperty: boolean): string {
  const escaped = text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  return inProperty ? escaped.replace(/:/g, '%3A').replace(/,/g, '%2C') : escaped;
}

function command(kind: 'error' | 'warning' | 'notice', properties: Record<string, string | undefined>, message: string): string {
  const props = Object.entries(properties)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `${name}=${escapeAnnotation(value, true)}`)
    .join(',');
  return `::${kind}${props ? ` ${props}` : ''}::${escapeAnnotation(message, false)}`;
}

/** GitHub Actions output: annotations for stdout and a Markdown step summary for $GITHUB_STEP_SUMMARY. */
export interface GithubOutput {
  annotations: string;
  summary: string;
}

/**
 * One annotation per gap (error at or above --fail-on, warning below), a notice per not-applicable
 * item with its reason (so a reviewer sees the justification), one per report warning, and a closing
 * notice with readiness and counts. Every item, ready ones included, is in the step summary.
 */
export function formatGithub(report: Report, failOn: Severity | 'none'): GithubOutput {
  const { lang } = report;
  const L = (key: string) => t(lang, key);
  // Annotations on the answers file show up beside it in pull requests; stdin has no file to point at.
  const file = report.source.startsWith('<') ? undefined : report.source;
  const names = reportNames(report);
  const lines: string[] = [];
  const scopeOf = (item: Pick<ReportItem, 'algorithm' | 'service'>) => ownerName(item, L, names);
  for (const i of [...report.items, ...report.duties].filter((item) => item.gap)) {
    const scope = scopeOf(i);
    const title = `${L(`severity.${i.severity}`)} · ${L(`status.${i.status}`)}: ${i.title} (${itemKey(i)})`;
    const tracking = [i.owner && `${L('ui.owner')}: ${i.owner}`, i.due && `${L('ui.due')}: ${i.due}`, i.reason && `${L('ui.note')}: ${i.reason}`].filter(Boolean);
    const message = [`${scope}: ${i.title}`, ...tracking, `${L('ui.basis')}: ${basisLine(i.basis, report.lang)}`].join('\n');
    lines.push(command(isAtOrAbove(i.severity, failOn) ? 'error' : 'warning', { file, title }, message));
  }
  for (const i of [...report.items, ...report.duties].filter((item) => item.status === 'not-applicable')) {
    const title = `${L('status.not-applicable')}: ${i.title} (${itemKey(i)})`;
    lines.push(command('notice', { file, title }, `${scopeOf(i)}: ${i.title}\n${L('ui.reason')}: ${i.reason ?? ''}`));
  }
  for (const w of report.warnings) {
    const title = `${w.code}${w.algorithm ? ` (${w.algorithm})` : ''}`;
    lines.push(command(w.severity === 'minor' || w.severity === 'info' ? 'notice' : 'warning', { file, title }, w.message));
  }
  const s = report.summary;
  const counts = `${L('ui.readiness')} ${percent(s.readiness)} · ${L('status.ready')} ${s.counts.ready} · ${L('status.draft')} ${s.counts.draft} · ${L('status.missing')} ${s.counts.missing} · ${L('status.not-applicable')} ${s.counts.notApplicable}`;
  const gaps = `${L('ui.gaps')}: ${L('severity.blocking')} ${s.blocking} · ${L('severity.major')} ${s.major} · ${L('severity.minor')} ${s.minor}`;
  lines.push(command('notice', { title: `${L('ui.title')}: ${report.entity.name}` }, `${counts}\n${gaps}`));
  return { annotations: `${lines.join('\n')}\n`, summary: formatMarkdown(report) };
}
