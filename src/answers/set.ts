import { parseYamlValue } from '../data/data-file.js';
import { formatPath, parsePath } from '../data/field-path.js';
import { problemWith } from '../data/schema-problem.js';
import { inputError } from '../errors.js';
import type { MessageArg } from '../messages/catalogue.js';
import { fieldKeys, fieldSchema } from './fields.js';

/** One `--set path=value`: where in the answers file, and the value it puts there. */
export interface SetValue {
  path: (string | number)[];
  value: unknown;
}

const SCHEMA_HINT = 'filing-check schema answers';
// Names that reach an object's prototype: never fields, whatever the schema has.
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'prototype'];

/** "; expected a field of …: name, creditCode …" for the deepest mapping the path gets to, or nothing. */
function expectedFields(path: readonly (string | number)[]): MessageArg {
  for (let depth = path.length - 1; depth >= 0; depth--) {
    const parent = path.slice(0, depth);
    if (depth > 0 && !fieldSchema(parent)) continue;
    const keys = fieldKeys(parent);
    if (!keys) return '';
    const fields = { list: keys, separator: 'list.comma' };
    return depth === 0 ? { key: 'set.expected-top-field', args: { fields } } : { key: 'set.expected-field-of', args: { parent: formatPath(parent), fields } };
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
  if (equals <= 0) throw inputError('error.set.not-assignment', { option });
  const pathText = option.slice(0, equals).trim();
  const path = parsePath(pathText);
  if (!path) throw inputError('error.set.not-path', { option });
  const forbidden = path.findIndex((key) => typeof key === 'string' && PROTOTYPE_NAMES.includes(key));
  if (forbidden >= 0) {
    const parent = path.slice(0, forbidden);
    const expected = fieldKeys(parent) ? expectedFields(path.slice(0, forbidden + 1)) : { key: 'set.expected-material-id' };
    throw inputError('error.set.forbidden-key', { path: pathText, key: String(path[forbidden]), expected });
  }
  const schema = fieldSchema(path);
  if (!schema) throw inputError('error.set.no-such-field', { path: pathText, expected: expectedFields(path), hint: SCHEMA_HINT });
  let value: unknown;
  try {
    value = parseYamlValue(option.slice(equals + 1));
  } catch (error) {
    throw inputError('error.set.not-yaml', { path: pathText, reason: (error as Error).message.split('\n')[0]! });
  }
  if (value === null || value === undefined) throw inputError('error.set.no-value', { path: pathText });
  if (typeof value === 'object' && !(Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object'))) {
    throw inputError('error.set.mapping', { path: pathText });
  }
  const problem = problemWith(schema, value, SCHEMA_HINT);
  if (problem) throw inputError('error.set.invalid', { path: pathText, problem });
  return { path, value };
}
