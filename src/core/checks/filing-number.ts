import { parseFilingNumber } from '../filing-number.js';
import { defineCheck, finding, typeName } from './check.js';

/** An existing filing number read against the facts: its length, type digits and region. */
export default defineCheck({
  name: 'filing-number',
  scope: 'algorithm',
  codes: ['FILING_NUMBER_IRREGULAR', 'FILING_NUMBER_TYPE_MISMATCH', 'FILING_NUMBER_REGION_MISMATCH'],
  run({ algorithm, classification: { type } }, { answers, rules }) {
    if (algorithm.filingNumber === undefined) return [];
    const number = parseFilingNumber(algorithm.filingNumber);
    if (number.kind === 'irregular') return [finding('FILING_NUMBER_IRREGULAR', algorithm, { number: algorithm.filingNumber })];
    if (number.kind !== 'regular') return [];
    const findings = [];
    const { parts } = number;
    if (parts.type !== type) {
      const known = rules.types.some((d) => d.code === parts.type);
      findings.push(
        finding('FILING_NUMBER_TYPE_MISMATCH', algorithm, { number: algorithm.filingNumber, digits: parts.type, numberType: known ? typeName(parts.type) : '?', type, typeName: typeName(type) }),
      );
    }
    const region = answers.entity.regionCode;
    if (region && parts.region !== region) findings.push(finding('FILING_NUMBER_REGION_MISMATCH', algorithm, { number: algorithm.filingNumber, digits: parts.region, region }));
    return findings;
  },
});
