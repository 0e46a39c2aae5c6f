import * as z from '../zod.js';
import { isRealDate } from '../dates.js';
import { isValidCreditCode } from './credit-code.js';
import type { MessageArg, MessageArgs } from '../messages/catalogue.js';
import {
  ASSESSMENT_TRIGGERS, AUDIENCES, BIOMETRICS, FOUNDATION_MODELS, FUNCTIONS, ICP_STATES, MATERIAL_STATUSES, MODALITIES, PUBLIC_FEATURES, ROLES,
  SERVICE_FORMS, SERVICE_STATUSES,
} from './vocabulary.js';

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
const CREDIT_CODE_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** A problem found by a whole-object check, in the shape zod's payload takes (a type, not an
 * interface: zod's issue type has an index signature, which only a type literal satisfies). */
type CheckIssue = {
  code: 'custom';
  path: (string | number)[];
  /** An `expect.…` entry of the error catalogue; params fill it. */
  message: string;
  params?: MessageArgs;
  input: unknown;
};

/** What a whole-object check receives: the parsed value and the list its issues go to (zod's payload). */
interface CheckPayload<T> {
  value: T;
  issues: { push(issue: CheckIssue): number; readonly length: number };
}

/** The parts of a parsed answers file the consistency check reads. */
interface AnswersView {
  services: { id: string; name: string; launchDate?: string; assessmentTriggers: { kind: string; on: string; what?: string }[]; submittedAssessments: { for: string }[] }[];
  algorithms: { id: string; services: string[]; role: string; does: string[]; generation?: { anthropomorphic?: boolean }; launchDate?: string }[];
}

/** YAML reads an unquoted 330110 or 02 as a number; codes are strings, so take both (02 → "02"). */
const codeOfWidth = (width: number) => (value: unknown) => (typeof value === 'number' && Number.isInteger(value) ? String(value).padStart(width, '0') : value);

