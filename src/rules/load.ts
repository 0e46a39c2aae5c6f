import { readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { mergePacks, type PackSource, type Rules } from './model.js';
import { packFilesIn } from './pack-files.js';
import { packageRoot } from '../paths.js';
import { hashBytes, PRECOMPILED_RULES, PRECOMPILED_RULES_WITHOUT_GUIDANCE, type PrecompiledRules } from './precompile.js';

/** What loadRules reads: `guidance: false` leaves out what only people preparing materials read (see GUIDANCE_FIELDS). */
export interface RulesScope {
  guidance: boolean;
}

/** The bundled packs: from the build's precompiled copy when rules/ is unchanged, else parsed. */
async function bundledPacks(root: string, scope: RulesScope): Promise<PackSource[]> {
  const dir = join(root, 'rules');
  const names = packFilesIn(dir).map((path) => basename(path));
  const cached = precompiledRules(join(root, 'dist', scope.guidance ? PRECOMPILED_RULES : PRECOMPILED_RULES_WITHOUT_GUIDANCE));
  if (cached && cached.files.length === names.length && cached.files.every((file, i) => file.name === names[i] && unchanged(join(dir, file.name), file))) {
    return cached.packs.map((pack, i) => ({ pack, file: `rules/${names[i]}`, locate: () => `rules/${names[i]}` }));
  }
  const { readPackDir } = await import('./parse-packs.js');
  return (await readPackDir(dir, (path) => `rules/${relative(dir, path)}`)).sources;
}

/** The build's precompiled packs, or null when there are none (a source checkout not yet built). */
function precompiledRules(path: string): PrecompiledRules | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as PrecompiledRules;
  } catch {
    return null;
  }
}

/** Whether a rule file is the one the build precompiled: same size and time, else same text. */
function unchanged(path: string, built: PrecompiledRules['files'][number]): boolean {
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info || info.size !== built.size) return false;
  return info.mtimeMs === built.mtimeMs || hashBytes(readFileSync(path)) === built.hash;
}

/** Loads the bundled packs, then each overlay directory in order, and merges them. */
export async function loadRules(overlayDirs: readonly string[], cwd: string, scope: RulesScope = { guidance: true }): Promise<Rules> {
  const sources = await bundledPacks(packageRoot(), scope);
  if (overlayDirs.length > 0) {
    const { readPackDir } = await import('./parse-packs.js');
    for (const dir of overlayDirs) sources.push(...(await readPackDir(dir, (path) => relative(cwd, path))).sources);
  }
  return mergePacks(sources);
}

