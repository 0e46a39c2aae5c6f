// 统一口径: every draft must name the same filing subject, algorithm, type and products as the
// answers file (and, without one, as each other). Reviewers return filings whose documents
// disagree, so a mismatch is major; the extraction is loose, so the judging here is strict about
// what counts as "a different name" (see the tests for the false positives it avoids).
import type { Algorithm, Answers } from '../answers/schema.js';
import type { TypeCode } from '../answers/vocabulary.js';
import { classifyAlgorithm, parseDeclaredType } from '../core/classify.js';
import type { TypeDefinition } from '../rules/schema.js';
import { compareFindings, templateText, type DraftFacts, type LintFinding } from './lint.js';
import {
  cutName, hasCutChar, nameCore, nameMentions, productCore, statedType, typeMentions, typeName,
  type NameField, type NameMention,
} from './mentions.js';
import { LINT_RULES, escapeRegExp, PATTERN_FLAGS } from './rules.js';
import { foldText, longestCommonRun } from './text.js';

/** A draft to compare: its file name (as shown in findings) and its lines. */
export interface DraftText {
  file: string;
  lines: readonly string[];
}

/** Findings for one draft, in the order the drafts were given. */
export interface FileFindings {
  file: string;
  findings: LintFinding[];
}

const names = LINT_RULES.names;
const MIN_CORE = 2;

/** The type codes a draft may name for an algorithm: its declaredType (code or name), else the type its facts give. */
export function expectedTypes(algorithm: Pick<Algorithm, 'does' | 'declaredType'>, types: readonly TypeDefinition[]): TypeCode[] {
  const declared = algorithm.declaredType === undefined ? null : parseDeclaredType(algorithm.declaredType, types);
  return declared ?? [classifyAlgorithm(algorithm, types).type];
}

const sameName = (a: string, b: string) => foldText(a) === foldText(b);
const endsWithName = (text: string, name: string) => foldText(text).endsWith(foldText(name));
const unique = <T>(items: T[]) => [...new Set(items)];

/** Distinctive words (brands) of the subject's names, used to spot a variant of one of them in prose. */
function brandPattern(brands: string[]): RegExp | null {
  const usable = unique(brands.filter((b) => [...b].length >= MIN_CORE)).sort((a, b) => b.length - a.length);
  return usable.length > 0 ? new RegExp(usable.map(escapeRegExp).join('|'), PATTERN_FLAGS) : null;
}

/**
 * The part of a mention that starts at a brand, when it reads as a name (no character a name never
 * contains after the brand); null when the mention names no brand or is prose.
 */
function brandedName(text: string, brands: RegExp | null): string | null {
  const at = brands?.exec(text);
  if (!at) return null;
  const found = text.slice(at.index);
  return hasCutChar(found.slice(at[0].length)) ? null : found;
}

/** What a mismatch is measured against: the answers file, or another draft of the same run. */
type SourceKind = 'answers' | 'draft';

/** The answers file the drafts must agree with, its path as the user gave it, and the type definitions. */
export interface ConsistencyExpectation {
  answers: Answers;
  /** The answers file as the user named it (e.g. `filing.yaml`), shown in findings. */
  source: string;
  types: readonly TypeDefinition[];
}

interface Expectation {
  algorithms: string[];
  products: string[];
  brands: RegExp | null;
  source: string;
}

class FileChecker {
  readonly findings: LintFinding[] = [];
  private readonly reported = new Set<string>();

  constructor(private readonly sourceKind: SourceKind) {}

  mismatch(field: NameField, found: string, expected: string, line: number, source: string): void {
    const key = `${field}\u0000${foldText(found)}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.findings.push({ code: 'NAME_MISMATCH', severity: 'major', line, args: { field, found, expected, sourceKind: this.sourceKind, source, fieldRule: field } });
  }

  typeMismatch(found: string, expected: TypeCode[], line: number, source: string): void {
    const key = `type\u0000${found}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.findings.push({
      code: 'TYPE_NAME_MISMATCH', severity: 'major', line,
      args: { found, expected: unique(expected.map(typeName)).join('、'), sourceKind: this.sourceKind, source },
    });
  }
}

