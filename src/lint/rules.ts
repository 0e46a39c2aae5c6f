import { validateBundled } from '../data/bundled.js';
import * as z from '../zod.js';
import { TYPE_CODES } from '../answers/vocabulary.js';
import { SEVERITIES } from '../constants.js';
import rawRules from './lint-rules.yaml';

/** Flags of every vocabulary pattern: drafts mix "Embedding" and "embedding", full- and half-width. */
export const PATTERN_FLAGS = 'iu';

const compiles = (source: string): boolean => {
  try {
    new RegExp(source, PATTERN_FLAGS);
    return true;
  } catch {
    return false;
  }
};

const pattern = z.string().check(z.minLength(1), z.refine(compiles, 'a valid JavaScript regular expression'));
const patterns = z.array(pattern).check(z.minLength(1));
const word = z.string().check(z.trim(), z.minLength(1));
const positiveInt = z.int().check(z.positive());
const typeCode = z.enum(TYPE_CODES);
const KIND_NAMES = ['disclosure', 'self-assessment'] as const;
const kindName = z.enum(KIND_NAMES);

/** Where a section's elements come from: an instrument of the rule packs and its article (filing-system-notice: the templates, practice). */
const Basis = z.strictObject({
  instrument: word.check(z.describe('an instrument id of the rule packs (rules/*.yaml instruments)')),
  article: word,
});

/** Something a reviewer looks for in a section (the input data of a principle, the human checks of a mechanism). */
const Element = z.strictObject({
  id: z.string().check(z.regex(/^[a-z][a-z-]*$/, 'a kebab-case id')),
  name: word.check(z.describe('the element as a reviewer names it, in Chinese')),
  en: word,
  severity: z._default(z.enum(SEVERITIES), 'major').check(z.describe('severity of SECTION_ELEMENT_MISSING')),
  any: patterns.check(z.describe('the section states the element when one of these occurs in it')),
});

const SectionBase = z.strictObject({
  id: z.string().check(z.regex(/^[a-z][a-z-]*$/, 'a kebab-case id')),
  name: word.check(z.describe('the heading as the CAC template writes it')),
  en: word.check(z.describe('English name, shown next to the Chinese one in English messages')),
  severity: z.enum(SEVERITIES).check(z.describe('severity of SECTION_MISSING for this section')),
  minChars: z.optional(positiveInt.check(z.describe('fewer substantive characters give a minor SECTION_TOO_THIN'))),
  basis: z.optional(Basis),
  elements: z._default(z.array(Element), []),
  figure: z._default(z.boolean(), false).check(z.describe('the text must reference a flow chart or figure')),
  types: z.optional(z.array(typeCode).check(z.minLength(1), z.describe('required only for these filing types'))),
  variants: z.array(word).check(z.minLength(1), z.describe('heading texts accepted for this section')),
});
const Section = z.extend(SectionBase, {
  riskItems: z._default(z.boolean(), false).check(z.describe('children are risk items checked for boilerplate')),
  children: z._default(z.array(SectionBase), []),
});

const Kind = z.strictObject({
  titles: z.array(word).check(z.minLength(1)),
  sections: z.array(Section).check(z.minLength(1)),
  boundaries: z._default(z.array(word), []),
});

const Topic = z.strictObject({
  code: z.string().check(z.regex(/^[A-Z][A-Z0-9_]*$/, 'a SCREAMING_SNAKE code')),
  severity: z.enum(SEVERITIES),
  kinds: z.array(kindName).check(z.minLength(1)),
  types: z.optional(z.array(typeCode).check(z.minLength(1))),
  when: z.optional(patterns),
  whenTypes: z.optional(z.partialRecord(typeCode, patterns).check(z.describe('for these types, the topic applies only when one of the patterns occurs'))),
  detail: z.optional(z.strictObject({ args: z.array(word).check(z.minLength(1)), groups: z.record(z.string(), patterns) })),
  requires: patterns,
});

