import type { RulePack } from './schema.js';

/**
 * The bundled packs, parsed and validated at build time, keyed by a fingerprint of each file's text, so
 * a run whose rules/ still hashes the same skips YAML parsing and validation (most of start-up). Size
 * and modification time are kept too: while both are unchanged (as in the built checkout) the files
 * need not even be read; a copy with new times (an npm install) falls back to the hash.
 */
export interface PrecompiledRules {
  files: { name: string; hash: string; size: number; mtimeMs: number }[];
  packs: RulePack[];
}

/**
 * A fingerprint of a rule file's exact text: its length and a 32-bit FNV-1a hash. The only question
 * is "edited since the build?", so a cryptographic hash (and loading node:crypto at every start) is
 * not needed.
 */
export function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `${text.length}:${(hash >>> 0).toString(16)}`;
}
