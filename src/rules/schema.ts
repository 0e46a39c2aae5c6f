import * as z from '../zod.js';
import {
  AUDIENCES, BIOMETRICS, FOUNDATION_MODELS, FUNCTIONS, ICP_STATES, MODALITIES, PUBLIC_FEATURES, ROLES,
  SERVICE_FORMS, SERVICE_STATUSES, TYPE_CODES,
} from '../answers/vocabulary.js';

import { REGIME_IDS, SEVERITIES, WARNING_SEVERITIES } from '../constants.js';

export { REGIME_IDS, SEVERITIES, type RegimeId, type Severity } from '../constants.js';
export const CONFIDENCES = ['law', 'practice'] as const;

/**
 * The facts a material's `when` condition may test, each with the values it can take. Algorithm-level
 * materials see one algorithm's facts; entity-level materials see the union over all algorithms.
 * Keeping the domains here lets the pack validator reject a condition on a fact or value that no
 * answers file can produce.
 */
export const CONDITION_FACTS = {
  type: TYPE_CODES,
  role: ROLES,
  does: FUNCTIONS,
  regimes: REGIME_IDS,
  modalities: MODALITIES,
  biometricEditing: BIOMETRICS,
  foundationModel: FOUNDATION_MODELS,
  forms: SERVICE_FORMS,
  audience: AUDIENCES,
  publicFeatures: PUBLIC_FEATURES,
  serviceStatus: SERVICE_STATUSES,
  icp: ICP_STATES,
  affectsWorkers: [true, false],
  pricing: [true, false],
  minors: [true, false],
  elderly: [true, false],
  optOut: [true, false],
  tagManagement: [true, false],
  hasUpstream: [true, false],
  filed: [true, false],
  entityFiled: [true, false],
  inScope: [true, false],
  foreignInvested: [true, false],
  anthropomorphic: [true, false],
  opinionAttributes: [true, false],
} as const satisfies Record<string, readonly (string | boolean)[]>;
export type ConditionFact = keyof typeof CONDITION_FACTS;
export const CONDITION_FACT_NAMES = Object.keys(CONDITION_FACTS) as ConditionFact[];

export type FactValue = string | boolean;
/** A declarative condition: facts (all must hold), or any/all/not of nested conditions. */
export type Condition =
  | { any: Condition[] }
  | { all: Condition[] }
  | { not: Condition }
  | { [fact: string]: FactValue | FactValue[] };

const factValue = z.union([z.string(), z.boolean()]);

/**
 * The schema of a condition whose facts and their values come from `domains`. Rule packs test the
 * facts of a diagnosis; the questionnaire tests earlier answers; both share the any/all/not shape.
 */
export function conditionSchema(domains: Readonly<Record<string, readonly FactValue[]>>): z.ZodMiniType<Condition> {
  const names = Object.keys(domains);
  const facts = z.record(z.string(), z.union([factValue, z.array(factValue).check(z.minLength(1))])).check(
    z.superRefine((given, ctx) => {
      if (Object.keys(given).length === 0) ctx.issues.push({ code: 'custom', message: 'expect.at-least-one-fact', input: given });
      for (const [fact, value] of Object.entries(given)) {
        const domain = domains[fact];
        if (!domain) {
          ctx.issues.push({ code: 'custom', path: [fact], input: given, message: 'expect.known-fact', params: { names: { list: names, separator: 'list.comma' } } });
          continue;
        }
        for (const v of Array.isArray(value) ? value : [value]) {
          if (!domain.includes(v)) {
            ctx.issues.push({ code: 'custom', path: [fact], input: given, message: 'expect.fact-value', params: { fact, values: domain.map((d) => JSON.stringify(d)).join(' | '), got: JSON.stringify(v) } });
          }
        }
      }
    }),
  );
  const schema: z.ZodMiniType<Condition> = z.lazy(() =>
    z.union([
      z.strictObject({ any: z.array(schema).check(z.minLength(1)) }),
      z.strictObject({ all: z.array(schema).check(z.minLength(1)) }),
      z.strictObject({ not: schema }),
      facts,
    ]),
  ) as z.ZodMiniType<Condition>;
  return schema;
}

export const ConditionSchema: z.ZodMiniType<Condition> = conditionSchema(CONDITION_FACTS);

const nonEmpty = z.string().check(z.minLength(1));
const localized = z.strictObject({ zh: nonEmpty, en: nonEmpty });
const localizedList = z.strictObject({ zh: z.array(nonEmpty).check(z.minLength(1)), en: z.array(nonEmpty).check(z.minLength(1)) });
export type Localized = z.output<typeof localized>;
export type LocalizedList = z.output<typeof localizedList>;

const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'expect.date'));
const url = z.string().check(z.regex(/^https?:\/\/\S+$/, 'expect.http-url'));
const materialId = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expect.kebab-id'));

