// Every report format from the one report model: goldens for realistic cases, the multi-format
// --out-dir writer, GitHub step summaries, and the exit codes around them.
import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/core/report-schema.js';
import { REPORT_EXTENSIONS } from '../../src/format/index.js';
import { AS_OF, chromiumForTests, expectGolden, runCli, tempDir } from '../helpers/formats.js';

const CASES = {
  ecommerce: 'examples/filing.yaml',
  genai: 'test/fixtures/formats/genai.yaml',
  hostile: 'test/fixtures/formats/hostile.yaml',
} as const;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const TEXT_FORMATS = ['text', 'json', 'md', 'html', 'junit', 'github', 'csv'] as const;

describe('report formats (goldens)', () => {
  for (const [name, file] of Object.entries(CASES)) {
    for (const format of TEXT_FORMATS) {
      it(`${name} as ${format}`, async () => {
        const run = await runCli(['diagnose', file, '--as-of', AS_OF, '-f', format]);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(1);
        await expectGolden(`report-${name}.${REPORT_EXTENSIONS[format]}`, run.stdout);
      });
    }
  }

  // The default text report is a one-screen summary; --detail is the full report.
  it('ecommerce as text --detail', async () => {
    const run = await runCli(['diagnose', CASES.ecommerce, '--as-of', AS_OF, '--detail']);
    expect(run.code).toBe(1);
    await expectGolden('report-ecommerce.detail.txt', run.stdout);
  });

  it('keeps the text summary of the bundled example to one screen', async () => {
    const run = await runCli(['diagnose', CASES.ecommerce, '--as-of', AS_OF]);
    expect(run.stdout.split('\n').length).toBeLessThanOrEqual(60);
    expect(run.stdout).not.toContain('《'); // no legal bases: those are detail
  });

  // Each service with 舆论属性 owes its own 2018 assessment: one action per service, titled by it.
  it('gives each service\'s own assessment its own action in the summary, named by the service, never by its id', async () => {
    const subject = 'test/fixtures/subjects/two-services.yaml';
    for (const [lang, format, line] of [
      ['zh', 'text', /安全评估报告（2018 年安全评估规定）（青禾AI写作助手） +✘ 缺失：青禾AI写作助手\n/],
      ['zh', 'md', /\| 安全评估报告（2018 年安全评估规定）（青禾本地生活） \| 缺失 青禾本地生活 \|/],
      ['zh', 'html', /<td><strong>安全评估报告（2018 年安全评估规定）（青禾本地生活）<\/strong><\/td><td><span class="scope"><span class="tag status-missing">缺失<\/span> 青禾本地生活<\/span>/],
      ['en', 'text', /Security assessment report under the 2018 rules \(青禾AI写作助手\) +✘ missing: 青禾AI写作助手\n/],
    ] as const) {
      const run = await runCli(['diagnose', subject, '--as-of', AS_OF, '--lang', lang, '-f', format]);
      expect(run.stdout, `${lang} ${format}`).toMatch(line);
      expect(run.stdout.replace(/<[^>]+>/g, ' '), `${lang} ${format}`).not.toMatch(/qinghe-(app|writer)/);
    }
  });

  // The 2018 assessment is one per service: it sits under its service, named by 名称, in every view.
  it('groups each service\'s own assessment under that service, by name, in every view', async () => {
    const subject = 'test/fixtures/subjects/two-services.yaml';
    const run = async (args: string[]) => (await runCli([...args, '--as-of', AS_OF])).stdout;
    const services = [['qinghe-app', '青禾本地生活'], ['qinghe-writer', '青禾AI写作助手']] as const;
    const text = await run(['diagnose', subject, '--detail']);
    const md = await run(['diagnose', subject, '-f', 'md']);
    const html = await run(['diagnose', subject, '-f', 'html']);
    const junit = await run(['diagnose', subject, '-f', 'junit']);
    const csv = await run(['checklist', subject, '-f', 'csv']);
    const checklistMd = await run(['checklist', subject, '-f', 'md']);
    const english = await run(['diagnose', subject, '--detail', '--lang', 'en']);
    for (const [id, name] of services) {
      const item = `安全评估报告（2018 年安全评估规定）（${name}）`;
      // Each view: the service's heading, then its assessment before the next heading.
      expect(text, id).toMatch(new RegExp(`\\n  服务 ${name}  准备度 0%[^\\n]*\\n[^\\n]*${escape(item)}`));
      expect(md, id).toMatch(new RegExp(`#### 服务 ${name}\\n\\n[^#]*${escape(item)}`));
      expect(html, id).toMatch(new RegExp(`<h3[^>]*>服务 ${name} <span[\\s\\S]*?${escape(item)}[\\s\\S]*?<h3`));
      expect(junit, id).toMatch(new RegExp(`<testsuite name="服务 ${name}"[^>]*>[\\s\\S]*?<\\/properties>\\s*<testcase name="${escape(item)}`));
      expect(csv, id).toContain(`${id}/security-assessment-report,`);
      expect(csv.split('\n').find((l) => l.startsWith(`${id}/security-assessment-report,`))!.split(',')[2], id).toBe(name);
      expect(checklistMd, id).toMatch(new RegExp(`### 服务：${name} · 准备度 0%\\n\\n[^#]*${escape(item)}`));
      expect(english, id).toContain(`  Service ${name}  Readiness 0%`);
    }
    // The entity's own group holds no service's material.
    expect(md.slice(md.indexOf('#### 主体层面材料'), md.indexOf('#### 服务'))).not.toContain('security-assessment-report');
  });

  // A client knows its products and algorithms by name: every view names them so, an id at most in
  // parentheses (the algorithm table, a material's key) or in small print (HTML's code spans).
  it('names algorithms and services by name in every view, their ids only in parentheses or small print', async () => {
    const subject = 'test/fixtures/subjects/two-services.yaml';
    const ids = ['qinghe-app', 'qinghe-writer', 'community-feed', 'post-search', 'writer'];
    const views = {
      summary: ['diagnose', subject], detail: ['diagnose', subject, '--detail'], md: ['diagnose', subject, '-f', 'md'],
      html: ['diagnose', subject, '-f', 'html'], checklist: ['checklist', subject, '-f', 'md'],
    };
    for (const [view, args] of Object.entries(views)) {
      const out = (await runCli([...args, '--as-of', AS_OF])).stdout;
      const prose = out
        .replace(/<span class="code">[^<]*<\/span>/g, '')
        .replace(/<[^>]+>/g, ' ')
        .replace(/\(([\w-]+)(\/[\w-]+)?\)/g, '')
        // The checklist's row key, labelled as such: the import joins on it.
        .replace(/编号: [\w-]+\/[\w-]+/g, '');
      for (const id of ids) expect(prose, `${view}: ${id}`).not.toMatch(new RegExp(`(?<![\\w-])${id}(?![\\w-])`));
    }
    const summary = (await runCli(['diagnose', subject, '--as-of', AS_OF])).stdout;
    expect(summary).toContain('  ✘ 2026-09-15  安全评估（上线前完成）');
    expect(summary).toMatch(/\n  ● 人工智能生成合成内容标识  青禾AI写作生成算法\n/);
    expect(summary).toMatch(/\n  ● 互联网信息服务算法备案  全部 3 个算法\n/);
    const detail = (await runCli(['diagnose', subject, '--as-of', AS_OF, '--detail'])).stdout;
    expect(detail).toMatch(/\n  青禾本地生活个性化推荐算法  \(community-feed\)\n/);
    expect(detail).toMatch(/\n  算法 青禾AI写作生成算法  准备度 /);
  });

  // JSON joins on ids: a deadline's serviceId is the id items[].service gives; service keeps its name.
  it('gives each deadline its service\'s id beside its name in JSON', async () => {
    const report = JSON.parse((await runCli(['diagnose', 'test/fixtures/subjects/two-services.yaml', '--as-of', AS_OF, '-f', 'json'])).stdout);
    const assessments = report.deadlines.filter((d: { kind: string; algorithm: null }) => d.kind === 'security-assessment' && d.algorithm === null);
    expect(assessments.map((d: { service: string; serviceId: string }) => [d.serviceId, d.service])).toEqual([['qinghe-app', '青禾本地生活'], ['qinghe-writer', '青禾AI写作助手']]);
    const itemServices = report.items.filter((i: { service: string | null }) => i.service !== null).map((i: { service: string }) => i.service);
    expect(itemServices).toEqual(['qinghe-app', 'qinghe-writer']);
    expect(report.services).toEqual([{ id: 'qinghe-app', name: '青禾本地生活' }, { id: 'qinghe-writer', name: '青禾AI写作助手' }]);
  });

  // A filing number says the algorithm is filed, not when: the table says so instead of passing the
  // statutory date off as the day it was done. A submitted assessment's recorded day is shown.
  it('words a met date by what the answers know: filed with no date, or done on the recorded day', async () => {
    const subject = 'test/fixtures/lifecycle/community-live-feature.yaml';
    const lines = (out: string) => out.split('\n').filter((l) => /截止 2024|due 2024|\| 2024-03-(15|29) \|/.test(l));
    const detail = (await runCli(['diagnose', subject, '--as-of', AS_OF, '--detail'])).stdout;
    expect(lines(detail)).toEqual([
      '  ✔ 已完成（2024-03-08）  截止 2024-03-15  西溪邻里                         安全评估（上线前完成）',
      '  ✔ 已备案，备案日期不详  截止 2024-03-29  西溪邻里首页推荐算法 · 西溪邻里  算法备案（上线之日起 10 个工作日内）',
    ]);
    const english = (await runCli(['diagnose', subject, '--as-of', AS_OF, '--detail', '--lang', 'en'])).stdout;
    expect(lines(english).map((l) => l.split(/ {2,}/).slice(1, 3))).toEqual([['✔ done (2024-03-08)', 'due 2024-03-15'], ['✔ filed; filing date not recorded', 'due 2024-03-29']]);
    const md = (await runCli(['diagnose', subject, '--as-of', AS_OF, '-f', 'md'])).stdout;
    expect(lines(md).map((l) => l.split(' | ').slice(0, 2))).toEqual([['| 已完成（2024-03-08）', '2024-03-15'], ['| 已备案，备案日期不详', '2024-03-29']]);
    const html = (await runCli(['diagnose', subject, '--as-of', AS_OF, '-f', 'html'])).stdout;
    expect(html).toContain('<tr><td class="state">已备案，备案日期不详</td><td class="date">2024-03-29</td>');
    const json = JSON.parse((await runCli(['diagnose', subject, '--as-of', AS_OF, '-f', 'json'])).stdout);
    expect(json.deadlines.map((d: { done: boolean; doneOn: string | null }) => [d.done, d.doneOn])).toEqual([[true, null], [true, '2024-03-08'], [false, null]]);
  });

  // A reader scans dates in order: the detail lists them by date, not by algorithm and kind.
  it('lists the detail\'s statutory dates in date order', async () => {
    const detail = (await runCli(['diagnose', CASES.ecommerce, '--as-of', AS_OF, '--detail'])).stdout;
    const dates = [...detail.matchAll(/截止 (\d{4}-\d\d-\d\d)/g)].map((m) => m[1]!);
    expect(dates).toEqual(['2024-05-20', '2024-06-03', '2025-08-25', '2026-12-09', '2026-12-28', ...Array(5).fill('2027-01-12')]);
  });

  it('keeps the English wording in every human format', async () => {
    for (const format of ['text', 'md', 'html'] as const) {
      const run = await runCli(['diagnose', CASES.genai, '--as-of', AS_OF, '--lang', 'en', '-f', format]);
      await expectGolden(`report-genai-en.${REPORT_EXTENSIONS[format]}`, run.stdout);
    }
  });
});

