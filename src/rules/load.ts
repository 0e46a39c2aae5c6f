import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { MAX_DATA_FILE_BYTES, parseDataText, validateData } from '../data-file.js';
import { InputError } from '../errors.js';
import { mergePacks, type PackSource, type Rules } from './model.js';
import { RulePackSchema } from './schema.js';
import { packageRoot } from '../paths.js';


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

/** Loads the bundled packs, then each overlay directory in order, and merges them. */
export async function loadRules(overlayDirs: readonly string[], cwd: string): Promise<Rules> {
  const bundledDir = join(packageRoot(), 'rules');
  const dirs = [bundledDir, ...overlayDirs];
  const sources: PackSource[] = [];
  for (const dir of dirs) {
    for (const path of await packFilesIn(dir)) {
      const shown = dir === bundledDir ? `rules/${relative(bundledDir, path)}` : relative(cwd, path);
      const info = await stat(path);
      if (info.size > MAX_DATA_FILE_BYTES) throw new InputError(`${shown}: file is larger than ${MAX_DATA_FILE_BYTES / 1024 / 1024} MiB; expected a rule pack`);
      sources.push(parseRulePack(await readFile(path, 'utf8'), shown));
    }
  }
  return mergePacks(sources);
}
