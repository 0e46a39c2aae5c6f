import { isMap, isScalar, isSeq, parse, type Document } from 'yaml';
import { formatPath, parsePath, problemWith } from '../data-file.js';
import { InputError } from '../errors.js';
import { fieldSchema } from './fields.js';

/** One `--set path=value`: where in the answers file, and the value it puts there. */
export interface SetValue {
  path: (string | number)[];
  value: unknown;
}

const SCHEMA_HINT = 'filing-check schema answers';

/**
 * Reads `--set path=value`. The value is YAML (true, 2026-03-01, "330110", [text, image]), so it is
 * typed the way the same text in the answers file would be, and it is checked against that field now,
 * so a mistake names the option rather than a line of a file the user did not write.
 */
export function parseSetOption(option: string): SetValue {
  const equals = option.indexOf('=');
  if (equals <= 0) throw new InputError(`--set ${option}: expected path=value, e.g. entity.name=杭州示例科技有限公司 or services[0].status=live`);
  const pathText = option.slice(0, equals).trim();
  const path = parsePath(pathText);
  if (!path) throw new InputError(`--set ${option}: expected a field path such as entity.name, services[0].forms or algorithms[1].generation.modalities`);
  const schema = fieldSchema(path);
  if (!schema) throw new InputError(`--set ${pathText}: no such field in the answers file (see: ${SCHEMA_HINT})`);
  let value: unknown;
  try {
    value = parse(option.slice(equals + 1), { uniqueKeys: true });
  } catch (error) {
    throw new InputError(`--set ${pathText}: the value is not valid YAML (${(error as Error).message.split('\n')[0]})`);
  }
  if (value === null || value === undefined) throw new InputError(`--set ${pathText}: expected a value after "="`);
  if (typeof value === 'object' && !(Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object'))) {
    throw new InputError(`--set ${pathText}: expected a scalar or a list of scalars such as [text, image], got a mapping`);
  }
  const problem = problemWith(schema, value, SCHEMA_HINT);
  if (problem) throw new InputError(`--set ${pathText}: ${problem}`);
  return { path, value };
}

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
        throw new InputError(`--set ${formatPath(path)}: ${formatPath(path.slice(0, depth))} has ${length} entr${length === 1 ? 'y' : 'ies'}; the index can be at most ${length}`);
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
      throw new InputError(`--set ${formatPath(path)}: ${formatPath(here)} holds a value, not a mapping or list, in the answers file`);
    }
    const node = doc.createNode(value);
    if (isSeq(node)) node.flow = true;
    doc.setIn(path, node);
  }
}
