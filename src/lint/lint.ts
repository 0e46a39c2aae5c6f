// The draft lint: where a 拟公示内容 or 算法安全自评估报告 draft is likely to be returned (补正).
// Pure: lines in, findings out. Every word it looks for is in lint-rules.yaml.
import type { TypeCode } from '../answers/vocabulary.js';
import type { Severity } from '../rules/schema.js';
import { statedType, typeName } from './mentions.js';
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

/** The outcome of linting one draft. */
export interface LintResult {
  kind: LintKind | null;
  /** The filing type the type-specific checks used (given, or stated in the draft), or null. */
  type: TypeCode | null;
  findings: LintFinding[];
}

/** What the caller knows about a draft: its kind (--kind) and filing type (answers file or --type). */
export interface LintOptions {
  kind?: LintKind;
  type?: TypeCode;
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
  'KIND_UNKNOWN', 'SECTION_MISSING', 'SECTION_TOO_THIN', 'TEMPLATE_TEXT', 'FLOW_CHART_MISSING', 'RISK_ANALYSIS_GENERIC',
  'MARKETING_LANGUAGE', 'JARGON_UNEXPLAINED', 'NAME_MISMATCH', 'TYPE_NAME_MISMATCH',
  ...rules.topics.map((topic) => topic.code),
];

const PLACEHOLDER = combinePatterns(rules.placeholders, false);
const MARKETING = combinePatterns(rules.marketing, true);
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
  requiresRe: compilePatterns(topic.requires),
}));

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

/** MARKETING_LANGUAGE: every brochure phrase, once per line. */
function marketingFindings(lines: readonly string[]): LintFinding[] {
  const findings: LintFinding[] = [];
  lines.forEach((line, index) => {
    for (const phrase of new Set(Array.from(line.matchAll(MARKETING), (m) => m[0]))) {
      findings.push({ code: 'MARKETING_LANGUAGE', severity: 'major', line: index + 1, args: { phrase } });
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

/** Content the kind and type require (opt-out, labelling, worker protection, effect on users). */
function topicFindings(lines: readonly string[], kind: LintKind, type: TypeCode | null): LintFinding[] {
  const text = lines.join('\n');
  const findings: LintFinding[] = [];
  for (const topic of TOPICS) {
    if (!topic.kinds.includes(kind) || !appliesTo(topic.types, type)) continue;
    let line: number | null = null;
    const args: Record<string, string> = type && topic.types ? { typeName: typeName(type) } : {};
    if (topic.whenRe) {
      const at = lines.findIndex((l) => topic.whenRe?.some((re) => re.test(l)));
      if (at < 0) continue;
      line = at + 1;
      const mention = topic.whenRe.map((re) => re.exec(lines[at] ?? '')?.[0]).find((m) => m !== undefined);
      if (mention) args.mention = mention;
    }
    if (!topic.requiresRe.some((re) => re.test(text))) findings.push({ code: topic.code, severity: topic.severity, line, args });
  }
  return findings;
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

/** Section findings: missing, thin, copy of the title, no figure, generic risk analysis. */
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
    if (chars < rule.minChars) {
      findings.push({ code: 'SECTION_TOO_THIN', severity: 'major', line: span.heading + 1, args: { ...sectionArgs(rule), chars, min: rule.minChars } });
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

/** Lints one draft: structure and substance for its kind, then brochure language and jargon anywhere. */
export function lintDraft(lines: readonly string[], options: LintOptions = {}): LintResult {
  const kind = options.kind ?? detectKind(lines);
  const type = options.type ?? statedType(lines);
  const template = templateFindings(lines);
  const findings: LintFinding[] = [];
  if (kind) {
    findings.push(...sectionFindings(lines, kind, type, new Set(template.map((f) => f.line ?? 0))));
    findings.push(...topicFindings(lines, kind, type));
  } else {
    findings.push({ code: 'KIND_UNKNOWN', severity: 'blocking', line: null, args: {} });
  }
  findings.push(...template, ...marketingFindings(lines), ...jargonFindings(lines));
  return { kind, type, findings: findings.sort(compareFindings) };
}