/** The custom checks and conversions of the answers schema. */
const CUSTOM = {
  trim: (text: string) => text.trim(),
  realDate: (date: string) => !DATE_SHAPE.test(date) || isRealDate(date),
  // Only a well-formed code has a check digit worth reporting on.
  creditCodeCheckDigit: (code: string) => !CREDIT_CODE_SHAPE.test(code) || isValidCreditCode(code),
  typeCode: codeOfWidth(2),
  regionCode: codeOfWidth(6),
  notApplicableHasReason: (payload: CheckPayload<{ status: string; reason?: string }>) => {
    const entry = payload.value;
    if (entry.status === 'not-applicable' && !entry.reason) {
      payload.issues.push({ code: 'custom', path: ['reason'], message: 'expect.reason-not-applicable', input: entry });
    }
  },
  consistentAnswers: (payload: CheckPayload<AnswersView>) => {
    const answers = payload.value;
    const issue = (path: (string | number)[], message: string, params?: MessageArgs) => payload.issues.push({ code: 'custom', path, message, params, input: answers });
    const serviceIds = new Set<string>();
    answers.services.forEach((service, i) => {
      if (serviceIds.has(service.id)) issue(['services', i, 'id'], 'expect.unique-id', { id: service.id });
      serviceIds.add(service.id);
      // Art 3's events here are situations of a service that already serves users.
      service.assessmentTriggers.forEach((trigger, j) => {
        if (service.launchDate && trigger.on < service.launchDate) {
          issue(['services', i, 'assessmentTriggers', j, 'on'], 'expect.trigger-after-launch', { date: trigger.on, service: service.name, launch: service.launchDate });
        }
        if (trigger.kind === 'feature-added' && !trigger.what) {
          issue(['services', i, 'assessmentTriggers', j, 'what'], 'expect.feature-added-what');
        }
      });
    });
    // A submitted report answers the launch or an algorithm of the same service; checked once every algorithm is known.
    answers.services.forEach((service, i) => {
      const own = answers.algorithms.filter((a) => a.services.includes(service.id)).map((a) => a.id);
      service.submittedAssessments.forEach((report, j) => {
        if (report.for !== 'launch' && !own.includes(report.for)) {
          issue(['services', i, 'submittedAssessments', j, 'for'], 'expect.assessment-for', { service: service.name, got: report.for, known: own.length > 0 ? { list: own, separator: 'list.comma' } : { key: 'none' } });
        }
      });
    });
    const algorithmIds = new Set<string>();
    answers.algorithms.forEach((algorithm, i) => {
      if (algorithmIds.has(algorithm.id)) issue(['algorithms', i, 'id'], 'expect.unique-id', { id: algorithm.id });
      algorithmIds.add(algorithm.id);
      algorithm.services.forEach((ref, j) => {
        if (!serviceIds.has(ref)) {
          const known: MessageArg = serviceIds.size > 0 ? { list: [...serviceIds], separator: 'list.comma' } : { key: 'none' };
          issue(['algorithms', i, 'services', j], 'expect.service-ref', { ref, known });
        }
      });
      if (algorithm.role === 'provider' && algorithm.services.length === 0) {
        issue(['algorithms', i, 'services'], 'expect.provider-services');
      }
      if (algorithm.generation?.anthropomorphic === true && !algorithm.does.includes('generate')) {
        issue(['algorithms', i, 'generation', 'anthropomorphic'], 'expect.anthropomorphic-generates');
      }
      if (algorithm.does.includes('generate') && !algorithm.generation) {
        issue(['algorithms', i, 'generation'], 'expect.generation-block');
      }
      // An algorithm serves users through its services: it cannot have gone live before all of them.
      // A service without a launch date could have launched any day, so it leaves the check out.
      const services = answers.services.filter((s) => algorithm.services.includes(s.id));
      if (algorithm.launchDate && services.length > 0 && services.every((s) => s.launchDate)) {
        const first = services.reduce((a, b) => (b.launchDate! < a.launchDate! ? b : a));
        if (algorithm.launchDate < first.launchDate!) {
          issue(['algorithms', i, 'launchDate'], 'expect.algorithm-after-launch', { date: algorithm.launchDate, service: first.name, launch: first.launchDate! });
        }
      }
      if (new Set(algorithm.does).size !== algorithm.does.length) issue(['algorithms', i, 'does'], 'expect.each-function-once');
    });
  },
};

const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const kebabId = z.string().check(z.regex(KEBAB_ID, 'expect.kebab-id-example'));

const isoDate = z.string().check(z.regex(DATE_SHAPE, 'expect.date'), z.refine(CUSTOM.realDate, 'expect.real-date'));

// One trim for every text.
const trim = z.overwrite(CUSTOM.trim);

// Bounds keep a hostile file from echoing megabytes into every report and checklist.
const text = z.string().check(trim, z.minLength(1, 'expect.non-empty-text'), z.maxLength(2000, 'expect.text-max'));
const nameText = z.string().check(trim, z.minLength(1, 'expect.non-empty-name'), z.maxLength(200, 'expect.name-max'));
const described = <T extends z.ZodMiniType>(schema: T, description: string): T => schema.check(z.describe(description)) as T;
const optionalText = (description: string) => z.optional(described(text, description));

/** A code that YAML may have read as a number (see CUSTOM.typeCode), as text. */
const codeText = (toText: (value: unknown) => unknown) => z.pipe(z.transform(toText), text);

const MaterialEntry = z
  .strictObject({
    status: described(z._default(z.enum(MATERIAL_STATUSES), 'missing'), 'missing | draft | ready | not-applicable'),
    file: optionalText('path of the document, relative to the answers file'),
    owner: optionalText('who prepares it (free text)'),
    due: z.optional(described(isoDate, 'target date, YYYY-MM-DD')),
    reason: optionalText('why the material does not apply; required for not-applicable'),
  })
  .check(z.check(CUSTOM.notApplicableHasReason));

// The description goes on the record, inside the default: check() on a zod/mini default copies its
// definition and so fixes one {} object as the default of every algorithm in every parse.
const Materials = z._default(described(z.record(kebabId, MaterialEntry), 'material id → progress'), {});

