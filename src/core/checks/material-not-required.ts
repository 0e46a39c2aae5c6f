import type { MaterialEntry } from '../../answers/schema.js';
import { defineCheck, finding, materialTitle } from './check.js';

const claimsProgress = (entry: MaterialEntry) => entry.status !== 'missing' || Boolean(entry.file || entry.owner || entry.due || entry.reason);

/**
 * A material the answers list but the case does not require: kept, but not counted. An entry that
 * claims nothing (missing, with no file, owner, date or reason) is no progress to lose: the
 * questionnaire writes such entries before an algorithm turns out to be filed.
 */
export default defineCheck({
  name: 'material-not-required',
  scope: 'case',
  codes: ['MATERIAL_NOT_REQUIRED'],
  run({ answers, items, duties }) {
    // A material id belongs to one level, so the owner's id alone tells them apart.
    const required = new Set([...items, ...duties].map((i) => `${i.algorithm ?? i.service ?? ''}/${i.id}`));
    const claimed = (materials: Record<string, MaterialEntry>) => Object.keys(materials).filter((id) => claimsProgress(materials[id]!));
    const listed = [
      ...claimed(answers.materials).map((id) => ({ id, owner: '', algorithm: null as string | null, level: 'level.entity' })),
      ...answers.services.flatMap((s) => claimed(s.materials).map((id) => ({ id, owner: s.id, algorithm: null as string | null, level: 'level.service' }))),
      ...answers.algorithms.flatMap((a) => claimed(a.materials).map((id) => ({ id, owner: a.id, algorithm: a.id as string | null, level: 'level.algorithm' }))),
    ];
    return listed
      .filter(({ id, owner }) => !required.has(`${owner}/${id}`))
      .map(({ id, algorithm, level }) => finding('MATERIAL_NOT_REQUIRED', algorithm, { material: materialTitle(id), id, level: { key: level } }));
  },
});
