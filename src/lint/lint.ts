// The draft lint: where a 拟公示内容 or 算法安全自评估报告 draft is likely to be returned (补正).
// Pure: lines in, findings out. Every word it looks for is in lint-rules.yaml.
import type { Modality, TypeCode } from '../answers/vocabulary.js';
import type { Severity } from '../rules/schema.js';
import { isConfident, suggestType } from '../suggest/suggest.js';
import { statedType } from './mentions.js';
import { LINT_BASIS } from './basis.js';
import { LINT_RULES, combinePatterns, compilePatterns, escapeRegExp, PATTERN_FLAGS, type LintKind, type SectionRule } from './rules.js';
import { locateSections, type SectionSpan } from './structure.js';
import { excerpt, foldText, sentences, substantiveLength } from './text.js';

export type { LintKind } from './rules.js';

/** One problem found in a draft. */
export interface LintFinding {
  code: string;
  severity: Severity;
  /** 1-based line (for .docx: the paragraph among non-empty paragraphs), null for an absence. */
  line: number | null;
  /** Values for the message placeholders (messages.yaml). */
  args: Record<string, string | number>;
}

/**
 * Where the filing type of a draft came from: --type, the answers file, the type the draft states
 * (算法类型：…), or suggest-type reading the draft's own sections.
 */
export type TypeSource = 'option' | 'answers' | 'stated' | 'suggested';

/** The outcome of linting one draft. */
export interface LintResult {
  kind: LintKind | null;
  /** The filing type the type-specific checks used, or null when none is known. */
  type: TypeCode | null;
  typeSource: TypeSource | null;
  findings: LintFinding[];
}

/** What the caller knows about a draft: its kind (--kind) and filing type, with where the type came from. */
export interface LintOptions {
  kind?: LintKind;
  type?: TypeCode;
  /** Where `type` came from; defaults to `option`. */
  typeSource?: 'option' | 'answers';
  /** What the answers file says the described algorithm generates: labelling findings speak of these, not of what the draft happens to mention. */
  modalities?: readonly Modality[];
}

/** What the answers file says of the algorithm a draft describes. */
export interface DraftFacts {
  type: TypeCode;
  modalities: readonly Modality[];
}

const rules = LINT_RULES;
const KINDS: LintKind[] = ['disclosure', 'self-assessment'];
/** Severity order, most severe first (sorting, --fail-on). */
export const SEVERITY_RANK: Record<Severity, number> = { blocking: 0, major: 1, minor: 2 };
// A title match outweighs any single heading: a self-assessment's cover table repeats disclosure
// field names (算法使用场景), but only the real template carries its own name at the top.
const TITLE_WEIGHT = 3;

/** Every finding code lint and the consistency check can report (topic codes come from the rules). */
export const LINT_CODES: readonly string[] = [
  'KIND_UNKNOWN', 'SECTION_MISSING', 'SECTION_ELEMENT_MISSING', 'SECTION_TOO_THIN', 'TEMPLATE_TEXT', 'FLOW_CHART_MISSING', 'RISK_ANALYSIS_GENERIC',
  'MARKETING_LANGUAGE', 'JARGON_UNEXPLAINED', 'NAME_MISMATCH', 'TYPE_NAME_MISMATCH',
  ...rules.topics.map((topic) => topic.code),
];

