/** The parts of a 网信算备 filing number (domain reference §7.1). */
export interface FilingNumber {
  region: string;
  entity: string;
  type: string;
  year: string;
  sequence: string;
}

const REGULAR = /^网信算备(\d{6})(\d{7})(\d{2})(\d{2})(\d{4})号$/;
const IRREGULAR = /^网信算备\d{22}号$/;

/**
 * Reads a filing number: `regular` with its parts, `irregular` for the one known 22-digit form
 * (accepted with a warning), or `invalid`.
 */
export function parseFilingNumber(text: string): { kind: 'regular'; parts: FilingNumber } | { kind: 'irregular' } | { kind: 'invalid' } {
  const match = REGULAR.exec(text.trim());
  if (match) {
    const [, region, entity, type, year, sequence] = match;
    return { kind: 'regular', parts: { region: region!, entity: entity!, type: type!, year: year!, sequence: sequence! } };
  }
  return IRREGULAR.test(text.trim()) ? { kind: 'irregular' } : { kind: 'invalid' };
}

/** How the CAC numbered the types by year, learned from its lists (scripts/gen-filing-eras.ts). */
export interface FilingEras {
  /** Per type digits, per two-digit year: the categories the lists printed and today's type codes they stand for. */
  digits: Record<string, Record<string, { categories: string[]; types: string[] }>>;
  /** Numbers the CAC issued in a shape of their own (one has 22 digits). */
  irregular: string[];
}

/** The era of a number's type digits: what the CAC printed for them in that year, if it ever issued them then. */
export function eraOf(parts: FilingNumber, eras: FilingEras): { categories: string[]; types: string[] } | undefined {
  return eras.digits[parts.type]?.[parts.year];
}
