import packageJson from '../package.json' with { type: 'json' };
import { ASSESSMENT_TRIGGERS } from './answers/vocabulary.js';

// Small vocabularies the command line needs before any heavy module loads (--help must stay fast).

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const SEVERITIES = ['blocking', 'major', 'minor'] as const;
export type Severity = (typeof SEVERITIES)[number];
/** A warning may also be `info`: a fact worth knowing that is never a gap and never fails a run. */
export const WARNING_SEVERITIES = [...SEVERITIES, 'info'] as const;
export type WarningSeverity = (typeof WARNING_SEVERITIES)[number];
/** The procedures a diagnosis decides: the contract's five (section 2), then anthropomorphic interaction. */
export const REGIME_IDS = [
  'algorithm-filing', 'security-assessment', 'genai-filing', 'genai-registration', 'content-labeling',
  'anthropomorphic-interaction',
] as const;
export type RegimeId = (typeof REGIME_IDS)[number];
/**
 * What starts a statutory clock: a launch, an instrument taking effect after it, a change, an ending,
 * or an event after launch that calls for a new security assessment (2018 rules Art 3 items 2–5).
 */
export const CLOCK_TRIGGERS = ['launch', 'algorithm-launch', 'in-force', 'change', 'service-ended', 'termination', ...ASSESSMENT_TRIGGERS] as const;
export type ClockTrigger = (typeof CLOCK_TRIGGERS)[number];
/** How much of a year's working-day calendar is known, best first. */
export const CALENDARS = ['official', 'statutory', 'weekends-only'] as const;
export type Calendar = (typeof CALENDARS)[number];
/** --fail-on levels: a severity, or none (never fail). */
export const FAIL_ON = [...SEVERITIES, 'none'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** The tool's version, from package.json (inlined by the bundler). */
export const VERSION: string = packageJson.version;

/** Larger answers or rule files are refused: no real one comes near, a hostile one might. */
export const MAX_DATA_FILE_BYTES = 5 * 1024 * 1024;
