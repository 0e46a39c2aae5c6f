import { defineCheck, finding } from './check.js';

/** A material the answers list but the case does not require: kept, but not counted. */
export default defineCheck({
  name: 'material-not-required',
  scope: 'case',
  codes: ['MATERIAL_NOT_REQUIRED'],
  run({ answers, items }) {
    const required = new Set(items.map((i) => `${i.algorithm ?? ''}/${i.id}`));
    const listed = [
      ...Object.keys(answers.materials).map((id) => ({ id, algorithm: null as string | null })),
      ...answers.algorithms.flatMap((a) => Object.keys(a.materials).map((id) => ({ id, algorithm: a.id as string | null }))),
    ];
    return listed
      .filter(({ id, algorithm }) => !required.has(`${algorithm ?? ''}/${id}`))
      .map(({ id, algorithm }) => finding('MATERIAL_NOT_REQUIRED', algorithm, { material: id, level: { key: algorithm ? 'level.algorithm' : 'level.entity' } }));
  },
});
