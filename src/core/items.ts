import type { Answers, MaterialEntry } from '../answers/schema.js';
import type { MaterialStatus } from '../answers/vocabulary.js';
import type { Lang } from '../messages/messages.js';
import type { Basis, Material, Rules } from '../rules/model.js';
import type { Severity } from '../constants.js';
import type { RegimeId } from '../constants.js';
import { t } from '../messages/messages.js';
import type { ReportBasis, ReportDuty, ReportItem, Tally } from './report-schema.js';
import { serviceRegimes } from './regimes.js';
import type { Analysis } from './analysis.js';
import { evaluateCondition, serviceFacts, type Facts } from './facts.js';

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

/** Where an item belongs: the entity, a service (with the algorithms it covers) or an algorithm. */
interface Owner {
  algorithm: string | null;
  service: { id: string; name: string; covers: string[] } | null;
}

function item(material: Material, owner: Owner, entry: MaterialEntry | undefined, facts: Facts, lang: Lang): ReportItem {
  const status = entry?.status ?? 'missing';
  const title = material.title[lang];
  return {
    id: material.id,
    algorithm: owner.algorithm,
    service: owner.service?.id ?? null,
    covers: owner.service?.covers ?? [],
    level: material.level,
    // One item per service: its name tells two services' items apart in every view.
    title: owner.service ? t(lang, 'item.ofService', { title, service: owner.service.name }) : title,
    status,
    gap: status === 'missing' || status === 'draft',
    severity: material.severity,
    confidence: material.practiceWhen && evaluateCondition(material.practiceWhen, facts) ? 'practice' : material.confidence,
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

/**
 * A continuing duty as the report shows it. A duty whose control the answers say the product has is
 * met: only its evidence is asked, so it weighs as little as a minor item; one they say is missing
 * stays as severe as the rule says, and a warning names the article.
 */
function duty(material: Material, owner: Owner, entry: MaterialEntry | undefined, facts: Facts, met: boolean | null, lang: Lang): ReportDuty {
  const base = item(material, owner, entry, facts, lang);
  if (met !== true) return { ...base, met };
  return { ...base, title: t(lang, 'duty.met', { title: base.title }), severity: 'minor', met };
}

/** The materials the case requires and the duties that bind it, each once: entity, services, algorithms. */
export function requiredItems(answers: Answers, rules: Rules, analysed: readonly Analysis[], lang: Lang): { items: ReportItem[]; duties: ReportDuty[] } {
  const items: ReportItem[] = [];
  const duties: ReportDuty[] = [];
  const add = (material: Material, owner: Owner, entry: MaterialEntry | undefined, facts: Facts, met: boolean | null = null) => {
    if (material.duty) duties.push(duty(material, owner, entry, facts, met, lang));
    else items.push(item(material, owner, entry, facts, lang));
  };
  const atLevel = (level: Material['level']) => rules.materials.filter((m) => m.level === level);
  for (const material of atLevel('entity')) {
    const bound = analysed.filter((a) => evaluateCondition(material.when, a.facts));
    // The entity's item rests on law if any algorithm that brings it does so by law.
    const byLaw = bound.find((a) => !material.practiceWhen || !evaluateCondition(material.practiceWhen, a.facts));
    if (bound.length > 0) add(material, { algorithm: null, service: null }, answers.materials[material.id], (byLaw ?? bound[0]!).facts);
  }
  const applying = new Map(analysed.map((a) => [a.id, a.facts.regimes as ReadonlySet<RegimeId>]));
  for (const service of answers.services) {
    const covered = analysed.filter((a) => a.algorithm.services.includes(service.id));
    if (covered.length === 0) continue;
    const facts = serviceFacts(covered.map((a) => a.facts), serviceRegimes(service, answers, applying), service);
    const owner = { algorithm: null, service: { id: service.id, name: service.name, covers: covered.map((a) => a.id) } };
    for (const material of atLevel('service')) {
      if (evaluateCondition(material.when, facts)) add(material, owner, service.materials[material.id], facts);
    }
  }
  for (const { algorithm, facts } of analysed) {
    for (const material of atLevel('algorithm')) {
      if (!evaluateCondition(material.when, facts)) continue;
      const control = material.control ? algorithm.userControls?.[material.control] : undefined;
      add(material, { algorithm: algorithm.id, service: null }, algorithm.materials[material.id], facts, control ?? null);
    }
  }
  return { items, duties };
}
