// Parsing rule packs from their YAML, with positions for every error. Runs at build time, for
// overlays and for `rules validate`; a plain diagnose uses the build's precompiled packs instead.
import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { MAX_DATA_FILE_BYTES } from '../constants.js';
import { parseDataDocument, validateData } from '../data/data-document.js';
import { inputError } from '../errors.js';
import { packFilesIn } from './pack-files.js';
import { mergePacks, type PackSource } from './model.js';
import { hashBytes, type PrecompiledRules } from './precompile.js';
import { RulePackSchema } from './schema.js';

/** Parses and validates one rule-pack text; errors name file:line:column. */
export function parseRulePack(text: string, file: string): PackSource {
  const parsed = parseDataDocument(text, file);
  const pack = validateData(parsed, RulePackSchema, 'filing-check schema rules');
  return { pack, file, locate: parsed.locate };
}

/** One pack file as read: its name, bytes, size and modification time. */
interface PackFile {
  name: string;
  bytes: Buffer;
  size: number;
  mtimeMs: number;
}

/** Reads and parses every pack file of a directory, in name order. */
export async function readPackDir(dir: string, shownAs: (path: string) => string): Promise<{ sources: PackSource[]; files: PackFile[] }> {
  const sources: PackSource[] = [];
  const files: PackFile[] = [];
  for (const path of packFilesIn(dir)) {
    const shown = shownAs(path);
    const info = await stat(path);
    if (info.size > MAX_DATA_FILE_BYTES) throw inputError('error.file.too-large', { file: shown, mib: MAX_DATA_FILE_BYTES / 1024 / 1024, expected: { key: 'expected.rule-pack' } });
    const bytes = await readFile(path);
    files.push({ name: basename(path), bytes, size: info.size, mtimeMs: info.mtimeMs });
    sources.push(parseRulePack(bytes.toString('utf8'), shown));
  }
  return { sources, files };
}

/** Parses and validates the bundled packs for the build's precompiled copy. */
export async function precompileBundledRules(root: string): Promise<PrecompiledRules> {
  const { sources, files } = await readPackDir(join(root, 'rules'), (path) => `rules/${basename(path)}`);
  mergePacks(sources);
  return { files: files.map(({ name, bytes, size, mtimeMs }) => ({ name, hash: hashBytes(bytes), size, mtimeMs })), packs: sources.map((s) => s.pack) };
}
