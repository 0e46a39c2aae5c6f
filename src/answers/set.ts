import { parseYamlValue } from '../data/data-file.js';
import { formatPath, parsePath } from '../data/field-path.js';
import { problemWith } from '../data/schema-problem.js';
import { InputError } from '../errors.js';
import { fieldKeys, fieldSchema } from './fields.js';

/** One `--set path=value`: where in the answers file, and the value it puts there. */
export interface SetValue {
  path: (string | number)[];
  value: unknown;
}

const SCHEMA_HINT = 'filing-check schema answers';
// Names that reach an object's prototype: never fields, whatever the schema has.
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'prototype'];

/** "; expected one of name, creditCode …" for the deepest mapping the path gets to, or nothing. */
function expectedFields(path: readonly (string | number)[]): string {
  for (let depth = path.length - 1; depth >= 0; depth--) {
    const parent = path.slice(0, depth);
    if (depth > 0 && !fieldSchema(parent)) continue;
    const keys = fieldKeys(parent);
    return keys ? `; expected ${depth === 0 ? 'a top-level field' : `a field of ${formatPath(parent)}`}: ${keys.join(', ')}` : '';
  }
  return '';
}

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
  const forbidden = path.findIndex((key) => typeof key === 'string' && PROTOTYPE_NAMES.includes(key));
  if (forbidden >= 0) {
    const parent = path.slice(0, forbidden);
    const expected = fieldKeys(parent) ? expectedFields(path.slice(0, forbidden + 1)) : '; expected a material id from the rule packs (see: filing-check rules list)';
    throw new InputError(`--set ${pathText}: "${String(path[forbidden])}" is not allowed as a key${expected}`);
  }
  const schema = fieldSchema(path);
  if (!schema) throw new InputError(`--set ${pathText}: no such field in the answers file${expectedFields(path)} (see: ${SCHEMA_HINT})`);
  let value: unknown;
  try {
    value = parseYamlValue(option.slice(equals + 1));
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
