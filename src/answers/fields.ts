import type { z } from 'zod';
import { AnswersSchema } from './schema.js';

type Path = readonly (string | number)[];

/** The container inside optional and default wrappers, where a path can go on. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current.def.type === 'optional' || current.def.type === 'default') current = (current as z.ZodOptional).unwrap() as z.ZodType;
  return current;
}

/**
 * The schema of one field of the answers file, found by walking its path (numbers index lists,
 * strings name keys or record entries), or undefined when no such field exists. It keeps its own
 * optional/default wrapper, so validating a value with it is exactly what the whole file does.
 */
export function fieldSchema(path: Path): z.ZodType | undefined {
  let current: z.ZodType = AnswersSchema;
  for (const key of path) {
    const container = unwrap(current);
    const def = container.def;
    if (def.type === 'object' && typeof key === 'string') {
      const next = (container as z.ZodObject).shape[key] as z.ZodType | undefined;
      if (!next) return undefined;
      current = next;
    } else if (def.type === 'array' && typeof key === 'number') {
      current = (container as z.ZodArray<z.ZodType>).element;
    } else if (def.type === 'record' && typeof key === 'string') {
      current = (container as z.ZodRecord).valueType as z.ZodType;
    } else {
      return undefined;
    }
  }
  return current;
}

/** The keys of a mapping field in the schema's order, or undefined when the field is not a mapping. */
export function fieldKeys(path: Path): string[] | undefined {
  const schema = fieldSchema(path);
  const inner = schema && unwrap(schema);
  return inner?.def.type === 'object' ? Object.keys((inner as z.ZodObject).shape) : undefined;
}

/** The schema's default for a field (servesMainland → true), so defaults are declared once. */
export function schemaDefault(path: Path): unknown {
  const schema = fieldSchema(path);
  if (schema?.def.type !== 'default') return undefined;
  const value = (schema as z.ZodDefault).def.defaultValue;
  return Array.isArray(value) ? [...value] : value;
}

/** The values an enum field, or a list of enum values, may take; undefined for other fields. */
export function enumValues(path: Path): readonly string[] | undefined {
  const schema = fieldSchema(path);
  if (!schema) return undefined;
  let inner = unwrap(schema);
  if (inner.def.type === 'array') inner = unwrap((inner as z.ZodArray<z.ZodType>).element);
  return inner.def.type === 'enum' ? (inner as z.ZodEnum).options.map(String) : undefined;
}

/** The kind of value a field holds, for checking that a question asks for the right thing. */
export function fieldKind(path: Path): 'boolean' | 'list' | 'other' | undefined {
  const schema = fieldSchema(path);
  if (!schema) return undefined;
  const type = unwrap(schema).def.type;
  return type === 'boolean' ? 'boolean' : type === 'array' ? 'list' : 'other';
}
