// render turns a saved JSON report into any format without diagnosing again; diff compares two
// saved reports. Both read reports through ReportSchema, so a bad file is exit 2 naming the field.
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, expectGolden, runCli, tempDir } from '../helpers/formats.js';

let dir: string;
const saved = (name: string) => join(dir, `${name}.json`);

async function save(name: string, file: string, asOf = AS_OF): Promise<string> {
  const run = await runCli(['diagnose', file, '--as-of', asOf, '-f', 'json']);
  await writeFile(saved(name), run.stdout);
  return run.stdout;
}

beforeAll(async () => {
  dir = await tempDir();
  await save('ecommerce', 'examples/filing.yaml', '2026-11-15');
  await save('later', 'test/fixtures/formats/ecommerce-later.yaml');
  await save('hostile', 'test/fixtures/formats/hostile.yaml');
});

describe('render', () => {
  for (const format of ['text', 'json', 'md', 'html', 'junit', 'github', 'csv']) {
    it(`gives the same ${format} as diagnose`, async () => {
      for (const [name, file, asOf] of [['ecommerce', 'examples/filing.yaml', '2026-11-15'], ['hostile', 'test/fixtures/formats/hostile.yaml', AS_OF]] as const) {
        const direct = await runCli(['diagnose', file, '--as-of', asOf, '-f', format]);
        const rendered = await runCli(['render', saved(name), '-f', format]);
        expect(rendered.stderr).toBe('');
        expect(rendered.stdout).toBe(direct.stdout);
        expect(rendered.code).toBe(direct.code);
      }
    });
  }

  it('follows --fail-on like diagnose, reads stdin, and writes several formats to --out-dir', async () => {
    expect((await runCli(['render', saved('ecommerce'), '--fail-on', 'none'])).code).toBe(0);
    const piped = await runCli(['render', '-', '-f', 'md'], { stdin: await readFile(saved('ecommerce'), 'utf8') });
    expect(piped.code).toBe(1);
    expect(piped.stdout).toContain('# 算法备案预诊断报告');
    const out = await tempDir();
    const many = await runCli(['render', saved('ecommerce'), '-f', 'html,csv', '--out-dir', out]);
    expect(many.code).toBe(1);
    expect(await readFile(join(out, 'report.csv'), 'utf8')).toContain('yunqi-app/security-assessment-report');
  });

  it('exits 2 naming the field and its position when the report is invalid', async () => {
    const report = JSON.parse(await readFile(saved('ecommerce'), 'utf8'));
    report.items[3].status = 'done';
    const bad = join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify(report, null, 2));
    const run = await runCli(['render', bad, '-f', 'html']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/bad\.json:\d+:\d+: items\[3\]\.status: 应为以下之一："missing" \| "draft" \| "ready" \| "not-applicable"，实际为 "done"\n$/);
    await writeFile(bad, '{ "schemaVersion": 1, ');
    expect((await runCli(['render', bad])).stderr).toMatch(/bad\.json:1:\d+: 语法错误：/);
    expect((await runCli(['render', bad], { env: { LANG: 'en_US.UTF-8' } })).stderr).toMatch(/bad\.json:1:\d+: syntax error: /);
    expect((await runCli(['render', join(dir, 'none.json')])).stderr).toContain('none.json: 文件不存在；应为filing-check diagnose --format json 写出的 JSON 报告');
    expect((await runCli(['render', join(dir, 'none.json')], { env: { LANG: 'en_US.UTF-8' } })).stderr).toContain('no such file; expected a JSON report');
  });
});

