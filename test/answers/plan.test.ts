// The validation plan (src/answers/plan.ts) must decide exactly as the zod answers schema does: a
// one-file diagnosis trusts the plan's "valid" and its parsed value without building the schema.
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import * as z from '../../src/zod.js';
import { AnswersSchema } from '../../src/answers/schema.js';
import { planOf } from '../../src/answers/plan-build.js';
import { runPlan, type PlanNode } from '../../src/answers/plan.js';
import committedPlan from '../../src/answers/plan.json' with { type: 'json' };
import { ROOT } from '../helpers.js';
import { answers } from '../helpers/answers-arbitrary.js';

const plan = committedPlan as PlanNode;

/** Whether a value holds a key the plan leaves to the schema (see UNUSUAL_KEYS in plan.ts). */
function hasPrototypeKey(value: unknown): boolean {
  if (!value || typeof value !== 'object') return false;
  return Object.keys(value).some((key) => ['__proto__', 'constructor', 'prototype'].includes(key)) || Object.values(value).some(hasPrototypeKey);
}

/**
 * The plan returns zod's output, key order included, for valid data and undefined for invalid
 * data; for data with prototype-named keys it returns undefined, and the schema decides.
 */
function expectSameAsZod(data: unknown): boolean {
  const viaZod = z.safeParse(AnswersSchema, data);
  const viaPlan = runPlan(plan, data);
  if (hasPrototypeKey(data)) expect(viaPlan).toBeUndefined();
  else if (viaZod.success) {
    expect(viaPlan).toStrictEqual(viaZod.data);
    expect(JSON.stringify(viaPlan)).toBe(JSON.stringify(viaZod.data));
  } else {
    expect(viaPlan).toBeUndefined();
  }
  return viaZod.success;
}

function answersFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ya?ml|json)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Values that break some rule of some field, and a few that a field converts (codes as numbers, padded text). */
const REPLACEMENTS: unknown[] = [
  null, 0, -1, 1.5, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, 2, 330110, 2.0,
  '', '   ', '  推荐  ', 'x'.repeat(201), 'x'.repeat(2001), '02', '330110', '33011', '9330110', 'Not-Kebab', 'news-app',
  '2026-02-30', '2026-13-01', '2026/01/01', '2024-02-29', 'not-applicable', 'ready', 'generate', '推荐类', '检索过滤类', '99',
  '91330110MA2KXQ7L3X', '91330110MA2KXQ7L3W', ' 91310104MA1FR8H636 ', '91330110ma2kxq7l3w', '网信算备330110123456702250013号',
  true, false, [], {}, ['text'], [1], ['generate', 'generate'], { status: 'not-applicable' }, { status: 'ready', extra: 1 },
  { status: 'not-applicable', reason: '  ' }, { modalities: ['text'] },
];

type Mutable = Record<string, unknown> | unknown[];

/** Every place in a value: the container and the key or index. */
function placesIn(value: unknown, places: [Mutable, string | number][] = []): [Mutable, string | number][] {
  if (Array.isArray(value)) value.forEach((item, i) => (places.push([value, i]), placesIn(item, places)));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) places.push([value as Mutable, key]), placesIn(item, places);
  return places;
}

/** A valid file with extra facts the shared generator leaves out: codes, drafts, changes, upstream models. */
const richAnswers = fc
  .tuple(
    answers,
    fc.record(
      {
        creditCode: fc.constantFrom('91330110MA2KXQ7L3W', ' 91310104MA1FR8H636 '),
        regionCode: fc.constantFrom<unknown>(330110, '330110', 110105),
        purpose: fc.constantFrom('  应用于首页信息流场景，根据用户浏览行为推荐内容。 ', '用于搜索结果排序'),
        declaredType: fc.constantFrom<unknown>(2, '02', '个性化推送类', '检索过滤类'),
        filingNumber: fc.constantFrom('网信算备330110123456702250013号'),
        changes: fc.array(fc.record({ on: fc.constantFrom('2026-03-02', '2025-12-31'), what: fc.constantFrom('变更算法安全责任人'), filed: fc.boolean() }, { requiredKeys: ['on', 'what'] }), { maxLength: 2 }),
        upstream: fc.record({ name: fc.constantFrom('通义千问'), filingNumber: fc.constantFrom('Beijing-WenXinYiYan-20230821') }, { requiredKeys: ['name'] }),
        monthlyActiveUsers: fc.constantFrom(0, 1_200_000),
      },
      { requiredKeys: [] },
    ),
  )
  .map(([value, extra]) => {
    const copy = structuredClone(value) as { entity: Record<string, unknown>; services: Record<string, unknown>[]; algorithms: Record<string, unknown>[] };
    if (extra.creditCode) copy.entity.creditCode = extra.creditCode;
    if (extra.regionCode !== undefined) copy.entity.regionCode = extra.regionCode;
    if (extra.monthlyActiveUsers !== undefined) copy.services[0]!.monthlyActiveUsers = extra.monthlyActiveUsers;
    const first = copy.algorithms[0]!;
    if (extra.purpose) first.purpose = extra.purpose;
    if (extra.declaredType !== undefined) first.declaredType = extra.declaredType;
    if (extra.filingNumber) first.filingNumber = extra.filingNumber;
    if (extra.changes) first.changes = extra.changes;
    if (extra.upstream && first.generation) (first.generation as Record<string, unknown>).upstream = extra.upstream;
    return copy;
  });

