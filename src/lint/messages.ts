import * as z from '../zod.js';
import type { LintFinding } from './lint.js';
import rawMessages from './messages.yaml';

export type { Lang } from '../constants.js';
import type { Lang } from '../constants.js';

const text = z.string().check(z.trim(), z.minLength(1));
const Wording = z.strictObject({ message: text, hint: text });
const Bilingual = z.strictObject({ zh: text, en: text });
const ReportWords = z.strictObject({
  disclosure: text,
  'self-assessment': text,
  unknown: text,
  noFindings: text,
  hint: text,
  hintLine: text,
  fileHeading: text,
  summary: text,
  line: text,
  severity: text,
  code: text,
  message: text,
  title: text,
});

/** Schema of src/lint/messages.yaml: zh and en wording of every lint finding and report label. */
export const MessagesSchema = z.strictObject({
  codes: z.record(z.string().check(z.regex(/^[A-Z][A-Z0-9_]*$/)), z.strictObject({ zh: Wording, en: Wording })),
  values: z.record(z.string(), z.record(z.string(), Bilingual)),
  report: z.strictObject({ zh: ReportWords, en: ReportWords }),
});
export type Messages = z.output<typeof MessagesSchema>;
export type ReportWord = keyof z.output<typeof ReportWords>;

/** Validates parsed messages data; throws one readable error listing every problem. */
export function validateMessages(data: unknown): Messages {
  const result = z.safeParse(MessagesSchema, data);
  if (!result.success) throw new Error(`invalid lint messages:\n${z.prettifyError(result.error)}`);
  return result.data;
}

/** The bundled wording, validated once when the module loads. */
export const LINT_MESSAGES: Messages = validateMessages(rawMessages);

/** Fills {name} placeholders; a value listed under `values` is translated, an unknown name is left visible. */
export function fillPlaceholders(template: string, args: Record<string, string | number>, lang: Lang): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = args[name];
    if (value === undefined) return whole;
    return LINT_MESSAGES.values[name]?.[String(value)]?.[lang] ?? String(value);
  });
}

/** The message and fix hint of a finding, in the given language. */
export function formatLintFinding(finding: LintFinding, lang: Lang): { message: string; hint: string } {
  const wording = LINT_MESSAGES.codes[finding.code]?.[lang];
  if (!wording) return { message: finding.code, hint: '' };
  return { message: fillPlaceholders(wording.message, finding.args, lang), hint: fillPlaceholders(wording.hint, finding.args, lang) };
}

/** A label of the report views (kind names, column headers, summary line). */
export function reportWord(word: ReportWord, lang: Lang): string {
  return LINT_MESSAGES.report[lang][word];
}
