import type { Algorithm, Answers, Service } from '../answers/schema.js';
import { REGIME_IDS, type RegimeId } from '../constants.js';
import type { MessageArgs } from '../messages/messages.js';
import { servicesOf } from './facts.js';

/** Why a decision came out as it did: a message key and its arguments, worded later. */
export interface Reason {
  key: string;
  args?: MessageArgs;
}

/** Whether one regime applies to one algorithm, and why. */
export interface RegimeDecision {
  regime: RegimeId;
  applies: boolean;
  reasons: Reason[];
}

interface Scope {
  /** Services that bring the algorithm under Chinese internet-information rules. */
  inScope: Service[];
  /** Why the other services do not. */
  outOfScope: Reason[];
  /** In-scope services with 舆论属性 features or a mobilisation channel (2018 rules Art 2). */
  withOpinionFeatures: Service[];
  /** In-scope services with an event after launch that calls for a security assessment (2018 rules Art 3 items 2–5). */
  withAssessmentTriggers: Service[];
}

/** True when a service is an internet information service offered in mainland China and still running. */
export function inScope(service: Service): boolean {
  return service.servesMainland && service.audience !== 'internal' && service.status !== 'terminated';
}

/** True when a service has 舆论属性 features or a mobilisation channel (2018 rules Art 2). */
export function hasOpinionAttributes(service: Service): boolean {
  return service.publicFeatures.length > 0 || service.mobilization;
}

function scopeOf(algorithm: Algorithm, answers: Answers): Scope {
  const inScopeServices: Service[] = [];
  const outOfScope: Reason[] = [];
  // Staff-only use is outside the algorithm provisions (no internet information service to users,
  // Art 2); the gen-AI measures exclude it expressly (Art 2 para 3), which only generation invokes.
  const internal = algorithm.does.includes('generate') ? 'scope.internal-generation' : 'scope.internal';
  for (const service of servicesOf(algorithm, answers)) {
    if (!service.servesMainland) outOfScope.push({ key: 'scope.overseas', args: { service: service.name } });
    else if (service.audience === 'internal') outOfScope.push({ key: internal, args: { service: service.name } });
    else if (service.status === 'terminated') outOfScope.push({ key: 'scope.terminated', args: { service: service.name } });
    else inScopeServices.push(service);
  }
  return {
    inScope: inScopeServices,
    outOfScope,
    withOpinionFeatures: inScopeServices.filter(hasOpinionAttributes),
    withAssessmentTriggers: inScopeServices.filter((s) => s.assessmentTriggers.length > 0),
  };
}

/**
 * The role an algorithm files under. A generation model or effect that a provider offers only to
 * other businesses through an API or SDK makes it at least a technical supporter (DS Art 19 para 2);
 * the CAC's deep-synthesis lists name such API offerings 服务技术支持者.
 */
export function effectiveRole(algorithm: Algorithm, answers: Answers): Algorithm['role'] {
  if (algorithm.role === 'technical-supporter' || !algorithm.does.includes('generate')) return algorithm.role;
  const services = servicesOf(algorithm, answers).filter(inScope);
  const offered = services.some((s) => s.audience === 'business' && s.forms.some((f) => f === 'api' || f === 'sdk'));
  return offered && !services.some((s) => s.audience === 'public') ? 'technical-supporter' : 'provider';
}

/** True when a generation is a fixed effect rather than open-ended: answered, or read from biometric editing without text. */
export function isEffect(generation: NonNullable<Algorithm['generation']>): boolean {
  if (generation.openEnded !== undefined) return !generation.openEnded;
  return generation.biometricEditing.length > 0 && !generation.modalities.includes('text');
}

function featureReasons(services: Service[]): Reason[] {
  return services.map((s) => ({
    key: s.publicFeatures.length > 0 ? 'filing.opinion-features' : 'filing.mobilization',
    args: { service: s.name, features: { list: s.publicFeatures.map((f) => ({ key: `vocab.feature.${f}` })), separator: 'list.enumeration' } },
  }));
}

/** A technical supporter has no product of its own; when it lists none, it is in scope as offered. */
function supporterInScope(algorithm: Algorithm, scope: Scope): boolean {
  return algorithm.services.length === 0 || scope.inScope.length > 0;
}

/** A public generation service is treated as having 舆论属性 in CAC practice, features or not. */
function publicGeneration(algorithm: Algorithm, scope: Scope): boolean {
  return algorithm.does.includes('generate') && scope.inScope.some((s) => s.audience === 'public');
}

