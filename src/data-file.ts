import { LineCounter, isMap, isNode, isSeq, parseDocument, type Document } from 'yaml';
import * as z from './zod.js';
import type { $ZodIssue, $ZodType, output } from 'zod/v4/core';
import { InputError } from './errors.js';
import { decodeTextBytes } from './text-decode.js';


// A cap on alias expansion, so a "billion laughs" document fails fast instead of eating memory.
const MAX_ALIAS_COUNT = 100;
// The YAML parser recurses per level and runs out of memory (a fatal, uncatchable abort) on tens
// of thousands of nested brackets; real answers files nest about six levels deep.
const MAX_NESTING = 64;

/** How deep flow brackets or block indentation nest, quoted text and comments aside. */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let quote: string | null = null;
  let comment = false;
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      comment = false;
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart) {
      if (c === ' ') {
        // Two spaces a level is the usual YAML style; eight per level still counts generously.
        indent++;
        deepest = Math.max(deepest, Math.floor(indent / 8));
        continue;
      }
      lineStart = false;
    }
    if (comment) continue;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
      continue;
    }
    // A quote opens a quoted scalar only where a value starts; elsewhere it is an apostrophe.
    if ((c === '"' || c === "'") && /^$|[:\-[{,]$/.test(text.slice(Math.max(0, i - 2), i).trimEnd().slice(-1))) quote = c;
    else if (c === '#') comment = true;
    else if (c === '[' || c === '{') deepest = Math.max(deepest, ++depth);
    else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  return deepest;
}

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
function describeIssue(issue: $ZodIssue, data: unknown, schemaHint: string): { path: Path; text: string } {
  const found = valueAt(data, issue.path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0]!;
      return { path: [...issue.path, key], text: `unknown field "${key}"; remove it or fix its spelling (see: ${schemaHint})` };
    }
    case 'invalid_type':
      if (issue.path.length === 0 && (found === null || found === undefined)) return { path: [], text: 'the file is empty; expected an answers file (schemaVersion, entity, algorithms …)' };
      if (typeof found === 'number' && !Number.isFinite(found)) return { path: issue.path, text: `expected a finite number, got ${String(found)}` };
      return { path: issue.path, text: found === undefined ? `a value is required (expected ${issue.expected})` : `expected ${issue.expected}, got ${describeValue(found)}` };
    case 'invalid_value':
      if (found === undefined) return { path: issue.path, text: `a value is required (expected ${issue.values.map((v) => JSON.stringify(v)).join(' | ')})` };
      return {
        path: issue.path,
        text: `expected ${issue.values.length === 1 ? '' : 'one of '}${issue.values.map((v) => JSON.stringify(v)).join(' | ')}, got ${describeValue(found)}`,
      };
    case 'too_small': {
      const unit = issue.origin === 'array' ? ' item(s)' : issue.origin === 'string' ? ' character(s)' : '';
      const bound = issue.origin === 'array' || issue.origin === 'string' ? `at least ${String(issue.minimum)}${unit}` : `a number ${issue.inclusive ? '≥' : '>'} ${String(issue.minimum)}`;
      return { path: issue.path, text: `expected ${bound}${found !== undefined && typeof found !== 'object' ? `, got ${describeValue(found)}` : ''}` };
    }
    case 'invalid_union': {
      // Report the branch the value was meant for: the one least troubled by missing or extra keys.
      const shapeProblems = (errors: $ZodIssue[]) =>
        errors.filter((e) => e.code === 'unrecognized_keys' || (e.code === 'invalid_type' && valueAt(found, e.path) === undefined)).length;
      const branch = [...issue.errors].sort((a, b) => shapeProblems(a) - shapeProblems(b))[0];
      const inner = branch?.[0];
      if (inner && shapeProblems(branch) === 0) return describeIssue({ ...inner, path: [...issue.path, ...inner.path] }, data, schemaHint);
      return { path: issue.path, text: `expected a valid condition (facts, any, all or not), got ${describeValue(found)}` };
    }
    default: {
      // Custom and format issues carry our own "what was expected" phrase as their message.
      const shown = found !== undefined && typeof found !== 'object' && !issue.message.includes('(got ') ? `, got ${describeValue(found)}` : '';
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

/**
 * Decodes an answers file's bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM. GBK is refused
 * rather than guessed, because a wrong guess would garble the company and product names.
 */
export function decodeDataBytes(bytes: Uint8Array, file: string): string {
  if (bytes.includes(0) && !(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError(`${file}: contains NUL bytes; expected a UTF-8 text file (YAML or JSON)`);
  }
  const decoded = decodeTextBytes(bytes);
  if (!decoded) throw new InputError(`${file}: not a text file; expected a UTF-8 text file (YAML or JSON)`);
  if (decoded.encoding === 'gb18030') {
    throw new InputError(`${file}: not UTF-8 (it looks like GBK, as Chinese Windows editors save it); expected UTF-8: re-save the file as UTF-8`);
  }
  return decoded.text;
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
  if (nestingDepth(text) > MAX_NESTING) throw new InputError(`${file}: nested more than ${MAX_NESTING} levels deep; expected an answers or rules file (they nest a few levels)`);
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const error = doc.errors[0];
  if (error) {
    const [start] = error.pos;
    const { line, col } = lineCounter.linePos(start);
    // The parser's own wording, except where it names its API instead of the problem.
    const what = error.code === 'MULTIPLE_DOCS' ? 'the file holds several YAML documents (separated by ---); expected one' : error.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
    throw new InputError(`${file}:${line}:${col}: syntax error: ${what}`);
  }
  edit?.(doc);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (cause) {
    throw new InputError(`${file}: ${(cause as Error).message}; expected a file without alias expansion bombs`);
  }
  const forbidden = findKey(data, '__proto__');
  // Left in, the key would be silently dropped by validation or, worse, set an object's prototype.
  if (forbidden) throw new InputError(`${locateIn(doc, lineCounter, file, forbidden)}: ${formatPath(forbidden)}: "__proto__" is not allowed as a key; expected field names from the schema`);
  return { data, doc, locate: (path) => locateIn(doc, lineCounter, file, path) };
}

/** The path of the first mapping key with this name, depth first. */
function findKey(data: unknown, name: string, path: PropertyKey[] = []): PropertyKey[] | null {
  if (data === null || typeof data !== 'object') return null;
  for (const key of Object.keys(data)) {
    const here = [...path, Array.isArray(data) ? Number(key) : key];
    if (key === name && !Array.isArray(data)) return here;
    const inner = findKey((data as Record<string, unknown>)[key], name, here);
    if (inner) return inner;
  }
  return null;
}

/** file:line:column of a field path, walking up to the deepest part of it that exists. */
function locateIn(doc: Document, lineCounter: LineCounter, file: string, path: Path): string {
  // Walk down as far as the path exists, so a missing field points at its parent.
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) {
      const { line, col } = lineCounter.linePos(keyStart(doc, path.slice(0, depth)) ?? node.range[0]);
      return `${file}:${line}:${col}`;
    }
  }
  return file;
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
export function problemWith(schema: $ZodType, value: unknown, schemaHint: string): string | null {
  const result = z.safeParse(schema, value);
  if (result.success) return null;
  const first = describeIssue(result.error.issues[0]!, value, schemaHint);
  return first.path.length > 0 ? `${formatPath(first.path)}: ${first.text}` : first.text;
}

/** Validates parsed data with a zod schema; the first problem becomes one InputError line. */
export function validateData<T extends $ZodType>(parsed: ParsedDataFile, schema: T, file: string, schemaHint: string): output<T> {
  const result = z.safeParse(schema, parsed.data);
  if (result.success) return result.data;
  const issues = result.error.issues;
  const first = describeIssue(issues[0]!, parsed.data, schemaHint);
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  const where = parsed.locate(first.path);
  const field = first.path.length > 0 ? `${formatPath(first.path)}: ` : '';
  throw new InputError(`${where}: ${field}${first.text}${more}`);
}

/** An InputError for a field path of a parsed file, positioned where the field is written. */
export function fieldError(parsed: ParsedDataFile, path: Path, text: string): InputError {
  return new InputError(`${parsed.locate(path)}: ${formatPath(path)}: ${text}`);
}
