import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { fieldSchema, schemaDefault } from '../../src/answers/fields.js';
import { applySets } from '../../src/answers/apply-sets.js';
import { parseSetOption } from '../../src/answers/set.js';
import { parsePath } from '../../src/data/field-path.js';
import { main } from '../../src/main.js';
import { fakeIo } from '../helpers/fake-io.js';

const EXAMPLE = new URL('../../examples/filing.yaml', import.meta.url).pathname;

describe('field paths', () => {
  it.each([
    ['entity.name', ['entity', 'name']],
    ['services[0].status', ['services', 0, 'status']],
    ['algorithms[12].generation.upstream.filingNumber', ['algorithms', 12, 'generation', 'upstream', 'filingNumber']],
    ['materials.entity-icp.status', ['materials', 'entity-icp', 'status']],
  ])('reads %s', (text, path) => {
    expect(parsePath(text)).toEqual(path);
  });

  it.each(['', 'entity.', '[0].name', 'services[x].id', 'entity..name', 'entity name'])('refuses %j', (text) => {
    expect(parsePath(text)).toBeNull();
  });

  it('finds field schemas and their defaults in the answers schema', () => {
    expect(fieldSchema(['services', 3, 'servesMainland'])).toBeDefined();
    expect(fieldSchema(['entity', 'nickname'])).toBeUndefined();
    expect(fieldSchema(['entity', 'name', 'first'])).toBeUndefined();
    expect(schemaDefault(['services', 0, 'servesMainland'])).toBe(true);
    expect(schemaDefault(['services', 0, 'forms'])).toEqual(['app']);
    expect(schemaDefault(['entity', 'name'])).toBeUndefined();
  });
});