const PLACEHOLDER = combinePatterns(rules.placeholders, false);
const MARKETING = rules.marketing.map((term) => ({
  ...term,
  re: new RegExp(term.pattern, `g${PATTERN_FLAGS}`),
  factAfter: term.notBefore.length > 0 ? new RegExp(`^(?:${term.notBefore.map(escapeRegExp).join('|')})`, PATTERN_FLAGS) : null,
}));
const ELEMENTS = new Map(
  (['disclosure', 'self-assessment'] as const).flatMap((kind) =>
    rules.kinds[kind].sections.flatMap((s) => [s, ...s.children]).map((s) => [s, s.elements.map((e) => ({ ...e, re: compilePatterns(e.any) }))] as const),
  ),
);
const FIGURES = compilePatterns(rules.figures);
const BOILERPLATE = compilePatterns(rules.riskBoilerplate);
const EXPLAINED_AFTER = compilePatterns(rules.explanation.after);
const EXPLAINED_BEFORE = compilePatterns(rules.explanation.before);
const JARGON = rules.jargon.map(({ term, pattern }) => ({
  term,
  re: new RegExp(pattern ?? (/^[\x20-\x7e]+$/.test(term) ? `(?<![A-Za-z0-9])${escapeRegExp(term)}(?![A-Za-z0-9])` : escapeRegExp(term)), `g${PATTERN_FLAGS}`),
}));
const TOPICS = rules.topics.map((topic) => ({
  ...topic,
  whenRe: topic.when ? compilePatterns(topic.when) : null,
  whenTypesRe: new Map(Object.entries(topic.whenTypes ?? {}).map(([type, sources]) => [type as TypeCode, compilePatterns(sources)])),
  details: topic.detail ? Object.entries(topic.detail.groups).map(([value, sources]) => ({ value, mentions: combinePatterns(sources, true) })) : [],
  requiresRe: compilePatterns(topic.requires),
}));

/** The args naming the first basis of a finding code (basis.yaml): the instrument id and article, worded by the catalogue. */
function basisArgs(code: string): Record<string, string> {
  const basis = LINT_BASIS.codes[code]?.basis[0];
  return basis ? { instrument: basis.instrument, article: basis.article } : {};
}

/** Orders findings: absences first, then by line, then by severity; stable otherwise. */
export function compareFindings(a: LintFinding, b: LintFinding): number {
  const la = a.line ?? 0;
  const lb = b.line ?? 0;
  return la - lb || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
}

