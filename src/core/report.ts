import type { Answers } from '../answers/schema.js';
import type { TypeCode } from '../answers/vocabulary.js';
import { MESSAGES, t, word, type Catalogue, type Lang } from '../messages/messages.js';
import type { Rules } from '../rules/model.js';
import { REGIME_IDS, SEVERITIES, type RegimeId, type Severity, type WarningSeverity } from '../constants.js';
import type { Report, ReportAlgorithm, ReportDeadline, ReportRegime, ReportWarning } from './report-schema.js';
import { analyse, type Analysis } from './analysis.js';
import { algorithmLaunch, computeDeadlines, deadlineTitleKey, type Deadline } from './deadlines.js';
import { basisView, requiredItems, tally, withAssessment, type AssessedMaterial } from './items.js';
import type { CheckContext, WarningFinding } from './checks/check.js';
import { CHECKS } from './checks/index.js';
import { effectiveRole } from './regimes.js';

/** Everything the pure core needs; no I/O happens past this point. */
export interface DiagnosisInput {
  answers: Answers;
  rules: Rules;
  lang: Lang;
  source: string;
  asOf: string;
  toolVersion: string;
  /** Material files that do not exist, as `${algorithm or service id, or ''}/${material id}`; checked by the caller. */
  missingFiles?: ReadonlySet<string>;
  /** Materials whose tables `assess` checked, as `${algorithm id}/${material id}`; checked by the caller. */
  assessedMaterials?: ReadonlyMap<string, AssessedMaterial>;
}

function deadlineView(deadline: Deadline, rules: Rules, lang: Lang): ReportDeadline {
  const { instrument, article } = deadline.basis;
  const source = rules.instruments[instrument];
  if (!source) throw new Error(`rule packs declare no instrument "${instrument}"`);
  // Keys in the report schema's order, so a re-rendered report prints byte for byte the same.
  const { kind, basis: _, ...rest } = deadline;
  return { kind, title: t(lang, deadlineTitleKey(deadline)), ...rest, basis: [{ instrument: source.title[lang], article, url: source.url }] };
}

/** Each loaded rule set's catalogue, made once per run: a batch words a thousand reports from one. */
const CATALOGUES = new WeakMap<Rules, Catalogue>();

/** The catalogue a report is worded from: the messages, and each type's name (`type.CODE`) from the rule packs. */
function reportCatalogue(rules: Rules): Catalogue {
  let catalogue = CATALOGUES.get(rules);
  if (!catalogue) {
    catalogue = {
      ...MESSAGES,
      ...Object.fromEntries(rules.types.map((d) => [`type.${d.code}`, d.title])),
      ...Object.fromEntries(rules.materials.map((m) => [`material.${m.id}`, m.title])),
    };
    CATALOGUES.set(rules, catalogue);
  }
  return catalogue;
}

function algorithmView(analysis: Analysis, answers: Answers, rules: Rules, lang: Lang): ReportAlgorithm {
  const { algorithm, classification, decisions } = analysis;
  const { type } = classification;
  const definition = (code: TypeCode) => rules.types.find((d) => d.code === code)!;
  const typeName = (code: TypeCode) => definition(code).title[lang];
  const reasons = classification.functions.map((f) =>
    t(lang, 'classify.function', { does: { key: `vocab.does.${f.does}` }, type: f.type, typeName: typeName(f.type), definition: definition(f.type).definition[lang] }),
  );
  if (classification.functions.length > 1) reasons.push(t(lang, 'classify.precedence', { order: rules.types.map((d) => d.code).join(' > '), type }));
  return {
    id: algorithm.id,
    name: algorithm.name,
    type,
    typeName: typeName(type),
    role: effectiveRole(algorithm, answers),
    declaredType: algorithm.declaredType ?? null,
    reasons,
    functions: classification.functions,
    services: algorithm.services,
    regimes: decisions.filter((d) => d.applies).map((d) => d.regime),
    purpose: algorithm.purpose ?? null,
    filingNumber: algorithm.filingNumber ?? null,
    filing: algorithm.filingNumber !== undefined ? 'filed' : decisions.some((d) => d.regime === 'algorithm-filing' && d.applies) ? 'owed' : 'not-owed',
    launchDate: algorithmLaunch(algorithm, answers) ?? null,
  };
}

