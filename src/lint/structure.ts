// Finds the template's sections in a draft. Drafts come from Word, WPS and Markdown editors, so a
// heading may be numbered (一、 / （一） / 1.1), bold, in 【】, a Markdown heading or table row, a
// docx table cell on its own line, or a label followed by a colon and the text itself.
import { LINT_RULES, type LintKind, type SectionRule, type TopSectionRule } from './rules.js';
import { foldText, substantiveLength } from './text.js';

/** A line read as a possible heading. */
export interface HeadingParse {
  /** The label, folded (see foldText) for comparison with the vocabulary. */
  label: string;
  /** Text after the label on the same line (after a colon, 】 or in the next table cells). */
  inline: string;
  /** Markdown heading level, or null when the line is not a Markdown heading. */
  mdLevel: number | null;
  /** Outline numbering the line started with: 一、 (top), （一） (sub) or another kind. */
  numbering: 'top' | 'sub' | 'other' | null;
}

/** A located section: its heading line and the lines up to the next heading of its level. */
export interface SectionSpan {
  rule: SectionRule;
  /** 0-based index of the heading line. */
  heading: number;
  /** 0-based index of the first line after the section. */
  end: number;
  /** The heading's inline text, then each following line, with 0-based line indices. */
  body: { index: number; text: string }[];
  text: string;
}

// Longer labels are sentences that happen to contain a colon, not headings.
const MAX_LABEL = 40;
// A line made only of an outline number and a short title is a heading even when lint does not
// know its title; longer lines are list items in running text.
const MAX_GENERIC_HEADING = 25;

const NUMBERING: { kind: NonNullable<HeadingParse['numbering']>; re: RegExp }[] = [
  { kind: 'top', re: /^[一二三四五六七八九十]+[、.]\s*/u },
  { kind: 'top', re: /^第[一二三四五六七八九十\d]+(?:部分|章|节)\s*/u },
  { kind: 'sub', re: /^\([一二三四五六七八九十]+\)\s*/u },
  { kind: 'other', re: /^\(\d+\)\s*/u },
  { kind: 'other', re: /^\d+(?:\.\d+)*[.、)]?\s*(?=\D)/u },
  { kind: 'other', re: /^part\s*\d+[.:]?\s*/iu },
];

function stripNumbering(text: string): { text: string; numbering: HeadingParse['numbering'] } {
  for (const { kind, re } of NUMBERING) {
    const match = re.exec(text);
    if (match) return { text: text.slice(match[0].length), numbering: kind };
  }
  return { text, numbering: null };
}

