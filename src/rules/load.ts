import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { MAX_DATA_FILE_BYTES } from '../constants.js';
import { parseDataText, validateData } from '../data-file.js';
import { InputError } from '../errors.js';
import { mergePacks, type PackSource, type Rules } from './model.js';
import { RulePackSchema } from './schema.js';
import { packageRoot } from '../paths.js';
import { hashText, type PrecompiledRules } from './precompile.js';


/** Parses and validates one rule-pack text; errors name file:line:column. */
export function parseRulePack(text: string, file: string): PackSource {
  const parsed = parseDataText(text, file);
  const pack = validateData(parsed, RulePackSchema, file, 'filing-check schema rules');
  return { pack, file, locate: parsed.locate };
}

async function packFilesIn(dir: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    throw new InputError(`${dir}: cannot read the rules directory; expected a directory of *.yaml rule packs`);
  }
  const files = entries.filter((name) => /\.ya?ml$/.test(name)).sort().map((name) => join(dir, name));
  if (files.length === 0) throw new InputError(`${dir}: no *.yaml rule packs found in this directory`);
  return files;
}

/** Reads and parses every pack file of a directory, in name order. */
async function readPackDir(dir: string, shownAs: (path: string) => string): Promise<{ sources: PackSource[]; texts: { name: string; text: string }[] }> {
  const sources: PackSource[] = [];
  const texts: { name: string; text: string }[] = [];
  for (const path of await packFilesIn(dir)) {
    const shown = shownAs(path);
    const info = await stat(path);
    if (info.size > MAX_DATA_FILE_BYTES) throw new InputError(`${shown}: file is larger than ${MAX_DATA_FILE_BYTES / 1024 / 1024} MiB; expected a rule pack`);
    const text = await readFile(path, 'utf8');
    texts.push({ name: basename(path), text });
    sources.push(parseRulePack(text, shown));
  }
  return { sources, texts };
}

/** The bundled packs: from the build's precompiled copy when rules/ is unchanged, else parsed. */
async function bundledPacks(root: string): Promise<PackSource[]> {
  const dir = join(root, 'rules');
  const names = (await packFilesIn(dir)).map((path) => basename(path));
  const cached = await readFile(join(root, 'dist', 'rules.json'), 'utf8').then((text) => JSON.parse(text) as PrecompiledRules, () => null);
  if (cached && cached.files.length === names.length) {
    const texts = await Promise.all(names.map((name) => readFile(join(dir, name), 'utf8')));
    const unchanged = cached.files.every((file, i) => file.name === names[i] && file.hash === hashText(texts[i]!));
    if (unchanged) return cached.packs.map((pack, i) => ({ pack, file: `rules/${names[i]}`, locate: () => `rules/${names[i]}` }));
  }
  return (await readPackDir(dir, (path) => `rules/${relative(dir, path)}`)).sources;
}

/** Loads the bundled packs, then each overlay directory in order, and merges them. */
export async function loadRules(overlayDirs: readonly string[], cwd: string): Promise<Rules> {
  const sources = await bundledPacks(packageRoot());
  for (const dir of overlayDirs) sources.push(...(await readPackDir(dir, (path) => relative(cwd, path))).sources);
  return mergePacks(sources);
}

/** Parses and validates the bundled packs for the build's precompiled copy. */
export async function precompileBundledRules(root: string): Promise<PrecompiledRules> {
  const { sources, texts } = await readPackDir(join(root, 'rules'), (path) => `rules/${basename(path)}`);
  mergePacks(sources);
  return { files: texts.map(({ name, text }) => ({ name, hash: hashText(text) })), packs: sources.map((s) => s.pack) };
}
