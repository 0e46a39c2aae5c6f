import eras from '../filing-eras.json' with { type: 'json' };
import { eraOf, parseFilingNumber, type FilingEras } from '../filing-number.js';
import { defineCheck, finding, typeName, type WarningFinding } from './check.js';

const ERAS: FilingEras = eras;
/** The filing system opened in March 2022 (its launch notice): no number carries an earlier year. */
const FIRST_YEAR = 22;

/**
 * An existing filing number read against the facts and against what the CAC has issued: the type
 * digits each category carried in each year are learned from the lists (src/core/filing-eras.json),
 * so an old number whose digits differ from today's code is told apart from a wrong one.
 */
export default defineCheck({
  name: 'filing-number',
  scope: 'algorithm',
  codes: [
    'FILING_NUMBER_IRREGULAR', 'FILING_NUMBER_TYPE_UNKNOWN', 'FILING_NUMBER_YEAR_IMPOSSIBLE', 'FILING_NUMBER_SHAPE_UNSEEN',
    'FILING_NUMBER_TYPE_MISMATCH', 'FILING_NUMBER_OLD_TYPE_CODE', 'FILING_NUMBER_REGION_MISMATCH',
  ],
  run({ algorithm, classification: { type } }, { answers, rules, asOf }) {
    const number = algorithm.filingNumber;
    if (number === undefined) return [];
    const parsed = parseFilingNumber(number);
    if (parsed.kind === 'irregular') return ERAS.irregular.includes(number.trim()) ? [] : [finding('FILING_NUMBER_IRREGULAR', algorithm, { number })];
    if (parsed.kind !== 'regular') return [];
    const { parts } = parsed;
    const findings: WarningFinding[] = [];
    const year = Number(parts.year);
    const asOfYear = Number(asOf.slice(2, 4));
    if (year < FIRST_YEAR || year > asOfYear) findings.push(finding('FILING_NUMBER_YEAR_IMPOSSIBLE', algorithm, { number, digits: parts.year, asOfYear: asOf.slice(0, 4) }));
    if (Number(parts.sequence.at(-1)) % 2 === 0) findings.push(finding('FILING_NUMBER_SHAPE_UNSEEN', algorithm, { number }));
    if (!rules.types.some((d) => d.code === parts.type)) findings.push(finding('FILING_NUMBER_TYPE_UNKNOWN', algorithm, { number, digits: parts.type }));
    else if (parts.type !== type) {
      const era = eraOf(parts, ERAS);
      findings.push(
        era?.types.includes(type)
          ? finding('FILING_NUMBER_OLD_TYPE_CODE', algorithm, { number, digits: parts.type, year: `20${parts.year}`, categories: { list: era.categories, separator: 'list.enumeration' }, type, typeName: typeName(type) })
          : finding('FILING_NUMBER_TYPE_MISMATCH', algorithm, { number, digits: parts.type, numberType: typeName(parts.type), type, typeName: typeName(type) }),
      );
    }
    const region = answers.entity.regionCode;
    if (region && parts.region !== region) findings.push(finding('FILING_NUMBER_REGION_MISMATCH', algorithm, { number, digits: parts.region, region }));
    return findings;
  },
});
