import * as z from '../zod.js';
import type { Lang } from '../constants.js';
import type { AssessFinding, BasisView } from './check.js';
import rawMessages from './messages.yaml';
import { ASSESS_RULES } from './rules.js';

const text = z.string().check(z.trim(), z.minLength(1));
const Bilingual = z.strictObject({ zh: text, en: text });
const REPORT_WORDS = [
  'title', 'sources', 'kindKeywords', 'kindBank', 'kindResults', 'kindCorpus', 'rows', 'bank', 'risk', 'topic', 'count', 'min', 'shortfall',
  'total', 'unassigned', 'outOfScope', 'notProvided', 'evaluation', 'corpus', 'method', 'draws', 'rate', 'bound', 'samples', 'qualified',
  'findings', 'noFindings', 'basis', 'severity', 'message', 'where', 'summary', 'detailHint', 'passRate', 'refusalRate', 'failShare',
  'atLeast', 'atMost', 'chartTitle', 'chartLegendCount', 'chartLegendMin', 'blocking', 'major', 'minor', 'confidence', 'materialShort',
] as const;
export type AssessWord = (typeof REPORT_WORDS)[number];
const ReportWords = z.strictObject(Object.fromEntries(REPORT_WORDS.map((w) => [w, text])) as Record<AssessWord, typeof text>);

/** Schema of src/assess/messages.yaml: zh and en wording of every assess finding and report label. */
export const AssessMessagesSchema = z.strictObject({
  codes: z.record(z.string().check(z.regex(/^[A-Z][A-Z0-9_]*$/)), Bilingual),
  values: z.strictObject({ bank: z.record(z.string(), Bilingual), method: z.record(z.string(), Bilingual) }),
  report: z.strictObject({ zh: ReportWords, en: ReportWords }),
});
export type AssessMessages = z.output<typeof AssessMessagesSchema>;

/** Validates parsed messages data; throws one readable error listing every problem. */
export function validateAssessMessages(data: unknown): AssessMessages {
  const result = z.safeParse(AssessMessagesSchema, data);
  if (!result.success) throw new Error(`invalid assess messages:\n${z.prettifyError(result.error)}`);
  return result.data;
}

/** The bundled wording, validated once when the module loads. */
export const ASSESS_MESSAGES: AssessMessages = validateAssessMessages(rawMessages);

/** A label of the report views, with {placeholders} filled. */
export function assessWord(word: AssessWord, lang: Lang, args: Record<string, string | number> = {}): string {
  return ASSESS_MESSAGES.report[lang][word].replace(/\{(\w+)\}/g, (whole, name: string) => (name in args ? String(args[name]) : whole));
}

/** A bank's name: 应拒答测试题库 / Should-refuse bank. */
export function bankName(bank: string, lang: Lang): string {
  return ASSESS_MESSAGES.values.bank[bank]?.[lang] ?? bank;
}

/** A method's name: 人工 / manual. */
export function methodName(method: string, lang: Lang): string {
  return ASSESS_MESSAGES.values.method[method]?.[lang] ?? method;
}

/** A risk as people read it: "A.2.3 国别歧视内容". */
export function riskName(code: string, lang: Lang): string {
  const risk = ASSESS_RULES.risks.find((r) => r.code === code);
  return risk ? `${code} ${risk[lang]}` : code;
}

/** A should-answer topic's name. */
export function topicName(id: string, lang: Lang): string {
  return ASSESS_RULES.topics.find((t) => t.id === id)?.[lang] ?? id;
}

/** The standard and clause of a figure: "TC260-003 8.2 生成内容测试题库要求". */
export function basisText(basis: BasisView, lang: Lang): string {
  return `${basis.instrument} ${basis.clause} ${basis.title[lang]}`;
}

/** Shortens quoted text from a file so one finding stays one line. */
function excerpt(text: string): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return [...flat].length > 30 ? `${[...flat].slice(0, 30).join('')}…` : flat;
}

/** The message of a finding in the given language. */
export function findingMessage(finding: AssessFinding, lang: Lang): string {
  const template = ASSESS_MESSAGES.codes[finding.code]?.[lang];
  if (!template) return finding.code;
  const { args } = finding;
  const named: Record<string, string> = {};
  if (args.bank !== undefined) named.bank = bankName(String(args.bank), lang);
  if (args.method !== undefined) named.method = methodName(String(args.method), lang);
  if (args.risk !== undefined) named.risk = riskName(String(args.risk), lang);
  if (args.topic !== undefined) named.topic = topicName(String(args.topic), lang);
  if (args.banks !== undefined) named.banks = String(args.banks).split(',').map((b) => bankName(b, lang)).join(lang === 'zh' ? '、' : ', ');
  if (args.example !== undefined) named.example = excerpt(String(args.example));
  if (args.source !== undefined) named.source = excerpt(String(args.source));
  if (args.bank !== undefined) named.scope = args.method ? (lang === 'zh' ? `${named.bank}（${named.method}）` : `${named.bank} (${named.method})`) : named.bank!;
  // Counts read as people write them: 10,000 rather than 10000.
  const numbers = Object.fromEntries(Object.entries(args).filter(([, v]) => typeof v === 'number').map(([k, v]) => [k, v.toLocaleString('en')]));
  const values: Record<string, string | number> = { ...args, ...numbers, ...named };
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