function regimeView(id: RegimeId, analysed: readonly Analysis[], rules: Rules, lang: Lang): ReportRegime {
  const rule = rules.regimes.find((r) => r.id === id);
  if (!rule) throw new Error(`rule packs define no regime "${id}"`);
  const perAlgorithm = analysed.map((a) => {
    const decision = a.decisions.find((d) => d.regime === id)!;
    return { algorithm: a.id, applies: decision.applies, reasons: decision.reasons.map((r) => t(lang, r.key, r.args)), name: a.algorithm.name };
  });
  const relevant = perAlgorithm.some((p) => p.applies) ? perAlgorithm.filter((p) => p.applies) : perAlgorithm;
  // The same reason for several algorithms is said once, naming them all.
  const byReason = new Map<string, string[]>();
  for (const p of relevant) for (const r of p.reasons) byReason.set(r, [...(byReason.get(r) ?? []), p.name]);
  return {
    id,
    title: rule.title[lang],
    applies: perAlgorithm.some((p) => p.applies),
    algorithms: perAlgorithm.filter((p) => p.applies).map((p) => p.algorithm),
    reasons: [...byReason].map(([reason, names]) => `${names.join('、')}: ${reason}`),
    basis: basisView(rule.basis, lang),
    ...(rule.exposure ? { exposure: { text: rule.exposure.text[lang], basis: basisView(rule.exposure.basis, lang) } } : {}),
    perAlgorithm: perAlgorithm.map(({ algorithm, applies, reasons }) => ({ algorithm, applies, reasons })),
  };
}

/** Runs every check: the per-algorithm ones algorithm by algorithm, then those of the whole case. */
function runChecks(context: CheckContext): WarningFinding[] {
  const findings: WarningFinding[] = [];
  for (const analysis of context.analysed) {
    for (const check of CHECKS) if (check.scope === 'algorithm') findings.push(...check.run(analysis, context));
  }
  for (const check of CHECKS) if (check.scope === 'case') findings.push(...check.run(context));
  return findings;
}

/** The final pass: each warning's severity from the rule packs and its words from `warning.CODE`. */
function wordWarnings(findings: readonly WarningFinding[], rules: Rules, lang: Lang): ReportWarning[] {
  const catalogue = reportCatalogue(rules);
  const severity = (code: string) => rules.warnings.find((w) => w.id === code)?.severity ?? 'minor';
  return findings.map(({ code, algorithm, args }) => ({ code, severity: severity(code), algorithm, message: word(catalogue, lang, `warning.${code}`, args) }));
}

/** Runs the whole diagnosis: analysis, regimes, required items, clocks, warnings and summary. */
export function diagnose(input: DiagnosisInput): Report {
  const { answers, rules, lang } = input;
  const analysed = analyse(answers, rules);
  const required = requiredItems(answers, rules, analysed, lang);
  const items = required.items.map((i) => withAssessment(i, input.assessedMaterials?.get(`${i.algorithm ?? ''}/${i.id}`)));
  const { duties } = required;
  const applying = new Map(analysed.map((a) => [a.id, a.facts.regimes as ReadonlySet<RegimeId>]));
  const assessed = new Set(items.filter((i) => i.id === 'security-assessment-report' && !i.gap).map((i) => i.service!));
  const anthropomorphicAssessed = new Set(items.filter((i) => i.id === 'anthropomorphic-security-assessment' && !i.gap).map((i) => i.algorithm!));
  const clocks = computeDeadlines(answers, applying, assessed, rules.instruments, input.asOf, anthropomorphicAssessed);
  const deadlines = clocks.map((d) => deadlineView(d, rules, lang));
  const findings = runChecks({ answers, rules, analysed, items, duties, deadlines: clocks, asOf: input.asOf, missingFiles: input.missingFiles ?? new Set() });

  const perAlgorithm = Object.fromEntries(answers.algorithms.map((a) => [a.id, tally(items.filter((i) => i.algorithm === a.id))]));
  return {
    schemaVersion: 1,
    tool: { name: 'filing-check', version: input.toolVersion },
    rules: { version: rules.version, packs: rules.packs.map(({ name, version }) => ({ name, version })) },
    lang,
    asOf: input.asOf,
    source: input.source,
    entity: { name: answers.entity.name, creditCode: answers.entity.creditCode ?? null, regionCode: answers.entity.regionCode ?? null },
    services: answers.services.map((s) => ({ id: s.id, name: s.name })),
    algorithms: analysed.map((a) => algorithmView(a, answers, rules, lang)),
    regimes: REGIME_IDS.map((id) => regimeView(id, analysed, rules, lang)),
    items,
    duties,
    deadlines,
    warnings: wordWarnings(findings, rules, lang),
    summary: { ...tally(items), overdue: deadlines.filter((d) => d.overdue).length, algorithms: perAlgorithm, duties: tally(duties) },
  };
}

/** True when a severity is at or above a --fail-on level (SEVERITIES runs from most severe); info and "none" never are. */
export function isAtOrAbove(severity: WarningSeverity, failOn: Severity | 'none'): boolean {
  return failOn !== 'none' && severity !== 'info' && SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(failOn);
}

/** The exit code for a report: 1 when a gap is at or above the --fail-on level. */
export function exitCodeFor(report: Report, failOn: Severity | 'none'): 0 | 1 {
  // A statutory date already passed is as blocking as a missing blocking material.
  const overdue = report.summary.overdue > 0 && isAtOrAbove('blocking', failOn);
  return overdue || [...report.items, ...report.duties].some((i) => i.gap && isAtOrAbove(i.severity, failOn)) ? 1 : 0;
}