/** Reads a line as a heading candidate; null for a blank line or a table separator row. */
export function parseHeading(raw: string): HeadingParse | null {
  let text = raw.normalize('NFKC').trim();
  if (!text) return null;
  let cells = '';
  if (text.startsWith('|')) {
    const parts = text.split('|').map((cell) => cell.trim()).filter((cell) => cell.length > 0);
    if (parts.length === 0 || parts.every((cell) => /^:?-+:?$/.test(cell))) return null;
    text = parts[0] ?? '';
    cells = parts.slice(1).join(' ');
  }
  const md = /^(#{1,6})\s*/.exec(text);
  const mdLevel = md ? (md[1]?.length ?? null) : null;
  if (md) text = text.slice(md[0].length);
  text = text.replace(/^(?:>\s*)+/, '').replace(/^[-+*]\s+/, '').replace(/\*\*|__/g, '').trim();
  const numbered = stripNumbering(text);
  text = numbered.text;

  let label = text;
  let inline = '';
  const close = /^[【[]/.test(text) ? text.search(/[】\]]/) : -1;
  const colon = text.indexOf(':');
  if (close > 0) {
    label = stripNumbering(text.slice(1, close)).text;
    inline = text.slice(close + 1);
  } else if (colon >= 0 && colon <= MAX_LABEL) {
    label = text.slice(0, colon);
    inline = text.slice(colon + 1);
  }
  // "算法基本原理（选填）" and "Purpose (optional)" name the same field.
  label = label.replace(/\([^()]*\)\s*$/u, '');
  inline = [inline.replace(/^\s*:\s*/, '').trim(), cells].filter((part) => part.length > 0).join(' ');
  return { label: foldText(label), inline, mdLevel, numbering: numbered.numbering };
}

type Role =
  | { kind: 'section'; rule: SectionRule; parent: TopSectionRule | null }
  | { kind: 'boundary' | 'generic-top' | 'generic-sub' | 'markdown' };

interface KindIndex {
  variants: Map<string, { rule: SectionRule; parent: TopSectionRule | null }>;
  boundaries: Set<string>;
}

const indexes = new Map<LintKind, KindIndex>();

function kindIndex(kind: LintKind): KindIndex {
  let index = indexes.get(kind);
  if (!index) {
    const rules = LINT_RULES.kinds[kind];
    const variants = new Map<string, { rule: SectionRule; parent: TopSectionRule | null }>();
    for (const top of rules.sections) {
      for (const variant of top.variants) variants.set(foldText(variant), { rule: top, parent: null });
      for (const child of top.children) {
        for (const variant of child.variants) variants.set(foldText(variant), { rule: child, parent: top });
      }
    }
    index = { variants, boundaries: new Set(rules.boundaries.map(foldText)) };
    indexes.set(kind, index);
  }
  return index;
}

function roleOf(heading: HeadingParse | null, index: KindIndex): Role | null {
  if (!heading) return null;
  const hit = index.variants.get(heading.label);
  if (hit) return { kind: 'section', ...hit };
  if (index.boundaries.has(heading.label)) return { kind: 'boundary' };
  const short = heading.inline === '' && [...heading.label].length <= MAX_GENERIC_HEADING && !/[。;]/u.test(heading.label);
  if (short && heading.numbering === 'top') return { kind: 'generic-top' };
  if (short && heading.numbering === 'sub') return { kind: 'generic-sub' };
  if (heading.mdLevel !== null) return { kind: 'markdown' };
  return null;
}

/** True when a line (its role and heading parse) ends a section whose heading is `own`. */
function endsSection(role: Role | null, heading: HeadingParse | null, own: HeadingParse, isChild: boolean): boolean {
  if (!role || !heading) return false;
  if (own.mdLevel !== null && heading.mdLevel !== null && heading.mdLevel <= own.mdLevel) return true;
  switch (role.kind) {
    case 'section':
      return isChild || role.parent === null;
    case 'boundary':
    case 'generic-top':
      return true;
    case 'generic-sub':
      return isChild;
    case 'markdown':
      return false;
  }
}

/**
 * Locates every section and sub-section of the kind, by id. When a heading occurs more than once
 * (a table of contents, a cover-table field), the occurrence with the longest text is the section.
 * Sub-sections are looked for only inside their parent.
 */
export function locateSections(lines: readonly string[], kind: LintKind): Map<string, SectionSpan> {
  const index = kindIndex(kind);
  const parsed = lines.map(parseHeading);
  const roles = parsed.map((heading) => roleOf(heading, index));
  const found = new Map<string, SectionSpan>();

  const spanAt = (at: number, rule: SectionRule, limit: number, isChild: boolean): SectionSpan => {
    const own = parsed[at] as HeadingParse;
    let end = at + 1;
    while (end < limit && !endsSection(roles[end] ?? null, parsed[end] ?? null, own, isChild)) end++;
    const body = [
      ...(own.inline ? [{ index: at, text: own.inline }] : []),
      ...lines.slice(at + 1, end).map((text, offset) => ({ index: at + 1 + offset, text })),
    ];
    return { rule, heading: at, end, body, text: body.map((line) => line.text).join('\n') };
  };

  const best = (rule: SectionRule, from: number, to: number, isChild: boolean): SectionSpan | undefined => {
    let chosen: SectionSpan | undefined;
    for (let at = from; at < to; at++) {
      const role = roles[at];
      if (role?.kind !== 'section' || role.rule !== rule) continue;
      const span = spanAt(at, rule, to, isChild);
      if (!chosen || substantiveLength(span.text) > substantiveLength(chosen.text)) chosen = span;
    }
    return chosen;
  };

  for (const top of LINT_RULES.kinds[kind].sections) {
    const span = best(top, 0, lines.length, false);
    if (!span) continue;
    found.set(top.id, span);
    for (const child of top.children) {
      const childSpan = best(child, span.heading + 1, span.end, true);
      if (childSpan) found.set(child.id, childSpan);
    }
  }
  return found;
}
