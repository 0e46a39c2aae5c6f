import { existsSync, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import type { Answers } from '../answers/schema.js';
import type { Lang } from '../constants.js';
import type { AssessedMaterial } from '../core/items.js';
import type { Io } from '../io.js';

/** The two materials whose tables `assess` checks. */
export const ASSESSED_MATERIALS = ['genai-keyword-list', 'genai-test-bank'] as const;
export type AssessedMaterialId = (typeof ASSESSED_MATERIALS)[number];

/** A material's tables to check: `${algorithm}/${material}`, and the path (file or folder) holding them. */
export interface AssessmentTarget {
  key: string;
  material: AssessedMaterialId;
  path: string;
  shown: string;
}


const isTablePath = (path: string) => {
  const info = statSync(path, { throwIfNoEntry: false });
  return info?.isDirectory() === true || (info?.isFile() === true && ['.csv', '.xlsx'].includes(extname(path).toLowerCase()));
};

/**
 * The gen-AI materials whose tables exist to be checked: a material's own `file` when it is a .csv or
 * .xlsx file or a folder, else the algorithm's `generation.assessment` folder. A Word file or a path
 * that does not exist is left alone (MATERIAL_FILE_MISSING reports the latter). Cheap: only stat calls.
 */
export function assessmentTargets(answers: Answers, shown: string, io: Pick<Io, 'cwd'>): AssessmentTarget[] {
  const base = shown === '<stdin>' ? io.cwd : dirname(resolve(io.cwd, shown));
  const targets: AssessmentTarget[] = [];
  for (const algorithm of answers.algorithms) {
    for (const material of ASSESSED_MATERIALS) {
      const given = algorithm.materials[material]?.file ?? algorithm.generation?.assessment;
      if (!given || algorithm.materials[material]?.status === 'not-applicable') continue;
      const path = resolve(base, given);
      if (existsSync(path) && isTablePath(path)) targets.push({ key: `${algorithm.id}/${material}`, material, path, shown: given });
    }
  }
  return targets;
}

/** Runs `assess` once per path and words each material's verdict in the report's language. */
export async function assessMaterials(targets: readonly AssessmentTarget[], io: Pick<Io, 'cwd'>, lang: Lang): Promise<Map<string, AssessedMaterial>> {
  const [{ assessPaths }, { materialShortfalls }, { findingMessage, assessWord }] = await Promise.all([
    import('./assess.js'), import('../assess/check.js'), import('../assess/messages.js'),
  ]);
  const reports = new Map<string, Awaited<ReturnType<typeof assessPaths>>>();
  const results = new Map<string, AssessedMaterial>();
  for (const target of targets) {
    const report = reports.get(target.path) ?? (await assessPaths([target.path], io, lang));
    reports.set(target.path, report);
    const shortfalls = materialShortfalls(report, target.material);
    const messages = shortfalls.map((f) => findingMessage(f, lang));
    results.set(target.key, {
      met: shortfalls.length === 0,
      file: target.shown,
      reason: shortfalls.length === 0 ? null : assessWord('materialShort', lang, { count: shortfalls.length, list: messages.join(lang === 'zh' ? '；' : '; ') }),
    });
  }
  return results;
}