describe('--set path=value', () => {
  it('types values as YAML does and checks them against the field', () => {
    expect(parseSetOption('entity.name=杭州示例科技有限公司')).toEqual({ path: ['entity', 'name'], value: '杭州示例科技有限公司' });
    expect(parseSetOption('services[0].servesMainland=false').value).toBe(false);
    expect(parseSetOption('entity.regionCode=330110').value).toBe(330110);
    expect(parseSetOption('algorithms[0].does=[personalize, rank]').value).toEqual(['personalize', 'rank']);
    expect(parseSetOption('materials.entity-icp.due=2026-12-01').value).toBe('2026-12-01');
  });

  it.each([
    ['entity.name', /expected path=value/],
    ['entity.nickname=x', /entity\.nickname: no such field in the answers file/],
    ['services[0].status=lve', /services\[0\]\.status: expected one of "planned" \| "live" \| "terminated", got "lve"/],
    ['entity.creditCode=91330110MA27XXXXXX', /check digit/],
    ['services[0].launchDate=2026-02-30', /a date that exists in the calendar/],
    ['entity.name=', /expected a value after "="/],
    ['entity={name: x}', /expected a scalar or a list of scalars/],
    ['services.0.status=live', /expected a field path such as/],
  ])('refuses --set %s', (option, message) => {
    expect(() => parseSetOption(option)).toThrow(message);
  });

  it('writes into a document, creating what is missing, but never leaves a gap in a list', () => {
    const doc = parseDocument('schemaVersion: 1\nentity:\nservices: []\n');
    applySets(doc, [parseSetOption('entity.name=示例'), parseSetOption('services[0].forms=[app, website]')]);
    expect(doc.toJS()).toEqual({ schemaVersion: 1, entity: { name: '示例' }, services: [{ forms: ['app', 'website'] }] });
    expect(String(doc)).toContain('forms: [ app, website ]');
    expect(() => applySets(doc, [parseSetOption('services[2].name=x')])).toThrow(/services has 1 entry; the index can be at most 1/);
  });

  it('overrides an answers file in a non-interactive run, without touching the file', async () => {
    const before = await readFile(EXAMPLE, 'utf8');
    const plain = fakeIo(process.cwd(), { stdinIsTTY: false, stdoutIsTTY: false });
    await main(['diagnose', EXAMPLE, '--format', 'json', '--as-of', '2026-11-29'], plain);
    expect(JSON.parse(plain.out()).warnings.map((w: { code: string }) => w.code)).toContain('DECLARED_TYPE_MISMATCH');
    const io = fakeIo(process.cwd(), { stdinIsTTY: false, stdoutIsTTY: false });
    const code = await main(['diagnose', EXAMPLE, '--format', 'json', '--as-of', '2026-11-29', '--set', 'entity.name=杭州另一家科技有限公司', '--set', 'algorithms[1].declaredType=03'], io);
    expect(io.err()).toBe('');
    const report = JSON.parse(io.out());
    expect(report.entity.name).toBe('杭州另一家科技有限公司');
    // The file declares 个性化推送类 for the bestseller list; --set corrects it to 03, so no mismatch is left.
    expect(report.warnings.map((w: { code: string }) => w.code)).not.toContain('DECLARED_TYPE_MISMATCH');
    expect(code).toBe(1);
    expect(await readFile(EXAMPLE, 'utf8')).toBe(before);
  });

  it.each([
    ['zh', 'filing-check: --set services[0].status: 应为以下之一："planned" | "live" | "terminated"，实际为 "lve"\n'],
    ['en', 'filing-check: --set services[0].status: expected one of "planned" | "live" | "terminated", got "lve"\n'],
  ])('exits 2 naming the option when a value is wrong (%s)', async (lang, message) => {
    const io = fakeIo(process.cwd(), { stdinIsTTY: false, stdoutIsTTY: false });
    expect(await main(['diagnose', EXAMPLE, '--set', 'services[0].status=lve', '--lang', lang], io)).toBe(2);
    expect(io.err()).toBe(message);
  });

  it.each([
    ['zh', 'entity.nickname=x', '--set entity.nickname: 答案文件中没有这个字段；应为 entity 的字段：name、creditCode、regionCode、foreignInvested、icp、securityOfficer（参见：filing-check schema answers）'],
    ['en', 'entity.nickname=x', '--set entity.nickname: no such field in the answers file; expected a field of entity: name, creditCode, regionCode, foreignInvested, icp, securityOfficer (see: filing-check schema answers)'],
    ['zh', 'services[4].name=x', '--set services[4].name: services 有 3 项；下标最大为 3'],
    ['en', 'services[4].name=x', '--set services[4].name: services has 3 entries; the index can be at most 3'],
    ['zh', 'services[0].forms=[]', '--set services[0].forms: 应为至少一种服务形式'],
    ['en', 'services[0].forms=[]', '--set services[0].forms: expected at least one form'],
    ['zh', 'entity.name', '--set entity.name: 应为 路径=值，如 entity.name=杭州示例科技有限公司 或 services[0].status=live'],
  ])('words a refused --set in the run\'s language (%s, %s)', async (lang, option, message) => {
    const io = fakeIo(process.cwd(), { stdinIsTTY: false, stdoutIsTTY: false });
    expect(await main(['diagnose', EXAMPLE, '--set', option, '--lang', lang], io)).toBe(2);
    expect(io.err()).toBe(`filing-check: ${message}\n`);
  });

  it.each([
    ['zh', 'algorithms[6].id: 缺少必填字段（应为文本）（另有 1 个问题）'],
    ['en', 'algorithms[6].id: a value is required (expected string) (and 1 more problem)'],
  ])('keeps file positions in errors found after the values are written (%s)', async (lang, message) => {
    const dir = await mkdtemp(join(tmpdir(), 'fc-set-'));
    const io = fakeIo(dir, { stdinIsTTY: false, stdoutIsTTY: false });
    expect(await main(['diagnose', EXAMPLE, '--set', 'algorithms[6].name=新算法', '--lang', lang], io)).toBe(2);
    expect(io.err()).toBe(`filing-check: ${EXAMPLE}:43:1: ${message}\n`);
  });
});
