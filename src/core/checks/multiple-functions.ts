import { defineCheck, finding, typeName } from './check.js';

/** Several functions in one algorithm: filings are per algorithm, and lumping is a reason for return. */
export default defineCheck({
  name: 'multiple-functions',
  scope: 'algorithm',
  codes: ['MULTIPLE_FUNCTIONS'],
  run({ algorithm, classification: { type, functions } }) {
    if (functions.length <= 1) return [];
    const others = functions.slice(1).map((f) => ({ key: 'ui.otherFunction', args: { does: { key: `vocab.does.${f.does}` }, type: f.type, typeName: typeName(f.type) } }));
    return [finding('MULTIPLE_FUNCTIONS', algorithm, { functions: { list: algorithm.does.map((d) => ({ key: `vocab.does.${d}` })), separator: 'list.enumeration' }, type, typeName: typeName(type), others: { list: others, separator: 'list.enumeration' } })];
  },
});