const Entity = z.strictObject({
  name: described(nameText, '主体名称: the company name exactly as on the business licence'),
  creditCode: z.optional(
    z.string().check(
      trim,
      z.regex(CREDIT_CODE_SHAPE, 'expect.credit-code'),
      z.refine(CUSTOM.creditCodeCheckDigit, 'expect.credit-code-check-digit'),
    ),
  ),
  regionCode: z.optional(
    described(z.pipe(codeText(CUSTOM.regionCode), z.string().check(z.regex(/^[1-8]\d{5}$/, 'expect.region-code'))), '行政区划代码 of the registered address'),
  ),
  foreignInvested: z._default(z.boolean(), false),
  icp: described(z._default(z.enum(ICP_STATES), 'unknown'), 'ICP 备案 / 经营许可证 of the same subject'),
  securityOfficer: z.optional(described(z.boolean(), '算法安全责任人 appointed')),
});

const Service = z.strictObject({
  id: kebabId,
  name: described(nameText, 'product name as shown to users'),
  forms: z._default(z.array(z.enum(SERVICE_FORMS)).check(z.minLength(1, 'expect.at-least-one-form')), ['app']),
  audience: z._default(z.enum(AUDIENCES), 'public'),
  servesMainland: z._default(z.boolean(), true),
  publicFeatures: z._default(z.array(z.enum(PUBLIC_FEATURES)), []),
  mobilization: z._default(z.boolean(), false),
  status: z._default(z.enum(SERVICE_STATUSES), 'live'),
  launchDate: z.optional(described(isoDate, 'planned or actual launch date; the filing clock (10 working days) starts here')),
  terminatedOn: z.optional(described(isoDate, 'date the service was terminated; the cancellation clock (20 working days) starts here')),
  monthlyActiveUsers: z.optional(described(z.int().check(z.nonnegative()), 'monthly active users; significant growth calls for a new security assessment (2018 rules Art 3 item 3)')),
  registeredUsers: z.optional(described(z.int().check(z.nonnegative()), 'registered users (注册用户数), a whole number; user scale decides re-assessments and some regimes\' thresholds')),
  minors: z.optional(z.boolean()),
  elderly: z.optional(z.boolean()),
  assessmentTriggers: z._default(
    described(
      z.array(
        z.strictObject({
          kind: described(
            z.enum(ASSESSMENT_TRIGGERS),
            'what happened (2018 rules Art 3): feature-added (item 1: a feature with 舆论属性 such as comments, live streaming or a hot list added to the live service, 增设相关功能; an algorithm added with its own launchDate needs no event), major-change (item 2: new technology changes its functions, implementation or infrastructure so much that its 舆论属性 changes), user-growth (item 3: users grew so much that its 舆论属性 changed), harmful-spread (item 4: illegal or harmful information spread, showing its measures fall short), written-notice (item 5: a city-level or higher CAC or public security organ demanded an assessment in writing)',
          ),
          on: described(isoDate, 'for feature-added and major-change, the day the feature or change goes live (the report is due before it, Art 7); otherwise the day it happened or the notice was received (due within 30 working days)'),
          what: optionalText('what happened, or who sent the notice (e.g. 杭州市委网信办《关于开展安全评估的通知》); for feature-added, required: the feature added (e.g. 直播)'),
          submitted: described(z._default(z.boolean(), false), 'the assessment report for this event was submitted through the 全国互联网安全管理服务平台'),
        }),
      ),
      'events after launch that call for a new security assessment of the service (2018 rules Art 3 items 1–5); each starts its own clock',
    ),
    [],
  ),
  submittedAssessments: z._default(
    described(
      z.array(
        z.strictObject({
          for: described(
            z._default(kebabId, 'launch'),
            'which clock the report answered: launch (the service\'s own assessment before it went live, 2018 rules Art 3 item 1) or the id of an algorithm of this service added later with its own launchDate',
          ),
          on: described(isoDate, 'the day the report was submitted through the 全国互联网安全管理服务平台'),
          what: optionalText('a note (e.g. 上线前安全评估，提交杭州市委网信办和杭州市公安局)'),
        }),
      ),
      'security assessment reports already submitted for the launch or for an algorithm added later, kept apart from the report in progress (materials.security-assessment-report): each meets its clock',
    ),
    [],
  ),
  // Service-level materials: the 2018 security assessment belongs to the service, not to each algorithm.
  materials: Materials,
});