function checkEntity(m: NameMention, expected: string, source: string, out: FileChecker): void {
  if (m.labelled) {
    if (!sameName(m.text, expected)) out.mismatch('entity', m.text, expected, m.line, source);
    return;
  }
  if (endsWithName(m.text, expected)) return;
  const found = cutName(m.text);
  // Other companies appear legitimately (cloud, upstream model, partners): only a company named
  // where the draft names its own subject, or one written almost like the subject, is a mismatch.
  const similar = longestCommonRun(nameCore(found, names.companyGeneric), nameCore(expected, names.companyGeneric)) >= LINT_RULES.thresholds.companySimilarity;
  if (m.strong || similar) out.mismatch('entity', found, expected, m.line, source);
}

function checkAlgorithm(m: NameMention, expect: Expectation, out: FileChecker): void {
  const expected = expect.algorithms.join('、');
  if (m.labelled) {
    if (!expect.algorithms.some((name) => sameName(m.text, name))) out.mismatch('algorithm', m.text, expected, m.line, expect.source);
    return;
  }
  if (expect.algorithms.some((name) => endsWithName(m.text, name))) return;
  const cut = cutName(m.text);
  if ([...nameCore(cut, names.algorithmGeneric)].length < MIN_CORE) return; // 本算法, 个性化推荐算法
  const branded = brandedName(m.text, expect.brands);
  if (branded && expect.algorithms.some((name) => foldText(branded).includes(foldText(name)))) return;
  const found = branded ?? (m.strong ? cut : null);
  if (found) out.mismatch('algorithm', found, expected, m.line, expect.source);
}

function checkProduct(m: NameMention, expect: Expectation, out: FileChecker): void {
  const cores = expect.products.map(productCore);
  const expected = expect.products.join('、');
  const core = productCore(m.text);
  if (m.labelled) {
    if (!cores.includes(core)) out.mismatch('product', m.text, expected, m.line, expect.source);
    return;
  }
  if (cores.some((known) => core.endsWith(known))) return;
  const branded = brandedName(m.text, expect.brands);
  if (branded && !cores.includes(productCore(branded))) out.mismatch('product', branded, expected, m.line, expect.source);
}

/** A draft's name mentions, without lines still holding template text (TEMPLATE_TEXT covers them). */
function mentionsOf(lines: readonly string[]): NameMention[] {
  return nameMentions(lines).filter((m) => templateText(lines[m.line - 1] ?? '') === null);
}

const sharedChars = (a: string, b: string) => {
  const other = [...foldText(b)];
  return [...foldText(a)].filter((c) => other.includes(c)).length;
};

/**
 * The answers' algorithms a draft describes: those its title or 算法名称 names; when that name is
 * not in the answers (the draft misnames its algorithm), the answers' name closest to it; else
 * those named anywhere; else all. A passing mention of a sibling algorithm decides nothing.
 */
function describedAlgorithms(mentions: readonly NameMention[], answers: Answers): Algorithm[] {
  const named = (m: NameMention, a: Algorithm) => (m.labelled ? sameName(m.text, a.name) : endsWithName(m.text, a.name));
  const algorithmMentions = mentions.filter((m) => m.field === 'algorithm');
  const strong = algorithmMentions.filter((m) => m.strong);
  const strongKnown = answers.algorithms.filter((a) => strong.some((m) => named(m, a)));
  if (strongKnown.length > 0) return strongKnown;
  const claimed = strong.map((m) => (m.labelled ? m.text : cutName(m.text))).find((t) => [...nameCore(t, names.algorithmGeneric)].length >= MIN_CORE);
  if (claimed) {
    const scores = answers.algorithms.map((a) => sharedChars(claimed, a.name));
    const best = Math.max(...scores);
    const closest = answers.algorithms.filter((_, i) => scores[i] === best);
    if (closest.length === 1) return closest;
  }
  const weakKnown = answers.algorithms.filter((a) => algorithmMentions.some((m) => named(m, a)));
  return weakKnown.length > 0 ? weakKnown : answers.algorithms;
}

