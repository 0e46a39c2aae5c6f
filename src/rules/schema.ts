import { z } from 'zod';
import {
  AUDIENCES, BIOMETRICS, FOUNDATION_MODELS, FUNCTIONS, ICP_STATES, MODALITIES, PUBLIC_FEATURES, ROLES,
  SERVICE_FORMS, SERVICE_STATUSES, TYPE_CODES,
} from '../answers/schema.js';

export const SEVERITIES = ['blocking', 'major', 'minor'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const REGIME_IDS = [
  'algorithm-filing', 'security-assessment', 'genai-filing', 'genai-registration', 'content-labeling',
] as const;
export type RegimeId = (typeof REGIME_IDS)[number];
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
  foreignInvested: [true, false],
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
export function conditionSchema(domains: Readonly<Record<string, readonly FactValue[]>>): z.ZodType<Condition> {
  const names = Object.keys(domains);
  const schema: z.ZodType<Condition> = z.lazy(() =>
    z.union([
      z.strictObject({ any: z.array(schema).min(1) }),
      z.strictObject({ all: z.array(schema).min(1) }),
      z.strictObject({ not: schema }),
      z
        .record(z.string(), z.union([factValue, z.array(factValue).min(1)]))
        .superRefine((facts, ctx) => {
          if (Object.keys(facts).length === 0) ctx.addIssue({ code: 'custom', message: 'at least one fact' });
          for (const [fact, value] of Object.entries(facts)) {
            const domain = domains[fact];
            if (!domain) {
              ctx.addIssue({ code: 'custom', path: [fact], message: `a known fact (one of ${names.join(', ')}, or any / all / not)` });
              continue;
            }
            for (const v of Array.isArray(value) ? value : [value]) {
              if (!domain.includes(v)) {
                ctx.addIssue({ code: 'custom', path: [fact], message: `a value of ${fact}: ${domain.map((d) => JSON.stringify(d)).join(' | ')} (got ${JSON.stringify(v)})` });
              }
            }
          }
        }),
    ]),
  );
  return schema;
}

export const ConditionSchema: z.ZodType<Condition> = conditionSchema(CONDITION_FACTS);

const localized = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });
const localizedList = z.strictObject({ zh: z.array(z.string().min(1)).min(1), en: z.array(z.string().min(1)).min(1) });
export type Localized = z.output<typeof localized>;
export type LocalizedList = z.output<typeof localizedList>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD');
const url = z.string().regex(/^https?:\/\/\S+$/, 'an http(s) URL');
const materialId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a kebab-case id');

const Instrument = z.strictObject({
  title: localized,
  url,
  effective: isoDate.optional(),
  kind: z.enum(['law', 'standard', 'notice', 'practice']).default('law'),
});

const BasisRef = z.strictObject({
  instrument: z.string().min(1).describe('key of an instrument declared in this or an earlier pack'),
  article: z.string().min(1),
  note: localized.optional(),
});

const Material = z.strictObject({
  id: materialId,
  level: z.enum(['entity', 'algorithm']),
  title: localized,
  severity: z.enum(SEVERITIES),
  confidence: z.enum(CONFIDENCES),
  when: ConditionSchema,
  basis: z.array(BasisRef).min(1),
  verified: isoDate,
  summary: localized.optional(),
  acceptance: localizedList.optional(),
  prepare: localizedList.optional(),
  owner: localized.optional(),
  effort: localized.optional(),
  returnReasons: localizedList.optional(),
  checks: localizedList.optional(),
  template: z.strictObject({ title: localized, url: url.optional() }).optional(),
});

const Regime = z.strictObject({
  id: z.enum(REGIME_IDS),
  title: localized,
  basis: z.array(BasisRef).min(1),
  verified: isoDate,
});

const WarningRule = z.strictObject({
  id: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'a SCREAMING_SNAKE code'),
  severity: z.enum(SEVERITIES),
  title: localized,
  basis: z.array(BasisRef).default([]),
  verified: isoDate,
});

const TypeDef = z.strictObject({
  code: z.enum(TYPE_CODES),
  does: z.enum(FUNCTIONS).describe('the `does` fact that gives this type'),
  precedence: z.number().int().positive().describe('lower wins when an algorithm does several things'),
  title: localized,
  definition: localized,
  aliases: z.array(z.string().min(1)).default([]).describe('names accepted in declaredType, besides the code and title'),
});

/** Partial change of an existing material, for overlays: severity or texts, never the id or level. */
const MaterialOverride = Material.omit({ id: true, level: true }).partial().extend({ id: materialId });

/** One rule pack file (rules/*.yaml or an overlay directory's files). */
export const RulePackSchema = z
  .strictObject({
    pack: materialId.describe('pack name, e.g. cn-algorithm-filing'),
    version: z.string().regex(/^\d{4}\.\d{2}(?:\.\d+)?$/, 'a version like 2026.11'),
    title: localized,
    instruments: z.record(z.string().regex(/^[a-z0-9-]+$/), Instrument).default({}),
    types: z.array(TypeDef).default([]),
    regimes: z.array(Regime).default([]),
    materials: z.array(Material).default([]),
    overrides: z.array(MaterialOverride).default([]),
    warnings: z.array(WarningRule).default([]),
  })
  .meta({ id: 'FilingCheckRulePack', title: 'filing-check rule pack' });

export type RulePack = z.output<typeof RulePackSchema>;
export type MaterialRule = z.output<typeof Material>;
export type RegimeRule = z.output<typeof Regime>;
export type WarningRuleDef = z.output<typeof WarningRule>;
export type TypeDefinition = z.output<typeof TypeDef>;
export type InstrumentDef = z.output<typeof Instrument>;
export type BasisRefDef = z.output<typeof BasisRef>;
