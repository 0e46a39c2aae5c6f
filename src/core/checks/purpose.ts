import { PURPOSE_CODES, lintPurpose } from '../../suggest/purpose-lint.js';
import { isConfident, suggestType } from '../../suggest/suggest.js';
import { defineCheck, finding, typeName } from './check.js';

/**
 * A reviewer reads the 主要用途 before anything else: it must say what the facts say (the type a
 * model reads from it), and be written as accepted entries are.
 */
export default defineCheck({
  name: 'purpose',
  scope: 'algorithm',
  codes: ['PURPOSE_TYPE_MISMATCH', ...PURPOSE_CODES],
  run({ algorithm, classification: { type } }) {
    if (!algorithm.purpose) return [];
    const findings = [];
    const suggestion = suggestType(algorithm.purpose, { name: algorithm.name });
    if (isConfident(suggestion) && suggestion.type !== type) {
      findings.push(
        finding('PURPOSE_TYPE_MISMATCH', algorithm, {
          suggested: suggestion.type,
          suggestedName: typeName(suggestion.type),
          confidence: suggestion.confidence.toFixed(2),
          phrases: { list: suggestion.phrases, separator: 'list.enumeration' },
          type,
          typeName: typeName(type),
        }),
      );
    }
    for (const text of lintPurpose(algorithm.purpose, { type })) {
      const args = text.args.type === undefined ? text.args : { ...text.args, typeName: { key: `purpose.typeName.${text.args.type}` } };
      findings.push(finding(text.code, algorithm, args));
    }
    return findings;
  },
});
