import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, runMain } from '../helpers.js';

const DIR = join(ROOT, 'test', 'hostile');
const small = `schemaVersion: 1
entity:
  name: 杭州示例网络科技有限公司
services:
  - { id: app, name: 示例社区, publicFeatures: [comments] }
algorithms:
  - { id: feed, name: 示例社区个性化推荐算法, services: [app], does: [personalize] }
`;

/**
 * The hostile-input corpus: each file in test/hostile with the exit code and the one message it
 * must produce ({file} stands for its path). 0 or 1 means the input is accepted and diagnosed.
 */
const CORPUS: [file: string, code: number, stderr: string][] = [
  ["algorithms-mapping.yaml", 2, "{file}:8:1: algorithms: expected array, got a mapping"],
  ["alias-bomb.yaml", 2, "{file}: Excessive alias count indicates a resource exhaustion attack; expected a file without alias expansion bombs"],
  ["bad-id.yaml", 2, "{file}:9:5: algorithms[0].id: expected a kebab-case id such as \"news-app\" (lower-case letters, digits, hyphens), got \"Feed_Algo\""],
  ["bad-status.yaml", 2, "{file}:14:24: materials.system-anti-fraud.status: expected one of \"missing\" | \"draft\" | \"ready\" | \"not-applicable\", got \"done\""],
  ["constructor-material.yaml", 2, "{file}:14:3: materials.constructor: expected a material id from the rule packs (see: filing-check rules list); \"constructor\" is unknown"],
  ["credit-check-digit.yaml", 2, "{file}:4:3: entity.creditCode: expected a unified social credit code whose check digit (GB 32100-2015) is correct, got \"91330110MA2KXQ7L3X\""],
  ["declared-99.yaml", 2, "{file}:13:5: algorithms[0].declaredType: expected a type code or name (01 生成合成类, 06 调度决策类, 02 个性化推送类, 04 信息检索类, 03 排序精选类, 05 内容过滤类, or 检索过滤类), got \"99\""],
  ["deep-block.yaml", 2, "{file}: nested more than 64 levels deep; expected an answers or rules file (they nest a few levels)"],
  ["deep-flow.yaml", 2, "{file}: nested more than 64 levels deep; expected an answers or rules file (they nest a few levels)"],
  ["does-string.yaml", 2, "{file}:12:5: algorithms[0].does: expected array, got \"personalize\""],
  ["does-twice.yaml", 2, "{file}:12:5: algorithms[0].does: expected each function once"],
  ["duplicate-key.json", 2, "{file}:1:22: syntax error: Map keys must be unique"],
  ["duplicate-key.yaml", 2, "{file}:7:5: syntax error: Map keys must be unique"],
  ["duplicate-service.yaml", 2, "{file}:8:5: services[1].id: expected a unique id (got \"app\", already used)"],
  ["empty.yaml", 2, "{file}: the file is empty; expected an answers file (schemaVersion, entity, algorithms …)"],
  ["entity-string.yaml", 2, "{file}:2:1: entity: expected object, got \"杭州示例网络科技有限公司\""],
  ["feb-29.yaml", 2, "{file}:14:32: materials.entity-icp.due: expected a date that exists in the calendar, got \"2027-02-29\""],
  ["filing-number-short.yaml", 2, "{file}:13:5: algorithms[0].filingNumber: expected 网信算备 followed by 21 digits and 号, e.g. 网信算备330110123456702250013号, got \"网信算备3301101234567022500\""],
  ["forms-string.yaml", 2, "{file}:7:5: services[0].forms: expected array, got \"app\""],
  ["generate-no-block.yaml", 2, "{file}:9:5: algorithms[0].generation: expected a generation block (modalities, foundationModel …) because does includes generate"],
  ["huge-number.yaml", 2, "{file}:7:5: services[0].monthlyActiveUsers: expected a finite number, got Infinity"],
  ["list-top.yaml", 2, "{file}:1:1: expected object, got a list"],
  ["long-line.json", 0, ""],
  ["long-name.yaml", 2, "{file}:6:5: services[0].name: expected a name of at most 200 characters, got \"长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长...\""],
  ["merge-key.yaml", 2, "{file}:5:5: services[0].<<: unknown field \"<<\"; remove it or fix its spelling (see: filing-check schema answers)"],
  ["missing-service.yaml", 2, "{file}:11:21: algorithms[0].services[1]: expected the id of a service in services (got \"web\"; known: app)"],
  ["month-13.yaml", 2, "{file}:7:5: services[0].launchDate: expected a date that exists in the calendar, got \"2026-13-01\""],
  ["multi-document.yaml", 2, "{file}:13:1: syntax error: the file holds several YAML documents (separated by ---); expected one"],
  ["na-without-reason.yaml", 2, "{file}:14:3: materials.system-anti-fraud.reason: expected a reason, because status is not-applicable"],
  ["negative-mau.yaml", 2, "{file}:7:5: services[0].monthlyActiveUsers: expected a number ≥ 0, got number -1"],
  ["no-algorithms.yaml", 2, "{file}:8:1: algorithms: expected at least one algorithm"],
  ["null-entity.yaml", 2, "{file}:2:1: entity: expected object, got null"],
  ["only-comments.yaml", 2, "{file}: the file is empty; expected an answers file (schemaVersion, entity, algorithms …)"],
  ["proto-materials.yaml", 2, "{file}:14:3: materials.__proto__: \"__proto__\" is not allowed as a key; expected field names from the schema"],
  ["proto-top.yaml", 2, "{file}:13:1: __proto__: \"__proto__\" is not allowed as a key; expected field names from the schema"],
  ["provider-no-services.yaml", 2, "{file}:9:5: algorithms[0].services: expected at least one service id: a provider (服务提供者) runs the algorithm in its own product"],
  ["region-letters.yaml", 2, "{file}:4:3: entity.regionCode: expected a 6-digit administrative division code such as \"330110\", got \"33O110\""],
  ["scalar.yaml", 2, "{file}:1:1: expected object, got \"杭州示例网络科技有限公司\""],
  ["schema-version-missing.yaml", 2, "{file}:1:1: schemaVersion: a value is required (expected 1)"],
  ["schema-version-string.yaml", 2, "{file}:1:1: schemaVersion: expected 1, got \"1\""],
  ["slash-date.yaml", 2, "{file}:7:5: services[0].launchDate: expected a date written YYYY-MM-DD, got \"2026/01/01\""],
  ["tab-indent.yaml", 2, "{file}:7:1: syntax error: Tabs are not allowed as indentation"],
  ["truncated.json", 2, "{file}:1:86: syntax error: Flow map in block collection must be sufficiently indented and end with a }"],
  ["truncated.yaml", 2, "{file}:12:20: syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]"],
  ["unknown-material.yaml", 2, "{file}:14:3: materials.entity-licence: expected a material id from the rule packs (see: filing-check rules list); \"entity-licence\" is unknown"],
  ["unquoted-region.yaml", 1, ""],
  ["binary-tag.yaml", 2, "{file}:3:18: entity.name: the YAML tag !!binary is not supported; expected plain text, numbers, true or false, dates, lists and mappings"],
  ["set-tag.yaml", 2, "{file}:7:27: services[0].publicFeatures: the YAML tag !!set is not supported; expected plain text, numbers, true or false, dates, lists and mappings"],
  ["custom-tag.yaml", 2, "{file}:12:21: algorithms[0].does: the YAML tag !ruby/sym is not supported; expected plain text, numbers, true or false, dates, lists and mappings"],
  ["timestamp-tag.yaml", 2, "{file}:7:29: services[0].launchDate: the YAML tag !!timestamp is not supported; expected plain text, numbers, true or false, dates, lists and mappings"],
  ["omap-tag.yaml", 2, "{file}:3:3: entity: the YAML tag !!omap is not supported; expected plain text, numbers, true or false, dates, lists and mappings"],
  ["schema-version-float.yaml", 2, "{file}:1:16: schemaVersion: expected a number written exactly, got 1.0000000000000000001 (it would read as 1)"],
  ["huge-integer.yaml", 2, "{file}:7:25: services[0].monthlyActiveUsers: expected a number written exactly, got 9007199254740993 (it would read as 9007199254740992)"],
  ["escape-key.yaml", 2, "{file}:4:3: entity.\\u001b]52;c;aGk=\\u0007: unknown field \"\\u001b]52;c;aGk=\\u0007\"; remove it or fix its spelling (see: filing-check schema answers)"],
  ["escape-entity.yaml", 1, ""],
];

