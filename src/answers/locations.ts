// Where a finding of the report belongs in the answers file, so CI views (SARIF) can point at the
// line a reviewer would change. Read from the positioned `yaml` document; only those views pay for it.
import { parseDataDocument, type ParsedDataFile, type TextPosition } from '../data/data-document.js';
import type { Path } from '../data/field-path.js';

/** Whom a finding is about: an algorithm, a service (its own material), or neither (the entity). */
export interface FindingOwner {
  algorithm: string | null;
  service?: string | null;
}

/** The line and column for a finding of one owner, about one material if named. */
export type LocateFinding = (owner: FindingOwner, material?: string) => TextPosition | undefined;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Where findings belong: a material listed in the file points at its entry; an unlisted one (missing
 * by default) at the algorithm or service it belongs to, or for the entity at `materials:` (else
 * `entity:`). A finding without a material points at its algorithm or at `entity:`.
 */
export function findingLocator(parsed: ParsedDataFile): LocateFinding {
  const data = isRecord(parsed.data) ? parsed.data : {};
  const indexed = (list: 'algorithms' | 'services') => {
    const entries = Array.isArray(data[list]) ? data[list] : [];
    const indexOf = new Map<string, number>();
    entries.forEach((entry, i) => {
      if (isRecord(entry) && typeof entry.id === 'string' && !indexOf.has(entry.id)) indexOf.set(entry.id, i);
    });
    return { entries, indexOf };
  };
  const lists = { algorithms: indexed('algorithms'), services: indexed('services') };
  const listed = (holder: unknown, material: string | undefined) => material !== undefined && isRecord(holder) && isRecord(holder.materials) && material in holder.materials;
  return ({ algorithm, service }, material) => {
    let path: Path;
    const [list, id] = algorithm !== null ? (['algorithms', algorithm] as const) : (['services', service ?? null] as const);
    const index = id === null ? undefined : lists[list].indexOf.get(id);
    if (index !== undefined) {
      const base = [list, index];
      path = listed(lists[list].entries[index], material) ? [...base, 'materials', material!] : base;
    } else if (listed(data, material)) path = ['materials', material!];
    else path = 'materials' in data && material !== undefined ? ['materials'] : ['entity'];
    return parsed.position(path);
  };
}

/** The locator of an answers file's text, as read (the caller has already checked the file). */
export function answersFindingLocator(text: string, shown: string): LocateFinding {
  return findingLocator(parseDataDocument(text, shown));
}
