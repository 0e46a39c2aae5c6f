// Writing --set values into an answers document. Separate from reading them (set.ts) because it
// needs the `yaml` document, which a plain diagnose never loads.
import { isMap, isScalar, isSeq, type Document } from 'yaml';
import { formatPath } from '../data/field-path.js';
import { inputError } from '../errors.js';
import type { SetValue } from './set.js';

/**
 * Writes --set values into an answers document, in order. A list index may point one past the end
 * (a new entry) but not further, since a gap would leave an empty entry nobody asked for.
 */
export function applySets(doc: Document, sets: readonly SetValue[]): void {
  for (const { path, value } of sets) {
    path.forEach((key, depth) => {
      if (typeof key !== 'number') return;
      const list = doc.getIn(path.slice(0, depth), true);
      const length = isSeq(list) ? list.items.length : 0;
      if (key > length) {
        throw inputError(length === 1 ? 'error.set.index-one' : 'error.set.index', { path: formatPath(path), list: formatPath(path.slice(0, depth)), count: length });
      }
    });
    // Walk down so that an empty key (`entity:` with nothing under it) becomes a mapping to write into.
    for (let depth = 0; depth < path.length; depth++) {
      const here = path.slice(0, depth);
      const node = depth === 0 ? doc.contents : doc.getIn(here, true);
      if (node === undefined || node === null || isMap(node) || isSeq(node)) continue;
      if (isScalar(node) && node.value === null) {
        const empty = doc.createNode(typeof path[depth] === 'number' ? [] : {});
        if (depth === 0) doc.contents = empty;
        else doc.setIn(here, empty);
        continue;
      }
      throw inputError('error.set.not-container', { path: formatPath(path), parent: formatPath(here) });
    }
    const node = doc.createNode(value);
    if (isSeq(node)) node.flow = true;
    doc.setIn(path, node);
  }
}
