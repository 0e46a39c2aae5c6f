import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isValidCreditCode } from '../../src/answers/credit-code.js';
import { CASES, runMain } from '../helpers.js';

const base = readFileSync(join(CASES, 'news-feed.yaml'), 'utf8');

/** The news-feed case with one textual change, so each row differs from a valid file in one place. */
function variant(from: string, to: string): string {
  if (!base.includes(from)) throw new Error(`fixture does not contain ${from}`);
  return base.replace(from, to);
}

describe('answers validation: every error is exit 2 with one message naming file, place and expectation', () => {
  const cases: [string, string, string][] = [
    ['unknown key (a misspelt field would drop a fact)', variant('    minors: true', '    minor: true'),
      '<stdin>:17:5: services[0].minor: unknown field "minor"; remove it or fix its spelling (see: filing-check schema answers)'],
    ['wrong enum value', variant('does: [rank]', 'does: [ranking]'),
      '<stdin>:40:12: algorithms[1].does[0]: expected one of "generate" | "personalize" | "rank" | "search" | "filter" | "decide", got "ranking"'],
    ['credit code with a wrong check digit', variant('91110105MA01XKJ23W', '91110105MA01XKJ23X'),
      '<stdin>:5:3: entity.creditCode: expected a unified social credit code whose check digit (GB 32100-2015) is correct, got "91110105MA01XKJ23X"'],
    ['credit code of the wrong shape', variant('91110105MA01XKJ23W', '91110105MA01XKJ2'),
      '<stdin>:5:3: entity.creditCode: expected an 18-character unified social credit code (统一社会信用代码), got "91110105MA01XKJ2"'],
    ['region code not six digits', variant('regionCode: "110105"', 'regionCode: "11010"'),
      '<stdin>:6:3: entity.regionCode: expected a 6-digit administrative division code such as "330110", got "11010"'],
    ['a date that does not exist', variant('launchDate: 2024-03-18', 'launchDate: 2024-02-30'),
      '<stdin>:15:5: services[0].launchDate: expected a date that exists in the calendar, got "2024-02-30"'],
    ['reference to a missing service', variant('services: [chendu-news]\n    does: [rank]', 'services: [chendu-app]\n    does: [rank]'),
      '<stdin>:39:16: algorithms[1].services[0]: expected the id of a service in services (got "chendu-app"; known: chendu-news)'],
    ['duplicate algorithm id', variant('  - id: hot-list', '  - id: feed'),
      '<stdin>:36:5: algorithms[1].id: expected a unique id (got "feed", already used)'],
    ['not-applicable without a reason', variant('entity-icp: { status: ready }', 'entity-icp: { status: not-applicable }'),
      '<stdin>:54:3: materials.entity-icp.reason: expected a reason, because status is not-applicable'],
    ['generate without a generation block', variant('does: [search]', 'does: [generate]'),
      '<stdin>:42:5: algorithms[2].generation: expected a generation block (modalities, foundationModel …) because does includes generate'],
    ['unknown material id', variant('entity-icp: { status: ready }', 'entity-icpp: { status: ready }'),
      '<stdin>:54:3: materials.entity-icpp: expected a material id from the rule packs (see: filing-check rules list); "entity-icpp" is unknown'],
    ['algorithm material listed at entity level', variant('entity-icp: { status: ready }', 'algorithm-disclosure: { status: ready }'),
      '<stdin>:54:3: materials.algorithm-disclosure: expected an entity-level material here; "algorithm-disclosure" is algorithm-level and belongs under an algorithm\'s materials'],
    ['declared type that names no type', variant('declaredType: 排序精选类', 'declaredType: 热榜类'),
      '<stdin>:41:5: algorithms[1].declaredType: expected a type code or name (01 生成合成类, 06 调度决策类, 02 个性化推送类, 04 信息检索类, 03 排序精选类, 05 内容过滤类, or 检索过滤类), got "热榜类"'],
    ['wrong type of value', variant('monthlyActiveUsers: 5600000', 'monthlyActiveUsers: 五百万'),
      '<stdin>:16:5: services[0].monthlyActiveUsers: expected number, got "五百万"'],
    ['an algorithm launched before its service', variant('    declaredType: 排序精选类', '    declaredType: 排序精选类\n    launchDate: 2023-11-01'),
      '<stdin>:42:5: algorithms[1].launchDate: expected a date on or after the launch of its services (got 2023-11-01; the earliest, 晨读新闻, launched 2024-03-18)'],
    ['registered users that are not a whole number', variant('    monthlyActiveUsers: 5600000', '    monthlyActiveUsers: 5600000\n    registeredUsers: 2400000.5'),
      '<stdin>:17:5: services[0].registeredUsers: expected a whole number, got number 2400000.5'],
    ['missing required field', variant('  name: 北京晨读网络科技有限公司\n', ''),
      '<stdin>:3:1: entity.name: a value is required (expected string)'],
    ['wrong schema version', variant('schemaVersion: 1', 'schemaVersion: 2'),
      '<stdin>:2:1: schemaVersion: expected 1, got number 2'],
    ['YAML syntax error', variant('does: [rank]', 'does: [rank'),
      '<stdin>:41:5: syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ['duplicate YAML key', variant('    status: live\n', '    status: live\n    status: planned\n'),
      '<stdin>:15:5: syntax error: Map keys must be unique'],
    ['tab indentation', variant('    minors: true', '\tminors: true'),
      '<stdin>:17:1: syntax error: Tabs are not allowed as indentation'],
  ];

  it.each(cases)('%s', async (_name, text, message) => {
    const result = await runMain(['diagnose', '-', '--lang', 'en'], { stdin: text });
    expect(result.stderr).toBe(`filing-check: ${message}\n`);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
  });

  // Chinese, the default language: the same problems in the words a Chinese consultant reads.
  const chinese: [string, string][] = [
    ['unknown key (a misspelt field would drop a fact)', '<stdin>:17:5: services[0].minor: 未知字段 "minor"；请删除或更正拼写（参见：filing-check schema answers）'],
    ['wrong enum value', '<stdin>:40:12: algorithms[1].does[0]: 应为以下之一："generate" | "personalize" | "rank" | "search" | "filter" | "decide"，实际为 "ranking"'],
    ['credit code with a wrong check digit', '<stdin>:5:3: entity.creditCode: 应为校验位正确的统一社会信用代码（GB 32100-2015），实际为 "91110105MA01XKJ23X"'],
    ['credit code of the wrong shape', '<stdin>:5:3: entity.creditCode: 应为由 18 个字符组成的统一社会信用代码，实际为 "91110105MA01XKJ2"'],
    ['region code not six digits', '<stdin>:6:3: entity.regionCode: 应为由 6 位数字组成的行政区划代码，如 "330110"，实际为 "11010"'],
    ['a date that does not exist', '<stdin>:15:5: services[0].launchDate: 应为日历上存在的日期，实际为 "2024-02-30"'],
    ['reference to a missing service', '<stdin>:39:16: algorithms[1].services[0]: 应为已在 services 中定义的服务 id（实际为 "chendu-app"；已有：chendu-news）'],
    ['duplicate algorithm id', '<stdin>:36:5: algorithms[1].id: 应为唯一的 id（"feed" 已被使用）'],
    ['not-applicable without a reason', '<stdin>:54:3: materials.entity-icp.reason: 应为不适用的理由（reason），因为状态为 not-applicable'],
    ['generate without a generation block', '<stdin>:42:5: algorithms[2].generation: 应为一个 generation 部分（modalities、foundationModel …），因为 does 包含 generate'],
    ['unknown material id', '<stdin>:54:3: materials.entity-icpp: 应为规则包中的材料 id（参见：filing-check rules list）；"entity-icpp" 未知'],
    ['algorithm material listed at entity level', '<stdin>:54:3: materials.algorithm-disclosure: 应为主体层面的材料；"algorithm-disclosure" 是算法层面的材料，应列在算法的 materials 下'],
    ['declared type that names no type', '<stdin>:41:5: algorithms[1].declaredType: 应为类型代码或名称（01 生成合成类、06 调度决策类、02 个性化推送类、04 信息检索类、03 排序精选类、05 内容过滤类，或 检索过滤类），实际为 "热榜类"'],
    ['wrong type of value', '<stdin>:16:5: services[0].monthlyActiveUsers: 应为数字，实际为 "五百万"'],
    ['an algorithm launched before its service', '<stdin>:42:5: algorithms[1].launchDate: 应为不早于其服务上线日的日期（实际为 2023-11-01；最早上线的「晨读新闻」于 2024-03-18 上线）'],
    ['registered users that are not a whole number', '<stdin>:17:5: services[0].registeredUsers: 应为整数，实际为数字 2400000.5'],
    ['missing required field', '<stdin>:3:1: entity.name: 缺少必填字段（应为文本）'],
    ['wrong schema version', '<stdin>:2:1: schemaVersion: 应为 1，实际为数字 2'],
  ];

  it.each(chinese)('%s, in Chinese', async (name, message) => {
    const result = await runMain(['diagnose', '-'], { stdin: cases.find(([caseName]) => caseName === name)![1] });
    expect(result.stderr).toBe(`filing-check: ${message}\n`);
    expect(result.code).toBe(2);
  });

  it('accepts JSON, a UTF-8 BOM and CRLF line endings', async () => {
    const clean = await runMain(['diagnose', '-', '-f', 'json'], { stdin: base });
    const json = JSON.stringify(JSON.parse(JSON.stringify((await import('yaml')).parse(base))));
    const asJson = await runMain(['diagnose', '-', '-f', 'json'], { stdin: json });
    const bomCrlf = await runMain(['diagnose', '-', '-f', 'json'], { stdin: `\uFEFF${base.replace(/\n/g, '\r\n')}` });
    expect(clean.code).toBe(1);
    expect(asJson.stdout).toBe(clean.stdout);
    expect(bomCrlf.stdout).toBe(clean.stdout);
  });

  it('reads unquoted YAML numbers as codes (02 → "02", 110105 → "110105")', async () => {
    const text = variant('declaredType: "02"', 'declaredType: 02').replace('regionCode: "110105"', 'regionCode: 110105');
    const result = await runMain(['diagnose', '-', '-f', 'json'], { stdin: text });
    const report = JSON.parse(result.stdout);
    expect(report.entity.regionCode).toBe('110105');
    expect(report.algorithms[0].declaredType).toBe('02');
    expect(report.warnings.map((w: { code: string }) => w.code)).not.toContain('DECLARED_TYPE_MISMATCH');
  });

  it('refuses NUL bytes and files over 5 MiB, in the default language (Chinese) and in English', async () => {
    expect((await runMain(['diagnose', '-'], { stdin: `${base}\u0000` })).stderr).toBe('filing-check: <stdin>: 含有 NUL 字节；应为 UTF-8 文本文件（YAML 或 JSON）\n');
    expect((await runMain(['diagnose', '-', '--lang', 'en'], { stdin: `${base}\u0000` })).stderr).toBe('filing-check: <stdin>: contains NUL bytes; expected a UTF-8 text file (YAML or JSON)\n');
    const huge = await runMain(['diagnose', '-'], { stdin: `${base}# ${'x'.repeat(5 * 1024 * 1024)}\n` });
    expect(huge).toMatchObject({ code: 2, stderr: 'filing-check: <stdin>: 超过 5 MiB；应为答案文件（YAML 或 JSON）\n' });
  });

  it('bounds YAML alias expansion', async () => {
    const bomb = ['schemaVersion: 1', 'a: &a ["x","x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`)].join('\n');
    const result = await runMain(['diagnose', '-'], { stdin: bomb });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('filing-check: <stdin>: 别名展开次数过多，可能耗尽资源；应为不含别名炸弹的文件\n');
    expect((await runMain(['diagnose', '-', '--lang', 'en'], { stdin: bomb })).stderr).toMatch(/^filing-check: <stdin>: Excessive alias count indicates a resource exhaustion attack; expected a file without alias expansion bombs\n$/);
  });
});

describe('GB 32100-2015 check digit', () => {
  it.each([
    ['91330110MA2KXQ7L3W', true],
    ['91110105MA01XKJ23W', true],
    ['91110105MA01XKJ23X', false],
    ['91110105MA01XKJ23', false],
    ['91110105MA01XKJ2IW', false],
  ])('%s → %s', (code, valid) => expect(isValidCreditCode(code)).toBe(valid));
});
