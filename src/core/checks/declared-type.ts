import { parseDeclaredType } from '../classify.js';
import { defineCheck, finding, typeName } from './check.js';

/**
 * The type the team plans to file under, against the type the facts give. A declared type that is
 * the type of another function the algorithm performs contradicts only the order of precedence:
 * generation first rests on the lists (RAG and generating bots are filed as 生成合成), the rest of
 * the order is the tool's heuristic, so there the warning is not blocking.
 */
export default defineCheck({
  name: 'declared-type',
  scope: 'algorithm',
  codes: ['DECLARED_TYPE_MISMATCH', 'DECLARED_TYPE_OTHER_FUNCTION'],
  run({ algorithm, classification: { type, functions } }, { rules }) {
    if (algorithm.declaredType === undefined) return [];
    const declared = parseDeclaredType(algorithm.declaredType, rules.types)!;
    if (declared.includes(type)) return [];
    const names = declared.map((code) => ({ key: 'ui.typeCodeAndName', args: { type: code, typeName: typeName(code) } }));
    const args = { declared: { list: names, separator: 'list.slash' }, does: { list: algorithm.does.map((d) => ({ key: `vocab.does.${d}` })), separator: 'list.enumeration' }, type, typeName: typeName(type) };
    const other = functions.find((f) => declared.includes(f.type));
    if (other && type !== '01') {
      return [finding('DECLARED_TYPE_OTHER_FUNCTION', algorithm, { ...args, other: { key: `vocab.does.${other.does}` }, order: rules.types.map((t) => t.code).join(' > ') })];
    }
    return [finding('DECLARED_TYPE_MISMATCH', algorithm, args)];
  },
});
