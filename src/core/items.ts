import type { Answers, MaterialEntry } from '../answers/schema.js';
import type { MaterialStatus } from '../answers/vocabulary.js';
import type { Lang } from '../messages/messages.js';
import type { Basis, Material, Rules } from '../rules/model.js';
import type { Severity } from '../constants.js';
import type { ReportBasis, ReportItem, Tally } from './report-schema.js';
import type { Analysis } from './analysis.js';
import { evaluateCondition } from './facts.js';

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

/** A material's tables as `assess` found them: every figure met, or the shortfalls in the report's language. */
export interface AssessedMaterial {
  met: boolean;
  file: string;
  reason: string | null;
}

/**
 * A material whose tables `assess` checked is ready when they meet every figure and a draft with
 * the shortfalls as its reason when they do not, whatever status the answers gave it; a material
 * declared not applicable stays so.
 */
export function withAssessment(item: ReportItem, assessed: AssessedMaterial | undefined): ReportItem {
  if (!assessed || item.status === 'not-applicable') return item;
  return { ...item, status: assessed.met ? 'ready' : 'draft', gap: !assessed.met, file: item.file ?? assessed.file, reason: assessed.met ? item.reason : assessed.reason };
}

/** The materials the case requires: entity-level ones once, then each algorithm's, with their status. */
export function requiredItems(answers: Answers, rules: Rules, analysed: readonly Analysis[], lang: Lang): ReportItem[] {
  const items: ReportItem[] = [];
  for (const material of rules.materials.filter((m) => m.level === 'entity')) {
    if (analysed.some((a) => evaluateCondition(material.when, a.facts))) items.push(item(material, null, answers.materials[material.id], lang));
  }
  for (const { algorithm, facts } of analysed) {
    for (const material of rules.materials.filter((m) => m.level === 'algorithm')) {
      if (evaluateCondition(material.when, facts)) items.push(item(material, algorithm.id, algorithm.materials[material.id], lang));
    }
  }
  return items;
}
