// Field paths into a data file (answers, reports, rule packs): how users write them and how
// they are found in parsed data. Every reader and every message about a field uses these.
import type { MessageRef } from '../messages/catalogue.js';

/** A field path into a data file: keys and list indexes. */
export type Path = readonly PropertyKey[];

/** A problem with one field of otherwise valid data, to be positioned in the file it came from. */
export interface FieldProblem {
  path: Path;
  /** What is wrong, as an entry of the error catalogue ("expected …, got …"). */
  problem: MessageRef;
}

/** Formats a field path the way users write it: algorithms[0].generation.modalities[1]. */
export function formatPath(path: Path): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(top level)';
}

/** Reads a field path written the way formatPath writes it (services[0].status); null when malformed. */
export function parsePath(text: string): (string | number)[] | null {
  if (!/^[A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*|\[\d+\])*$/.test(text)) return null;
  return [...text.matchAll(/([A-Za-z][\w-]*)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}

/** The path of the first mapping key with this name, depth first. */
export function findKey(data: unknown, name: string): PropertyKey[] | null {
  if (data === null || typeof data !== 'object') return null;
  const list = Array.isArray(data);
  // The path is built on the way back up, so the scan of a valid file allocates nothing.
  for (const key of Object.keys(data)) {
    if (key === name && !list) return [key];
    const inner = findKey((data as Record<string, unknown>)[key], name);
    if (inner) return [list ? Number(key) : key, ...inner];
  }
  return null;
}
