// Reading data files (answers, reports, rule packs) as validated data: the fast loader first,
// the positioned reader (data-document.ts, loaded only when needed) for anything it cannot take
// and for the wording of every problem with file:line:column.
import { FAILSAFE_SCHEMA, Type, load as loadYaml } from 'js-yaml';
import type { Document } from 'yaml';
import type { $ZodType, output } from 'zod/v4/core';
import { plainText } from './data-text.js';
import { findKey, type FieldProblem } from './field-path.js';

/**
 * YAML 1.2's core schema exactly as the `yaml` library resolves plain scalars (its tests and
 * values), so the fast loader and the positioned reader give the same data. js-yaml's own core
 * schema differs in corners (it reads 1_000, 0b11 and +0x1 as numbers, which `yaml` keeps as text).
 */
const CORE_SCALARS = FAILSAFE_SCHEMA.extend({
  implicit: [
    new Type('tag:yaml.org,2002:null', { kind: 'scalar', resolve: (text: string | null) => text === null || /^(?:~|[Nn]ull|NULL)?$/.test(text), construct: () => null }),
    new Type('tag:yaml.org,2002:bool', { kind: 'scalar', resolve: (text: string) => /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(text), construct: (text: string) => text[0] === 't' || text[0] === 'T' }),
    new Type('tag:yaml.org,2002:int', {
      kind: 'scalar',
      resolve: (text: string) => /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/.test(text),
      construct: (text: string) => (text.startsWith('0o') ? parseInt(text.slice(2), 8) : text.startsWith('0x') ? parseInt(text.slice(2), 16) : parseInt(text, 10)),
    }),
    new Type('tag:yaml.org,2002:float', {
      kind: 'scalar',
      resolve: (text: string) => /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/.test(text),
      construct: (text: string) => (/nan$/i.test(text) ? NaN : /inf$/i.test(text) ? (text[0] === '-' ? -Infinity : Infinity) : parseFloat(text)),
    }),
  ],
});

/** A short YAML text (a --set value) as data, typed as in an answers file; throws on bad YAML with a one-line message. */
export function parseYamlValue(text: string): unknown {
  try {
    return loadYaml(text, { schema: CORE_SCALARS });
  } catch (error) {
    throw new Error((error as Error).message.split('\n')[0]!.replace(/ \(\d+:\d+\)$/, ''));
  }
}

// Anchors, aliases, tags and directives: the fast loader leaves them (and their limits) to `yaml`.
const NEEDS_DOCUMENT = /(?:^|[\s[\]{},])[&*!]|^%/m;

/**
 * The plain data of a YAML or JSON text by the fast loader (js-yaml, about eight times faster than
 * the `yaml` document), or undefined when the text needs the positioned reader: anything unusual,
 * any syntax error, a `__proto__` key. Diagnose reads every answers file this way first.
 */
export function loadPlainData(text: string): unknown {
  if (NEEDS_DOCUMENT.test(text)) return undefined;
  try {
    const data = parseYamlValue(text);
    return data === undefined || findKey(data, '__proto__') ? undefined : data;
  } catch {
    return undefined;
  }
}

/** What a data file must be: its schema, where the schema is documented, and checks beyond it. */
export interface DataSpec<T extends $ZodType> {
  /** The schema, or a loader of it when `fast` spares most runs from building it. */
  schema: T | (() => Promise<T>);
  /** Returns what the schema would for valid data, or undefined (invalid, or unsure): then the schema decides. */
  fast?: (data: unknown) => output<T> | undefined;
  schemaHint: string;
  /** The first problem a valid-by-schema value still has (unknown ids and the like), or null. */
  check?: (value: output<T>) => FieldProblem | null;
  /** Changes to the document before it becomes data (--set values); forces the positioned reader. */
  edit?: (doc: Document) => void;
}

const schemaOf = <T extends $ZodType>(spec: DataSpec<T>): T | Promise<T> => (typeof spec.schema === 'function' ? spec.schema() : spec.schema);

/**
 * The schema's output for valid data, else undefined, through the Standard Schema interface every
 * zod schema carries: this module then needs none of zod's functions (a dynamic import of them made
 * the bundle keep all of zod, 670 KB instead of 110).
 */
async function validOrUndefined<T extends $ZodType>(schema: T, data: unknown): Promise<output<T> | undefined> {
  const result = await schema['~standard'].validate(data);
  return result.issues ? undefined : (result.value as output<T>);
}

/**
 * Parses and validates a data text. Valid files take the fast loader; any problem is read again
 * with the positioned reader, so every message names file:line:column exactly as before.
 */
export async function parseValidated<T extends $ZodType>(raw: string, file: string, spec: DataSpec<T>): Promise<output<T>> {
  if (!spec.edit) {
    const data = loadPlainData(plainText(raw, file));
    if (data !== undefined) {
      const value = spec.fast ? spec.fast(data) : await validOrUndefined(await schemaOf(spec), data);
      if (value !== undefined && !spec.check?.(value)) return value;
    }
  }
  const { parseDataDocument, validateData, fieldError } = await import('./data-document.js');
  const parsed = parseDataDocument(raw, file, spec.edit);
  const value = validateData(parsed, await schemaOf(spec), file, spec.schemaHint);
  const problem = spec.check?.(value);
  if (problem) throw fieldError(parsed, problem);
  return value;
}