/** Inputs that are bytes, not text, or too large to commit: made here. */
function utf16(text: string, endian: 'le' | 'be'): Buffer {
  const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
  return endian === 'le' ? le : Buffer.from(le.map((_, i) => le[i ^ 1]!));
}
const GBK = Buffer.from('736368656d6156657273696f6e3a20310a656e746974793a0a20206e616d653a20babcd6ddcabec0fdcdf8c2e7bfc6bcbcd3d0cfdeb9abcbbe0a', 'hex');
const GENERATED: [name: string, bytes: () => Uint8Array, code: number, stderr: string][] = [
  ['NUL bytes', () => Buffer.from(`${small}\u0000`), 2, '<stdin>: contains NUL bytes; expected a UTF-8 text file (YAML or JSON)'],
  ['a PNG image', () => Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 2, '<stdin>: contains NUL bytes; expected a UTF-8 text file (YAML or JSON)'],
  ['Latin-1 bytes', () => Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xe9, 0x80, 0x81, 0xff, 0x0a]), 2, '<stdin>: not a text file; expected a UTF-8 text file (YAML or JSON)'],
  ['GBK from a Chinese Windows editor', () => GBK, 2, '<stdin>: not UTF-8 (it looks like GBK, as Chinese Windows editors save it); expected UTF-8: re-save the file as UTF-8'],
  ['more than 5 MiB', () => Buffer.from(`${small}# ${'填'.repeat(2 * 1024 * 1024)}\n`), 2, '<stdin>: larger than 5 MiB; expected an answers file (YAML or JSON)'],
  ['UTF-16LE with BOM (accepted)', () => utf16(small, 'le'), 1, ''],
  ['UTF-16BE with BOM (accepted)', () => utf16(small, 'be'), 1, ''],
  ['UTF-8 BOM and CRLF (accepted)', () => Buffer.from(`\uFEFF${small.replace(/\n/g, '\r\n')}`), 1, ''],
  ['a raw DEL byte', () => Buffer.from(small.replace('杭州示例', '杭州\u007f示例')), 2, '<stdin>: not a text file; expected a UTF-8 text file (YAML or JSON)'],
  ['a raw vertical tab, as Word pastes a line break', () => Buffer.from(small.replace('杭州示例', '杭州\u000b示例')), 2, '<stdin>: not a text file; expected a UTF-8 text file (YAML or JSON)'],
  ['a raw escape sequence', () => Buffer.from(small.replace('杭州示例', '杭州\u001b[2J示例')), 2, '<stdin>: not a text file; expected a UTF-8 text file (YAML or JSON)'],
  ['U+FFFD from an earlier bad decode', () => Buffer.from(small.replace('杭州示例', '杭州\uFFFD示例')), 2, '<stdin>: not a text file; expected a UTF-8 text file (YAML or JSON)'],
  ['a C1 control in a name (accepted, shown as an escape)', () => Buffer.from(small.replace('杭州示例', '杭州\u009b示例')), 1, ''],
];

