// Where a finding of the report belongs in the answers file, so CI views (SARIF) can point at the
// line a reviewer would change. Read from the positioned `yaml` document; only those views pay for it.
import { parseDataDocument, type ParsedDataFile, type TextPosition } from '../data/data-document.js';
import type { Path } from '../data/field-path.js';

/** The line and column for a finding of one algorithm (null: the entity), about one material if named. */
export type LocateFinding = (algorithm: string | null, material?: string) => TextPosition | undefined;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Where findings belong: a material listed in the file points at its entry; an unlisted one (missing
 * by default) at the algorithm it belongs to, or for the entity at `materials:` (else `entity:`).
 * A finding without a material points at its algorithm or at `entity:`.
 */
export function findingLocator(parsed: ParsedDataFile): LocateFinding {
  const data = isRecord(parsed.data) ? parsed.data : {};
  const algorithms = Array.isArray(data.algorithms) ? data.algorithms : [];
  const indexOf = new Map<string, number>();
  algorithms.forEach((algorithm, i) => {
    if (isRecord(algorithm) && typeof algorithm.id === 'string' && !indexOf.has(algorithm.id)) indexOf.set(algorithm.id, i);
  });
  const listed = (holder: unknown, material: string | undefined) => material !== undefined && isRecord(holder) && isRecord(holder.materials) && material in holder.materials;
  return (algorithm, material) => {
    let path: Path;
    const index = algorithm === null ? undefined : indexOf.get(algorithm);
    if (index !== undefined) {
      const base = ['algorithms', index];
      path = listed(algorithms[index], material) ? [...base, 'materials', material!] : base;
    } else if (listed(data, material)) path = ['materials', material!];
    else path = 'materials' in data && material !== undefined ? ['materials'] : ['entity'];
    return parsed.position(path);
  };
}

/** The locator of an answers file's text, as read (the caller has already checked the file). */
export function answersFindingLocator(text: string, shown: string): LocateFinding {
  return findingLocator(parseDataDocument(text, shown));
}
