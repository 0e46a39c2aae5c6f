// Reading data files (answers, reports, rule packs) as validated data: the `yaml` document, so
// every problem names file:line:column, then the zod schema, then checks beyond the schema.
import { parse, type Document } from 'yaml';
import type { $ZodType, output } from 'zod/v4/core';
import { fieldError, parseDataDocument, validateData } from './data-document.js';
import type { FieldProblem } from './field-path.js';

/** A short YAML text (a --set value) as data, typed as in an answers file; throws on bad YAML with a one-line message. */
export function parseYamlValue(text: string): unknown {
  try {
    return parse(text, { logLevel: 'error' });
  } catch (error) {
    throw new Error((error as Error).message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, ''));
  }
}

/** What a data file must be: its schema, where the schema is documented, and checks beyond it. */
export interface DataSpec<T extends $ZodType> {
  schema: T;
  schemaHint: string;
  /** The first problem a valid-by-schema value still has (unknown ids and the like), or null. */
  check?: (value: output<T>) => FieldProblem | null;
  /** Changes to the document before it becomes data (--set values), so positions still point into the file. */
  edit?: (doc: Document) => void;
}

/** Parses and validates a data text; any problem is an InputError naming file:line:column. */
export function parseValidated<T extends $ZodType>(raw: string, file: string, spec: DataSpec<T>): output<T> {
  const parsed = parseDataDocument(raw, file, spec.edit);
  const value = validateData(parsed, spec.schema, spec.schemaHint);
  const problem = spec.check?.(value);
  if (problem) throw fieldError(parsed, problem);
  return value;
}
