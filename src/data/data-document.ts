// The positioned reading of a data file, with the `yaml` library: a document that keeps comments
// and knows where every field was written, so problems name file:line:column and edits keep the
// file as its author wrote it.
import { LineCounter, isMap, isNode, isPair, isScalar, isSeq, parseDocument, visit, type Document } from 'yaml';
import type { $ZodType, output } from 'zod/v4/core';
import { prepareDataText } from './data-text.js';
import { describeIssue } from './describe-issue.js';
import { findKey, formatPath, type FieldProblem, type Path } from './field-path.js';
import { ERROR_MESSAGES, inputError, InputError } from '../errors.js';
import type { MessageArg } from '../messages/catalogue.js';
import * as z from '../zod.js';

// A cap on alias expansion, so a "billion laughs" document fails fast instead of eating memory.
const MAX_ALIAS_COUNT = 100;

/** A line and column in a data file, both counted from 1 (columns in UTF-16 code units). */
export interface TextPosition {
  line: number;
  column: number;
}

/** A parsed data file: the plain data, its document (comments kept) and where a field path was written. */
export interface ParsedDataFile {
  data: unknown;
  doc: Document;
  locate(path: Path): string;
  /** Where a field path was written, or its deepest written parent; undefined for an empty document. */
  position(path: Path): TextPosition | undefined;
}

/**
 * Parses YAML or JSON (JSON is YAML) keeping positions, so errors can say file:line:column.
 * Duplicate keys, tabs in indentation and alias bombs are syntax errors here. `edit` may change
 * the document before it becomes data (--set values), so positions still point into the file.
 */
export function parseDataDocument(raw: string, file: string, edit?: (doc: Document) => void): ParsedDataFile {
  const text = prepareDataText(raw, file);
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true, logLevel: 'error' });
  const error = doc.errors[0];
  if (error) {
    const [start] = error.pos;
    const { line, col } = lineCounter.linePos(start);
    const where = `${file}:${line}:${col}`;
    if (error.code === 'MULTIPLE_DOCS') throw inputError('error.data.several-documents', { where });
    // The parser's own wording, without the position it repeats, is the English; Chinese says what to fix.
    const detail = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
    throw inputError('error.data.syntax', { where, what: { key: Object.hasOwn(ERROR_MESSAGES, `yaml.${error.code}`) ? `yaml.${error.code}` : 'yaml.other', args: { detail } } });
  }
  refuseUnplainValues(doc, lineCounter, file);
  edit?.(doc);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (cause) {
    throw inputError('error.data.alias-bomb', { file, detail: (cause as Error).message });
  }
  const forbidden = findKey(data, '__proto__');
  // Left in, the key would be silently dropped by validation or, worse, set an object's prototype.
  if (forbidden) throw inputError('error.data.proto-key', { where: locateIn(doc, lineCounter, file, forbidden), field: formatPath(forbidden) });
  return { data, doc, locate: (path) => locateIn(doc, lineCounter, file, path), position: (path) => positionIn(doc, lineCounter, path) };
}

// What plain YAML and JSON hold. Other tags (!!binary, !!set, !!timestamp, an application's own
// !tag) turn values into bytes, sets or dates that the schema would call "a mapping".
const PLAIN_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((name) => `tag:yaml.org,2002:${name}`));

/** The field path of a node from visit's ancestors: keys of the pairs, indexes in the lists. */
function fieldPathOf(ancestors: readonly unknown[], node: unknown): Path {
  const path: PropertyKey[] = [];
  const chain = [...ancestors, node];
  chain.forEach((item, i) => {
    if (isPair(item)) path.push(String(isScalar(item.key) ? item.key.value : item.key));
    else if (isSeq(item)) path.push(item.items.indexOf(chain[i + 1] as never));
  });
  return path;
}

/**
 * Refuses what plain data cannot hold: an explicit tag that is not plain YAML, and a number its
 * reader would change (1.0000000000000000001 reads as 1, 9007199254740993 as …992), each named
 * with where it was written.
 */
function refuseUnplainValues(doc: Document, lineCounter: LineCounter, file: string): void {
  visit(doc, (_key, node, ancestors) => {
    if (!isNode(node)) return;
    const at = () => {
      const { line, col } = lineCounter.linePos(node.range?.[0] ?? 0);
      const path = fieldPathOf(ancestors, node);
      return `${file}:${line}:${col}${path.length > 0 ? `: ${formatPath(path)}` : ''}`;
    };
    if (node.tag !== undefined && !PLAIN_TAGS.has(node.tag)) {
      const tag = node.tag.replace(/^tag:yaml\.org,2002:/, '!!');
      throw inputError('error.data.unsupported-tag', { where: at(), tag });
    }
    if (isScalar(node) && typeof node.value === 'number' && typeof node.source === 'string') {
      const lossy = (/^[-+]?\d+\.\d*[1-9]\d*$/.test(node.source) && Number.isInteger(node.value)) || (/^[-+]?\d{16,}$/.test(node.source) && BigInt(node.source) !== BigInt(node.value));
      if (lossy) throw inputError('error.data.inexact-number', { where: at(), source: node.source, value: String(node.value) });
    }
  });
}

/** file:line:column of a field path, walking up to the deepest part of it that exists. */
function locateIn(doc: Document, lineCounter: LineCounter, file: string, path: Path): string {
  const position = positionIn(doc, lineCounter, path);
  return position ? `${file}:${position.line}:${position.column}` : file;
}

/** Line and column of a field path (of its key, for a mapping entry), or of its deepest written parent. */
function positionIn(doc: Document, lineCounter: LineCounter, path: Path): TextPosition | undefined {
  // Walk down as far as the path exists, so a missing field points at its parent.
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) {
      const { line, col } = lineCounter.linePos(keyStart(doc, path.slice(0, depth)) ?? node.range[0]);
      return { line, column: col };
    }
  }
  return undefined;
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

/** Validates parsed data with a zod schema; the first problem becomes one InputError line. */
export function validateData<T extends $ZodType>(parsed: ParsedDataFile, schema: T, schemaHint: string): output<T> {
  const result = z.safeParse(schema, parsed.data);
  if (result.success) return result.data;
  const issues = result.error.issues;
  const first = describeIssue(issues[0]!, parsed.data, schemaHint);
  const more: MessageArg = issues.length === 1 ? '' : issues.length === 2 ? { key: 'error.more-problem' } : { key: 'error.more-problems', args: { count: issues.length - 1 } };
  const where = parsed.locate(first.path);
  if (first.path.length === 0) throw inputError('error.file-problem', { where, problem: first.problem, more });
  throw inputError('error.field', { where, field: formatPath(first.path), problem: first.problem, more });
}

/** An InputError for a field problem of a parsed file, positioned where the field is written. */
export function fieldError(parsed: ParsedDataFile, { path, problem }: FieldProblem): InputError {
  return inputError('error.field', { where: parsed.locate(path), field: formatPath(path), problem, more: '' });
}
