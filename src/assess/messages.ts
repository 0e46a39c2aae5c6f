import type { Lang } from '../constants.js';
import { validateCatalogue } from '../messages/catalogue-schema.js';
import { fill, word, type Catalogue, type MessageArgs } from '../messages/messages.js';
import { groupDigits } from '../text/numbers.js';
import type { AssessFinding, BasisView } from './check.js';
import rawMessages from './messages.yaml';
import { ASSESS_RULES } from './rules.js';

const REPORT_WORDS = [
  'title', 'sources', 'kindKeywords', 'kindBank', 'kindResults', 'kindCorpus', 'rows', 'bank', 'risk', 'topic', 'count', 'min', 'shortfall',
  'total', 'unassigned', 'outOfScope', 'notProvided', 'evaluation', 'corpus', 'method', 'draws', 'rate', 'bound', 'samples', 'qualified',
  'findings', 'noFindings', 'basis', 'severity', 'message', 'where', 'summary', 'detailHint', 'passRate', 'refusalRate', 'failShare',
  'atLeast', 'atMost', 'chartTitle', 'chartTitleTopics', 'chartLegendCount', 'chartLegendMin', 'blocking', 'major', 'minor', 'confidence', 'materialShort', 'origin', 'coverage',
] as const;
export type AssessWord = (typeof REPORT_WORDS)[number];
/** Every label of the report views. */
export const ASSESS_REPORT_WORDS: readonly AssessWord[] = REPORT_WORDS;

/** The bundled wording (src/assess/messages.yaml, the one catalogue shape), validated once when the module loads. */
export const ASSESS_MESSAGES: Catalogue = validateCatalogue(rawMessages, 'src/assess/messages.yaml');

/** The finding codes of assess, in catalogue order. */
export const ASSESS_FINDING_CODES: readonly string[] = Object.keys(ASSESS_MESSAGES)
  .filter((key) => key.startsWith('code.'))
  .map((key) => key.slice('code.'.length));

/** A label of the report views, with {placeholders} filled. */
export function assessWord(label: AssessWord, lang: Lang, args: MessageArgs = {}): string {
  return word(ASSESS_MESSAGES, lang, `report.${label}`, args);
}

/** A bank's name: 应拒答测试题库 / Should-refuse bank. */
export function bankName(bank: string, lang: Lang): string {
  return Object.hasOwn(ASSESS_MESSAGES, `bank.${bank}`) ? word(ASSESS_MESSAGES, lang, `bank.${bank}`) : bank;
}

/** A method's name: 人工 / manual. */
export function methodName(method: string, lang: Lang): string {
  return Object.hasOwn(ASSESS_MESSAGES, `method.${method}`) ? word(ASSESS_MESSAGES, lang, `method.${method}`) : method;
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

/** Where a requirement came from: "源自 TC260-003 8.2" / "from TC260-003 8.2"; '' when it has no origin. */
export function originText(basis: BasisView, lang: Lang): string {
  return basis.origin ? assessWord('origin', lang, { origin: `${basis.origin.instrument} ${basis.origin.clause}` }) : '';
}

/** The standard and clause of a figure: "GB/T 45654-2025 生成内容测试题库要求（源自 TC260-003 8.2）". */
export function basisText(basis: BasisView, lang: Lang): string {
  const cited = [basis.instrument, basis.clause, basis.title[lang]].filter(Boolean).join(' ');
  if (!basis.origin) return cited;
  return lang === 'zh' ? `${cited}（${originText(basis, lang)}）` : `${cited} (${originText(basis, lang)})`;
}

/** Shortens quoted text from a file so one finding stays one line. */
function excerpt(text: string): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return [...flat].length > 30 ? `${[...flat].slice(0, 30).join('')}…` : flat;
}

/** The message of a finding in the given language. */
export function findingMessage(finding: AssessFinding, lang: Lang): string {
  const template = ASSESS_MESSAGES[`code.${finding.code}`]?.[lang];
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
  const numbers = Object.fromEntries(Object.entries(args).flatMap(([k, v]) => (typeof v === 'number' ? [[k, groupDigits(v)]] : [])));
  return fill(template, { ...args, ...numbers, ...named }, ASSESS_MESSAGES, lang);
}
