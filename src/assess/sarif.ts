// The assess report as SARIF 2.1.0: a rule for every finding code (title, why, the clauses its
// findings rest on) and a result for every finding, at the first row of the file it concerns.
import type { Lang } from '../constants.js';
import { sarifLog, type SarifResult, type SarifRule } from '../format/sarif.js';
import { validateBundled } from '../data/bundled.js';
import * as z from '../zod.js';
import type { AssessFinding, AssessReport, BasisView } from './check.js';
import rawCodes from './codes.yaml';
import { ASSESS_FINDING_CODES, basisText, findingMessage, originText } from './messages.js';

const text = z.string().check(z.trim(), z.minLength(1));
const Bilingual = z.strictObject({ zh: text, en: text });

/** Schema of src/assess/codes.yaml: the title and the reason of every finding code. */
export const AssessCodesSchema = z.record(z.string().check(z.regex(/^[A-Z][A-Z0-9_]*$/)), z.strictObject({ title: Bilingual, why: Bilingual }));

/** The bundled titles and reasons, validated once when the module loads. */
export const ASSESS_CODES = validateBundled(AssessCodesSchema, rawCodes, 'assess codes');

/** A requirement of a standard as a basis, by clause or title and with its origin; standards have no link. */
function basisOf(basis: BasisView, lang: Lang) {
  const note = [basis.clause ? basis.title[lang] : '', originText(basis, lang)].filter(Boolean).join(lang === 'zh' ? '；' : '; ');
  return { instrument: basis.instrument, article: basis.clause ?? basis.title[lang], url: '', note };
}

// Findings about the evaluation results or the corpus sampling belong to those tables, not to a bank's.
const EVALUATION_CODES = new Set(['NO_METHOD', 'RESULT_NOT_IN_BANK', 'NO_DRAWS', 'DRAWS_SHORT', 'PASS_RATE_LOW', 'REFUSAL_RATE_LOW', 'REFUSAL_RATE_HIGH']);
const CORPUS_CODES = new Set(['CORPUS_SAMPLES_SHORT', 'CORPUS_SIZE_UNKNOWN', 'CORPUS_PASS_RATE_LOW', 'SOURCE_OVER_LIMIT']);

/** The file and row a finding concerns: its first place ("file[sheet]:row,…"), else the table of its bank or kind. */
function placeOf(finding: AssessFinding, report: AssessReport): { file: string; line?: number } | undefined {
  const first = finding.where[0]?.split(' = ')[0];
  const match = first ? /^(.*?)(\[[^\]]*\])?:(\d+)/u.exec(first) : null;
  // A row of a spreadsheet is no line of its file: only a CSV row is placed on its line.
  if (match) return match[2] ? { file: match[1]! } : { file: match[1]!, line: Number(match[3]) };
  const kind = CORPUS_CODES.has(finding.code) ? 'corpus' : EVALUATION_CODES.has(finding.code) ? 'results' : null;
  const source = report.sources.find((s) => (kind ? s.kind === kind : s.bank === finding.args.bank || s.kind === finding.args.bank)) ?? report.sources[0];
  return source && { file: source.file };
}

/** The assessment as SARIF: every finding code a rule, every finding a result at its level. */
export function formatAssessSarif(report: AssessReport): string {
  const { lang } = report;
  const rules: SarifRule[] = ASSESS_FINDING_CODES.map((code) => {
    const described = ASSESS_CODES[code];
    const bases = new Map(report.findings.filter((f) => f.code === code && f.basis).map((f) => [basisText(f.basis!, lang), basisOf(f.basis!, lang)]));
    return {
      id: code,
      title: described?.title[lang] ?? code,
      why: described?.why[lang] ?? null,
      basis: [...bases.values()],
      severity: null,
      properties: { tags: ['filing-check', 'assess'] },
    };
  });
  const results: SarifResult[] = report.findings.map((finding) => {
    const place = placeOf(finding, report);
    const details = [finding.basis && basisText(finding.basis, lang), finding.where.length > 0 && finding.where.join(', ')].filter(Boolean);
    return {
      ruleId: finding.code,
      severity: finding.severity,
      message: [findingMessage(finding, lang), ...details].join('\n'),
      file: place?.file,
      // Code scanning shows only results with a line; a finding about a whole table sits on its header.
      ...(place && (place.line !== undefined || !/\.xlsx$/iu.test(place.file)) ? { line: place.line ?? 1 } : {}),
      scope: [finding.code, finding.args.bank, finding.args.method, finding.args.risk, finding.args.topic, finding.args.source].filter((v) => v !== undefined).join(':'),
    };
  });
  return sarifLog({ version: report.tool.version, lang, category: 'filing-check/assess', rules, results });
}
