// The import writes the client's edits into the answers file by splicing only what changes, so
// comments, key order, quoting and layout elsewhere stay byte for byte. Each case checks both that
// the data is exactly the intended edit and that no other line moved.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { editYamlText, type FieldEdit } from '../../src/checklist/yaml-edit.js';
import { ROOT } from '../helpers/formats.js';

const EXAMPLE = readFileSync(`${ROOT}/examples/filing.yaml`, 'utf8');

/** The reference: the same edits applied to plain data. */
function applyToData(data: unknown, edits: readonly FieldEdit[]): unknown {
  const copy = structuredClone(data) as Record<string | number, unknown>;
  for (const { path, field, value } of edits) {
    let node = copy as Record<string | number, unknown>;
    // Removing a field of an entry that does not exist changes nothing.
    if (value === undefined && path.reduce<unknown>((n, key) => (n as Record<string | number, unknown> | null)?.[key], copy) == null) continue;
    for (const key of path) {
      if (node[key] === null || node[key] === undefined) node[key] = {};
      node = node[key] as Record<string | number, unknown>;
    }
    if (value === undefined) delete node[field];
    else node[field] = value;
  }
  return copy;
}

/** Applies edits, checks the data, and returns the new text with the lines that differ from the old. */
function edit(text: string, edits: FieldEdit[]): { result: string; changed: string[] } {
  const result = editYamlText(text, edits);
  expect(parse(result)).toEqual(applyToData(parse(text), edits));
  // Lines of the result not in the original, counting repeats (a second "    materials:" is new).
  const left = new Map<string, number>();
  for (const line of text.split('\n')) left.set(line, (left.get(line) ?? 0) + 1);
  const changed = result.split('\n').filter((line) => {
    const count = left.get(line) ?? 0;
    left.set(line, count - 1);
    return count <= 0;
  });
  return { result, changed };
}

const feed = ['algorithms', 0, 'materials', 'algorithm-self-assessment'];