/** True when one of the first lines is titled with the kind's template name (…拟公示内容). */
function titleMatches(lines: readonly string[], kind: LintKind): boolean {
  const top = lines.filter((line) => line.trim()).slice(0, rules.thresholds.titleLines);
  const titles = rules.kinds[kind].titles.map(foldText);
  // The name must end the line: a sentence that mentions 拟公示内容 is not a title.
  const title = (line: string) => foldText(line).replace(/\([^()]*\)$/u, '').replace(/[#*《》【】\[\]"“”:：。]+/gu, '');
  return top.some((line) => titles.some((t) => title(line).endsWith(t)));
}

/** Which template a draft follows, from its title and headings; null when unclear. */
export function detectKind(lines: readonly string[]): LintKind | null {
  const scores = KINDS.map((kind) => {
    const located = locateSections(lines, kind);
    const tops = rules.kinds[kind].sections.filter((section) => located.has(section.id)).length;
    return (titleMatches(lines, kind) ? TITLE_WEIGHT : 0) + tops;
  });
  const [disclosure = 0, selfAssessment = 0] = scores;
  if (disclosure === selfAssessment) return null;
  return disclosure > selfAssessment ? 'disclosure' : 'self-assessment';
}

const sectionArgs = (rule: SectionRule) => ({ section: rule.name, sectionEn: rule.en });
const appliesTo = (types: readonly TypeCode[] | undefined, type: TypeCode | null) => !types || (type !== null && types.includes(type));

/** The first template placeholder in a line (【请填写】, XXX, 此处填写 …), or null. */
export function templateText(line: string): string | null {
  return PLACEHOLDER.exec(line)?.[0] ?? null;
}

/** TEMPLATE_TEXT: one finding per line that still holds template placeholder text. */
function templateFindings(lines: readonly string[]): LintFinding[] {
  const findings: LintFinding[] = [];
  lines.forEach((line, index) => {
    const text = templateText(line);
    if (text !== null) findings.push({ code: 'TEMPLATE_TEXT', severity: 'blocking', line: index + 1, args: { text: excerpt(text) } });
  });
  return findings;
}

/** MARKETING_LANGUAGE: every promotional or absolute phrase, once per line, with why it reads as advertising. */
function marketingFindings(lines: readonly string[]): LintFinding[] {
  const findings: LintFinding[] = [];
  lines.forEach((line, index) => {
    const hits: { at: number; phrase: string; reason: string }[] = [];
    for (const term of MARKETING) {
      for (const m of line.matchAll(term.re)) {
        if (term.factAfter?.test(line.slice(m.index + m[0].length))) continue;
        hits.push({ at: m.index, phrase: m[0], reason: term.reason });
      }
    }
    // One finding per phrase: the longest match at a position (行业领先, not also 领先).
    hits.sort((a, b) => a.at - b.at || b.phrase.length - a.phrase.length);
    const seen = new Set<string>();
    let coveredTo = -1;
    for (const hit of hits) {
      if (hit.at < coveredTo || seen.has(hit.phrase)) continue;
      coveredTo = hit.at + hit.phrase.length;
      seen.add(hit.phrase);
      findings.push({ code: 'MARKETING_LANGUAGE', severity: 'major', line: index + 1, args: { phrase: hit.phrase, reason: hit.reason } });
    }
  });
  return findings;
}

function explained(line: string, start: number, end: number): boolean {
  const window = rules.thresholds.jargonWindow;
  const before = line.slice(Math.max(0, start - window), start);
  const after = line.slice(end, end + window);
  return EXPLAINED_AFTER.some((re) => re.test(after)) || EXPLAINED_BEFORE.some((re) => re.test(before));
}

/** JARGON_UNEXPLAINED: a term none of whose occurrences is explained, reported at its first line. */
function jargonFindings(lines: readonly string[]): LintFinding[] {
  const findings: LintFinding[] = [];
  const text = lines.join('\n');
  for (const { term, re } of JARGON) {
    if (text.search(re) < 0) continue;
    let first: number | null = null;
    let isExplained = false;
    lines.forEach((line, index) => {
      for (const m of line.matchAll(re)) {
        first ??= index + 1;
        isExplained ||= explained(line, m.index, m.index + m[0].length);
      }
    });
    if (first !== null && !isExplained) findings.push({ code: 'JARGON_UNEXPLAINED', severity: 'minor', line: first, args: { term } });
  }
  return findings;
}

/** Statements the kind and type require (opt-out, tags, labels, workers, pricing, result integrity), each with its article. */
function topicFindings(lines: readonly string[], kind: LintKind, type: TypeCode | null, typeSource: TypeSource | null, modalities: readonly Modality[]): LintFinding[] {
  const text = lines.join('\n');
  const findings: LintFinding[] = [];
  const headings = [...locateSections(lines, kind).values()].map((span) => span.heading);
  const bodyStart = headings.length > 0 ? Math.min(...headings) : 0;
  for (const topic of TOPICS) {
    if (!topic.kinds.includes(kind) || !appliesTo(topic.types, type)) continue;
    const onlyWhen = type ? topic.whenTypesRe.get(type) : undefined;
    if (onlyWhen && !onlyWhen.some((re) => re.test(text))) continue;
    let line: number | null = null;
    const args: Record<string, string> = basisArgs(topic.code);
    // The type code, worded by the catalogue in the report's language (value.typeName.CODE).
    if (type && topic.types) Object.assign(args, { typeName: type, typeSource: typeSource ?? 'option' });
    for (const name of topic.detail?.args ?? []) args[name] = detailOf(topic, text, modalities);
    if (topic.whenRe) {
      const mentions = (l: string) => topic.whenRe?.some((re) => re.test(l)) ?? false;
      // Point at the sections' text, not the title or the 算法名称 field, when the body mentions it too.
      const inBody = lines.findIndex((l, i) => i >= bodyStart && mentions(l));
      const at = inBody >= 0 ? inBody : lines.findIndex(mentions);
      if (at < 0) continue;
      line = at + 1;
      const mention = topic.whenRe.map((re) => re.exec(lines[at] ?? '')?.[0]).find((m) => m !== undefined);
      if (mention) args.mention = mention;
    }
    if (!topic.requiresRe.some((re) => re.test(text))) findings.push({ code: topic.code, severity: topic.severity, line, args });
  }
  return findings;
}

/**
 * The detail a topic's finding speaks of (the modality of generated content): among the modalities
 * the answers give (all, without answers), the one the draft mentions most, the earlier group on a
 * tie; else the first the answers give. A text generator's draft may name 视频 once in passing.
 */
function detailOf(topic: (typeof TOPICS)[number], text: string, modalities: readonly Modality[]): string {
  const given = (value: string) => modalities.length === 0 || (modalities as readonly string[]).includes(value);
  let most: { value: string; count: number } | undefined;
  for (const { value, mentions } of topic.details) {
    const count = given(value) ? (text.match(mentions)?.length ?? 0) : 0;
    if (count > (most?.count ?? 0)) most = { value, count };
  }
  return most?.value ?? modalities.find((m) => topic.details.some(({ value }) => value === m)) ?? 'unknown';
}

function boilerplateOnly(span: SectionSpan): string | null {
  const all = sentences(span.text);
  const generic = all.filter((s) => BOILERPLATE.some((re) => re.test(s)));
  const specific = all.filter((s) => !generic.includes(s)).join('');
  return generic.length > 0 && substantiveLength(specific) < rules.thresholds.riskSpecificChars ? (generic[0] ?? null) : null;
}

/**
 * RISK_ANALYSIS_GENERIC: a risk item made only of boilerplate, or repeating a sentence of an
 * earlier risk item (the same paragraph pasted under 滥用, 漏洞 and 恶意利用). One per item; items
 * already settled (template text) are skipped, and reported items are added to `settled` so they
 * do not also get SECTION_TOO_THIN.
 */
function genericRiskFindings(items: SectionSpan[], settled: Set<SectionSpan>): LintFinding[] {
  const findings: LintFinding[] = [];
  const seen = new Map<string, SectionRule>();
  for (const item of items) {
    let repeated: { line: number; sentence: string } | null = null;
    for (const { index, text } of item.body) {
      for (const sentence of sentences(text)) {
        const key = sentence.replace(/[\s\p{P}]/gu, '');
        if ([...key].length < rules.thresholds.repeatedSentenceChars) continue;
        const other = seen.get(key);
        if (other && other !== item.rule) repeated ??= { line: index + 1, sentence };
        else seen.set(key, item.rule);
      }
    }
    if (settled.has(item)) continue;
    const boilerplate = repeated ? null : boilerplateOnly(item);
    if (repeated || boilerplate) {
      findings.push({
        code: 'RISK_ANALYSIS_GENERIC',
        severity: 'major',
        line: repeated?.line ?? item.heading + 1,
        args: { ...sectionArgs(item.rule), sentence: excerpt(repeated?.sentence ?? boilerplate ?? '') },
      });
      settled.add(item);
    }
  }
  return findings;
}

/** SECTION_ELEMENT_MISSING: each element of the section that its text never states. */
function elementFindings(rule: SectionRule, span: SectionSpan): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const element of ELEMENTS.get(rule) ?? []) {
    if (element.re.some((re) => re.test(span.text))) continue;
    findings.push({
      code: 'SECTION_ELEMENT_MISSING',
      severity: element.severity,
      line: span.heading + 1,
      args: { ...sectionArgs(rule), element: element.name, elementEn: element.en, ...(rule.basis ?? {}) },
    });
  }
  return findings;
}