function checkAgainstAnswers(docs: readonly DraftText[], { answers, source, types: typeDefinitions }: ConsistencyExpectation): FileFindings[] {
  const expect: Expectation = {
    algorithms: answers.algorithms.map((a) => a.name),
    products: answers.services.map((s) => s.name),
    brands: brandPattern([
      nameCore(answers.entity.name, names.companyGeneric),
      ...answers.algorithms.map((a) => nameCore(a.name, names.algorithmGeneric)),
      ...answers.services.map((s) => productCore(s.name)),
    ]),
    source,
  };
  return docs.map(({ file, lines }) => {
    const out = new FileChecker('answers');
    const mentions = mentionsOf(lines);
    for (const m of mentions) {
      if (m.field === 'entity') checkEntity(m, answers.entity.name, source, out);
      else if (m.field === 'algorithm') checkAlgorithm(m, expect, out);
      else checkProduct(m, expect, out);
    }
    const types = unique(describedAlgorithms(mentions, answers).flatMap((a) => expectedTypes(a, typeDefinitions)));
    for (const t of typeMentions(lines)) {
      if (!t.codes.some((code) => types.includes(code))) out.typeMismatch(t.text, types, t.line, source);
    }
    return { file, findings: out.findings };
  });
}

/** The value most drafts give (each draft counted once), the earliest draft winning a tie. */
function consensus<T>(values: (T | null)[], key: (v: T) => string): { value: T; index: number } | null {
  const counts = new Map<string, { value: T; index: number; count: number }>();
  values.forEach((value, index) => {
    if (value === null) return;
    const entry = counts.get(key(value)) ?? { value, index, count: 0 };
    entry.count++;
    counts.set(key(value), entry);
  });
  const best = [...counts.values()].sort((a, b) => b.count - a.count || a.index - b.index)[0];
  return best ? { value: best.value, index: best.index } : null;
}

/**
 * Without answers only what must agree whatever the filing holds: one subject across all drafts,
 * and one type across drafts about the same algorithm. Algorithm and product names cannot be
 * judged: drafts for different algorithms of one subject legitimately name different ones.
 */
function checkAgainstEachOther(docs: readonly DraftText[]): FileFindings[] {
  const mentions = docs.map((doc) => mentionsOf(doc.lines));
  const subjectOf = (ms: NameMention[]) => {
    const m = ms.find((x) => x.field === 'entity' && x.strong);
    return m ? (m.labelled ? m.text : cutName(m.text)) : null;
  };
  const algorithmOf = (ms: NameMention[]) => {
    const m = ms.find((x) => x.field === 'algorithm' && x.strong && [...nameCore(cutName(x.text), names.algorithmGeneric)].length >= MIN_CORE);
    return m ? (m.labelled ? m.text : cutName(m.text)) : null;
  };
  const subject = consensus(mentions.map(subjectOf), foldText);
  const algorithms = mentions.map(algorithmOf);
  const types = docs.map((doc) => statedType(doc.lines));

  return docs.map(({ file, lines }, i) => {
    const out = new FileChecker('draft');
    if (subject) {
      const source = docs[subject.index]?.file ?? '';
      for (const m of mentions[i] ?? []) if (m.field === 'entity') checkEntity(m, subject.value, source, out);
    }
    const algorithm = algorithms[i];
    if (algorithm) {
      const peers = docs.map((_, j) => j).filter((j) => algorithms[j] && sameName(algorithms[j] ?? '', algorithm) && types[j]);
      const agreed = consensus(peers.map((j) => types[j] ?? null), String);
      const peer = agreed ? peers[agreed.index] : undefined;
      if (agreed && peer !== undefined) {
        for (const t of typeMentions(lines)) {
          if (!t.codes.includes(agreed.value)) out.typeMismatch(t.text, [agreed.value], t.line, docs[peer]?.file ?? '');
        }
      }
    }
    return { file, findings: out.findings };
  });
}

/**
 * Checks that drafts name the subject, algorithms, type and products as the answers file does,
 * or, without answers, as each other. Returns findings per draft, in the order given.
 */
export function checkConsistency(docs: readonly DraftText[], expected?: ConsistencyExpectation): FileFindings[] {
  const results = expected ? checkAgainstAnswers(docs, expected) : checkAgainstEachOther(docs);
  return results.map(({ file, findings }) => ({ file, findings: findings.sort(compareFindings) }));
}

/** What the answers say of the algorithm a draft describes, if it describes one: its filing type and the modalities it generates. */
export function answersForDraft(lines: readonly string[], answers: Answers, types: readonly TypeDefinition[]): DraftFacts | undefined {
  const described = describedAlgorithms(mentionsOf(lines), answers);
  const algorithm = described.length === 1 ? described[0] : undefined;
  const type = algorithm ? expectedTypes(algorithm, types)[0] : undefined;
  return algorithm && type ? { type, modalities: algorithm.generation?.modalities ?? [] } : undefined;
}