describe('editing the answers file in place', () => {
  it('replaces a value inside a flow mapping and nothing else', () => {
    const { result, changed } = edit(EXAMPLE, [{ path: feed, field: 'status', value: 'ready' }]);
    expect(changed).toEqual(['      algorithm-self-assessment: { status: ready, file: docs/feed/算法安全自评估报告.md, owner: 张敏, due: 2026-12-18 }']);
    expect(result.split('\n').length).toBe(EXAMPLE.split('\n').length);
  });

  it('adds and removes fields of a flow mapping, first, middle and last', () => {
    const { changed } = edit(EXAMPLE, [
      { path: feed, field: 'file', value: undefined },
      { path: feed, field: 'due', value: undefined },
      { path: feed, field: 'reason', value: '等待法务复核' },
      { path: ['services', 0, 'materials', 'security-assessment-report'], field: 'status', value: undefined },
    ]);
    expect(changed).toEqual([
      '      security-assessment-report: { owner: 赵琳, due: 2026-12-21 }',
      '      algorithm-self-assessment: { status: draft, owner: 张敏, reason: 等待法务复核 }',
    ]);
  });

  it('creates a materials mapping for an algorithm that has none, below its commented last line', () => {
    const path = ['algorithms', 1, 'materials', 'algorithm-disclosure'];
    const { result, changed } = edit(EXAMPLE, [{ path, field: 'status', value: 'draft' }, { path, field: 'owner', value: '产品部' }]);
    expect(changed.sort()).toEqual(['      algorithm-disclosure: { status: draft, owner: 产品部 }', '    materials:']);
    expect(result).toContain("    declaredType: 个性化推送类   # the product team's guess; the facts say 排序精选类\n    materials:\n");
  });

  it('adds an entity-level entry at the end of the file and keeps the head comments', () => {
    const { result, changed } = edit(EXAMPLE, [{ path: ['materials', 'system-data-security'], field: 'status', value: 'ready' }]);
    expect(changed).toEqual(['  system-data-security: { status: ready }']);
    expect(result.startsWith(EXAMPLE.split('\n').slice(0, 3).join('\n'))).toBe(true);
  });

  it('edits block mappings, a null entry, and a file without a final line break', () => {
    const text = [
      'schemaVersion: 1 # head',
      'materials:',
      '  a-b:',
      '    status: draft   # keep me',
      '    owner: 张三',
      '    reason: |',
      '      two',
      '      lines',
      '  c-d:',
      '  e-f: {}',
      '  g-h:',
      '    owner: x',
    ].join('\n');
    const { result } = edit(text, [
      { path: ['materials', 'a-b'], field: 'status', value: 'ready' },
      { path: ['materials', 'a-b'], field: 'owner', value: undefined },
      { path: ['materials', 'a-b'], field: 'due', value: '2026-12-20' },
      { path: ['materials', 'c-d'], field: 'status', value: 'missing' },
      { path: ['materials', 'e-f'], field: 'file', value: 'x.docx' },
      { path: ['materials', 'g-h'], field: 'owner', value: undefined },
      { path: ['materials', 'i-j'], field: 'status', value: 'ready' },
    ]);
    expect(result).toBe([
      'schemaVersion: 1 # head',
      'materials:',
      '  a-b:',
      '    status: ready   # keep me',
      '    reason: |',
      '      two',
      '      lines',
      '    due: 2026-12-20',
      '  c-d: { status: missing }',
      '  e-f: { file: x.docx }',
      '  g-h:',
      '    {}',
      '  i-j: { status: ready }',
      '',
    ].join('\n'));
  });

  it('keeps a JSON answers file JSON, and CRLF line ends CRLF', () => {
    const json = `{\r\n  "schemaVersion": 1,\r\n  "materials": {\r\n    "a-b": { "status": "draft" }\r\n  },\r\n  "algorithms": [\r\n    { "id": "x" }\r\n  ]\r\n}\r\n`;
    const { result } = edit(json, [
      { path: ['materials', 'a-b'], field: 'owner', value: 'Li "Lei"' },
      { path: ['algorithms', 0, 'materials', 'c-d'], field: 'status', value: 'ready' },
    ]);
    expect(JSON.parse(result).algorithms[0].materials['c-d'].status).toBe('ready');
    expect(result.replace(/\r\n/g, '')).not.toContain('\n');
    const crlf = EXAMPLE.replace(/\n/g, '\r\n');
    const { result: yaml } = edit(crlf, [{ path: ['algorithms', 2, 'materials', 'user-minors'], field: 'status', value: 'ready' }]);
    expect(yaml.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('quotes values that would not read back as the same string', () => {
    const hostile = ['yes', '123', '2026', 'a: b', '#x', '- x', 'x #y', '{a}', 'a, b', '@owner', '`cmd`', 'null', '~', "it's", '"q"', 'line\nbreak', ' padded ', '%tag', '!bang', '*ref', '&anchor', '[x]'];
    edit(EXAMPLE, hostile.map((value, i) => ({ path: ['materials', `entity-x${i}`], field: 'owner', value })));
    edit(EXAMPLE, hostile.map((value) => ({ path: feed, field: 'reason', value })));
  });

  it('holds for any sequence of edits and any strings', () => {
    const paths = [feed, ['materials', 'entity-icp'], ['materials', 'new-one'], ['algorithms', 1, 'materials', 'algorithm-disclosure'], ['algorithms', 4, 'materials', 'labeling-explicit']];
    const anEdit = fc.record({
      path: fc.constantFrom(...paths),
      field: fc.constantFrom('status', 'owner', 'due', 'file', 'reason'),
      value: fc.option(fc.string({ unit: fc.constantFrom('a', ' ', ':', '#', '-', '"', "'", '\\', '\n', '\t', ',', '{', '}', '[', ']', '|', '>', '&', '*', '!', '%', '@', '`', '张', '，', '\u2028', '0', '1', '.', 'e', 'y', '~'), minLength: 1 }), { nil: undefined }),
    });
    fc.assert(fc.property(fc.array(anEdit, { maxLength: 8 }), (edits) => void edit(EXAMPLE, edits)), { numRuns: 200 });
  });
});
