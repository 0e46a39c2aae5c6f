import { LineCounter, isMap, isNode, isSeq, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { InputError } from './errors.js';

// Guards against hostile files: a size no real answers file or rule pack comes near, and a cap on
// alias expansion so a "billion laughs" document fails fast instead of eating memory.
export const MAX_DATA_FILE_BYTES = 5 * 1024 * 1024;
const MAX_ALIAS_COUNT = 100;

type Path = readonly PropertyKey[];

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

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  return `${typeof value} ${String(value)}`;
}

function valueAt(data: unknown, path: Path): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** Turns one zod issue into "what was expected" wording, with what was found where that helps. */
function describeIssue(issue: z.core.$ZodIssue, data: unknown, schemaHint: string): { path: Path; text: string } {
  const found = valueAt(data, issue.path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0]!;
      return { path: [...issue.path, key], text: `unknown field "${key}"; remove it or fix its spelling (see: ${schemaHint})` };
    }
    case 'invalid_type':
      return { path: issue.path, text: found === undefined ? `a value is required (expected ${issue.expected})` : `expected ${issue.expected}, got ${describeValue(found)}` };
    case 'invalid_value':
      return { path: issue.path, text: `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(' | ')}, got ${describeValue(found)}` };
    case 'too_small':
      return { path: issue.path, text: issue.origin === 'array' ? `expected at least ${String(issue.minimum)} item(s)` : `expected ${issue.message}` };
    case 'invalid_union':
      return { path: issue.path, text: `expected a valid condition (facts, any, all or not), got ${describeValue(found)}` };
    default: {
      // Custom and format issues carry our own "what was expected" phrase as their message.
      const shown = found !== undefined && typeof found !== 'object' ? `, got ${describeValue(found)}` : '';
      return { path: issue.path, text: `expected ${issue.message}${shown}` };
    }
  }
}

/** A parsed data file: the plain data, its document (comments kept) and where a field path was written. */
export interface ParsedDataFile {
  data: unknown;
  doc: Document;
  locate(path: Path): string;
}

/** Strips a UTF-8 BOM and normalises CRLF, both of which Windows editors produce. */
export function normalizeText(text: string): string {
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n');
}

/**
 * Parses YAML or JSON (JSON is YAML) keeping positions, so errors can say file:line:column.
 * Duplicate keys, tabs in indentation and alias bombs are syntax errors here. `edit` may change
 * the document before it becomes data (--set values), so positions still point into the file.
 */
export function parseDataText(raw: string, file: string, edit?: (doc: Document) => void): ParsedDataFile {
  if (raw.includes('\u0000')) throw new InputError(`${file}: contains NUL bytes; expected a UTF-8 text file (YAML or JSON)`);
  const text = normalizeText(raw);
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const error = doc.errors[0];
  if (error) {
    const [start] = error.pos;
    const { line, col } = lineCounter.linePos(start);
    const what = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
    throw new InputError(`${file}:${line}:${col}: syntax error: ${what}`);
  }
  edit?.(doc);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (cause) {
    throw new InputError(`${file}: ${(cause as Error).message}; expected a file without alias expansion bombs`);
  }
  const locate = (path: Path): string => {
    // Walk down as far as the path exists, so a missing field points at its parent.
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth) as unknown[], true);
      if (isNode(node) && node.range) {
        const { line, col } = lineCounter.linePos(keyStart(doc, path.slice(0, depth)) ?? node.range[0]);
        return `${file}:${line}:${col}`;
      }
    }
    return file;
  };
  return { data, doc, locate };
}

/** Where the key of a mapping entry starts, so "unknown field" points at the key, not its value. */
function keyStart(doc: Document, path: Path): number | undefined {
  if (path.length === 0) return undefined;
  const parent = doc.getIn(path.slice(0, -1) as unknown[], true);
  const last = path[path.length - 1];
  if (isMap(parent)) {
    const pair = parent.items.find((item) => isNode(item.key) && (item.key as { value?: unknown }).value === last);
    if (pair && isNode(pair.key) && pair.key.range) return pair.key.range[0];
  }
  if (isSeq(parent) && typeof last === 'number') {
    const item = parent.items[last];
    if (isNode(item) && item.range) return item.range[0];
  }
  return undefined;
}

/** What is wrong with a value for a schema, worded like file errors ("expected …, got …"); null when valid. */
export function problemWith(schema: z.ZodType, value: unknown, schemaHint: string): string | null {
  const result = schema.safeParse(value);
  if (result.success) return null;
  const first = describeIssue(result.error.issues[0]!, value, schemaHint);
  return first.path.length > 0 ? `${formatPath(first.path)}: ${first.text}` : first.text;
}

/** Validates parsed data with a zod schema; the first problem becomes one InputError line. */
export function validateData<T extends z.ZodType>(parsed: ParsedDataFile, schema: T, file: string, schemaHint: string): z.output<T> {
  const result = schema.safeParse(parsed.data);
  if (result.success) return result.data;
  const issues = result.error.issues;
  const first = describeIssue(issues[0]!, parsed.data, schemaHint);
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  const where = parsed.locate(first.path);
  throw new InputError(`${where === file ? file : where}: ${formatPath(first.path)}: ${first.text}${more}`);
}

/** An InputError for a field path of a parsed file, positioned where the field is written. */
export function fieldError(parsed: ParsedDataFile, path: Path, text: string): InputError {
  return new InputError(`${parsed.locate(path)}: ${formatPath(path)}: ${text}`);
}
