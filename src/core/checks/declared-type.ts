import { parseDeclaredType } from '../classify.js';
import { defineCheck, finding, typeName } from './check.js';

/** The type the team plans to file under, against the type the facts give. */
export default defineCheck({
  name: 'declared-type',
  scope: 'algorithm',
  codes: ['DECLARED_TYPE_MISMATCH'],
  run({ algorithm, classification: { type } }, { rules }) {
    if (algorithm.declaredType === undefined) return [];
    const declared = parseDeclaredType(algorithm.declaredType, rules.types)!;
    if (declared.includes(type)) return [];
    const names = declared.map((code) => ({ key: 'ui.typeCodeAndName', args: { type: code, typeName: typeName(code) } }));
    return [finding('DECLARED_TYPE_MISMATCH', algorithm, { declared: { list: names, separator: 'list.slash' }, does: { list: algorithm.does.map((d) => ({ key: `vocab.does.${d}` })), separator: 'list.enumeration' }, type, typeName: typeName(type) })];
  },
});
