import { z } from 'zod';
import { isValidCreditCode } from './credit-code.js';
import { isRealDate } from '../dates.js';

/** Values of `does`: what an algorithm does in its service, one fact per filing type code. */
export const FUNCTIONS = ['generate', 'personalize', 'rank', 'search', 'filter', 'decide'] as const;
export const SERVICE_FORMS = ['app', 'website', 'mini-program', 'public-account', 'api', 'sdk', 'other'] as const;
export const AUDIENCES = ['public', 'business', 'internal'] as const;
/** 舆论属性 features, from the 2018 security-assessment rules Art 2. */
export const PUBLIC_FEATURES = [
  'forum', 'blog', 'microblog', 'chat-room', 'group-chat', 'public-account', 'short-video',
  'live-streaming', 'info-sharing', 'mini-program', 'comments',
] as const;
export const SERVICE_STATUSES = ['planned', 'live', 'terminated'] as const;
export const ROLES = ['provider', 'technical-supporter'] as const;
export const MODALITIES = ['text', 'image', 'audio', 'video', 'virtual-scene', '3d', 'code'] as const;
export const BIOMETRICS = ['face', 'voice', 'body'] as const;
export const FOUNDATION_MODELS = ['none', 'self-developed', 'fine-tuned', 'third-party-api', 'open-source-deployed'] as const;
export const MATERIAL_STATUSES = ['missing', 'draft', 'ready', 'not-applicable'] as const;
export const ICP_STATES = ['filed', 'licensed', 'none', 'unknown'] as const;
export const TYPE_CODES = ['01', '02', '03', '04', '05', '06'] as const;

export type TypeCode = (typeof TYPE_CODES)[number];
export type AlgorithmFunction = (typeof FUNCTIONS)[number];
export type MaterialStatus = (typeof MATERIAL_STATUSES)[number];

const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const kebabId = z.string().regex(KEBAB_ID, 'a kebab-case id such as "news-app" (lower-case letters, digits, hyphens)');

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD')
  .refine(isRealDate, 'a date that exists in the calendar');

const text = z.string().trim().min(1, 'a non-empty text');

/** YAML reads an unquoted 330110 or 02 as a number; codes are strings, so take both (02 → "02"). */
const codeText = (width: number) =>
  z.preprocess((value) => (typeof value === 'number' && Number.isInteger(value) ? String(value).padStart(width, '0') : value), text);

const MaterialEntry = z
  .strictObject({
    status: z.enum(MATERIAL_STATUSES).default('missing').describe('missing | draft | ready | not-applicable'),
    file: text.optional().describe('path of the document, relative to the answers file'),
    owner: text.optional().describe('who prepares it (free text)'),
    due: isoDate.optional().describe('target date, YYYY-MM-DD'),
    reason: text.optional().describe('why the material does not apply; required for not-applicable'),
  })
  .superRefine((entry, ctx) => {
    if (entry.status === 'not-applicable' && !entry.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a reason is required when status is not-applicable' });
    }
  });

const Materials = z.record(kebabId, MaterialEntry).describe('material id → progress');

const Entity = z.strictObject({
  name: text.describe('主体名称: the company name exactly as on the business licence'),
  creditCode: z
    .string()
    .trim()
    .regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, 'an 18-character unified social credit code (统一社会信用代码)')
    .refine(isValidCreditCode, 'a unified social credit code whose check digit (GB 32100-2015) is correct')
    .optional(),
  regionCode: codeText(6)
    .pipe(z.string().regex(/^[1-8]\d{5}$/, 'a 6-digit administrative division code such as "330110"'))
    .optional()
    .describe('行政区划代码 of the registered address'),
  foreignInvested: z.boolean().default(false),
  icp: z.enum(ICP_STATES).default('unknown').describe('ICP 备案 / 经营许可证 of the same subject'),
  securityOfficer: z.boolean().optional().describe('算法安全责任人 appointed'),
});

