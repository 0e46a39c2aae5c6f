import { isMap, isScalar, parse, parseDocument, type Document, type Pair, type YAMLMap } from 'yaml';

/** Set (value) or remove (undefined) one field of a mapping found at `path`, creating the mapping if needed. */
export interface FieldEdit {
  path: (string | number)[];
  field: string;
  value: string | undefined;
}

type Range = [number, number, number];

/**
 * Applies field edits to YAML (or JSON) text by splicing only the characters that change, found
 * through the yaml Document API's node ranges. Everything else (comments, key order, quoting, flow
 * or block style, blank lines) stays byte for byte. New mappings are written in flow style, like
 * `{ status: ready }`, the answers file's convention; a JSON file stays JSON.
 */
export function editYamlText(text: string, edits: readonly FieldEdit[]): string {
  const bom = text.startsWith('\ufeff') ? '\ufeff' : '';
  let body = text.slice(bom.length);
  for (const edit of edits) body = applyEdit(body, edit);
  return bom + body;
}

function applyEdit(text: string, { path, field, value }: FieldEdit): string {
  const doc = parseDocument(text, { logLevel: 'error' });
  if (doc.errors.length > 0) throw new Error(`cannot edit a YAML document with errors: ${doc.errors[0]!.message}`);
  const style = new Style(text, isMap(doc.contents) && doc.contents.flow === true);
  const node = doc.getIn(path, true);
  if (isMap(node)) {
    const pair = findPair(node, field);
    if (pair && value !== undefined) return replaceValue(text, pair, style.scalar(value));
    if (pair) return deletePair(text, node, pair);
    return value === undefined ? text : insertPair(text, node, field, ` ${style.scalar(value)}`, style);
  }
  if (value === undefined) return text;
  return createMapping(text, doc, path, style.flowMap([[field, style.scalar(value)]]), style);
}

/** How new text is written: JSON keeps JSON quoting; YAML uses plain scalars where they read back the same. */
class Style {
  readonly eol: string;
  constructor(text: string, readonly json: boolean) {
    this.eol = text.includes('\r\n') ? '\r\n' : '\n';
  }

  key(key: string): string {
    return this.json ? JSON.stringify(key) : this.scalar(key);
  }

  scalar(value: string): string {
    if (this.json) return JSON.stringify(value);
    // Plain only when it reads back as the same string both in a block and inside a flow mapping.
    const plainIsSafe = value !== '' && !/[\r\n]/.test(value) && value === value.trim() && readsBack(`k: ${value}`, value) && readsBack(`{ k: ${value} }`, value);
    return plainIsSafe ? value : JSON.stringify(value);
  }

  flowMap(entries: [string, string][]): string {
    return `{ ${entries.map(([k, v]) => `${this.key(k)}: ${v}`).join(', ')} }`;
  }
}

function readsBack(source: string, value: string): boolean {
  try {
    return (parse(source, { logLevel: 'error' }) as { k?: unknown } | null)?.k === value;
  } catch {
    return false;
  }
}

function keyOf(pair: Pair): unknown {
  return isScalar(pair.key) ? pair.key.value : pair.key;
}

function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => keyOf(p) === key) as Pair | undefined;
}

function rangeOf(node: unknown): Range {
  const range = (node as { range?: Range } | null)?.range;
  if (!range) throw new Error('yaml node without a source range');
  return range;
}

const splice = (text: string, start: number, end: number, insert: string) => text.slice(0, start) + insert + text.slice(end);
const lineStart = (text: string, pos: number) => text.lastIndexOf('\n', pos - 1) + 1;

/** The position after the line break that ends the line holding `pos` (or the text's end). */
function lineEnd(text: string, pos: number): number {
  if (pos > 0 && text[pos - 1] === '\n') return pos;
  const next = text.indexOf('\n', pos);
  return next === -1 ? text.length : next + 1;
}