describe('the answers validation plan', () => {
  it('is the plan of the current schema (run npm run gen:plan after changing src/answers/schema.ts)', () => {
    expect(planOf(AnswersSchema)).toEqual(committedPlan);
  });

  it('decides as the schema does on every answers file in the repository', () => {
    const files = [...answersFilesUnder(join(ROOT, 'examples')), ...answersFilesUnder(join(ROOT, 'test'))].filter((file) => !file.includes(`${join('test', 'golden')}`));
    let valid = 0;
    let compared = 0;
    for (const file of files) {
      let data: unknown;
      try {
        data = parse(readFileSync(file, 'utf8'), { logLevel: 'silent', maxAliasCount: 100 });
      } catch {
        continue;
      }
      compared++;
      if (expectSameAsZod(data)) valid++;
    }
    // Both outcomes, many times: the repository holds the examples, the fixtures and the hostile corpus.
    expect(valid).toBeGreaterThanOrEqual(10);
    expect(compared - valid).toBeGreaterThanOrEqual(20);
  });

  it('decides as the schema does on generated valid files', () => {
    fc.assert(
      fc.property(richAnswers, (value) => {
        expect(expectSameAsZod(value)).toBe(true);
      }),
      { numRuns: 300, seed: 20261129 },
    );
  });

  it('decides as the schema does on generated files with one field broken, removed or added', () => {
    let invalid = 0;
    fc.assert(
      fc.property(richAnswers, fc.nat(), fc.nat(REPLACEMENTS.length + 2), (value, at, change) => {
        const places = placesIn(value);
        const [container, key] = places[at % places.length]!;
        if (change === REPLACEMENTS.length) {
          if (Array.isArray(container)) container.splice(key as number, 1);
          else delete container[key as string];
        } else if (change === REPLACEMENTS.length + 1) {
          if (Array.isArray(container)) container.push(container[0]);
          else container[`${String(key)}Extra`] = true;
        } else if (change === REPLACEMENTS.length + 2) {
          // Another leaf of the same file: duplicate ids, references to a service that is there.
          const [other, otherKey] = places[(at * 7 + 3) % places.length]!;
          (container as Record<string, unknown>)[key as string] = structuredClone((other as Record<string, unknown>)[otherKey as string]);
        } else {
          (container as Record<string, unknown>)[key as string] = structuredClone(REPLACEMENTS[change]);
        }
        if (!expectSameAsZod(value)) invalid++;
      }),
      { numRuns: 3000, seed: 20261129 },
    );
    // Most mutations break the file, and some keep it valid (a default removed, a code given as a number).
    expect(invalid).toBeGreaterThan(1500);
    expect(invalid).toBeLessThan(2950);
  });

  it('leaves prototype-named keys to the schema', () => {
    const valid = { schemaVersion: 1, entity: { name: '杭州示例网络科技有限公司' }, services: [{ id: 'app', name: '示例' }], algorithms: [{ id: 'feed', name: '推荐算法', services: ['app'], does: ['personalize'] }] };
    expect(runPlan(plan, valid)).toBeDefined();
    for (const key of ['constructor', 'prototype']) {
      const withKey = { ...valid, materials: { [key]: { status: 'ready' } } };
      expect(runPlan(plan, withKey)).toBeUndefined();
    }
    expect(runPlan(plan, JSON.parse('{"schemaVersion":1,"__proto__":{}}'))).toBeUndefined();
  });

  it('refuses to describe a schema it cannot run, naming the field', () => {
    expect(() => planOf(z.strictObject({ kind: z.union([z.string(), z.number()]) }))).toThrow('answers plan: answers.kind is a zod "union", which plan.ts does not run');
    expect(() => planOf(z.object({ name: z.string() }))).toThrow('answers plan: answers is an object that allows unknown keys');
    expect(() => planOf(z.strictObject({ name: z.string().check(z.refine((text) => text !== 'x')) }))).toThrow('answers plan: answers.name uses a function that is not in CUSTOM');
    expect(() => planOf(z.strictObject({ email: z.email() }))).toThrow('answers plan: answers.email has a "string_format:email" check');
  });
});
