// The fast loader (js-yaml) must read every file it accepts exactly as the positioned reader (the
// `yaml` document) does, or diagnose would see different data on the happy path than in its
// error messages. These tests compare the two on every data file of the repository, on tricky
// scalars, and on generated documents in every YAML style.
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseDataDocument } from '../../src/data/data-document.js';
import { loadPlainData, parseValidated } from '../../src/data/data-file.js';
import { prepareDataText } from '../../src/data/data-text.js';
import { AnswersSchema } from '../../src/answers/schema.js';
import { ROOT } from '../helpers.js';

/** The data both readers give, or the positioned reader's error message. */
function readBoth(raw: string): { fast: unknown; positioned: unknown } {
  const text = prepareDataText(raw, 'case.yaml');
  let positioned: unknown;
  try {
    positioned = parseDataDocument(text, 'case.yaml').data;
  } catch (error) {
    positioned = `error: ${(error as Error).message}`;
  }
  return { fast: loadPlainData(text), positioned };
}

function dataFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return dataFiles(path);
    return /\.(ya?ml|json)$/.test(name) ? [path] : [];
  });
}

describe('the fast loader agrees with the positioned reader', () => {
  const files = ['examples', 'test/fixtures', 'test/hostile', 'rules'].flatMap((dir) => dataFiles(join(ROOT, dir)));

  it('on every data file of the repository it accepts, and it accepts the realistic ones', () => {
    let accepted = 0;
    for (const file of files) {
      let raw: string;
      try {
        raw = readFileSync(file, 'utf8');
        prepareDataText(raw, file);
      } catch {
        continue; // NUL bytes, nesting bombs: refused before either reader runs.
      }
      const { fast, positioned } = readBoth(raw);
      if (fast === undefined) continue;
      accepted++;
      expect(fast, file).toEqual(positioned);
    }
    // The bundled example and the realistic cases must take the fast path, or it buys nothing.
    expect(accepted).toBeGreaterThan(40);
    expect(loadPlainData(prepareDataText(readFileSync(join(ROOT, 'examples', 'filing.yaml'), 'utf8'), 'x'))).toBeDefined();
  });

  it.each([
    '0o17', '0x1F', '1_000', '0b11', '+12', '-0', '+0x1', '0017', '.5', '1.', '1e3', '-1.5E-2', '.inf', '-.Inf', '.NaN', '.nan', 'nan', 'yes', 'no', 'on', 'off', 'y',
    'True', 'TRUE', 'tRUE', '~', 'Null', 'NULL', 'nULL', '', '2026-01-01', '2026-01-01T08:00:00Z', '12:30:00', '1:2', '330110', '0330110', '"123"', "'true'", '91330106MA2H3C4D5E',
    '网信算备330110123456702250013号', '[text, image]', '{ a: 1 }', '|\n  两行\n  文字', '>\n  折叠\n  文字\n', '"转义\\t制表"', 'a # 注释', 'a#b', "'It''s'", '\n  - - x\n  - y',
  ])('scalar and small value %j', (value) => {
    const { fast, positioned } = readBoth(`v: ${value}\n`);
    expect(fast).toBeDefined();
    expect(fast).toEqual(positioned);
  });

  it('leaves anchors, aliases, tags, directives, duplicate keys and __proto__ to the positioned reader', () => {
    for (const text of ['a: &x 1\nb: *x\n', 'a: !!str 1\n', '%YAML 1.2\n---\na: 1\n', 'a: 1\na: 2\n', '__proto__: { x: 1 }\n', 'a:\n\t- 1\n', 'a: 1\n---\nb: 2\n']) {
      expect(loadPlainData(text), text).toBeUndefined();
    }
  });

  it('on generated documents in every scalar and collection style', () => {
    const scalar = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 20 }),
      fc.constantFrom('true', 'null', '~', '0o17', '1e3', '.5', '-0', 'yes', '#', ': ', ' - ', '"', "'", '\\', '应用于首页推荐场景，根据用户的浏览行为', 'a: b', '[x]', '{y}'),
      fc.integer(),
      fc.double({ noNaN: false }),
      fc.boolean(),
      fc.constant(null),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }).filter((k) => k !== '__proto__'), tie('node'), { maxKeys: 4 })),
    })).node;
    const style = fc.record({
      defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'),
      collectionStyle: fc.constantFrom('any', 'block', 'flow'),
      indent: fc.constantFrom(2, 4),
    } as const);
    let accepted = 0;
    fc.assert(
      fc.property(value, style, (data, options) => {
        const { fast, positioned } = readBoth(stringify({ root: data }, options));
        if (fast === undefined) return;
        accepted++;
        expect(fast).toEqual(positioned);
      }),
      { numRuns: 400 },
    );
    expect(accepted).toBeGreaterThan(200);
  });
});

describe('parseValidated', () => {
  it('gives the same answers by either reader, and a problem found on the fast path still names file:line:column', async () => {
    const text = readFileSync(join(ROOT, 'examples', 'filing.yaml'), 'utf8');
    const spec = { schema: AnswersSchema, schemaHint: 'filing-check schema answers' };
    const viaFast = await parseValidated(text, 'filing.yaml', spec);
    const viaDocument = await parseValidated(text, 'filing.yaml', { ...spec, edit: () => {} });
    expect(viaFast).toEqual(viaDocument);
    const check = () => ({ path: ['algorithms', 0, 'name'], text: 'expected a name the CAC will accept' });
    await expect(parseValidated(text, 'filing.yaml', { ...spec, check })).rejects.toThrow(/^filing\.yaml:\d+:\d+: algorithms\[0\]\.name: expected a name the CAC will accept$/);
  });
});