/** Section findings: missing, missing an element, thin, copy of the title, no figure, generic risk analysis. */
function sectionFindings(lines: readonly string[], kind: LintKind, type: TypeCode | null, templateLines: Set<number>): LintFinding[] {
  const located = locateSections(lines, kind);
  const findings: LintFinding[] = [];
  // A section still holding template text gets TEMPLATE_TEXT only: filling it in fixes both.
  const settled = new Set<SectionSpan>();
  const hasTemplate = (span: SectionSpan) => span.body.some(({ index }) => templateLines.has(index + 1)) || templateLines.has(span.heading + 1);

  const check = (rule: SectionRule, span: SectionSpan) => {
    if (rule.figure && !FIGURES.some((re) => re.test(span.text) || re.test(lines[span.heading] ?? ''))) {
      findings.push({ code: 'FLOW_CHART_MISSING', severity: 'major', line: span.heading + 1, args: sectionArgs(rule) });
    }
    if (hasTemplate(span) || settled.has(span) || rule.minChars === undefined) return;
    const copiesTitle = rule.variants.some((variant) => foldText(variant) === foldText(span.text.replace(/[:：。]/gu, '')));
    const chars = copiesTitle ? 0 : substantiveLength(span.text);
    // An empty section or one that repeats its heading states nothing: that is missing, not thin.
    if (chars === 0) {
      findings.push({ code: 'SECTION_MISSING', severity: rule.severity, line: span.heading + 1, args: sectionArgs(rule) });
      return;
    }
    const missing = elementFindings(rule, span);
    findings.push(...missing);
    // Length never decides: only a section that states every element but is still short gets a hint.
    if (missing.length === 0 && chars < rule.minChars) {
      findings.push({ code: 'SECTION_TOO_THIN', severity: 'minor', line: span.heading + 1, args: { ...sectionArgs(rule), chars, min: rule.minChars } });
    }
  };

  for (const top of rules.kinds[kind].sections) {
    if (!appliesTo(top.types, type)) continue;
    const span = located.get(top.id);
    if (!span) {
      findings.push({ code: 'SECTION_MISSING', severity: top.severity, line: null, args: sectionArgs(top) });
      continue;
    }
    const children: SectionSpan[] = [];
    for (const child of top.children) {
      if (!appliesTo(child.types, type)) continue;
      const childSpan = located.get(child.id);
      if (childSpan) children.push(childSpan);
      else findings.push({ code: 'SECTION_MISSING', severity: child.severity, line: null, args: sectionArgs(child) });
    }
    if (top.riskItems) {
      for (const item of children) if (hasTemplate(item)) settled.add(item);
      findings.push(...genericRiskFindings(children, settled));
    }
    check(top, span);
    for (const child of children) check(child.rule, child);
  }
  return findings;
}

