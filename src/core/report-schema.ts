import * as z from '../zod.js';
import { MATERIAL_STATUSES, ROLES, TYPE_CODES } from '../answers/vocabulary.js';
import { LANGS } from '../messages/messages.js';
import { CALENDARS, CLOCK_TRIGGERS, REGIME_IDS, SEVERITIES, WARNING_SEVERITIES, type ClockTrigger } from '../constants.js';

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

/**
 * Reports saved by releases before the filing lifecycle (schemaVersion 1 all along) lack the fields
 * the lifecycle added; the contract lets a version gain fields, so they read with the defaults named
 * in each field's description and render and diff take them as they are.
 */
const BEFORE_LIFECYCLE = 'Absent in a report saved before the filing lifecycle';
/** Fields added after the lifecycle, to name services in every view: absent in reports saved before them. */
const BEFORE_SERVICE_NAMES = 'Absent in a report saved before services were named';
const FILING_STATES = ['filed', 'owed', 'not-owed'] as const;
type FilingState = (typeof FILING_STATES)[number];
const NO_DUTIES = { blocking: 0, major: 0, minor: 0, readiness: 1, counts: { ready: 0, draft: 0, missing: 0, notApplicable: 0 } };

const ReportAlgorithmFields = z.strictObject({
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
  filing: z.optional(
    z.enum(FILING_STATES).check(z.describe(`filed: it has a filing number and owes what follows a filing; owed: an initial filing is due; not-owed: no filing, though the duties that bind without one still apply. ${BEFORE_LIFECYCLE}: read from filingNumber and regimes`)),
  ),
  launchDate: z._default(z.nullable(z.string()).check(z.describe(`when it first served users: its own launchDate, else the earliest launch of its services. ${BEFORE_LIFECYCLE}: null`)), null),
});

/** An algorithm as read: a report from before the lifecycle gets its filing state from its number and regimes, as diagnose decides it. */
const ReportAlgorithm = z.pipe(
  ReportAlgorithmFields,
  z.transform((algorithm) => {
    const filing: FilingState = algorithm.filing ?? (algorithm.filingNumber !== null ? 'filed' : algorithm.regimes.includes('algorithm-filing') ? 'owed' : 'not-owed');
    return { ...algorithm, filing };
  }),
);

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
  service: z._default(z.nullable(z.string()).check(z.describe(`for a service-level item, the id of the service it belongs to (services[] names it); null otherwise. ${BEFORE_LIFECYCLE}: null`)), null),
  covers: z._default(z.array(z.string()).check(z.describe(`for a service-level item, the algorithms it covers; empty otherwise. ${BEFORE_LIFECYCLE}: empty`)), []),
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

const ReportDeadlineFields = z.strictObject({
  kind: z.enum(['algorithm-filing', 'security-assessment', 'anthropomorphic-assessment', 'change', 'cancellation']),
  title: z.string(),
  algorithm: z.nullable(z.string()).check(z.describe('null for a service\'s own clock (its security assessment at launch or after a later event)')),
  service: z.string().check(z.describe('the name of the service whose launch, termination or own assessment starts the clock (its id is serviceId); for a change, what changed; for a technical supporter\'s filing with no live service, the algorithm\'s name')),
  serviceId: z._default(z.nullable(z.string()).check(z.describe(`the id of that service, as items[].service and services[].id give it; null for a change, and for a technical supporter's filing with no live service. ${BEFORE_SERVICE_NAMES}: null`)), null),
  trigger: z.optional(
    z.enum(CLOCK_TRIGGERS).check(z.describe(`what started the clock: launch (of the service), algorithm-launch (the algorithm went live later), in-force (the instrument took effect after the launch), change, service-ended (a service ended while the algorithm runs on elsewhere), termination; for a security assessment, an event after launch (2018 rules Art 3): feature-added, major-change, user-growth, harmful-spread, written-notice. ${BEFORE_LIFECYCLE}: change for a change, termination for a cancellation, launch otherwise`)),
  ),
  from: z.string().check(z.describe('the date the clock starts (launch, change, termination or the event)')),
  due: z.string().check(z.describe('the last day, on the Chinese working-day calendar')),
  workingDays: z.int(),
  calendar: z.enum(CALENDARS).check(z.describe('official: published holiday schedules; statutory: a year not yet published, counted with its statutory holidays, make-up working days unknown; weekends-only: beyond the known years')),
  done: z.boolean(),
  doneOn: z._default(z.nullable(z.string()).check(z.describe(`the day it was met, where the answers record one (a submitted security assessment's day); null when it is not done, or done with no date recorded (a filing number, a change marked filed, a ready report): views then say the date is not known rather than assume the due date. ${BEFORE_SERVICE_NAMES}: null`)), null),
  overdue: z.boolean(),
  basis: z.array(ReportBasis),
});

/** A deadline as read: before the lifecycle every clock but a change's or a cancellation's ran from a launch. */
const ReportDeadline = z.pipe(
  ReportDeadlineFields,
  z.transform((deadline) => {
    const trigger: ClockTrigger = deadline.trigger ?? (deadline.kind === 'change' ? 'change' : deadline.kind === 'cancellation' ? 'termination' : 'launch');
    return { ...deadline, trigger };
  }),
);

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
    services: z._default(z.array(z.strictObject({ id: z.string(), name: z.string() })).check(z.describe(`the services of the answers, so a service's own materials are grouped and named by it. ${BEFORE_SERVICE_NAMES}: none`)), []),
    algorithms: z.array(ReportAlgorithm),
    regimes: z.array(ReportRegime),
    items: z.array(ReportItem).check(z.describe('what the filings owed need: each material once')),
    duties: z._default(z.array(ReportDuty).check(z.describe(`continuing duties of the regulations that bind whether or not a filing is owed. ${BEFORE_LIFECYCLE}: none`)), []),
    deadlines: z.array(ReportDeadline),
    warnings: z.array(ReportWarning),
    summary: z.extend(Tally, {
      overdue: z.int().check(z.describe('statutory dates already passed')),
      algorithms: z.record(z.string(), Tally),
      duties: z._default(Tally.check(z.describe(`the continuing duties, counted apart from the filing items. ${BEFORE_LIFECYCLE}: nothing counted`)), NO_DUTIES),
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
