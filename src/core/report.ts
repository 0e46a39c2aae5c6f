import type { Answers, MaterialEntry } from '../answers/schema.js';
import type { MaterialStatus, TypeCode } from '../answers/vocabulary.js';
import { t, type Lang } from '../messages/messages.js';
import type { Basis, Material, Rules } from '../rules/model.js';
import { REGIME_IDS, SEVERITIES, type RegimeId, type Severity } from '../constants.js';
import type { Report, ReportAlgorithm, ReportBasis, ReportDeadline, ReportItem, ReportRegime, ReportWarning, Tally } from './report-schema.js';
import { classifyAlgorithm, parseDeclaredType, type Classification } from './classify.js';
import { algorithmFacts, evaluateCondition, type Facts } from './facts.js';
import { computeDeadlines, type Deadline } from './deadlines.js';
import { parseFilingNumber } from './filing-number.js';
import { decideRegimes, type Reason, type RegimeDecision } from './regimes.js';
import { formatPurposeFinding, lintPurpose } from '../suggest/purpose-lint.js';
import { isConfident, suggestType } from '../suggest/suggest.js';

/** Everything the pure core needs; no I/O happens past this point. */
export interface DiagnosisInput {
  answers: Answers;
  rules: Rules;
  lang: Lang;
  source: string;
  asOf: string;
  toolVersion: string;
  /** Material files that do not exist, as `${algorithm id or ''}/${material id}`; checked by the caller. */
  missingFiles?: ReadonlySet<string>;
}

const SEVERITY_WEIGHT: Record<Severity, number> = { blocking: 3, major: 2, minor: 1 };
const STATUS_CREDIT: Record<Exclude<MaterialStatus, 'not-applicable'>, number> = { ready: 1, draft: 0.5, missing: 0 };

/** Legal bases as a report shows them: the instrument's title and the note in the report language. */
export function basisView(basis: readonly Basis[], lang: Lang): ReportBasis[] {
  return basis.map((b) => ({
    instrument: b.instrumentTitle[lang],
    article: b.article,
    url: b.url,
    ...(b.note ? { note: b.note[lang] } : {}),
  }));
}

function word(lang: Lang, reason: Reason): string {
  return t(lang, reason.key, reason.args);
}

/** Weighted readiness and gap counts over a set of items. */
export function tally(items: readonly ReportItem[]): Tally {
  const counted = items.filter((i) => i.status !== 'not-applicable');
  const total = counted.reduce((sum, i) => sum + SEVERITY_WEIGHT[i.severity], 0);
  const earned = counted.reduce((sum, i) => sum + SEVERITY_WEIGHT[i.severity] * STATUS_CREDIT[i.status as keyof typeof STATUS_CREDIT], 0);
  const gaps = (severity: Severity) => items.filter((i) => i.gap && i.severity === severity).length;
  const count = (status: MaterialStatus) => items.filter((i) => i.status === status).length;
  return {
    blocking: gaps('blocking'),
    major: gaps('major'),
    minor: gaps('minor'),
    readiness: total === 0 ? 1 : Math.round((earned / total) * 100) / 100,
    counts: { ready: count('ready'), draft: count('draft'), missing: count('missing'), notApplicable: count('not-applicable') },
  };
}

function item(material: Material, algorithm: string | null, entry: MaterialEntry | undefined, lang: Lang): ReportItem {
  const status = entry?.status ?? 'missing';
  return {
    id: material.id,
    algorithm,
    level: material.level,
    title: material.title[lang],
    status,
    gap: status === 'missing' || status === 'draft',
    severity: material.severity,
    confidence: material.confidence,
    basis: basisView(material.basis, lang),
    file: entry?.file ?? null,
    owner: entry?.owner ?? null,
    due: entry?.due ?? null,
    reason: entry?.reason ?? null,
    pack: material.pack,
  };
}

const DEADLINE_BASIS: Record<Deadline['kind'], { instrument: string; article: string }> = {
  'algorithm-filing': { instrument: 'algorithm-provisions', article: '第二十四条第一款' },
  'security-assessment': { instrument: 'security-assessment-rules', article: '第七条' },
  change: { instrument: 'algorithm-provisions', article: '第二十四条第二款' },
  cancellation: { instrument: 'algorithm-provisions', article: '第二十四条第三款' },
};