/** Probes of the command line itself: --set paths, names with escapes, folders, over-long input lines. */
const ARGUMENTS: [name: string, args: string[], stdin: string | undefined, code: number, stderr: string][] = [
  ['--set constructor.x=1', ['diagnose', 'examples/filing.yaml', '--set', 'constructor.x=1'], undefined, 2, '--set constructor.x: "constructor" is not allowed as a key; expected a top-level field: schemaVersion, entity, services, algorithms, materials'],
  ['--set toString=1', ['diagnose', 'examples/filing.yaml', '--set', 'toString=1'], undefined, 2, '--set toString: no such field in the answers file; expected a top-level field: schemaVersion, entity, services, algorithms, materials (see: filing-check schema answers)'],
  ['--set entity.constructor=1', ['diagnose', 'examples/filing.yaml', '--set', 'entity.constructor=1'], undefined, 2, '--set entity.constructor: "constructor" is not allowed as a key; expected a field of entity: name, creditCode, regionCode, foreignInvested, icp, securityOfficer'],
  ['--set entity.toString=x', ['diagnose', 'examples/filing.yaml', '--set', 'entity.toString=x'], undefined, 2, '--set entity.toString: no such field in the answers file; expected a field of entity: name, creditCode, regionCode, foreignInvested, icp, securityOfficer (see: filing-check schema answers)'],
  ['--set algorithms[0].prototype=1', ['diagnose', 'examples/filing.yaml', '--set', 'algorithms[0].prototype=1'], undefined, 2, '--set algorithms[0].prototype: "prototype" is not allowed as a key; expected a field of algorithms[0]: id, name, purpose, services, role, does, launchDate, declaredType, filingNumber, changes, generation, decision, userControls, materials'],
  ['--set materials.constructor.status=ready', ['diagnose', 'examples/filing.yaml', '--set', 'materials.constructor.status=ready'], undefined, 2, '--set materials.constructor.status: "constructor" is not allowed as a key; expected a material id from the rule packs (see: filing-check rules list)'],
  ['--set __proto__.polluted=1', ['diagnose', 'examples/filing.yaml', '--set', '__proto__.polluted=1'], undefined, 2, '--set __proto__.polluted=1: expected a field path such as entity.name, services[0].forms or algorithms[1].generation.modalities'],
  ['--set with an escape sequence in its path', ['diagnose', 'examples/filing.yaml', '--set', 'entity.x\u001b[2J=1'], undefined, 2, '--set entity.x\\u001b[2J=1: expected a field path such as entity.name, services[0].forms or algorithms[1].generation.modalities'],
  ['a file name with an OSC 52 sequence', ['diagnose', 'a\u001b]52;c;aGk=\u0007.yaml'], undefined, 2, 'a\\u001b]52;c;aGk=\\u0007.yaml: no such file; expected an answers file (YAML or JSON)'],
  ['rules explain with an escape sequence', ['rules', 'explain', '\u001b[2J'], undefined, 2, 'rules explain: no material, regime, warning or type "\\u001b[2J"; see: filing-check rules list'],
  ['lint on a folder', ['lint', 'test/hostile'], undefined, 2, 'test/hostile: is a directory; lint reads files: pass them, e.g. filing-check lint test/hostile/*.md test/hostile/*.docx'],
  ['suggest-type with a line past the limit', ['suggest-type'], `根据用户的浏览行为推荐商品\n${'推'.repeat(10_001)}\n`, 2, '<stdin>: line 2 is longer than 10000 characters; expected one 主要用途 text per line'],
  ['--out onto a folder', ['diagnose', 'examples/filing.yaml', '--out', 'test/hostile'], undefined, 2, 'test/hostile: is a directory; expected a file path to write'],
  ['checklist --import of a file that is no table', ['checklist', '--import', 'test/hostile/empty.yaml', '--into', 'examples/filing.yaml', '--dry-run'], undefined, 2, 'test/hostile/empty.yaml: not a .xlsx, .csv or .docx file; expected a checklist written by filing-check checklist (.xlsx, .csv or .docx)'],
];