const Instrument = z.strictObject({
  title: localized,
  url,
  effective: z.optional(isoDate),
  kind: z._default(z.enum(['law', 'standard', 'notice', 'practice']), 'law'),
});

const BasisRef = z.strictObject({
  instrument: nonEmpty.check(z.describe('key of an instrument declared in this or an earlier pack')),
  article: nonEmpty,
  note: z.optional(localized),
});

const materialFields = {
  title: localized,
  severity: z.enum(SEVERITIES),
  confidence: z.enum(CONFIDENCES),
  when: ConditionSchema,
  practiceWhen: z.optional(ConditionSchema.check(z.describe('when this also holds, the item rests on practice only, whatever `confidence` says: the letter binds only outside it'))),
  basis: z.array(BasisRef).check(z.minLength(1)),
  verified: isoDate,
  duty: z._default(z.boolean(), false).check(z.describe('a continuing duty of the regulations that binds whether or not a filing is owed; the report lists it in its own section')),
  control: z.optional(z.enum(['optOut', 'tagManagement']).check(z.describe('the userControls answer that says whether the product meets this duty'))),
  summary: z.optional(localized),
  acceptance: z.optional(localizedList),
  prepare: z.optional(localizedList),
  owner: z.optional(localized),
  effort: z.optional(localized),
  returnReasons: z.optional(localizedList),
  checks: z.optional(localizedList),
  template: z.optional(z.strictObject({ title: localized, url: z.optional(url) })),
};

export const MATERIAL_LEVELS = ['entity', 'service', 'algorithm'] as const;
const Material = z.strictObject({
  id: materialId,
  level: z.enum(MATERIAL_LEVELS).check(z.describe('entity: once per case; service: once per service (its facts are the union of its algorithms\' with the regimes the service brings); algorithm: once per algorithm')),
  ...materialFields,
});

const Regime = z.strictObject({
  id: z.enum(REGIME_IDS),
  title: localized,
  basis: z.array(BasisRef).check(z.minLength(1)),
  exposure: z.optional(
    z.strictObject({ text: localized, basis: z.array(BasisRef).check(z.minLength(1)) }).check(z.describe('the penalty articles as they stand, quoted as facts')),
  ),
  verified: isoDate,
});

const WarningRule = z.strictObject({
  id: z.string().check(z.regex(/^[A-Z][A-Z0-9_]*$/, 'expect.screaming-code')),
  severity: z.enum(WARNING_SEVERITIES),
  title: localized,
  basis: z._default(z.array(BasisRef), []),
  verified: isoDate,
});

const TypeDef = z.strictObject({
  code: z.enum(TYPE_CODES),
  does: z.enum(FUNCTIONS).check(z.describe('the `does` fact that gives this type')),
  precedence: z.int().check(z.positive(), z.describe('lower wins when an algorithm does several things')),
  title: localized,
  definition: localized,
  // The description sits inside the default: check() on a zod/mini default would share one [] between parses.
  aliases: z._default(z.array(nonEmpty).check(z.describe('names accepted in declaredType, besides the code and title')), []),
});

/** Partial change of an existing material, for overlays: severity or texts, never the id or level. */
const MaterialOverride = z.strictObject({
  id: materialId,
  ...Object.fromEntries(Object.entries(materialFields).map(([key, schema]) => [key, z.optional(schema as z.ZodMiniType)])),
}) as unknown as z.ZodMiniObject<{ id: typeof materialId } & { [K in keyof typeof materialFields]: z.ZodMiniOptional<(typeof materialFields)[K]> }>;

/** One rule pack file (rules/*.yaml or an overlay directory's files). */
export const RulePackSchema = z
  .strictObject({
    pack: materialId.check(z.describe('pack name, e.g. cn-algorithm-filing')),
    version: z.string().check(z.regex(/^\d{4}\.\d{2}(?:\.\d+)?$/, 'expect.pack-version')),
    title: localized,
    verified: z.optional(isoDate.check(z.describe('the day the whole pack was last checked against its sources'))),
    instruments: z._default(z.record(z.string().check(z.regex(/^[a-z0-9-]+$/, 'expect.instrument-key')), Instrument), {}),
    types: z._default(z.array(TypeDef), []),
    regimes: z._default(z.array(Regime), []),
    materials: z._default(z.array(Material), []),
    overrides: z._default(z.array(MaterialOverride), []),
    warnings: z._default(z.array(WarningRule), []),
  })
  .check(z.meta({ id: 'FilingCheckRulePack', title: 'filing-check rule pack' }));

export type RulePack = z.output<typeof RulePackSchema>;
export type MaterialRule = z.output<typeof Material>;
export type RegimeRule = z.output<typeof Regime>;
export type WarningRuleDef = z.output<typeof WarningRule>;
export type TypeDefinition = z.output<typeof TypeDef>;
export type InstrumentDef = z.output<typeof Instrument>;
export type BasisRefDef = z.output<typeof BasisRef>;
