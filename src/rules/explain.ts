import { inputError } from '../errors.js';
import type { Lang } from '../messages/messages.js';
import { mdCell, mdText } from '../text/escape.js';
import { basisLine } from '../text/article.js';
import { similarTo } from '../text/similar.js';
import { alignColumns } from '../text/width.js';
import type { Basis, Condition, Material, Rules } from './model.js';
import type { Localized, LocalizedList } from './schema.js';

export type RulesFormat = 'text' | 'json' | 'md';

/** One entry of `rules list --format json` (contract section 5), plus severity and condition; packs first, with the day each was last checked. */
interface RuleEntry {
  id: string;
  kind: 'pack' | 'material' | 'regime' | 'warning' | 'type';
  level: 'entity' | 'service' | 'algorithm' | null;
  title: Localized;
  severity: string | null;
  confidence: string | null;
  when: Condition | null;
  basis: { instrument: string; article: string; url: string; kind: string }[];
  verified: string | null;
  pack: string;
}

function basisJson(basis: Basis[]): RuleEntry['basis'] {
  return basis.map((b) => ({ instrument: b.instrumentTitle.zh, article: b.article, url: b.url, kind: b.kind }));
}

function entries(rules: Rules): RuleEntry[] {
  const base = rules.packs[0] ? `${rules.packs[0].name}@${rules.packs[0].version}` : '';
  return [
    ...rules.packs.map((p): RuleEntry => ({ id: p.name, kind: 'pack', level: null, title: p.title, severity: null, confidence: null, when: null, basis: [], verified: p.verified, pack: `${p.name}@${p.version}` })),
    ...rules.materials.map((m): RuleEntry => ({ id: m.id, kind: 'material', level: m.level, title: m.title, severity: m.severity, confidence: m.confidence, when: m.when, basis: basisJson(m.basis), verified: m.verified, pack: m.pack })),
    ...rules.regimes.map((r): RuleEntry => ({ id: r.id, kind: 'regime', level: null, title: r.title, severity: null, confidence: null, when: null, basis: basisJson(r.basis), verified: r.verified, pack: r.pack })),
    ...rules.warnings.map((w): RuleEntry => ({ id: w.id, kind: 'warning', level: null, title: w.title, severity: w.severity, confidence: null, when: null, basis: basisJson(w.basis), verified: w.verified, pack: w.pack })),
    ...rules.types.map((t): RuleEntry => ({ id: t.code, kind: 'type', level: null, title: t.title, severity: null, confidence: null, when: null, basis: [], verified: null, pack: base })),
  ];
}

/** Writes a condition the way a reviewer reads it: "regimes ∋ algorithm-filing 且 does ∋ personalize". */
export function describeCondition(condition: Condition, lang: Lang): string {
  const and = lang === 'zh' ? ' 且 ' : ' and ';
  const or = lang === 'zh' ? ' 或 ' : ' or ';
  const node = condition as { any?: Condition[]; all?: Condition[]; not?: Condition };
  if (node.any) return `(${node.any.map((c) => describeCondition(c, lang)).join(or)})`;
  if (node.all) return node.all.map((c) => describeCondition(c, lang)).join(and);
  if (node.not) return `${lang === 'zh' ? '非' : 'not '}(${describeCondition(node.not, lang)})`;
  return Object.entries(condition)
    .map(([fact, value]) => (Array.isArray(value) ? `${fact} ∈ {${value.join(', ')}}` : `${fact} = ${String(value)}`))
    .join(and);
}

/** `rules list`: one line (or JSON entry) per material, regime, warning rule and type. */
export function formatRulesList(rules: Rules, format: RulesFormat, lang: Lang): string {
  const list = entries(rules);
  if (format === 'json') return `${JSON.stringify(list, null, 2)}\n`;
  if (format === 'md') {
    const rows = list.map((e) => `| ${mdCell(e.id)} | ${e.kind} | ${e.level ?? '—'} | ${e.severity ?? '—'} | ${mdCell(e.title[lang])} | ${e.verified ?? '—'} | ${mdCell(e.pack)} |`);
    return `${['| id | kind | level | severity | title | verified | pack |', '| --- | --- | --- | --- | --- | --- | --- |', ...rows].join('\n')}\n`;
  }
  const rows = list.map((e) => [e.id, e.kind, e.level ?? '-', e.severity ?? '-', e.confidence ?? '-', e.verified ?? '-', e.title[lang]]);
  return `${alignColumns([['id', 'kind', 'level', 'severity', 'basis', 'verified', 'title'], ...rows]).join('\n')}\n`;
}

interface Section {
  label: Localized;
  text?: string;
  list?: string[];
}

