import { createHash } from 'node:crypto';
import type { RulePack } from './schema.js';

/**
 * The bundled packs, parsed and validated at build time, keyed by a hash of each file's text, so
 * a run whose rules/ still hashes the same skips YAML parsing and validation (most of start-up).
 */
export interface PrecompiledRules {
  files: { name: string; sha256: string }[];
  packs: RulePack[];
}

/** Hash of a rule file's exact text. */
export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
