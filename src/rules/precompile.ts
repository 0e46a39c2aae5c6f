import type { MaterialRule, RulePack } from './schema.js';

/**
 * The bundled packs, parsed and validated at build time, keyed by a fingerprint of each file's text, so
 * a run whose rules/ still hashes the same skips YAML parsing and validation (most of start-up). Size
 * and modification time are kept too: while both are unchanged (as in the built checkout) the files
 * need not even be read; a copy with new times (an npm install) falls back to the hash.
 */
/** The build's files in dist/: every pack in full, and without guidance for diagnoses. */
export const PRECOMPILED_RULES = 'rules.json';
export const PRECOMPILED_RULES_WITHOUT_GUIDANCE = 'rules-diagnosis.json';

export interface PrecompiledRules {
  files: { name: string; hash: string; size: number; mtimeMs: number }[];
  packs: RulePack[];
}

/**
 * A fingerprint of a rule file's exact bytes: its length and a 32-bit FNV-1a hash taken four bytes
 * at a time. The only question is "edited since the build?", so neither a cryptographic hash
 * (node:crypto takes 6-10 ms to load) nor decoding the text is needed. An installed copy (whose
 * files have new times) hashes its rule files at every start; by words that takes a quarter of
 * the time it took by UTF-16 units. Words are read in the machine's byte order: a machine of the
 * other order gets other hashes and parses the packs, as for an edited file.
 */
export function hashBytes(bytes: Uint8Array): string {
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : Uint8Array.from(bytes);
  const words = new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.length >>> 2);
  let hash = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) hash = Math.imul(hash ^ words[i]!, 0x01000193);
  for (let i = words.length * 4; i < aligned.length; i++) hash = Math.imul(hash ^ aligned[i]!, 0x01000193);
  return `${bytes.length}:${(hash >>> 0).toString(16)}`;
}

/**
 * A material's guidance for people preparing it: what it is, how it is accepted, how to prepare it,
 * who does it. Checklists, `rules explain` and the questionnaire show it; a diagnosis never does.
 */
export const GUIDANCE_FIELDS = ['summary', 'acceptance', 'prepare', 'owner', 'effort', 'returnReasons', 'checks', 'template'] as const satisfies readonly (keyof MaterialRule)[];

/** The packs without their guidance: three quarters smaller, which a diagnosis reads at every start. */
export function withoutGuidance(rules: PrecompiledRules): PrecompiledRules {
  const strip = <T extends object>(material: T): T => Object.fromEntries(Object.entries(material).filter(([key]) => !(GUIDANCE_FIELDS as readonly string[]).includes(key))) as T;
  return { files: rules.files, packs: rules.packs.map((pack) => ({ ...pack, materials: pack.materials.map(strip), overrides: pack.overrides.map(strip) })) };
}