function decideFiling(algorithm: Algorithm, role: Algorithm['role'], scope: Scope): RegimeDecision {
  const regime = 'algorithm-filing';
  if (role === 'technical-supporter') {
    if (!algorithm.does.includes('generate')) return { regime, applies: false, reasons: [{ key: 'filing.supporter-not-generation' }] };
    if (!supporterInScope(algorithm, scope)) return { regime, applies: false, reasons: scope.outOfScope };
    if (algorithm.role === 'provider') {
      const offers = scope.inScope.filter((s) => s.forms.some((f) => f === 'api' || f === 'sdk')).map((s) => s.name).join('、');
      return { regime, applies: true, reasons: [{ key: 'filing.supporter-by-offer', args: { services: offers } }] };
    }
    return { regime, applies: true, reasons: [{ key: 'filing.supporter-generation' }] };
  }
  if (scope.inScope.length === 0) return { regime, applies: false, reasons: scope.outOfScope };
  if (scope.withOpinionFeatures.length > 0) return { regime, applies: true, reasons: featureReasons(scope.withOpinionFeatures) };
  if (publicGeneration(algorithm, scope)) return { regime, applies: true, reasons: [{ key: 'filing.generation-public-practice' }] };
  return { regime, applies: false, reasons: [{ key: 'filing.no-opinion-features', args: { services: scope.inScope.map((s) => s.name).join('、') } }] };
}

/** Each event after launch that calls for a new assessment, with the item of Art 3 it falls under. */
function triggerReasons(services: Service[]): Reason[] {
  return services.flatMap((s) =>
    s.assessmentTriggers.map((trigger) => ({
      key: `sa.trigger.${trigger.kind}`,
      args: { service: s.name, on: trigger.on, what: trigger.what ? { key: 'sa.trigger-what', args: { what: trigger.what } } : '' },
    })),
  );
}

/**
 * The 2018 assessment follows the service. It is owed from launch by a service with 舆论属性 (and, in
 * practice, by public generation), and by any of the situations of its Art 3 items 2–5 recorded
 * after launch: the article binds every provider "具有下列情形之一的", so a written notice brings it
 * even to a service the answers give no such features.
 */
function decideSecurityAssessment(algorithm: Algorithm, role: Algorithm['role'], scope: Scope): RegimeDecision {
  const regime = 'security-assessment';
  if (role === 'technical-supporter') return { regime, applies: false, reasons: [{ key: 'sa.supporter' }] };
  if (scope.inScope.length === 0) return { regime, applies: false, reasons: scope.outOfScope };
  const atLaunch: Reason[] = scope.withOpinionFeatures.map((s) => ({ key: s.status === 'planned' ? 'sa.before-launch' : 'sa.live', args: { service: s.name } }));
  // Public generation without the features is assessed by practice only; an app that registers
  // (it calls a filed model unchanged) is not asked for it (domain reference 6.0, 6.5).
  const registers = algorithm.generation?.foundationModel === 'third-party-api';
  if (atLaunch.length === 0 && publicGeneration(algorithm, scope) && !registers) atLaunch.push({ key: 'sa.generation-practice' });
  const reasons = [...atLaunch, ...triggerReasons(scope.withAssessmentTriggers)];
  if (reasons.length > 0) return { regime, applies: true, reasons };
  return { regime, applies: false, reasons: [{ key: atLaunch.length === 0 && publicGeneration(algorithm, scope) ? 'sa.registration-practice' : 'sa.no-opinion-features' }] };
}

function decideGenai(algorithm: Algorithm, role: Algorithm['role'], scope: Scope): [RegimeDecision, RegimeDecision] {
  const filing = 'genai-filing';
  const registration = 'genai-registration';
  const both = (applies: [boolean, boolean], reasons: [Reason[], Reason[]]): [RegimeDecision, RegimeDecision] => [
    { regime: filing, applies: applies[0], reasons: reasons[0] },
    { regime: registration, applies: applies[1], reasons: reasons[1] },
  ];
  const generation = algorithm.generation;
  if (!algorithm.does.includes('generate') || !generation) {
    const reason = [{ key: 'genai.not-generation' }];
    return both([false, false], [reason, reason]);
  }
  const covered = role === 'technical-supporter' ? supporterInScope(algorithm, scope) : scope.inScope.length > 0;
  if (!covered) return both([false, false], [scope.outOfScope, scope.outOfScope]);
  if (role === 'provider' && !scope.inScope.some((s) => s.audience === 'public')) {
    const reason = [{ key: 'genai.business-only' }];
    return both([false, false], [reason, reason]);
  }
  const model = generation.foundationModel;
  if (model === 'none') {
    const reason = [{ key: 'genai.no-model' }];
    return both([false, false], [reason, reason]);
  }
  if (isEffect(generation)) {
    // The CAC's gen-AI lists hold general models and services; fixed effects (face fusion, beautification,
    // voice change) appear in the deep-synthesis lists instead. Practice, not a rule of the measures.
    // Registration is the API caller's way into the same gen-AI regime (filing's counterpart for an
    // unmodified filed model), so an effect owes neither, whichever model it runs on.
    const reason = [{ key: generation.openEnded === undefined ? 'genai.effect-inferred-practice' : 'genai.effect-practice' }];
    return both([false, false], [reason, reason]);
  }
  if (model === 'third-party-api') {
    if (role === 'technical-supporter') {
      return both([false, false], [[{ key: 'genai.api-supporter' }], [{ key: 'genai.api-supporter' }]]);
    }
    // The route rests on the upstream being filed: without its number the report says it is only
    // claimed, and what registration still needs, so no sentence calls an unproven model filed.
    const upstream = generation.upstream?.name ?? '?';
    const proven = generation.upstream?.filingNumber !== undefined;
    return both([false, true], [
      [{ key: proven ? 'genai.api-not-filing' : 'genai.api-not-filing-unproven', args: { upstream } }],
      [{ key: proven ? 'genai.api-registration' : 'genai.api-registration-unproven', args: { upstream } }],
    ]);
  }
  return both([true, false], [[{ key: `genai.model-${model}` }], [{ key: 'genai.own-model-not-registration' }]]);
}

