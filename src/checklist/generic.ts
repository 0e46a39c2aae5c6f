import type { AlgorithmFunction, TypeCode } from '../answers/vocabulary.js';
import { parseDeclaredType } from '../core/classify.js';
import { inputError } from '../errors.js';
import { t, type Lang } from '../messages/messages.js';
import type { Rules } from '../rules/model.js';

/** The role values of --role. */
export type GenericRole = 'provider' | 'technical-supporter';

/** Reads --type: a code (02, 2) or a type name; it must name exactly one type. */
export function parseTypeOption(value: string, rules: Rules): TypeCode {
  const codes = parseDeclaredType(value, rules.types);
  if (!codes) throw inputError('error.checklist.unknown-type', { value, known: { list: rules.types.map((d) => `${d.code} ${d.title.zh}`), separator: 'list.comma' } });
  if (codes.length > 1) throw inputError('error.checklist.several-types', { value, codes: { list: codes, separator: 'list.comma' } });
  return codes[0]!;
}

// What each function typically comes with in practice, so the generic checklist shows the materials
// a real case of that type needs: recommendation offers the opt-out and tag controls the rules
// require, dispatch usually assigns work to riders or drivers, generation usually calls a filed model.
const TYPICAL: Record<AlgorithmFunction, Record<string, unknown>> = {
  generate: {},
  personalize: { userControls: { optOut: true, tagManagement: true } },
  rank: {},
  search: {},
  filter: {},
  decide: { decision: { affectsWorkers: true, pricing: false } },
};

/**
 * A realistic answers object for one type and role, with no material progress: a public app with
 * comments (so the filing duty applies) used by minors, planned for launch. A provider of generation
 * calls a filed third-party model; a technical supporter offers its own model to other companies.
 * The result goes through the real parser and core like any answers file.
 */
export function genericAnswers(type: TypeCode, role: GenericRole, rules: Rules, lang: Lang): object {
  const definition = rules.types.find((d) => d.code === type)!;
  if (role === 'technical-supporter' && definition.does !== 'generate') {
    throw inputError('error.checklist.supporter-type', { typeName: rules.types.find((d) => d.does === 'generate')!.title.zh, type });
  }
  const L = (key: string) => t(lang, key, { typeName: definition.title[lang] });
  const generation = role === 'provider'
    ? { modalities: ['text', 'image'], foundationModel: 'third-party-api', upstream: { name: L('checklist.generic.upstream'), filingNumber: L('checklist.generic.upstreamNumber') } }
    : { modalities: ['text'], foundationModel: 'self-developed' };
  const service = { id: 'service', name: L('checklist.generic.service'), forms: ['app'], audience: 'public', publicFeatures: ['comments'], status: 'planned', minors: true };
  return {
    schemaVersion: 1,
    entity: { name: L('checklist.generic.entity'), icp: 'filed', securityOfficer: true },
    services: role === 'provider' ? [service] : [],
    algorithms: [{
      id: 'algorithm',
      name: L('checklist.generic.algorithm'),
      role,
      does: [definition.does],
      ...(role === 'provider' ? { services: ['service'] } : {}),
      ...(definition.does === 'generate' ? { generation } : {}),
      ...TYPICAL[definition.does],
    }],
  };
}