describe('diff', () => {
  for (const format of ['text', 'json', 'md'] as const) {
    it(`lists closed, opened and re-opened gaps, type and regime changes as ${format}`, async () => {
      const run = await runCli(['diff', saved('ecommerce'), saved('later'), '-f', format]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      await expectGolden(`diff-ecommerce.${format === 'text' ? 'txt' : format}`, run.stdout.replaceAll(dir, '[TMP]'));
    });
  }

  it('classifies every item change', async () => {
    const diff = JSON.parse((await runCli(['diff', saved('ecommerce'), saved('later'), '-f', 'json'])).stdout);
    const kinds = (kind: string) => diff.items.filter((i: { kind: string }) => i.kind === kind).map((i: { key: string }) => i.key);
    expect(kinds('reopened')).toEqual(['feed/algorithm-disclosure']);
    // The filed feed's change filing went in: a continuing duty, closed like a material.
    expect(kinds('closed')).toEqual(['entity/system-mechanism-review', 'feed/algorithm-self-assessment', 'feed/algorithm-attributes', 'life-feed/filing-change']);
    expect(kinds('regressed')).toEqual(['feed/user-minors']);
    expect(kinds('opened')).toContain('dispatch/user-workers');
    expect(kinds('dropped')).toContain('search/algorithm-disclosure');
    expect(diff.algorithms.added.map((a: { id: string }) => a.id)).toEqual(['dispatch']);
    expect(diff.algorithms.removed.map((a: { id: string }) => a.id)).toEqual(['search']);
    expect(diff.algorithms.changed).toEqual([
      { id: 'bestseller-list', name: '云栖优选热销榜单算法', type: { from: '03 排序精选类', to: '02 个性化推送类' }, regimesAdded: [], regimesRemoved: [] },
      { id: 'copywriter', name: '云栖优选AI商品文案生成算法', type: null, regimesAdded: ['genai-filing'], regimesRemoved: ['genai-registration'] },
    ]);
    expect(diff.regimes.map((r: { id: string; to: boolean }) => [r.id, r.to])).toEqual([['genai-filing', true], ['genai-registration', false]]);
    // The new dispatch algorithm runs in a service whose one assessment is already counted: no new one.
    expect(diff.regressions).toBe(1 + 10 - 1);
  });

  it('exits 1 with --fail-on-regression only when something regressed', async () => {
    expect((await runCli(['diff', saved('ecommerce'), saved('later'), '--fail-on-regression'])).code).toBe(1);
    expect((await runCli(['diff', saved('later'), saved('later'), '--fail-on-regression'])).code).toBe(0);
    const same = await runCli(['diff', saved('later'), saved('later')]);
    expect(same.stdout).toContain('两份报告之间没有变化。');
    const backwards = await runCli(['diff', saved('later'), saved('ecommerce'), '--fail-on-regression', '-f', 'json']);
    expect(JSON.parse(backwards.stdout).items.filter((i: { kind: string }) => i.kind === 'reopened').length).toBe(4);
    expect(backwards.code).toBe(1);
  });

  it('compares warnings: a new one at or above --fail-on is a regression, a resolved one is progress', async () => {
    // The team drops its wrong declared type between two meetings, then puts it back.
    const example = await readFile('examples/filing.yaml', 'utf8');
    const fixed = join(dir, 'fixed.yaml');
    await cp('examples/docs', join(dir, 'docs'), { recursive: true });
    await writeFile(fixed, example.replace(/^    declaredType: 个性化推送类 .*\n/m, ''));
    await save('fixed', fixed);
    await save('example', 'examples/filing.yaml');

    const worse = await runCli(['diff', saved('fixed'), saved('example'), '--fail-on-regression']);
    expect(worse.code).toBe(1);
    expect(worse.stdout).toContain('新增提示 (1)\n  阻断  DECLARED_TYPE_MISMATCH  bestseller-list  拟按「02 个性化推送类」申报');
    expect(worse.stdout).not.toContain('没有倒退');
    expect(worse.stdout).toContain('有 1 项倒退');
    expect((await runCli(['diff', saved('fixed'), saved('example'), '--fail-on', 'blocking'])).code).toBe(1);
    expect((await runCli(['diff', saved('fixed'), saved('example'), '--fail-on', 'none'])).code).toBe(0);
    expect((await runCli(['diff', saved('fixed'), saved('example')])).code).toBe(0);

    const better = await runCli(['diff', saved('example'), saved('fixed'), '--fail-on-regression', '-f', 'json']);
    expect(better.code).toBe(0);
    const diff = JSON.parse(better.stdout);
    expect(diff.warnings.resolved.map((w: { code: string }) => w.code)).toEqual(['DECLARED_TYPE_MISMATCH']);
    expect(diff.warnings.added).toEqual([]);
    expect(diff.regressions).toBe(0);
  });

  it('compares statutory dates: one passed since the last meeting is a regression', async () => {
    await save('before-launch', 'examples/filing.yaml', '2026-12-20');
    await save('after-launch', 'examples/filing.yaml', '2026-12-30');
    const run = await runCli(['diff', saved('before-launch'), saved('after-launch'), '--fail-on-regression']);
    // One assessment for the service, not one per algorithm.
    expect(run.stdout).toMatch(/新逾期的法定期限 \(1\)\n  云栖优选 +安全评估（上线前完成） +2026-12-28 → 2026-12-28/);
    expect(run.code).toBe(1);
  });

  it('exits 2 when either report is invalid', async () => {
    const run = await runCli(['diff', saved('ecommerce'), join(dir, 'missing.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('missing.json: 文件不存在');
  });
});

// A report saved by 0.1.0 at 073b466, the last commit before the filing lifecycle (#16): the same
// schemaVersion 1 without duties, filing states, service items or clock triggers. Users keep such
// reports in their client folders; render and diff must still read them.
describe('a report saved before the filing lifecycle', () => {
  const OLD = 'test/fixtures/reports/ecommerce-0.1.0-073b466.json';

  it('renders as it was saved, its missing fields read with the documented defaults', async () => {
    const text = await runCli(['render', OLD]);
    expect(text.stderr).toBe('');
    expect(text.code).toBe(1);
    // Its own figures: the assessment was then listed once per algorithm.
    expect(text.stdout).toContain('准备度    19%  缺口：阻断 32 · 重要 26 · 一般 1');
    expect(text.stdout).toContain('安全评估报告（2018 年安全评估规定）  ✘ 缺失：云栖优选个性化推荐算法、云栖优选热销榜单算法、云栖优选商品搜索算法、云栖优选内容安全审核算法、云栖优选AI商品文案生成算法');
    const json = JSON.parse((await runCli(['render', OLD, '-f', 'json'])).stdout);
    expect(json.schemaVersion).toBe(1);
    expect(json.algorithms.map((a: { filing: string; launchDate: null }) => [a.filing, a.launchDate])).toEqual(Array(5).fill(['owed', null]));
    expect(json.items.every((i: { service: null; covers: [] }) => i.service === null && i.covers.length === 0)).toBe(true);
    expect(json.deadlines.map((d: { trigger: string; serviceId: null }) => [d.trigger, d.serviceId])).toEqual(Array(10).fill(['launch', null]));
    expect(json.services).toEqual([]);
    expect(json.duties).toEqual([]);
    expect(json.summary.duties).toEqual({ blocking: 0, major: 0, minor: 0, readiness: 1, counts: { ready: 0, draft: 0, missing: 0, notApplicable: 0 } });
    // What render writes is a current report: it reads again, unchanged.
    const again = join(dir, 'old-rendered.json');
    await writeFile(again, JSON.stringify(json, null, 2));
    expect(JSON.parse((await runCli(['render', again, '-f', 'json'])).stdout)).toEqual(json);
  });

  it('diffs against a current report: the assessment each algorithm listed is the service\'s one item, not a new gap', async () => {
    await save('current', 'examples/filing.yaml', '2026-11-15');
    const run = await runCli(['diff', OLD, saved('current'), '-f', 'json', '--fail-on-regression']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const diff = JSON.parse(run.stdout);
    const assessments = diff.items.filter((i: { id: string }) => i.id === 'security-assessment-report').map((i: { kind: string; key: string; from: string; to: string }) => [i.kind, i.key, i.from, i.to]);
    // The five copies, all missing then, are 云栖优选's assessment, a draft now; 云栖生活圈 came with the lifecycle example.
    expect(assessments).toEqual([
      ['progressed', 'yunqi-app/security-assessment-report', 'missing', 'draft'],
      ['added', 'yunqi-life/security-assessment-report', null, 'ready'],
    ]);
    expect(diff.regressions).toBe(0);
    // Its clock before launch is the same date as the copies': unchanged, so not listed.
    const assessmentClocks = diff.deadlines.filter((d: { title: string }) => d.title.startsWith('安全评估')).map((d: { kind: string; service: string; algorithm: null }) => [d.kind, d.service, d.algorithm]);
    expect(assessmentClocks).toEqual([['added', '云栖生活圈', null]]);
    const text = await runCli(['diff', OLD, saved('current')]);
    expect(text.stdout).toContain('旧报告  filing.yaml (2026-11-15)  杭州云栖优选网络科技有限公司');
  });

  it('still exits 2 naming the field when a field it has is wrong', async () => {
    const report = JSON.parse(await readFile(OLD, 'utf8'));
    report.deadlines[0].trigger = 'launched';
    const bad = join(dir, 'old-bad.json');
    await writeFile(bad, JSON.stringify(report, null, 2));
    const run = await runCli(['render', bad]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/old-bad\.json:\d+:\d+: deadlines\[0\]\.trigger: 应为以下之一："launch"/);
    const english = await runCli(['render', bad], { env: { LANG: 'en_US.UTF-8' } });
    expect(english.stderr).toMatch(/old-bad\.json:\d+:\d+: deadlines\[0\]\.trigger: expected one of "launch"/);
  });
});
