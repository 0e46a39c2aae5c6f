import type { ChalkInstance } from 'chalk';
import type { Report } from '../core/report-schema.js';
import { t } from '../messages/messages.js';
import { basisLine } from '../text/article.js';
import { dutiesPrefix, groupOwnerName, reportGroups, reportNames } from '../core/groups.js';
import { materialPath, sourceName } from '../text/paths.js';
import { percent } from '../text/readiness.js';
import { alignColumns } from '../text/width.js';
import { buildSummary, calendarCaveat, coveredAlgorithms, deadlineService, deadlineState, deadlinesByDate, nameList, scopeName, type ActionScope } from './summary.js';

const STATUS_MARK = { ready: '✔', draft: '◐', missing: '✘', 'not-applicable': '–' } as const;

/**
 * The terminal summary, the default text report: one screen with the subject, each algorithm's
 * type and filed state, the procedures, readiness, the blocking gaps as actions, the next dates
 * and the warnings. `--detail` prints formatText instead.
 */
export function formatTextSummary(report: Report, color: ChalkInstance): string {
  const { lang } = report;
  const L = (key: string, args?: Record<string, string | number>) => t(lang, key, args);
  const summary = buildSummary(report);
  const names = reportNames(report);
  const colon = lang === 'zh' ? '：' : ': ';
  const out: string[] = [];
  const heading = (text: string) => out.push('', color.bold(text));
  const s = report.summary;

  out.push(color.bold(L('ui.title')));
  out.push(...alignColumns([
    [L('ui.entity'), report.entity.name],
    [L('ui.source'), summary.source],
    [L('ui.asOf'), report.asOf],
    [L('ui.readiness'), `${percent(s.readiness)}  ${L('ui.gaps')}${colon}${L('severity.blocking')} ${s.blocking} · ${L('severity.major')} ${s.major} · ${L('severity.minor')} ${s.minor}`],
  ]).map((line) => `  ${line}`));

  if (summary.algorithms.length > 0) {
    heading(L('ui.algorithms'));
    const rows = summary.algorithms.map(({ algorithm, filed, readiness, blocking }) => [
      algorithm.name,
      color.dim(`(${algorithm.id})`),
      // The role is said only when it is not the usual one: a technical supporter files differently.
      color.cyan(`${algorithm.type} ${algorithm.typeName}${algorithm.role === 'technical-supporter' ? ` · ${L('role.technical-supporter')}` : ''}`),
      filed ? L('ui.filed', { number: algorithm.filingNumber! }) : L('ui.unfiled'),
      `${L('ui.readiness')} ${percent(readiness)}`,
      blocking > 0 ? color.red(`${L('severity.blocking')} ${blocking}`) : '',
    ]);
    for (const line of alignColumns(rows)) out.push(`  ${line.trimEnd()}`);
  }

  heading(L('ui.regimes'));
  for (const regime of summary.applying) out.push(`  ${color.green('●')} ${regime.title}  ${color.dim(coveredAlgorithms(regime.algorithms, report, names))}`);
  if (summary.notApplying.length > 0) out.push(`  ${color.dim('○')} ${L('ui.no')}${colon}${summary.notApplying.map((r) => r.title).join(lang === 'zh' ? '、' : '; ')}`);

  if (summary.actions.length > 0) {
    heading(L('ui.actions', { count: s.blocking }));
    const scope = (entry: ActionScope) => {
      const tracking = [entry.owner, entry.due].filter(Boolean).join(' ');
      return `${scopeName(entry, lang, names)}${tracking ? (lang === 'zh' ? `（${tracking}）` : ` (${tracking})`) : ''}`;
    };
    const rows = summary.actions.map((action) => {
      const byStatus = (['missing', 'draft'] as const)
        .map((status) => ({ status, entries: action.scopes.filter((e) => e.status === status) }))
        .filter((g) => g.entries.length > 0)
        .map((g) => `${STATUS_MARK[g.status]} ${L(`status.${g.status}`)}${colon}${g.entries.map(scope).join(lang === 'zh' ? '、' : ', ')}`);
      return [action.title, byStatus.join(lang === 'zh' ? '；' : '; ')];
    });
    for (const line of alignColumns(rows)) out.push(`  ${line}`);
  }

  if (summary.deadlines.length > 0) {
    heading(L('ui.nextDeadlines'));
    const rows = summary.deadlines.map(({ deadline: d, algorithms }) => [
      d.overdue ? color.red(`✘ ${d.due}`) : `◷ ${d.due}`,
      `${d.title}${calendarCaveat(lang, d.calendar, 'short')}`,
      [deadlineService(d, names), ...(algorithms.length ? [nameList(lang, algorithms.map(names.algorithm))] : [])].join(' · '),
    ]);
    for (const line of alignColumns(rows)) out.push(`  ${line}`);
  }

  if (summary.warnings.length > 0) {
    heading(L('ui.warnings'));
    for (const warning of summary.warnings) {
      const paint = warning.severity === 'blocking' ? color.red : warning.severity === 'major' ? color.yellow : color.dim;
      out.push(`  ${paint(`! ${L(`severity.${warning.severity}`)}`)}${warning.algorithm ? ` [${names.algorithm(warning.algorithm)}]` : ''} ${warning.message}`);
    }
  }

  out.push('');
  if (report.items.length === 0) out.push(L('ui.noAlgorithmsInScope'));
  out.push(s.blocking > 0 ? color.red(L('ui.nextStep.blocking')) : color.green(L('ui.nextStep.clean')));
  out.push(color.dim(L('ui.detailHint')));
  return `${out.join('\n')}\n`;
}

