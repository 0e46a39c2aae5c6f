// The error catalogue (src/messages/errors.yaml) against the code that throws from it: every entry
// is used, every entry the code names exists in Chinese and English, and errors are made from the
// catalogue rather than from English text, so a run in either language reads its errors in it.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateCatalogue } from '../../src/messages/catalogue-schema.js';
import { ROOT } from '../helpers.js';

const SRC = join(ROOT, 'src');
const sources = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts'))
  .map((file) => ({ file: relative(ROOT, join(SRC, file)), text: readFileSync(join(SRC, file), 'utf8') }));
const catalogue = parse(readFileSync(join(SRC, 'messages/errors.yaml'), 'utf8')) as Record<string, { zh: string; en: string }>;

/**
 * The catalogue keys a source names: the quoted first argument of inputError and of the readers'
 * problems (ZipProblem, WorkbookProblem), each branch of a ?: included, and `key: '…'` references.
 */
function keysNamedIn(text: string): string[] {
  const keys: string[] = [];
  for (const call of text.matchAll(/(?:inputError|Problem)\(([^,)]*)/g)) keys.push(...[...call[1]!.matchAll(/'([^']+)'/g)].map((m) => m[1]!));
  for (const ref of text.matchAll(/key: '((?:error|where|note|expected|problem|yaml|issue|expect|found|type|set|rules|assess|draft)\.[^']+)'/g)) keys.push(ref[1]!);
  // A schema's own expectation is its message, a key of this catalogue (src/data/describe-issue.ts).
  for (const ref of text.matchAll(/'((?:expect|issue)\.[a-z][\w.-]*)'/g)) keys.push(ref[1]!);
  return keys;
}

describe('the error catalogue', () => {
  it('has the one catalogue shape: every entry worded in Chinese and English', () => {
    expect(() => validateCatalogue(catalogue, 'src/messages/errors.yaml')).not.toThrow();
  });

  it('has every entry the code throws or refers to', () => {
    const named = sources.flatMap(({ file, text }) => keysNamedIn(text).map((key) => ({ file, key })));
    expect(named.length).toBeGreaterThan(100);
    for (const { file, key } of named) expect(Object.keys(catalogue), `${file}: ${key}`).toContain(key);
  });

  it('uses every entry it has', () => {
    const all = sources.map((s) => s.text).join('\n');
    // A key the code builds (`found.${kind}`) counts every entry under its prefix as used.
    const prefixes = [...all.matchAll(/`([a-z][\w.-]*\.)\$\{/g)].map((m) => m[1]!);
    const unused = Object.keys(catalogue).filter((key) => !all.includes(`'${key}'`) && !prefixes.some((prefix) => key.startsWith(prefix)));
    expect(unused).toEqual([]);
  });

  it('is the only source of errors a user reads: no module outside errors.ts constructs an InputError from text', () => {
    const constructing = sources.filter(({ file, text }) => file !== 'src/errors.ts' && /new InputError\(/.test(text)).map((s) => s.file);
    expect(constructing).toEqual([]);
  });
});