/** Why a promotional word gets a draft returned; the message catalogue explains each reason. */
export const MARKETING_REASONS = ['superlative', 'ranking', 'vague', 'hype', 'absolute'] as const;
const MarketingTerm = z.strictObject({
  pattern,
  reason: z.enum(MARKETING_REASONS),
  notBefore: z._default(z.array(word), []).check(z.describe('text right after the match that makes it a fact (第一步)')),
});

/** Schema of src/lint/lint-rules.yaml: the vocabulary and thresholds of the draft lint. */
export const LintRulesSchema = z
  .strictObject({
    thresholds: z.strictObject({
      titleLines: positiveInt,
      jargonWindow: positiveInt,
      repeatedSentenceChars: positiveInt,
      riskSpecificChars: positiveInt,
      companySimilarity: positiveInt,
    }),
    kinds: z.strictObject({ disclosure: Kind, 'self-assessment': Kind }),
    placeholders: patterns,
    marketing: z.array(MarketingTerm).check(z.minLength(1)),
    jargon: z.array(z.strictObject({ term: word, pattern: z.optional(pattern) })).check(z.minLength(1)),
    explanation: z.strictObject({ after: patterns, before: patterns }),
    topics: z.array(Topic),
    figures: patterns,
    riskBoilerplate: patterns,
    typeNames: z.record(typeCode, z.array(word).check(z.minLength(1))).check(z.describe('every type code, with the names drafts use for it')),
    typeNegations: z.array(word),
    checkMarks: z.array(word),
    names: z.strictObject({
      companySuffix: pattern,
      cutChars: word,
      entityLabels: z.array(word).check(z.minLength(1)),
      algorithmLabels: z.array(word).check(z.minLength(1)),
      productLabels: z.array(word).check(z.minLength(1)),
      companyGeneric: z.array(word),
      algorithmGeneric: z.array(word),
      productSuffixes: z.array(word).check(z.minLength(1)),
      documentTitles: z.array(word),
    }),
  })
  .check(z.superRefine((rules, ctx) => {
    for (const kind of KIND_NAMES) {
      const ids = new Set<string>();
      const variants = new Map<string, string>();
      const sections = rules.kinds[kind].sections.flatMap((s) => [s, ...s.children]);
      for (const section of sections) {
        if (ids.has(section.id)) ctx.issues.push({ code: 'custom', input: rules, path: ['kinds', kind], message: `section id "${section.id}" is used twice` });
        ids.add(section.id);
        for (const variant of section.variants) {
          const key = variant.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
          const owner = variants.get(key);
          if (owner && owner !== section.id) {
            ctx.issues.push({ code: 'custom', input: rules, path: ['kinds', kind], message: `heading "${variant}" belongs to both "${owner}" and "${section.id}"` });
          }
          variants.set(key, section.id);
        }
      }
    }
  }));

export type LintRules = z.output<typeof LintRulesSchema>;
/** A section or sub-section a draft kind requires. */
export type SectionRule = z.output<typeof SectionBase>;
/** A top-level section, with its sub-sections. */
export type TopSectionRule = z.output<typeof Section>;
export type LintKind = z.output<typeof kindName>;

/** Validates parsed lint-rules data; throws one readable error listing every problem. */
export function validateLintRules(data: unknown): LintRules {
  return validateBundled(LintRulesSchema, data, 'lint rules');
}

/** The bundled rules, validated once when the module loads. */
export const LINT_RULES: LintRules = validateLintRules(rawRules);

/** Compiles vocabulary patterns, one RegExp each. */
export function compilePatterns(sources: readonly string[]): RegExp[] {
  return sources.map((source) => new RegExp(source, PATTERN_FLAGS));
}

/** One pattern matching any of the sources, to scan a line in one pass; `global` to find every match. */
export function combinePatterns(sources: readonly string[], global: boolean): RegExp {
  return new RegExp(sources.map((source) => `(?:${source})`).join('|'), global ? `g${PATTERN_FLAGS}` : PATTERN_FLAGS);
}

/** Escapes text for use inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
