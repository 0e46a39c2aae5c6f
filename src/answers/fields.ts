import type { $ZodType } from 'zod/v4/core';
import { AnswersSchema } from './schema.js';

type Path = readonly (string | number)[];

/** The parts of a schema definition the walk below reads (zod's core definitions, any flavour). */
interface Def {
  type: string;
  innerType?: $ZodType;
  shape?: Record<string, $ZodType>;
  element?: $ZodType;
  valueType?: $ZodType;
  entries?: Record<string, string | number>;
  defaultValue?: unknown;
}

const defOf = (schema: $ZodType): Def => schema._zod.def as unknown as Def;

/** The container inside optional and default wrappers, where a path can go on. */
function unwrap(schema: $ZodType): $ZodType {
  let current = schema;
  while (defOf(current).type === 'optional' || defOf(current).type === 'default') current = defOf(current).innerType!;
  return current;
}

/**
 * The schema of one field of the answers file, found by walking its path (numbers index lists,
 * strings name keys or record entries), or undefined when no such field exists. It keeps its own
 * optional/default wrapper, so validating a value with it is exactly what the whole file does.
 */
export function fieldSchema(path: Path): $ZodType | undefined {
  let current: $ZodType = AnswersSchema;
  for (const key of path) {
    const def = defOf(unwrap(current));
    let next: $ZodType | undefined;
    // Own keys only: `constructor` or `toString` must not find Object.prototype's members.
    if (def.type === 'object' && typeof key === 'string') next = Object.hasOwn(def.shape!, key) ? def.shape![key] : undefined;
    else if (def.type === 'array' && typeof key === 'number') next = def.element;
    else if (def.type === 'record' && typeof key === 'string') next = def.valueType;
    if (!next) return undefined;
    current = next;
  }
  return current;
}

/** The keys of a mapping field in the schema's order, or undefined when the field is not a mapping. */
export function fieldKeys(path: Path): string[] | undefined {
  const schema = fieldSchema(path);
  const def = schema && defOf(unwrap(schema));
  return def?.type === 'object' ? Object.keys(def.shape!) : undefined;
}

/** The schema's default for a field (servesMainland → true), so defaults are declared once. */
export function schemaDefault(path: Path): unknown {
  const schema = fieldSchema(path);
  if (!schema || defOf(schema).type !== 'default') return undefined;
  const value = defOf(schema).defaultValue;
  return Array.isArray(value) ? [...value] : value;
}

/** The values an enum field, or a list of enum values, may take; undefined for other fields. */
export function enumValues(path: Path): readonly string[] | undefined {
  const schema = fieldSchema(path);
  if (!schema) return undefined;
  let inner = unwrap(schema);
  if (defOf(inner).type === 'array') inner = unwrap(defOf(inner).element!);
  const def = defOf(inner);
  return def.type === 'enum' ? Object.values(def.entries!).map(String) : undefined;
}

/** The kind of value a field holds, for checking that a question asks for the right thing. */
export function fieldKind(path: Path): 'boolean' | 'list' | 'other' | undefined {
  const schema = fieldSchema(path);
  if (!schema) return undefined;
  const type = defOf(unwrap(schema)).type;
  return type === 'boolean' ? 'boolean' : type === 'array' ? 'list' : 'other';
}