function decideLabeling(algorithm: Algorithm, role: Algorithm['role'], scope: Scope): RegimeDecision {
  const regime = 'content-labeling';
  if (!algorithm.does.includes('generate')) return { regime, applies: false, reasons: [{ key: 'label.not-generation' }] };
  const covered = role === 'technical-supporter' ? supporterInScope(algorithm, scope) : scope.inScope.length > 0;
  if (!covered) return { regime, applies: false, reasons: scope.outOfScope };
  return { regime, applies: true, reasons: [{ key: role === 'technical-supporter' ? 'label.supporter' : 'label.provider' }] };
}

/**
 * The anthropomorphic-interaction measures bind whoever offers the public in China a service that
 * simulates a human personality for sustained emotional interaction (their Art 2, as reported):
 * customer service, Q&A and productivity tools are outside, and so is an algorithm that generates nothing.
 */
function decideAnthropomorphic(algorithm: Algorithm, scope: Scope): RegimeDecision {
  const regime = 'anthropomorphic-interaction';
  if (!algorithm.does.includes('generate')) return { regime, applies: false, reasons: [{ key: 'anthro.not-generation' }] };
  if (algorithm.generation?.anthropomorphic !== true) return { regime, applies: false, reasons: [{ key: 'anthro.not-anthropomorphic' }] };
  if (algorithm.role === 'technical-supporter') return { regime, applies: false, reasons: [{ key: 'anthro.supporter' }] };
  if (scope.inScope.length === 0) return { regime, applies: false, reasons: scope.outOfScope };
  const publicServices = scope.inScope.filter((s) => s.audience === 'public');
  if (publicServices.length === 0) return { regime, applies: false, reasons: [{ key: 'anthro.business-only' }] };
  return { regime, applies: true, reasons: publicServices.map((s) => ({ key: 'anthro.applies', args: { service: s.name } })) };
}

/** Decides every regime for one algorithm, in the contract's order, each with its reasons. */
export function decideRegimes(algorithm: Algorithm, answers: Answers): RegimeDecision[] {
  const scope = scopeOf(algorithm, answers);
  const role = effectiveRole(algorithm, answers);
  const [genaiFiling, genaiRegistration] = decideGenai(algorithm, role, scope);
  const decisions = [
    decideFiling(algorithm, role, scope), decideSecurityAssessment(algorithm, role, scope), genaiFiling, genaiRegistration, decideLabeling(algorithm, role, scope),
    decideAnthropomorphic(algorithm, scope),
  ];
  return REGIME_IDS.map((id) => decisions.find((d) => d.regime === id)!);
}

function assessedAlgorithms(service: Service, answers: Answers, applying: ReadonlyMap<string, ReadonlySet<RegimeId>>): Algorithm[] {
  return answers.algorithms.filter((a) => a.services.includes(service.id) && applying.get(a.id)?.has('security-assessment'));
}

/**
 * True when a service owes its 2018 assessment from its launch: it has 舆论属性 or, in practice,
 * offers public generation, and an algorithm it runs is assessed. A service brought in only by a
 * later event (Art 3 items 2–5) owes it from that event.
 */
export function assessedFromLaunch(service: Service, answers: Answers, applying: ReadonlyMap<string, ReadonlySet<RegimeId>>): boolean {
  const covered = assessedAlgorithms(service, answers, applying);
  const brings = hasOpinionAttributes(service) || (service.audience === 'public' && covered.some((a) => a.does.includes('generate')));
  return covered.length > 0 && inScope(service) && brings;
}

/**
 * The regimes a service brings of its own. Its 2018 security assessment belongs to it, not to each
 * algorithm (2018 rules Arts 2–3): owed from launch (see assessedFromLaunch) or from an event of
 * Art 3 items 2–5, when an algorithm it runs is assessed.
 */
export function serviceRegimes(service: Service, answers: Answers, applying: ReadonlyMap<string, ReadonlySet<RegimeId>>): Set<RegimeId> {
  const byEvent = service.assessmentTriggers.length > 0 && inScope(service) && assessedAlgorithms(service, answers, applying).length > 0;
  return new Set(byEvent || assessedFromLaunch(service, answers, applying) ? ['security-assessment'] : []);
}