const LABELS = {
  kind: { zh: '类别', en: 'Kind' },
  level: { zh: '层面', en: 'Level' },
  severity: { zh: '严重程度', en: 'Severity' },
  confidence: { zh: '依据性质', en: 'Basis kind' },
  when: { zh: '适用条件', en: 'Applies when' },
  basis: { zh: '法律依据', en: 'Legal basis' },
  verified: { zh: '核实日期', en: 'Verified' },
  pack: { zh: '规则包', en: 'Pack' },
  summary: { zh: '说明', en: 'What it is' },
  acceptance: { zh: '审核要点', en: 'What the reviewer checks' },
  prepare: { zh: '准备步骤', en: 'How to prepare it' },
  owner: { zh: '通常负责', en: 'Usually owned by' },
  effort: { zh: '工作量', en: 'Typical effort' },
  returnReasons: { zh: '常见退回原因', en: 'Common reasons for return' },
  checks: { zh: '自查项', en: 'Checks' },
  template: { zh: '官方模板', en: 'Official template' },
  definition: { zh: '定义', en: 'Definition' },
  aliases: { zh: '别名', en: 'Also called' },
} as const satisfies Record<string, Localized>;

function materialSections(m: Material, lang: Lang): Section[] {
  const list = (value: LocalizedList | undefined) => value?.[lang];
  const sections: Section[] = [
    { label: LABELS.kind, text: 'material' },
    { label: LABELS.level, text: m.level },
    { label: LABELS.severity, text: m.severity },
    { label: LABELS.confidence, text: m.confidence },
    { label: LABELS.when, text: describeCondition(m.when, lang) },
    { label: LABELS.basis, list: m.basis.map((b) => `${basisLine([{ instrument: b.instrumentTitle[lang], article: b.article, url: b.url, ...(b.note ? { note: b.note[lang] } : {}) }], lang)} ${b.url}`) },
    { label: LABELS.verified, text: m.verified },
    { label: LABELS.pack, text: m.pack },
  ];
  if (m.summary) sections.push({ label: LABELS.summary, text: m.summary[lang] });
  for (const key of ['acceptance', 'prepare', 'returnReasons', 'checks'] as const) {
    const items = list(m[key]);
    if (items) sections.push({ label: LABELS[key], list: items });
  }
  if (m.owner) sections.push({ label: LABELS.owner, text: m.owner[lang] });
  if (m.effort) sections.push({ label: LABELS.effort, text: m.effort[lang] });
  if (m.template) sections.push({ label: LABELS.template, text: `${m.template.title[lang]}${m.template.url ? ` ${m.template.url}` : ''}` });
  return sections;
}

/** `rules explain ID`: everything the packs say about one id, or an InputError listing close ids. */
export function formatRulesExplain(rules: Rules, id: string, format: RulesFormat, lang: Lang): string {
  const entry = entries(rules).find((e) => e.id === id);
  if (!entry) {
    const close = similarTo(id, entries(rules).map((e) => e.id));
    const suggestion = close.length > 0 ? { key: 'rules.did-you-mean', args: { ids: { list: close, separator: 'list.comma' } } } : '';
    throw inputError('error.rules.unknown-id', { id, suggestion });
  }
  const material = rules.materials.find((m) => m.id === id);
  const type = rules.types.find((t) => t.code === id);
  if (format === 'json') return `${JSON.stringify(material ?? rules.regimes.find((r) => r.id === id) ?? rules.warnings.find((w) => w.id === id) ?? type, null, 2)}\n`;
  const sections: Section[] = material
    ? materialSections(material, lang)
    : type
      ? [
          { label: LABELS.kind, text: 'type' },
          { label: LABELS.definition, text: type.definition[lang] },
          { label: LABELS.aliases, text: type.aliases.join(', ') },
        ]
      : [
          { label: LABELS.kind, text: entry.kind },
          ...(entry.severity ? [{ label: LABELS.severity, text: entry.severity }] : []),
          { label: LABELS.basis, list: entry.basis.map((b) => `${basisLine([b], lang)} ${b.url}`) },
          ...(entry.verified ? [{ label: LABELS.verified, text: entry.verified }] : []),
          { label: LABELS.pack, text: entry.pack },
        ];
  const title = `${entry.id}  ${entry.title[lang]}`;
  if (format === 'md') {
    const body = sections.flatMap((s) => (s.list ? [`**${s.label[lang]}**`, '', ...s.list.map((l) => `- ${mdText(l)}`), ''] : [`**${s.label[lang]}**: ${mdText(s.text ?? '')}`, '']));
    return `${[`## ${mdText(title)}`, '', ...body].join('\n')}`;
  }
  const body = sections.flatMap((s) => (s.list ? [`${s.label[lang]}:`, ...s.list.map((l) => `  - ${l}`)] : [`${s.label[lang]}: ${s.text ?? ''}`]));
  return `${[title, ...body].join('\n')}\n`;
}