/**
 * The type of a draft that neither the caller nor the draft states: what suggest-type reads in the
 * sections that say what the algorithm does (principle, scenario, purpose), when it is sure.
 */
function suggestedType(lines: readonly string[], kind: LintKind | null): TypeCode | null {
  const located = kind ? locateSections(lines, kind) : new Map<string, SectionSpan>();
  const text = ['scenario', 'purpose', 'principle', 'algorithm', 'service'].map((id) => located.get(id)?.text ?? '').join('。').trim();
  if (!text.replace(/[。\s]/gu, '')) return null;
  const suggestion = suggestType(text);
  return isConfident(suggestion) ? suggestion.type : null;
}

/** The draft's type and where it came from: the caller's, the one the draft states, or suggest-type's. */
function draftType(lines: readonly string[], kind: LintKind | null, options: LintOptions): { type: TypeCode | null; typeSource: TypeSource | null } {
  if (options.type) return { type: options.type, typeSource: options.typeSource ?? 'option' };
  const stated = statedType(lines);
  if (stated) return { type: stated, typeSource: 'stated' };
  const suggested = suggestedType(lines, kind);
  return suggested ? { type: suggested, typeSource: 'suggested' } : { type: null, typeSource: null };
}

/** Lints one draft: structure and substance for its kind, then brochure language and jargon anywhere. */
export function lintDraft(lines: readonly string[], options: LintOptions = {}): LintResult {
  const kind = options.kind ?? detectKind(lines);
  const { type, typeSource } = draftType(lines, kind, options);
  const template = templateFindings(lines);
  const findings: LintFinding[] = [];
  if (kind) {
    findings.push(...sectionFindings(lines, kind, type, new Set(template.map((f) => f.line ?? 0))));
    findings.push(...topicFindings(lines, kind, type, typeSource, options.modalities ?? []));
  } else {
    findings.push({ code: 'KIND_UNKNOWN', severity: 'blocking', line: null, args: {} });
  }
  findings.push(...template, ...marketingFindings(lines), ...jargonFindings(lines));
  return { kind, type, typeSource, findings: findings.sort(compareFindings) };
}
