import type { Algorithm, Answers, Service } from '../answers/schema.js';
import type { Condition, ConditionFact, FactValue, RegimeId } from '../rules/schema.js';
import type { Classification } from './classify.js';
import { effectiveRole, hasOpinionAttributes, inScope } from './regimes.js';

/** What a `when` condition can see of one algorithm: each fact is a set of values or a flag. */
export type Facts = Record<ConditionFact, ReadonlySet<string> | boolean>;

/** The services an algorithm runs in, in the order the answers list them. */
export function servicesOf(algorithm: Algorithm, answers: Answers): Service[] {
  return answers.services.filter((service) => algorithm.services.includes(service.id));
}

/** Collects the facts of one algorithm, its services and the entity, for rule conditions. */
export function algorithmFacts(
  algorithm: Algorithm,
  answers: Answers,
  classification: Classification,
  regimes: ReadonlySet<RegimeId>,
): Facts {
  const services = servicesOf(algorithm, answers);
  const generation = algorithm.generation;
  const union = <T>(pick: (s: Service) => readonly T[] | T) => new Set(services.flatMap((s) => pick(s)).map(String));
  return {
    type: new Set([classification.type]),
    role: new Set([effectiveRole(algorithm, answers)]),
    does: new Set(algorithm.does),
    regimes,
    modalities: new Set(generation?.modalities ?? []),
    biometricEditing: new Set(generation?.biometricEditing ?? []),
    foundationModel: new Set(generation ? [generation.foundationModel] : []),
    forms: union((s) => s.forms),
    audience: union((s) => s.audience),
    publicFeatures: union((s) => s.publicFeatures),
    serviceStatus: union((s) => s.status),
    icp: new Set([answers.entity.icp]),
    affectsWorkers: algorithm.decision?.affectsWorkers ?? false,
    pricing: algorithm.decision?.pricing ?? false,
    // Users of a service that ended or serves no one in mainland China bring no duties here.
    minors: services.some((s) => inScope(s) && s.minors === true),
    elderly: services.some((s) => inScope(s) && s.elderly === true),
    optOut: algorithm.userControls?.optOut ?? false,
    tagManagement: algorithm.userControls?.tagManagement ?? false,
    hasUpstream: generation?.upstream !== undefined,
    filed: algorithm.filingNumber !== undefined,
    entityFiled: answers.algorithms.some((a) => a.filingNumber !== undefined),
    // An algorithm recommendation service in scope of Algorithm Provisions Art 2: a provider's
    // algorithm in a service offered to users in mainland China. Its users' rights bind, filed or not.
    inScope: effectiveRole(algorithm, answers) === 'provider' && services.some(inScope),
    foreignInvested: answers.entity.foreignInvested,
    anthropomorphic: generation?.anthropomorphic === true,
    opinionAttributes: services.some(bringsAssessmentByLaw),
  };
}

/** True when the 2018 rules bind a service by their letter: 舆论属性 features or an event of their Art 3 items 2–5. */
function bringsAssessmentByLaw(service: Service): boolean {
  return inScope(service) && (hasOpinionAttributes(service) || service.assessmentTriggers.length > 0);
}

/**
 * Evaluates a declarative condition: every listed fact must hold; any/all/not combine them. A fact
 * absent from `facts` holds for no value (the questionnaire's unanswered questions).
 */
export function evaluateCondition(condition: Condition, facts: Readonly<Record<string, ReadonlySet<string> | boolean>>): boolean {
  const node = condition as { any?: Condition[]; all?: Condition[]; not?: Condition };
  if (node.any) return node.any.some((c) => evaluateCondition(c, facts));
  if (node.all) return node.all.every((c) => evaluateCondition(c, facts));
  if (node.not) return !evaluateCondition(node.not, facts);
  return Object.entries(condition as Record<string, FactValue | FactValue[]>).every(([name, wanted]) => {
    const actual = facts[name];
    if (actual === undefined) return false;
    const values = Array.isArray(wanted) ? wanted : [wanted];
    return typeof actual === 'boolean' ? values.includes(actual) : values.some((v) => actual.has(String(v)));
  });
}

/**
 * The facts of one service for service-level materials: the union of the facts of the algorithms it
 * runs, with the regimes the service itself brings (its 2018 assessment belongs to it, not to them)
 * and whether the 2018 rules bind it by their letter.
 */
export function serviceFacts(covered: readonly Facts[], regimes: ReadonlySet<RegimeId>, service: Service): Facts {
  const facts = {} as Record<ConditionFact, ReadonlySet<string> | boolean>;
  for (const name of Object.keys(covered[0] ?? {}) as ConditionFact[]) {
    const values = covered.map((f) => f[name]);
    facts[name] = typeof values[0] === 'boolean' ? values.some(Boolean) : new Set(values.flatMap((v) => [...(v as ReadonlySet<string>)]));
  }
  facts.regimes = regimes;
  facts.opinionAttributes = bringsAssessmentByLaw(service);
  return facts;
}