function replaceValue(text: string, pair: Pair, scalar: string): string {
  const [start, end] = rangeOf(pair.value);
  // `key:` with nothing after it holds an empty null scalar; the new value needs its space.
  return start === end ? splice(text, start, end, ` ${scalar}`) : splice(text, start, end, scalar);
}

function deletePair(text: string, map: YAMLMap, pair: Pair): string {
  const index = map.items.indexOf(pair as never);
  const [mapStart, mapEnd] = rangeOf(map);
  if (map.items.length === 1) return splice(text, mapStart, mapEnd, '{}');
  if (map.flow) {
    const next = map.items[index + 1] as Pair | undefined;
    if (next) return splice(text, rangeOf(pair.key)[0], rangeOf(next.key)[0], '');
    const previous = map.items[index - 1] as Pair;
    return splice(text, rangeOf(previous.value)[1], rangeOf(pair.value)[1], '');
  }
  return splice(text, lineStart(text, rangeOf(pair.key)[0]), lineEnd(text, rangeOf(pair.value)[1]), '');
}

/** Adds `key:<valueText>` at the end of a mapping; valueText starts with a space, or a line break for a nested block. */
function insertPair(text: string, map: YAMLMap, key: string, valueText: string, style: Style): string {
  const [mapStart, mapEnd] = rangeOf(map);
  if (map.flow) {
    if (map.items.length === 0) return splice(text, mapStart, mapEnd, `{ ${style.key(key)}:${valueText} }`);
    const last = map.items[map.items.length - 1] as Pair;
    const end = rangeOf(last.value ?? last.key)[1];
    return splice(text, end, end, `, ${style.key(key)}:${valueText}`);
  }
  const firstKey = rangeOf((map.items[0] as Pair).key)[0];
  const indent = ' '.repeat(firstKey - lineStart(text, firstKey));
  const last = map.items[map.items.length - 1] as Pair;
  const at = lineEnd(text, rangeOf(last.value ?? last.key)[1]);
  const lead = at === text.length && !text.endsWith('\n') ? style.eol : '';
  return splice(text, at, at, `${lead}${indent}${style.key(key)}:${valueText}${style.eol}`);
}

/**
 * Creates the mapping at `path` holding `mapText`: as a new key of its parent mapping, creating the
 * parent (an algorithm's `materials:`, say) when it is missing too.
 */
function createMapping(text: string, doc: Document, path: (string | number)[], mapText: string, style: Style): string {
  const existing = doc.getIn(path, true);
  if (isScalar(existing) && existing.value === null) {
    // `id:` written with no value: give it the mapping.
    const pair = findPair(doc.getIn(path.slice(0, -1), true) as YAMLMap, String(path[path.length - 1]));
    if (pair) return replaceValue(text, pair, mapText);
  }
  const parentPath = path.slice(0, -1);
  const key = String(path[path.length - 1]);
  const parent = parentPath.length === 0 ? doc.contents : doc.getIn(parentPath, true);
  if (isMap(parent)) return insertPair(text, parent, key, ` ${mapText}`, style);
  if (isScalar(parent) && parent.value === null) return createMapping(text, doc, parentPath, style.flowMap([[key, mapText]]), style);
  if (parent !== undefined) throw new Error(`${parentPath.join('.')} is not a mapping`);
  const grand = parentPath.length === 1 ? doc.contents : doc.getIn(parentPath.slice(0, -1), true);
  if (!isMap(grand)) throw new Error(`${parentPath.slice(0, -1).join('.') || 'the document'} is not a mapping`);
  const parentKey = String(parentPath[parentPath.length - 1]);
  if (grand.flow) return insertPair(text, grand, parentKey, ` ${style.flowMap([[key, mapText]])}`, style);
  const firstKey = rangeOf((grand.items[0] as Pair).key)[0];
  const childIndent = ' '.repeat(firstKey - lineStart(text, firstKey) + 2);
  return insertPair(text, grand, parentKey, `${style.eol}${childIndent}${style.key(key)}: ${mapText}`, style);
}
