// What a draft says about itself: the filing type it names and the company, algorithm and product
// names it mentions. Extraction is deliberately loose; consistency.ts decides what is a mismatch.
import type { TypeCode } from '../answers/vocabulary.js';
import { LINT_RULES, PATTERN_FLAGS, escapeRegExp } from './rules.js';
import { parseHeading } from './structure.js';
import { foldText } from './text.js';

/** A filing type name found in a draft, with the codes it can stand for (检索过滤类 → 04, 05). */
export interface TypeMention {
  /** 1-based line. */
  line: number;
  text: string;
  codes: TypeCode[];
}

export type NameField = 'entity' | 'algorithm' | 'product';

/** A company, algorithm or product name found in a draft. */
export interface NameMention {
  field: NameField;
  /** The text up to and including the name; may start with the sentence before the name. */
  text: string;
  /** 1-based line. */
  line: number;
  /** The value of a label such as 主体名称：…, to be compared as a whole. */
  labelled: boolean;
  /** In the title lines or a label: the draft names its own subject here. */
  strong: boolean;
}

const rules = LINT_RULES;

const typeNameCodes = new Map<string, TypeCode[]>();
for (const [code, names] of Object.entries(rules.typeNames) as [TypeCode, string[]][]) {
  for (const name of names) typeNameCodes.set(name, [...(typeNameCodes.get(name) ?? []), code]);
}
// Longest first, so 信息检索类 wins over a shorter name at the same position.
const TYPE_NAME = new RegExp(
  [...typeNameCodes.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'),
  `g${PATTERN_FLAGS}`,
);
const QUOTES = /[\s“”"'‘’「」《》]+$/u;

function precededBy(before: string, words: readonly string[]): boolean {
  const trimmed = before.replace(QUOTES, '');
  return words.some((word) => trimmed.endsWith(word));
}

/**
 * Type names a draft claims for its algorithm. Negated names (不属于生成合成类) are skipped; in a
 * line listing several type names (a template's checkbox row) only the ticked one counts.
 */
export function typeMentions(lines: readonly string[]): TypeMention[] {
  const mentions: TypeMention[] = [];
  lines.forEach((line, index) => {
    const matches = [...line.matchAll(TYPE_NAME)].filter((m) => !precededBy(line.slice(0, m.index), rules.typeNegations));
    const distinct = new Set(matches.map((m) => m[0]));
    const claimed = distinct.size > 1 ? matches.filter((m) => precededBy(line.slice(0, m.index), rules.checkMarks)) : matches;
    for (const m of claimed) mentions.push({ line: index + 1, text: m[0], codes: typeNameCodes.get(m[0]) ?? [] });
  });
  return mentions;
}

/** The one type a draft's type names agree on, or null when it names none or they conflict. */
export function statedType(lines: readonly string[]): TypeCode | null {
  const mentions = typeMentions(lines);
  if (mentions.length === 0) return null;
  const common = mentions.reduce<TypeCode[]>((acc, m) => acc.filter((code) => m.codes.includes(code)), mentions[0]?.codes ?? []);
  return common.length === 1 ? (common[0] ?? null) : null;
}

/** The canonical (first listed) Chinese name of a type. */
export function typeName(code: TypeCode): string {
  return rules.typeNames[code][0] ?? code;
}

const names = rules.names;
const CUT = new Set([...names.cutChars]);
const COMPANY = new RegExp(names.companySuffix, `g${PATTERN_FLAGS}`);
const COMPANY_RUN = /[\p{Script=Han}A-Za-z0-9()（）·]{0,40}$/u;
const NAME_RUN = /[\p{Script=Han}A-Za-z0-9]{0,30}$/u;
const ALGORITHM = /算法/gu;
const PRODUCT = new RegExp(
  `(?:${[...names.productSuffixes].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})(?![A-Za-z])`,
  `g${PATTERN_FLAGS}`,
);
const BOOK_TITLE = /《([^《》]{1,40})》/gu;
const labelFields = new Map<string, NameField>([
  ...names.entityLabels.map((l) => [foldText(l), 'entity'] as const),
  ...names.algorithmLabels.map((l) => [foldText(l), 'algorithm'] as const),
  ...names.productLabels.map((l) => [foldText(l), 'product'] as const),
]);

/** Drops the sentence before a name: the text after the last character a name never contains. */
export function cutName(text: string): string {
  const chars = [...text];
  let start = 0;
  chars.forEach((char, i) => {
    if (CUT.has(char)) start = i + 1;
  });
  return chars.slice(start).join('');
}

/** True when the text contains a character names never contain, so it is prose, not a name. */
export function hasCutChar(text: string): boolean {
  return [...text].some((char) => CUT.has(char));
}

/** The distinctive part of a name: the name without the given generic words. */
export function nameCore(name: string, generic: readonly string[]): string {
  let core = name.normalize('NFKC').toLowerCase();
  for (const word of [...generic].sort((a, b) => b.length - a.length)) core = core.split(word.toLowerCase()).join('');
  return core.replace(/[\s()（）·]/gu, '');
}

/** A product name without its form suffixes (云栖优选微信小程序 → 云栖优选). */
export function productCore(name: string): string {
  let core = name.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
  for (let changed = true; changed; ) {
    changed = false;
    for (const suffix of names.productSuffixes) {
      if (core.length > suffix.length && core.endsWith(suffix.toLowerCase())) {
        core = core.slice(0, -suffix.length);
        changed = true;
      }
    }
  }
  return core;
}

function cleanValue(value: string): string {
  return value
    .replace(/[（(][^（）()]*[）)]\s*$/u, '')
    .replace(/^[\s“"《「]+|[\s”"》」。；;，,]+$/gu, '')
    .trim();
}

/** The value of a label whose value sits on the next line (docx tables: one cell per paragraph). */
function nextValue(lines: readonly string[], from: number): { text: string; index: number } | null {
  for (let i = from + 1; i < lines.length; i++) {
    const text = (lines[i] ?? '').trim();
    if (!text) continue;
    const heading = parseHeading(text);
    return heading && !labelFields.has(heading.label) && [...text].length <= 60 ? { text, index: i } : null;
  }
  return null;
}

// A title is short and is not a sentence; the first lines of a draft may also be its first paragraph.
const MAX_TITLE = 60;
const SENTENCE_END = /[。；;！？!?]/u;

const isDocumentTitle = (title: string) => names.documentTitles.some((word) => title.endsWith(word));

/** Every company, algorithm and product name candidate in a draft, in line order. */
export function nameMentions(lines: readonly string[]): NameMention[] {
  const mentions: NameMention[] = [];
  const titleLines = new Set(
    lines
      .map((line, index) => (line.trim() ? index : -1))
      .filter((index) => index >= 0)
      .slice(0, rules.thresholds.titleLines)
      .filter((index) => {
        const line = lines[index] ?? '';
        return [...line].length <= MAX_TITLE && !SENTENCE_END.test(line);
      }),
  );
  lines.forEach((line, index) => {
    const strong = titleLines.has(index);
    const add = (field: NameField, text: string, labelled = false) =>
      mentions.push({ field, text, line: index + 1, labelled, strong: strong || labelled });
    // 《互联网信息服务算法推荐管理规定》 names a law, not an algorithm or product of the subject.
    const documentTitles = [...line.matchAll(BOOK_TITLE)].filter((m) => isDocumentTitle(m[1] ?? ''));
    const inDocumentTitle = (at: number) => documentTitles.some((m) => at > m.index && at < m.index + m[0].length);

    const heading = parseHeading(line);
    const labelField = heading ? labelFields.get(heading.label) : undefined;
    if (heading && labelField) {
      const value = heading.inline || nextValue(lines, index)?.text || '';
      if (cleanValue(value)) add(labelField, cleanValue(value), true);
    }
    for (const m of line.matchAll(COMPANY)) {
      const run = COMPANY_RUN.exec(line.slice(0, m.index))?.[0] ?? '';
      if (run) add('entity', run + m[0]);
    }
    for (const m of line.matchAll(ALGORITHM)) {
      const run = NAME_RUN.exec(line.slice(0, m.index))?.[0] ?? '';
      if (run && !inDocumentTitle(m.index)) add('algorithm', run + m[0]);
    }
    for (const m of line.matchAll(PRODUCT)) {
      const run = NAME_RUN.exec(line.slice(0, m.index))?.[0] ?? '';
      if (run && !inDocumentTitle(m.index)) add('product', run + m[0]);
    }
    for (const m of line.matchAll(BOOK_TITLE)) {
      const title = m[1] ?? '';
      if (!title.endsWith('算法') && !isDocumentTitle(title)) add('product', title);
    }
  });
  return mentions;
}