describe('hostile input corpus', () => {
  it('has at least 80 inputs, and the table covers every committed file', () => {
    expect(CORPUS.length + GENERATED.length + ARGUMENTS.length).toBeGreaterThanOrEqual(80);
    expect(CORPUS.map(([f]) => f).sort()).toEqual(readdirSync(DIR).sort());
  });

  it.each(CORPUS)('%s → exit %i', async (file, code, stderr) => {
    // The corpus is about what is refused; test/cli-cases.ts has the messages in Chinese.
    const result = await runMain(['diagnose', `test/hostile/${file}`, '-f', 'json', '--lang', 'en']);
    expect(result.stderr).toBe(stderr ? `filing-check: ${stderr.replace('{file}', `test/hostile/${file}`)}\n` : '');
    expect(result.code).toBe(code);
    if (code === 2) expect(result.stdout).toBe('');
    else expect(JSON.parse(result.stdout).schemaVersion).toBe(1);
  });

  it.each(ARGUMENTS)('%s', async (_name, args, stdin, code, stderr) => {
    const result = await runMain(args, { env: { LANG: 'en_US.UTF-8' }, ...(stdin === undefined ? {} : { stdin }) });
    expect(result.stderr).toBe(`filing-check: ${stderr}\n`);
    expect(result.code).toBe(code);
  });

  it.each(GENERATED)('%s', async (_name, bytes, code, stderr) => {
    const result = await runMain(['diagnose', '-', '-f', 'json', '--lang', 'en'], { stdin: bytes() });
    expect(result.stderr).toBe(stderr ? `filing-check: ${stderr}\n` : '');
    expect(result.code).toBe(code);
  });

  it('__proto__ keys pollute nothing', async () => {
    await runMain(['diagnose', 'test/hostile/proto-top.yaml']);
    await runMain(['diagnose', 'test/hostile/proto-materials.yaml']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).status).toBeUndefined();
  });

  it('the built CLI prints no stack trace for any of them', () => {
    for (const [file, code] of CORPUS.filter(([, c]) => c === 2).slice(0, 12)) {
      const run = runCli(['diagnose', `test/hostile/${file}`]);
      expect(run.code, file).toBe(code);
      expect(run.stderr.split('\n').filter(Boolean), file).toHaveLength(1);
      expect(run.stderr, file).not.toMatch(/\n\s+at /);
    }
  });
});