/** The full terminal report (`--detail`): every item with its legal basis, aligned for CJK, coloured only when the chalk instance is. */
export function formatText(report: Report, color: ChalkInstance): string {
  const { lang } = report;
  const L = (key: string, args?: Record<string, string | number>) => t(lang, key, args);
  const names = reportNames(report);
  const out: string[] = [];
  const heading = (text: string) => out.push('', color.bold(text));

  out.push(color.bold(L('ui.title')));
  out.push(...alignColumns([
    [L('ui.entity'), report.entity.name],
    [L('ui.source'), sourceName(report.source)],
    [L('ui.rules'), report.rules.packs.map((p) => `${p.name}@${p.version}`).join(', ')],
    [L('ui.asOf'), report.asOf],
  ]).map((line) => `  ${line}`));

  heading(L('ui.algorithms'));
  for (const algorithm of report.algorithms) {
    const declared = algorithm.declaredType ? `  ${L('ui.declared')} ${algorithm.declaredType}` : '';
    out.push(`  ${color.bold(algorithm.name)}  ${color.dim(`(${algorithm.id})`)}`);
    const filing = `${L(`filing.${algorithm.filing}`)}${algorithm.filingNumber ? ` ${algorithm.filingNumber}` : ''}`;
    out.push(`    ${color.cyan(`${algorithm.type} ${algorithm.typeName}`)} · ${L(`role.${algorithm.role}`)} · ${filing}${declared}`);
    for (const reason of algorithm.reasons) out.push(`    · ${reason}`);
  }

  heading(L('ui.regimes'));
  for (const regime of report.regimes) {
    const mark = regime.applies ? color.green('●') : color.dim('○');
    const verdict = regime.applies ? L('ui.yes') : L('ui.no');
    const algorithms = regime.algorithms.length ? `  (${nameList(lang, regime.algorithms.map(names.algorithm))})` : '';
    out.push(`  ${mark} ${regime.title} [${regime.id}]: ${regime.applies ? color.bold(verdict) : verdict}${algorithms}`);
    for (const reason of regime.reasons) out.push(`      ${reason}`);
    out.push(color.dim(`      ${L('ui.basis')}: ${basisLine(regime.basis, lang)}`));
    if (regime.applies && regime.exposure) out.push(color.dim(`      ${L('ui.exposure')}: ${regime.exposure.text}`));
  }

  heading(L('ui.materials'));
  for (const group of reportGroups(report)) {
    const { items, tally } = group;
    const title = dutiesPrefix(group, L) + groupOwnerName(group, L, names);
    const c = tally.counts;
    const counts = `${L('status.ready')} ${c.ready} · ${L('status.draft')} ${c.draft} · ${L('status.missing')} ${c.missing} · ${L('status.not-applicable')} ${c.notApplicable}`;
    out.push(`  ${color.bold(title)}  ${L('ui.readiness')} ${percent(tally.readiness)}  (${counts})`);
    if (items.length === 0) {
      out.push(`    ${L('ui.none')}`);
      continue;
    }
    const rows = items.map((item) => {
      const status = `${STATUS_MARK[item.status]} ${L(`status.${item.status}`)}`;
      const paint = item.gap ? (item.severity === 'blocking' ? color.red : color.yellow) : item.status === 'ready' ? color.green : color.dim;
      const tracking = [item.owner, item.due].filter(Boolean).join(' ');
      return [paint(status), L(`severity.${item.severity}`), L(`confidence.${item.confidence}`), `${item.title} (${item.id})`, tracking];
    });
    const lines = alignColumns(rows);
    items.forEach((item, i) => {
      out.push(`    ${lines[i]}`);
      // A reason typed on any status is kept: for not-applicable it is the justification, otherwise a note.
      if (item.reason) out.push(`        ${L(item.status === 'not-applicable' ? 'ui.reason' : 'ui.note')}: ${item.reason}`);
      if (item.file) out.push(color.dim(`        ${L('ui.file')}: ${materialPath(item.file, lang)}`));
      out.push(color.dim(`        ${L('ui.basis')}: ${basisLine(item.basis, lang)}`));
    });
  }

  if (report.deadlines.length > 0) {
    heading(L('ui.deadlines'));
    const rows = deadlinesByDate(report).map((d) => {
      const state = deadlineState(d, lang);
      const mark = d.overdue ? color.red(`✘ ${state}`) : d.done ? color.green(`✔ ${state}`) : `◷ ${state}`;
      return [mark, L('ui.dueOn', { date: d.due }), [d.algorithm && names.algorithm(d.algorithm), deadlineService(d, names)].filter(Boolean).join(' · '), `${d.title}${calendarCaveat(lang, d.calendar, 'full')}`];
    });
    for (const line of alignColumns(rows)) out.push(`  ${line}`);
  }

  if (report.warnings.length > 0) {
    heading(L('ui.warnings'));
    for (const warning of report.warnings) {
      const paint = warning.severity === 'blocking' ? color.red : warning.severity === 'major' ? color.yellow : color.dim;
      out.push(`  ${paint(`! ${L(`severity.${warning.severity}`)} ${warning.code}`)}${warning.algorithm ? ` [${names.algorithm(warning.algorithm)}]` : ''}`);
      out.push(`    ${warning.message}`);
    }
  }

  heading(L('ui.summary'));
  const s = report.summary;
  out.push(`  ${L('ui.gaps')}: ${L('severity.blocking')} ${s.blocking} · ${L('severity.major')} ${s.major} · ${L('severity.minor')} ${s.minor}    ${L('ui.readiness')}: ${percent(s.readiness)}`);
  out.push(`  ${L('status.ready')} ${s.counts.ready} · ${L('status.draft')} ${s.counts.draft} · ${L('status.missing')} ${s.counts.missing} · ${L('status.not-applicable')} ${s.counts.notApplicable}`);
  if (report.duties.length > 0) {
    const d = s.duties;
    out.push(`  ${L('ui.duties')}: ${L('severity.blocking')} ${d.blocking} · ${L('severity.major')} ${d.major} · ${L('severity.minor')} ${d.minor}    ${L('ui.readiness')}: ${percent(d.readiness)}`);
  }
  if (report.items.length === 0) out.push(`  ${L(report.duties.length > 0 ? 'ui.nothingToFileButDuties' : 'ui.noAlgorithmsInScope')}`);
  out.push(`  ${s.blocking > 0 ? color.red(L('ui.nextStep.blocking')) : color.green(L('ui.nextStep.clean'))}`);
  return `${out.join('\n')}\n`;
}