function deadlineView(deadline: Deadline, rules: Rules, lang: Lang): ReportDeadline {
  const { instrument, article } = DEADLINE_BASIS[deadline.kind];
  const source = rules.instruments[instrument];
  if (!source) throw new Error(`rule packs declare no instrument "${instrument}"`);
  // Keys in the report schema's order, so a re-rendered report prints byte for byte the same.
  const { kind, ...rest } = deadline;
  return { kind, title: t(lang, `deadline.${kind}`), ...rest, basis: [{ instrument: source.title[lang], article, url: source.url }] };
}

interface Analysed {
  id: string;
  classification: Classification;
  decisions: RegimeDecision[];
  facts: Facts;
}

/** Runs the whole diagnosis: classification, regimes, required items, warnings and summary. */
export function diagnose(input: DiagnosisInput): Report {
  const { answers, rules, lang } = input;
  const typeName = (code: TypeCode) => rules.types.find((t) => t.code === code)!.title[lang];
  const warningSeverity = (code: string) => rules.warnings.find((w) => w.id === code)?.severity ?? 'minor';
  const warnings: ReportWarning[] = [];
  const warn = (code: string, algorithm: string | null, args: Record<string, string | number> = {}) =>
    warnings.push({ code, severity: warningSeverity(code), algorithm, message: t(lang, `warning.${code}`, args) });
  // A reviewer reads the 主要用途 before anything else: it must say what the facts say.
  const checkPurpose = (algorithm: Answers['algorithms'][number], type: TypeCode) => {
    if (!algorithm.purpose) return;
    const suggestion = suggestType(algorithm.purpose, { name: algorithm.name });
    if (isConfident(suggestion) && suggestion.type !== type) {
      const phrases = suggestion.phrases.join(lang === 'zh' ? '、' : ', ');
      warn('PURPOSE_TYPE_MISMATCH', algorithm.id, { suggested: suggestion.type, suggestedName: typeName(suggestion.type), confidence: suggestion.confidence.toFixed(2), phrases, type, typeName: typeName(type) });
    }
    for (const finding of lintPurpose(algorithm.purpose, { type })) {
      const { message, suggestion: rewrite } = formatPurposeFinding(finding, lang);
      warnings.push({ code: finding.code, severity: finding.severity, algorithm: algorithm.id, message: `${message}${lang === 'zh' ? '' : ' '}${t(lang, 'ui.rewrite')}${rewrite}` });
    }
  };

  const analysed: Analysed[] = answers.algorithms.map((algorithm) => {
    const classification = classifyAlgorithm(algorithm, rules.types);
    const decisions = decideRegimes(algorithm, answers);
    const applying = new Set(decisions.filter((d) => d.applies).map((d) => d.regime));
    return { id: algorithm.id, classification, decisions, facts: algorithmFacts(algorithm, answers, classification, applying) };
  });

  const algorithms: ReportAlgorithm[] = answers.algorithms.map((algorithm, index) => {
    const { classification, decisions } = analysed[index]!;
    const { type } = classification;
    const definitionOf = (code: TypeCode) => rules.types.find((d) => d.code === code)!.definition[lang];
    const reasons = classification.functions.map((f) =>
      t(lang, 'classify.function', { does: f.does, type: f.type, typeName: typeName(f.type), definition: definitionOf(f.type) }),
    );
    if (classification.functions.length > 1) {
      reasons.push(t(lang, 'classify.precedence', { order: rules.types.map((d) => d.code).join(' > '), type }));
      const others = classification.functions.slice(1).map((f) => `${f.does} (${f.type} ${typeName(f.type)})`).join(', ');
      warn('MULTIPLE_FUNCTIONS', algorithm.id, { functions: algorithm.does.join(', '), type, typeName: typeName(type), others });
    }
    if (algorithm.declaredType !== undefined) {
      const declared = parseDeclaredType(algorithm.declaredType, rules.types)!;
      if (!declared.includes(type)) {
        const declaredName = declared.map((code) => `${code} ${typeName(code)}`).join(' / ');
        warn('DECLARED_TYPE_MISMATCH', algorithm.id, { declared: declaredName, does: algorithm.does.join(', '), type, typeName: typeName(type) });
      }
    }
    const generation = algorithm.generation;
    if (generation && (generation.foundationModel === 'third-party-api' || generation.foundationModel === 'fine-tuned')) {
      if (!generation.upstream) warn('UPSTREAM_MODEL_MISSING', algorithm.id, { model: generation.foundationModel });
      // Only an API caller shows the upstream's number; a fine-tuned model files on its own.
      else if (generation.foundationModel === 'third-party-api' && !generation.upstream.filingNumber) {
        warn('UPSTREAM_NOT_FILED', algorithm.id, { upstream: generation.upstream.name });
      }
    }
    if (algorithm.role === 'technical-supporter' && !algorithm.does.includes('generate')) warn('ROLE_WITHOUT_GENERATION', algorithm.id);
    const filed = decisions.some((d) => d.regime === 'algorithm-filing' && d.applies);
    if (filed && algorithm.does.includes('personalize') && algorithm.userControls?.optOut === false) warn('OPT_OUT_NOT_OFFERED', algorithm.id);
    checkPurpose(algorithm, type);
    if (algorithm.filingNumber !== undefined) {
      const number = parseFilingNumber(algorithm.filingNumber);
      if (number.kind === 'irregular') warn('FILING_NUMBER_IRREGULAR', algorithm.id, { number: algorithm.filingNumber });
      if (number.kind === 'regular') {
        const { parts } = number;
        const known = rules.types.some((d) => d.code === parts.type);
        if (parts.type !== type) {
          warn('FILING_NUMBER_TYPE_MISMATCH', algorithm.id, { number: algorithm.filingNumber, digits: parts.type, numberType: known ? typeName(parts.type as TypeCode) : '?', type, typeName: typeName(type) });
        }
        const region = answers.entity.regionCode;
        if (region && parts.region !== region) warn('FILING_NUMBER_REGION_MISMATCH', algorithm.id, { number: algorithm.filingNumber, digits: parts.region, region });
      }
    }
    return {
      id: algorithm.id,
      name: algorithm.name,
      type,
      typeName: typeName(type),
      role: algorithm.role,
      declaredType: algorithm.declaredType ?? null,
      reasons,
      functions: classification.functions,
      services: algorithm.services,
      regimes: decisions.filter((d) => d.applies).map((d) => d.regime),
      purpose: algorithm.purpose ?? null,
      filingNumber: algorithm.filingNumber ?? null,
    };
  });

  const regimes: ReportRegime[] = REGIME_IDS.map((id) => {
    const rule = rules.regimes.find((r) => r.id === id);
    if (!rule) throw new Error(`rule packs define no regime "${id}"`);
    const perAlgorithm = analysed.map((a, index) => {
      const decision = a.decisions.find((d) => d.regime === id)!;
      return { algorithm: a.id, applies: decision.applies, reasons: decision.reasons.map((r) => word(lang, r)), name: answers.algorithms[index]!.name };
    });
    const relevant = perAlgorithm.some((p) => p.applies) ? perAlgorithm.filter((p) => p.applies) : perAlgorithm;
    // The same reason for several algorithms is said once, naming them all.
    const byReason = new Map<string, string[]>();
    for (const p of relevant) for (const r of p.reasons) byReason.set(r, [...(byReason.get(r) ?? []), p.name]);
    const reasons = [...byReason].map(([reason, names]) => `${names.join('、')}: ${reason}`);
    return {
      id,
      title: rule.title[lang],
      applies: perAlgorithm.some((p) => p.applies),
      algorithms: perAlgorithm.filter((p) => p.applies).map((p) => p.algorithm),
      reasons,
      basis: basisView(rule.basis, lang),
      perAlgorithm: perAlgorithm.map(({ algorithm, applies, reasons: r }) => ({ algorithm, applies, reasons: r })),
    };
  });

  const filingApplies = analysed.some((a) => a.facts.regimes instanceof Set && a.facts.regimes.has('algorithm-filing'));
  if (filingApplies && answers.entity.securityOfficer === false) warn('SECURITY_OFFICER_NOT_APPOINTED', null);
  if (filingApplies && answers.entity.icp === 'none') {
    const forms = [...new Set(answers.services.flatMap((s) => s.forms))].join(', ');
    warn('ICP_NOT_FILED', null, { forms });
  }

  const items: ReportItem[] = [];
  for (const material of rules.materials.filter((m) => m.level === 'entity')) {
    if (analysed.some((a) => evaluateCondition(material.when, a.facts))) items.push(item(material, null, answers.materials[material.id], lang));
  }
  answers.algorithms.forEach((algorithm, index) => {
    for (const material of rules.materials.filter((m) => m.level === 'algorithm')) {
      if (evaluateCondition(material.when, analysed[index]!.facts)) items.push(item(material, algorithm.id, algorithm.materials[material.id], lang));
    }
  });

  const required = new Set(items.map((i) => `${i.algorithm ?? ''}/${i.id}`));
  const listed = [
    ...Object.keys(answers.materials).map((id) => ({ id, algorithm: null as string | null })),
    ...answers.algorithms.flatMap((a) => Object.keys(a.materials).map((id) => ({ id, algorithm: a.id as string | null }))),
  ];
  for (const { id, algorithm } of listed) {
    if (!required.has(`${algorithm ?? ''}/${id}`)) {
      warn('MATERIAL_NOT_REQUIRED', algorithm, { material: id, level: t(lang, algorithm ? 'level.algorithm' : 'level.entity') });
    }
  }

  for (const i of items) {
    if (i.file && input.missingFiles?.has(`${i.algorithm ?? ''}/${i.id}`)) {
      warn('MATERIAL_FILE_MISSING', i.algorithm, { material: i.id, file: i.file, status: t(lang, `status.${i.status}`) });
    }
  }

  const applying = new Map(analysed.map((a) => [a.id, a.facts.regimes as ReadonlySet<RegimeId>]));
  const assessed = new Set(items.filter((i) => i.id === 'security-assessment-report' && !i.gap).map((i) => i.algorithm!));
  const deadlines = computeDeadlines(answers, applying, assessed, input.asOf).map((d) => deadlineView(d, rules, lang));
  for (const d of deadlines.filter((d) => d.overdue)) warn('DEADLINE_OVERDUE', d.algorithm, { title: d.title, service: d.service, due: d.due });

  const perAlgorithm = Object.fromEntries(answers.algorithms.map((a) => [a.id, tally(items.filter((i) => i.algorithm === a.id))]));
  return {
    schemaVersion: 1,
    tool: { name: 'filing-check', version: input.toolVersion },
    rules: { version: rules.version, packs: rules.packs.map(({ name, version }) => ({ name, version })) },
    lang,
    asOf: input.asOf,
    source: input.source,
    entity: { name: answers.entity.name, creditCode: answers.entity.creditCode ?? null, regionCode: answers.entity.regionCode ?? null },
    algorithms,
    regimes,
    items,
    deadlines,
    warnings,
    summary: { ...tally(items), overdue: deadlines.filter((d) => d.overdue).length, algorithms: perAlgorithm },
  };
}

/** True when a severity is at or above a --fail-on level (SEVERITIES runs from most severe); nothing is at or above "none". */
export function isAtOrAbove(severity: Severity, failOn: Severity | 'none'): boolean {
  return failOn !== 'none' && SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(failOn);
}

/** The exit code for a report: 1 when a gap is at or above the --fail-on level. */
export function exitCodeFor(report: Report, failOn: Severity | 'none'): 0 | 1 {
  // A statutory date already passed is as blocking as a missing blocking material.
  const overdue = report.summary.overdue > 0 && isAtOrAbove('blocking', failOn);
  return overdue || report.items.some((i) => i.gap && isAtOrAbove(i.severity, failOn)) ? 1 : 0;
}