describe('readiness and not-applicable reasons in every human format', () => {
  it('shows score and counts overall and per algorithm, and every reason', async () => {
    const json = ReportSchema.parse(JSON.parse((await runCli(['diagnose', CASES.genai, '--as-of', AS_OF, '-f', 'json'])).stdout));
    const reasons = [...json.items, ...json.duties].filter((i) => i.reason).map((i) => i.reason!);
    expect(reasons.length).toBeGreaterThanOrEqual(3);
    for (const format of ['text', 'md', 'html', 'junit', 'github', 'csv'] as const) {
      // Reasons are detail: the text summary leaves them to --detail.
      const out = (await runCli(['diagnose', CASES.genai, '--as-of', AS_OF, '-f', format, ...(format === 'text' ? ['--detail'] : [])])).stdout;
      for (const reason of reasons) expect(out, `${format} keeps "${reason}"`).toContain(reason);
      // CSV is items only; JUnit carries readiness as suite properties; GitHub's summary is the md view.
      if (format === 'csv' || format === 'junit' || format === 'github') continue;
      expect(out, format).toContain(`${Math.round(json.summary.readiness * 100)}%`);
      for (const tally of Object.values(json.summary.algorithms)) expect(out, format).toContain(`${Math.round(tally.readiness * 100)}%`);
    }
  });

  it('marks not-applicable items skipped in JUnit with the reason, gaps at --fail-on as failures', async () => {
    const blocking = (await runCli(['diagnose', CASES.genai, '--as-of', AS_OF, '-f', 'junit'])).stdout;
    const minor = (await runCli(['diagnose', CASES.genai, '--as-of', AS_OF, '-f', 'junit', '--fail-on', 'minor'])).stdout;
    const none = (await runCli(['diagnose', CASES.genai, '--as-of', AS_OF, '-f', 'junit', '--fail-on', 'none'])).stdout;
    const failures = (xml: string) => Number(/<testsuites[^>]* failures="(\d+)"/.exec(xml)![1]);
    expect(failures(blocking)).toBe(21);
    expect(failures(minor)).toBe(42);
    expect(failures(none)).toBe(0);
    expect(blocking).toContain('<skipped message="不适用: 服务不涉及支付、转账或金融信息发布"/>');
    expect((blocking.match(/<testcase /g) ?? []).length).toBe(47);
  });
});