const Generation = z.strictObject({
  modalities: z.array(z.enum(MODALITIES)).check(z.minLength(1, 'expect.at-least-one-modality')),
  biometricEditing: z._default(z.array(z.enum(BIOMETRICS)), []),
  foundationModel: z._default(z.enum(FOUNDATION_MODELS), 'none'),
  anthropomorphic: z.optional(
    described(z.boolean(), '拟人化互动: it simulates a human personality, thinking and communication style for sustained emotional interaction with users (AI companions); not customer service, Q&A or productivity tools'),
  ),
  assessment: optionalText('folder of the safety assessment tables (keyword library, test banks, evaluation results; .csv or .xlsx), relative to the answers file: diagnose checks genai-keyword-list and genai-test-bank with filing-check assess'),
  openEnded: z.optional(described(z.boolean(), 'users prompt it freely (a chatbot, text-to-image, a general model): true; a fixed effect such as face swap, beautification or voice change: false. Unanswered, an algorithm that edits biometrics and writes no text reads as an effect')),
  upstream: z.optional(
    z.strictObject({
      name: described(nameText, 'upstream model name'),
      filingNumber: optionalText("the upstream model's gen-AI filing number, e.g. Beijing-WenXinYiYan-20230821"),
    }),
  ),
});

const Algorithm = z.strictObject({
  id: kebabId,
  name: described(nameText, '算法名称'),
  purpose: optionalText('主要用途 draft'),
  services: z._default(z.array(kebabId), []),
  role: z._default(z.enum(ROLES), 'provider'),
  does: z.array(z.enum(FUNCTIONS)).check(z.minLength(1, 'expect.at-least-one-function')),
  launchDate: z.optional(described(isoDate, 'when this algorithm first served users, planned or actual; defaults to the earliest launch of its services. Its own clocks start here')),
  declaredType: z.optional(described(codeText(CUSTOM.typeCode), 'the type the team intends to file under: a code 01–06 or its Chinese name')),
  filingNumber: optionalText('网信算备… number, for an algorithm already filed'),
  changes: z._default(
    z.array(
      z.strictObject({
        on: described(isoDate, 'the day the filed information changed; the change filing is due 10 working days later'),
        what: described(text, 'what changed (security officer, name, purpose, products …)'),
        filed: z._default(z.boolean(), false),
      }),
    ),
    [],
  ),
  generation: z.optional(Generation),
  // Unanswered is not "no": a dispatch or decision algorithm without these answers gets DECISION_UNANSWERED.
  decision: z.optional(
    z.strictObject({
      affectsWorkers: z.optional(described(z.boolean(), 'it dispatches, schedules or evaluates workers such as riders or drivers: the workers\' duties of Algorithm Provisions Art 20 apply')),
      pricing: z.optional(described(z.boolean(), 'it sets prices, discounts, coupons or quotes for consumers: the fair-trading duty of Algorithm Provisions Art 21 applies')),
    }),
  ),
  userControls: z.optional(z.strictObject({ optOut: z.optional(z.boolean()), tagManagement: z.optional(z.boolean()) })),
  materials: Materials,
});

/** The answers file (contract section 1): one filing subject, its services and algorithms. */
export const AnswersSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    entity: Entity,
    services: z._default(z.array(Service), []),
    algorithms: z.array(Algorithm).check(z.minLength(1, 'expect.at-least-one-algorithm')),
    materials: Materials,
  })
  .check(
    z.check(CUSTOM.consistentAnswers),
    z.meta({ id: 'FilingCheckAnswers', title: 'filing-check answers file' }),
  );

/** A validated answers file with every default filled in. */
export type Answers = z.output<typeof AnswersSchema>;
export type Service = Answers['services'][number];
export type Algorithm = Answers['algorithms'][number];
export type MaterialEntry = z.output<typeof MaterialEntry>;
