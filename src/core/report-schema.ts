import { z } from 'zod';
import { MATERIAL_STATUSES, ROLES, TYPE_CODES } from '../answers/schema.js';
import { LANGS } from '../messages/messages.js';
import { REGIME_IDS, SEVERITIES } from '../rules/schema.js';

const ReportBasis = z.strictObject({
  instrument: z.string(),
  article: z.string(),
  url: z.string(),
  note: z.string().optional(),
});

const Tally = z.strictObject({
  blocking: z.number().int(),
  major: z.number().int(),
  minor: z.number().int(),
  readiness: z.number().min(0).max(1).describe('weighted by severity (blocking 3, major 2, minor 1); ready counts 1, draft 0.5'),
  counts: z.strictObject({ ready: z.number().int(), draft: z.number().int(), missing: z.number().int(), notApplicable: z.number().int() }),
});

const ReportAlgorithm = z.strictObject({
  id: z.string(),
  name: z.string(),
  type: z.enum(TYPE_CODES),
  typeName: z.string(),
  role: z.enum(ROLES),
  declaredType: z.string().nullable(),
  reasons: z.array(z.string()),
  functions: z.array(z.strictObject({ does: z.string(), type: z.enum(TYPE_CODES) })),
  services: z.array(z.string()),
  regimes: z.array(z.enum(REGIME_IDS)),
  purpose: z.string().nullable(),
  filingNumber: z.string().nullable(),
});

const ReportRegime = z.strictObject({
  id: z.enum(REGIME_IDS),
  title: z.string(),
  applies: z.boolean(),
  algorithms: z.array(z.string()),
  reasons: z.array(z.string()),
  basis: z.array(ReportBasis),
  perAlgorithm: z.array(z.strictObject({ algorithm: z.string(), applies: z.boolean(), reasons: z.array(z.string()) })),
});

const ReportItem = z.strictObject({
  id: z.string(),
  algorithm: z.string().nullable(),
  level: z.enum(['entity', 'algorithm']),
  title: z.string(),
  status: z.enum(MATERIAL_STATUSES),
  gap: z.boolean().describe('status is missing or draft'),
  severity: z.enum(SEVERITIES),
  confidence: z.enum(['law', 'practice']),
  basis: z.array(ReportBasis),
  file: z.string().nullable(),
  owner: z.string().nullable(),
  due: z.string().nullable(),
  reason: z.string().nullable(),
  pack: z.string(),
});

const ReportWarning = z.strictObject({
  code: z.string(),
  severity: z.enum(SEVERITIES),
  algorithm: z.string().nullable(),
  message: z.string(),
});

/** The JSON report (contract section 4 and its extensions): the single source of its shape. */
export const ReportSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    tool: z.strictObject({ name: z.literal('filing-check'), version: z.string() }),
    rules: z.strictObject({ version: z.string(), packs: z.array(z.strictObject({ name: z.string(), version: z.string() })) }),
    lang: z.enum(LANGS),
    asOf: z.string().describe('the date the diagnosis was made for, YYYY-MM-DD'),
    source: z.string().describe('the answers file, as given'),
    entity: z.strictObject({ name: z.string(), creditCode: z.string().nullable(), regionCode: z.string().nullable() }),
    algorithms: z.array(ReportAlgorithm),
    regimes: z.array(ReportRegime),
    items: z.array(ReportItem),
    warnings: z.array(ReportWarning),
    summary: Tally.extend({ algorithms: z.record(z.string(), Tally) }),
  })
  .meta({ id: 'FilingCheckReport', title: 'filing-check report' });

export type Report = z.output<typeof ReportSchema>;
export type ReportBasis = z.output<typeof ReportBasis>;
export type ReportAlgorithm = z.output<typeof ReportAlgorithm>;
export type ReportRegime = z.output<typeof ReportRegime>;
export type ReportItem = z.output<typeof ReportItem>;
export type ReportWarning = z.output<typeof ReportWarning>;
export type Tally = z.output<typeof Tally>;
