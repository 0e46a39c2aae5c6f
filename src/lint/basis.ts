import type { Lang } from '../constants.js';
import type { ReportBasis } from '../core/report-schema.js';
import { basisView } from '../core/items.js';
import type { Rules } from '../rules/model.js';
import { validateBundled } from '../data/bundled.js';
import * as z from '../zod.js';
import rawBasis from './basis.yaml';

const text = z.string().check(z.trim(), z.minLength(1));
const Bilingual = z.strictObject({ zh: text, en: text });

/** Schema of src/lint/basis.yaml: why each lint finding matters and the legal basis it rests on. */
export const LintBasisSchema = z.strictObject({
  codes: z.record(
    z.string().check(z.regex(/^[A-Z][A-Z0-9_]*$/)),
    z.strictObject({
      title: Bilingual,
      why: Bilingual,
      confidence: z.enum(['law', 'practice']),
      basis: z.array(z.strictObject({ instrument: text, article: text, note: z.optional(Bilingual) })).check(z.minLength(1)),
    }),
  ),
});
export type LintBasis = z.output<typeof LintBasisSchema>;

/** Validates parsed basis data; throws one readable error listing every problem. */
export function validateLintBasis(data: unknown): LintBasis {
  return validateBundled(LintBasisSchema, data, 'lint basis');
}

/** The bundled reasons and bases, validated once when the module loads. */
export const LINT_BASIS: LintBasis = validateLintBasis(rawBasis);

/** A finding code's title, why it matters and its bases, worded in `lang` with the instruments of the loaded packs; null for an unknown code. */
export function lintCodeBasis(code: string, rules: Pick<Rules, 'instruments'>, lang: Lang): { title: string; why: string; confidence: 'law' | 'practice'; basis: ReportBasis[] } | null {
  const entry = LINT_BASIS.codes[code];
  if (!entry) return null;
  const resolved = entry.basis.map((ref) => {
    const instrument = rules.instruments[ref.instrument];
    if (!instrument) throw new Error(`src/lint/basis.yaml: ${code} cites "${ref.instrument}", which no loaded rule pack declares`);
    return { instrument: ref.instrument, instrumentTitle: instrument.title, article: ref.article, url: instrument.url, kind: instrument.kind, ...(ref.note ? { note: ref.note } : {}) };
  });
  return { title: entry.title[lang], why: entry.why[lang], confidence: entry.confidence, basis: basisView(resolved, lang) };
}
