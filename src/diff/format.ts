import type { Lang } from '../messages/messages.js';
import { t } from '../messages/messages.js';
import { mdCell, mdTable, mdText } from '../text/escape.js';
import { sourceName } from '../text/paths.js';
import { percent, readinessHeader, readinessRow } from '../text/readiness.js';
import { alignColumns } from '../text/width.js';
import { DEADLINE_CHANGES, ITEM_CHANGES, type ItemChange, type ReportDiff } from './diff.js';

export const DIFF_FORMATS = ['text', 'json', 'md'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

function statusWord(lang: Lang, status: ItemChange['from']): string {
  return status ? t(lang, `status.${status}`) : '—';
}

/** The sections both human views print: a title, column headings and rows (worded, not escaped). */
function sections(diff: ReportDiff, lang: Lang): { title: string; header: string[]; rows: string[][] }[] {
  const L = (key: string, args?: Record<string, string | number>) => t(lang, key, args);
  const out = ITEM_CHANGES.map((kind) => {
    const items = diff.items.filter((i) => i.kind === kind);
    return {
      title: `${L(`diff.${kind}`)} (${items.length})`,
      header: [L('ui.key'), L('ui.material'), L('ui.severity'), L('ui.status')],
      rows: items.map((i) => [i.key, i.title, L(`severity.${i.severity}`), `${statusWord(lang, i.from)} → ${statusWord(lang, i.to)}`]),
    };
  });
  const { added, removed, changed } = diff.algorithms;
  out.push({
    title: `${L('diff.algorithms')} (${added.length + removed.length + changed.length})`,
    header: [L('ui.algorithm'), L('ui.algorithmName'), L('diff.change'), L('diff.detail')],
    rows: [
      ...added.map((a) => [a.id, a.name, L('diff.algorithmAdded'), a.type]),
      ...removed.map((a) => [a.id, a.name, L('diff.algorithmRemoved'), a.type]),
      ...changed.map((a) => [
        a.id,
        a.name,
        L('diff.algorithmChanged'),
        [
          a.type ? `${L('ui.type')}: ${a.type.from} → ${a.type.to}` : null,
          a.regimesAdded.length ? `+ ${a.regimesAdded.join(', ')}` : null,
          a.regimesRemoved.length ? `− ${a.regimesRemoved.join(', ')}` : null,
        ].filter(Boolean).join('; '),
      ]),
    ],
  });
  out.push({
    title: `${L('ui.regimes')} (${diff.regimes.length})`,
    header: [L('ui.key'), L('ui.regime'), L('ui.applies')],
    rows: diff.regimes.map((r) => [r.id, r.title, `${L(r.from ? 'ui.yes' : 'ui.no')} → ${L(r.to ? 'ui.yes' : 'ui.no')}`]),
  });
  for (const kind of DEADLINE_CHANGES) {
    const changes = diff.deadlines.filter((d) => d.kind === kind);
    out.push({
      title: `${L(`diff.deadline.${kind}`)} (${changes.length})`,
      header: [L('ui.algorithm'), L('ui.deadline'), L('ui.due')],
      rows: changes.map((d) => [[d.algorithm, d.service].filter(Boolean).join(' · '), d.title, `${d.from ?? '—'} → ${d.to ?? '—'}`]),
    });
  }
  for (const side of ['added', 'resolved'] as const) {
    const warnings = diff.warnings[side];
    out.push({
      title: `${L(`diff.warnings.${side}`)} (${warnings.length})`,
      header: [L('ui.severity'), L('ui.code'), L('ui.algorithm'), L('ui.message')],
      rows: warnings.map((w) => [L(`severity.${w.severity}`), w.code, w.algorithm ?? '—', w.message]),
    });
  }
  return out.filter((s) => s.rows.length > 0);
}

/** The closing line: how many regressions, and what counted as one at this --fail-on level. */
function verdict(diff: ReportDiff, lang: Lang): string {
  if (diff.regressions === 0) return t(lang, 'diff.noRegressions');
  if (diff.failOn === 'none') return t(lang, 'diff.regressionsReopened', { count: diff.regressions });
  return t(lang, 'diff.regressions', { count: diff.regressions, level: t(lang, `diff.level.${diff.failOn}`) });
}

function headline(diff: ReportDiff, lang: Lang): string {
  const L = (key: string, args?: Record<string, string | number>) => t(lang, key, args);
  const o = diff.old.summary;
  const n = diff.new.summary;
  return [
    `${L('ui.readiness')} ${percent(o.readiness)} → ${percent(n.readiness)}`,
    `${L('severity.blocking')} ${o.blocking} → ${n.blocking}`,
    `${L('severity.major')} ${o.major} → ${n.major}`,
    `${L('severity.minor')} ${o.minor} → ${n.minor}`,
  ].join(' · ');
}

/** The diff for a terminal. */
export function formatDiffText(diff: ReportDiff, lang: Lang): string {
  const L = (key: string, args?: Record<string, string | number>) => t(lang, key, args);
  const out = [L('diff.title')];
  out.push(...alignColumns([
    [L('diff.old'), `${sourceName(diff.old.source)} (${diff.old.asOf})`, diff.old.entity],
    [L('diff.new'), `${sourceName(diff.new.source)} (${diff.new.asOf})`, diff.new.entity],
  ]).map((l) => `  ${l}`));
  out.push(`  ${headline(diff, lang)}`);
  const body = sections(diff, lang);
  for (const section of body) out.push('', section.title, ...alignColumns(section.rows).map((l) => `  ${l}`));
  if (body.length === 0) out.push('', L('diff.none'));
  out.push('', verdict(diff, lang));
  return `${out.join('\n')}\n`;
}

/** The diff as Markdown, for meeting notes and pull requests. */
export function formatDiffMarkdown(diff: ReportDiff, lang: Lang): string {
  const L = (key: string, args?: Record<string, string | number>) => t(lang, key, args);
  const out = [`# ${L('diff.title')}`, ''];
  out.push(`- ${L('diff.old')}: ${mdText(`${sourceName(diff.old.source)} (${diff.old.asOf}) ${diff.old.entity}`)}`);
  out.push(`- ${L('diff.new')}: ${mdText(`${sourceName(diff.new.source)} (${diff.new.asOf}) ${diff.new.entity}`)}`, '');
  out.push(...mdTable([L('ui.scope'), ...readinessHeader(lang)], [
    [L('diff.old'), ...readinessRow(diff.old.summary)],
    [L('diff.new'), ...readinessRow(diff.new.summary)],
  ]), '');
  const body = sections(diff, lang);
  for (const section of body) {
    out.push(`## ${mdText(section.title)}`, '');
    out.push(...mdTable(section.header, section.rows.map((r) => r.map(mdCell))), '');
  }
  if (body.length === 0) out.push(L('diff.none'), '');
  out.push(diff.regressions > 0 ? `**${verdict(diff, lang)}**` : verdict(diff, lang));
  return `${out.join('\n')}\n`;
}

/** Renders a diff in one format. */
export function renderDiff(diff: ReportDiff, format: DiffFormat, lang: Lang): string {
  if (format === 'json') return `${JSON.stringify(diff, null, 2)}\n`;
  return format === 'md' ? formatDiffMarkdown(diff, lang) : formatDiffText(diff, lang);
}