const Service = z.strictObject({
  id: kebabId,
  name: text.describe('product name as shown to users'),
  forms: z.array(z.enum(SERVICE_FORMS)).min(1, 'at least one form').default(['app']),
  audience: z.enum(AUDIENCES).default('public'),
  servesMainland: z.boolean().default(true),
  publicFeatures: z.array(z.enum(PUBLIC_FEATURES)).default([]),
  mobilization: z.boolean().default(false),
  status: z.enum(SERVICE_STATUSES).default('live'),
  launchDate: isoDate.optional(),
  monthlyActiveUsers: z.number().int().nonnegative().optional(),
  minors: z.boolean().optional(),
  elderly: z.boolean().optional(),
});

const Generation = z.strictObject({
  modalities: z.array(z.enum(MODALITIES)).min(1, 'at least one modality'),
  biometricEditing: z.array(z.enum(BIOMETRICS)).default([]),
  foundationModel: z.enum(FOUNDATION_MODELS).default('none'),
  upstream: z
    .strictObject({
      name: text.describe('upstream model name'),
      filingNumber: text.optional().describe('the upstream model\'s gen-AI filing number, e.g. Beijing-WenXinYiYan-20230821'),
    })
    .optional(),
});

const Algorithm = z.strictObject({
  id: kebabId,
  name: text.describe('算法名称'),
  purpose: text.optional().describe('主要用途 draft'),
  services: z.array(kebabId).default([]),
  role: z.enum(ROLES).default('provider'),
  does: z.array(z.enum(FUNCTIONS)).min(1, 'at least one function'),
  declaredType: codeText(2).optional().describe('the type the team intends to file under: a code 01–06 or its Chinese name'),
  filingNumber: text.optional().describe('网信算备… number, for an algorithm already filed'),
  generation: Generation.optional(),
  decision: z
    .strictObject({ affectsWorkers: z.boolean().default(false), pricing: z.boolean().default(false) })
    .optional(),
  userControls: z
    .strictObject({ optOut: z.boolean().optional(), tagManagement: z.boolean().optional() })
    .optional(),
  materials: Materials.default({}),
});

/** The answers file (contract section 1): one filing subject, its services and algorithms. */
export const AnswersSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    entity: Entity,
    services: z.array(Service).default([]),
    algorithms: z.array(Algorithm).min(1, 'at least one algorithm'),
    materials: Materials.default({}),
  })
  .superRefine((answers, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const serviceIds = new Set<string>();
    answers.services.forEach((service, i) => {
      if (serviceIds.has(service.id)) issue(['services', i, 'id'], `a unique id ("${service.id}" is used twice)`);
      serviceIds.add(service.id);
    });
    const algorithmIds = new Set<string>();
    answers.algorithms.forEach((algorithm, i) => {
      if (algorithmIds.has(algorithm.id)) issue(['algorithms', i, 'id'], `a unique id ("${algorithm.id}" is used twice)`);
      algorithmIds.add(algorithm.id);
      algorithm.services.forEach((ref, j) => {
        if (!serviceIds.has(ref)) {
          const known = [...serviceIds].join(', ') || 'none defined';
          issue(['algorithms', i, 'services', j], `the id of a service in services (got "${ref}"; known: ${known})`);
        }
      });
      if (algorithm.role === 'provider' && algorithm.services.length === 0) {
        issue(['algorithms', i, 'services'], 'at least one service id: a provider (服务提供者) runs the algorithm in its own product');
      }
      if (algorithm.does.includes('generate') && !algorithm.generation) {
        issue(['algorithms', i, 'generation'], 'a generation block (modalities, foundationModel …) because does includes generate');
      }
      if (new Set(algorithm.does).size !== algorithm.does.length) {
        issue(['algorithms', i, 'does'], 'each function once');
      }
    });
  })
  .meta({ id: 'FilingCheckAnswers', title: 'filing-check answers file' });

/** A validated answers file with every default filled in. */
export type Answers = z.output<typeof AnswersSchema>;
export type Service = Answers['services'][number];
export type Algorithm = Answers['algorithms'][number];
export type MaterialEntry = z.output<typeof MaterialEntry>;