describe('several formats at once', () => {
  it('writes report.<ext> for each format into --out-dir, and refuses to overwrite without --force', async () => {
    const dir = await tempDir();
    const first = await runCli(['diagnose', CASES.ecommerce, '--as-of', AS_OF, '-f', 'md,json,html,junit,github,csv,text', '--out-dir', join(dir, 'out')]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(1);
    expect(first.stdout).toBe('');
    expect((await readdir(join(dir, 'out'))).sort()).toEqual(['report.csv', 'report.github.txt', 'report.html', 'report.json', 'report.md', 'report.txt', 'report.xml']);
    const md = await readFile(join(dir, 'out', 'report.md'), 'utf8');
    expect(md).toBe((await runCli(['diagnose', CASES.ecommerce, '--as-of', AS_OF, '-f', 'md'])).stdout);

    await writeFile(join(dir, 'out', 'report.md'), 'client edits');
    const again = await runCli(['diagnose', CASES.ecommerce, '--as-of', AS_OF, '-f', 'md,json', '--out-dir', join(dir, 'out')]);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`filing-check: ${join(dir, 'out', 'report.md')}、${join(dir, 'out', 'report.json')}: 文件已存在；如需替换请加 --force（未写入任何文件）\n`);
    expect(await readFile(join(dir, 'out', 'report.md'), 'utf8')).toBe('client edits');

    const forced = await runCli(['diagnose', CASES.ecommerce, '--as-of', AS_OF, '-f', 'md', '--out-dir', join(dir, 'out'), '--force']);
    expect(forced.code).toBe(1);
    expect(await readFile(join(dir, 'out', 'report.md'), 'utf8')).toBe(md);
    expect((await readdir(join(dir, 'out'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('needs --out-dir for several formats and --out or --out-dir for pdf', async () => {
    const several = await runCli(['diagnose', CASES.ecommerce, '-f', 'md,json']);
    expect(several.code).toBe(2);
    expect(several.stderr).toContain('多种格式需要 --out-dir DIR');
    const pdf = await runCli(['diagnose', CASES.ecommerce, '-f', 'pdf']);
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toBe('filing-check: --format pdf 是二进制文件；请加 --out FILE 或 --out-dir DIR\n');
    expect((await runCli(['diagnose', CASES.ecommerce, '-f', 'pdf', '--lang', 'en'])).stderr).toBe('filing-check: --format pdf is a binary file; pass --out FILE or --out-dir DIR\n');
    const unknown = await runCli(['diagnose', CASES.ecommerce, '-f', 'md,docx']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('filing-check: diagnose --format: 应为以下之一：text、json、md、html、junit、github、sarif、csv、pdf，实际为 "docx"；用法见 filing-check diagnose --help\n');
  });

  it('makes the browser tests fail on CI without Chromium, and skip elsewhere', async () => {
    await expect(chromiumForTests({ CI: 'true', PATH: '/nonexistent' })).rejects.toThrow('CI=true but no Chromium');
    await expect(chromiumForTests({ PATH: '/nonexistent' })).resolves.toBeNull();
  });

  it('exits 2 naming the way to get a browser when pdf has no Chromium, writing nothing', async () => {
    const dir = await tempDir();
    const run = await runCli(['diagnose', CASES.ecommerce, '-f', 'md,pdf', '--out-dir', dir], { env: { PATH: dir } });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'filing-check: --format pdf 需要本机安装的 Chromium 来打印 HTML 报告，但 PATH 中没有 chromium、chromium-browser、google-chrome、google-chrome-stable；' +
        '请安装（Debian/Ubuntu：apt-get install chromium），或用 --chromium PATH 指定，或改用 --format html 并在浏览器中打印\n',
    );
    expect(await readdir(dir)).toEqual([]);
    const wrong = await runCli(['diagnose', CASES.ecommerce, '-f', 'pdf', '--out', join(dir, 'r.pdf'), '--chromium', join(dir, 'nope')]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe(`filing-check: --chromium ${join(dir, 'nope')}: 不是可执行文件；应为 Chromium 或 Chrome 程序的路径\n`);
  });
});

describe('github format', () => {
  it('prints annotations and appends the Markdown summary to $GITHUB_STEP_SUMMARY', async () => {
    const dir = await tempDir();
    const summary = join(dir, 'summary.md');
    await writeFile(summary, '# earlier step\n');
    const run = await runCli(['diagnose', CASES.ecommerce, '--as-of', AS_OF, '-f', 'github'], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.every((l) => /^::(error|warning|notice) /.test(l))).toBe(true);
    expect(lines.filter((l) => l.startsWith('::error')).length).toBe(26);
    const md = (await runCli(['diagnose', CASES.ecommerce, '--as-of', AS_OF, '-f', 'md'])).stdout;
    expect(await readFile(summary, 'utf8')).toBe(`# earlier step\n${md}`);
  });

  it('demotes gaps below --fail-on to warnings', async () => {
    const run = await runCli(['diagnose', CASES.ecommerce, '--as-of', AS_OF, '-f', 'github', '--fail-on', 'none']);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('::error');
  });

  it('warns but still succeeds when the step summary cannot be written', async () => {
    const dir = await tempDir();
    const run = await runCli(['diagnose', CASES.ecommerce, '--as-of', AS_OF, '-f', 'github', '--fail-on', 'none'], { env: { GITHUB_STEP_SUMMARY: join(dir, 'missing', 'x.md') } });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('GITHUB_STEP_SUMMARY');
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });
});

// chinese-days publishes no 2027 schedule yet: a clock ending in 2027 counts the statutory holidays
// but cannot know the make-up working days (调休), and every view says so where the date is shown.
describe('a deadline in a year whose holiday schedule is unpublished', () => {
  const YEAR_END = 'test/fixtures/lifecycle/api-supporter-year-end.yaml';

  it('is flagged on the summary and in the detail, in Chinese and English', async () => {
    const zh = (await runCli(['diagnose', YEAR_END, '--as-of', AS_OF])).stdout;
    expect(zh).toContain('◷ 2027-01-08  算法备案（上线之日起 10 个工作日内）（调休安排未公布）  镜界开放平台 · 镜界人脸融合合成算法');
    const detail = (await runCli(['diagnose', YEAR_END, '--as-of', AS_OF, '--detail'])).stdout;
    expect(detail).toContain('算法备案（上线之日起 10 个工作日内）（该年度放假安排尚未公布：已按法定节假日计算，调休上班日未知）');
    const en = (await runCli(['diagnose', YEAR_END, '--as-of', AS_OF, '--lang', 'en'])).stdout;
    expect(en).toContain('algorithm filing (within 10 working days of launch) (make-up working days not yet published)');
  });

  it('is flagged on the Markdown and HTML summaries too', async () => {
    const md = (await runCli(['diagnose', YEAR_END, '--as-of', AS_OF, '-f', 'md'])).stdout;
    expect(md).toContain('- 2027-01-08: 算法备案（上线之日起 10 个工作日内）（调休安排未公布） (镜界开放平台 · 镜界人脸融合合成算法)');
    const html = (await runCli(['diagnose', YEAR_END, '--as-of', AS_OF, '-f', 'html'])).stdout;
    expect(html).toContain('<td>算法备案（上线之日起 10 个工作日内）（调休安排未公布）</td><td>镜界开放平台 · 镜界人脸融合合成算法</td>');
  });

  it('is not flagged for a date in a published year', async () => {
    const run = await runCli(['diagnose', CASES.ecommerce, '--as-of', AS_OF]);
    expect(run.stdout).toMatch(/◷ 2026-12-28 {2}安全评估（上线前完成） +云栖优选\n/);
  });
});
