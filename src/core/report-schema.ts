import * as z from '../zod.js';
import { MATERIAL_STATUSES, ROLES, TYPE_CODES } from '../answers/vocabulary.js';
import { LANGS } from '../messages/messages.js';
import { CALENDARS, CLOCK_TRIGGERS, REGIME_IDS, SEVERITIES, WARNING_SEVERITIES } from '../constants.js';

const ReportBasis = z.strictObject({
  instrument: z.string(),
  article: z.string(),
  url: z.string(),
  note: z.optional(z.string()),
});

const Tally = z.strictObject({
  blocking: z.int(),
  major: z.int(),
  minor: z.int(),
  readiness: z.number().check(z.minimum(0), z.maximum(1), z.describe('weighted by severity (blocking 3, major 2, minor 1); ready counts 1, draft 0.5')),
  counts: z.strictObject({ ready: z.int(), draft: z.int(), missing: z.int(), notApplicable: z.int() }),
});

const ReportAlgorithm = z.strictObject({
  id: z.string(),
  name: z.string(),
  type: z.enum(TYPE_CODES),
  typeName: z.string(),
  role: z.enum(ROLES),
  declaredType: z.nullable(z.string()),
  reasons: z.array(z.string()),
  functions: z.array(z.strictObject({ does: z.string(), type: z.enum(TYPE_CODES) })),
  services: z.array(z.string()),
  regimes: z.array(z.enum(REGIME_IDS)),
  purpose: z.nullable(z.string()),
  filingNumber: z.nullable(z.string()),
  filing: z.enum(['filed', 'owed', 'not-owed']).check(z.describe('filed: it has a filing number and owes what follows a filing; owed: an initial filing is due; not-owed: no filing, though the duties that bind without one still apply')),
  launchDate: z.nullable(z.string()).check(z.describe('when it first served users: its own launchDate, else the earliest launch of its services')),
});

const ReportRegime = z.strictObject({
  id: z.enum(REGIME_IDS),
  title: z.string(),
  applies: z.boolean(),
  algorithms: z.array(z.string()),
  reasons: z.array(z.string()),
  basis: z.array(ReportBasis),
  exposure: z.optional(z.strictObject({ text: z.string(), basis: z.array(ReportBasis) }).check(z.describe('the penalty articles of the regime as they stand'))),
  perAlgorithm: z.array(z.strictObject({ algorithm: z.string(), applies: z.boolean(), reasons: z.array(z.string()) })),
});

const ReportItem = z.strictObject({
  id: z.string(),
  algorithm: z.nullable(z.string()),
  service: z.nullable(z.string()).check(z.describe('for a service-level item, the service it belongs to')),
  covers: z.array(z.string()).check(z.describe('for a service-level item, the algorithms it covers; empty otherwise')),
  level: z.enum(['entity', 'service', 'algorithm']),
  title: z.string(),
  status: z.enum(MATERIAL_STATUSES),
  gap: z.boolean().check(z.describe('status is missing or draft')),
  severity: z.enum(SEVERITIES),
  confidence: z.enum(['law', 'practice']),
  basis: z.array(ReportBasis),
  file: z.nullable(z.string()),
  owner: z.nullable(z.string()),
  due: z.nullable(z.string()),
  reason: z.nullable(z.string()),
  pack: z.string(),
});

/** A continuing duty: an item that binds whether or not a filing is owed, and whether the product meets it. */
const ReportDuty = z.extend(ReportItem, {
  met: z.nullable(z.boolean()).check(z.describe('true: the answers say the product has the control, only its evidence is asked; false: it does not (a warning says so); null: not answered or no control to answer')),
});

const ReportDeadline = z.strictObject({
  kind: z.enum(['algorithm-filing', 'security-assessment', 'anthropomorphic-assessment', 'change', 'cancellation']),
  title: z.string(),
  algorithm: z.nullable(z.string()).check(z.describe('null for a service\'s own clock (its security assessment at launch)')),
  service: z.string().check(z.describe('the service whose launch or termination starts the clock; for a change, what changed; for a technical supporter\'s filing, the algorithm')),
  trigger: z.enum(CLOCK_TRIGGERS).check(z.describe('what started the clock: launch (of the service), algorithm-launch (the algorithm went live later), in-force (the instrument took effect after the launch), change, service-ended (a service ended while the algorithm runs on elsewhere), termination')),
  from: z.string().check(z.describe('the date the clock starts (launch, change or termination)')),
  due: z.string().check(z.describe('the last day, on the Chinese working-day calendar')),
  workingDays: z.int(),
  calendar: z.enum(CALENDARS).check(z.describe('official: published holiday schedules; statutory: a year not yet published, counted with its statutory holidays, make-up working days unknown; weekends-only: beyond the known years')),
  done: z.boolean(),
  overdue: z.boolean(),
  basis: z.array(ReportBasis),
});

const ReportWarning = z.strictObject({
  code: z.string(),
  severity: z.enum(WARNING_SEVERITIES),
  algorithm: z.nullable(z.string()),
  message: z.string(),
});

/** The JSON report (contract section 4 and its extensions): the single source of its shape. */
export const ReportSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    tool: z.strictObject({ name: z.literal('filing-check'), version: z.string() }),
    rules: z.strictObject({ version: z.string(), packs: z.array(z.strictObject({ name: z.string(), version: z.string() })) }),
    lang: z.enum(LANGS),
    asOf: z.string().check(z.describe('the date the diagnosis was made for, YYYY-MM-DD')),
    source: z.string().check(z.describe('the answers file, as given')),
    entity: z.strictObject({ name: z.string(), creditCode: z.nullable(z.string()), regionCode: z.nullable(z.string()) }),
    algorithms: z.array(ReportAlgorithm),
    regimes: z.array(ReportRegime),
    items: z.array(ReportItem).check(z.describe('what the filings owed need: each material once')),
    duties: z.array(ReportDuty).check(z.describe('continuing duties of the regulations that bind whether or not a filing is owed')),
    deadlines: z.array(ReportDeadline),
    warnings: z.array(ReportWarning),
    summary: z.extend(Tally, {
      overdue: z.int().check(z.describe('statutory dates already passed')),
      algorithms: z.record(z.string(), Tally),
      duties: Tally.check(z.describe('the continuing duties, counted apart from the filing items')),
    }),
  })
  .check(z.meta({ id: 'FilingCheckReport', title: 'filing-check report' }));

export type Report = z.output<typeof ReportSchema>;
export type ReportBasis = z.output<typeof ReportBasis>;
export type ReportAlgorithm = z.output<typeof ReportAlgorithm>;
export type ReportRegime = z.output<typeof ReportRegime>;
export type ReportItem = z.output<typeof ReportItem>;
export type ReportDuty = z.output<typeof ReportDuty>;
export type ReportWarning = z.output<typeof ReportWarning>;
export type ReportDeadline = z.output<typeof ReportDeadline>;
export type Tally = z.output<typeof Tally>;
