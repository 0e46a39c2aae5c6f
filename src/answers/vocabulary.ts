// The answers file's vocabularies: the values each enumerated field takes. They live apart from the
// zod schema so that modules needing only the values (views, lint, suggest-type) do not load zod.

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
/**
 * Situations after launch that call for a new 2018 security assessment, items 1–5 of its Art 3: a
 * feature with 舆论属性 added to the service (item 1, 增设相关功能), new technology that changes it
 * materially, significant user growth, spread of illegal or harmful information, a written notice
 * from a city-level or higher CAC or public security organ.
 */
export const ASSESSMENT_TRIGGERS = ['feature-added', 'major-change', 'user-growth', 'harmful-spread', 'written-notice'] as const;
export const ROLES = ['provider', 'technical-supporter'] as const;
export const MODALITIES = ['text', 'image', 'audio', 'video', 'virtual-scene', '3d', 'code'] as const;
export const BIOMETRICS = ['face', 'voice', 'body'] as const;
export const FOUNDATION_MODELS = ['none', 'self-developed', 'fine-tuned', 'third-party-api', 'open-source-deployed'] as const;
export const MATERIAL_STATUSES = ['missing', 'draft', 'ready', 'not-applicable'] as const;
export const ICP_STATES = ['filed', 'licensed', 'none', 'unknown'] as const;
export const TYPE_CODES = ['01', '02', '03', '04', '05', '06'] as const;

export type TypeCode = (typeof TYPE_CODES)[number];
export type AlgorithmFunction = (typeof FUNCTIONS)[number];
export type Modality = (typeof MODALITIES)[number];
export type MaterialStatus = (typeof MATERIAL_STATUSES)[number];
export type AssessmentTrigger = (typeof ASSESSMENT_TRIGGERS)[number];
