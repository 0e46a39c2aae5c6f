// Reading data files (answers, reports, rule packs): decoding, the limits every reader applies,
// the fast loader, and the wording of validation problems. Positions and comment-preserving edits
// need the `yaml` library's document, which lives in data-document.ts and loads only when needed.
import { FAILSAFE_SCHEMA, Type, load as loadYaml } from 'js-yaml';
import type { Document } from 'yaml';
import type { $ZodIssue, $ZodType, output } from 'zod/v4/core';
import { InputError } from './errors.js';
import { decodeTextBytes } from './text-decode.js';

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

/** A field path into a data file: keys and list indexes. */
export type Path = readonly PropertyKey[];

/** A problem with one field of otherwise valid data, to be positioned in the file it came from. */
export interface FieldProblem {
  path: Path;
  text: string;
}

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
export function describeIssue(issue: $ZodIssue, data: unknown, schemaHint: string): { path: Path; text: string } {
  const found = valueAt(data, issue.path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0]!;
      return { path: [...issue.path, key], text: `unknown field "${key}"; remove it or fix its spelling (see: ${schemaHint})` };
    }
    case 'invalid_type':
      if (issue.path.length === 0 && (found === null || found === undefined)) return { path: [], text: 'the file is empty; expected an answers file (schemaVersion, entity, algorithms …)' };
      if (typeof found === 'number' && !Number.isFinite(found)) return { path: issue.path, text: `expected a finite number, got ${String(found)}` };
      {
        // zod names an integer "int"; users count people and days in whole numbers.
        const expected = issue.expected === 'int' ? 'a whole number' : issue.expected;
        return { path: issue.path, text: found === undefined ? `a value is required (expected ${expected})` : `expected ${expected}, got ${describeValue(found)}` };
      }
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

/** The text the fast loader may see: no NUL bytes, BOM and CRLF normalised. */
function plainText(raw: string, file: string): string {
  if (raw.includes('\u0000')) throw new InputError(`${file}: contains NUL bytes; expected a UTF-8 text file (YAML or JSON)`);
  return normalizeText(raw);
}

/**
 * The text the positioned reader may see: plain, and nested within bounds. The fast loader needs
 * no bound (too deep, it throws a RangeError and the file comes here), so only this path pays it.
 */
export function prepareDataText(raw: string, file: string): string {
  const text = plainText(raw, file);
  if (nestingDepth(text) > MAX_NESTING) throw new InputError(`${file}: nested more than ${MAX_NESTING} levels deep; expected an answers or rules file (they nest a few levels)`);
  return text;
}

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

/** The path of the first mapping key with this name, depth first. */
export function findKey(data: unknown, name: string): PropertyKey[] | null {
  if (data === null || typeof data !== 'object') return null;
  const list = Array.isArray(data);
  // The path is built on the way back up, so the scan of a valid file allocates nothing.
  for (const key of Object.keys(data)) {
    if (key === name && !list) return [key];
    const inner = findKey((data as Record<string, unknown>)[key], name);
    if (inner) return [list ? Number(key) : key, ...inner];
  }
  return null;
}
