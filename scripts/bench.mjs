// Start-up and throughput benchmark: paired, alternating runs of each case against bare
// `node -e 0` of the same Node binary in the same loop, so a busy shared machine slows both sides
// alike. Prints the median time of each, the median of the pairs' ratios (each pair runs close
// together, so a load spike on the shared machine moves both of its runs), and the case's peak
// memory (maxRSS, read inside the child).
// Timed runs are plain `node …` commands whose standard output goes into a pipe that this process
// reads, as a shell pipeline or a CI log does; peak memory comes from three more runs of each case
// with a preloaded exit hook.
//
//   npm run bench                 all cases, 15 pairs each, on this machine's Node
//   npm run bench -- --node 26    on another Node line (the registry's `node` package, via npx)
//   npm run bench -- --pairs 31   more pairs
//   npm run bench -- --only help  cases whose name contains "help"
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const pairs = Number(option('--pairs', '15'));
const only = option('--only', '');
const nodeLine = option('--node', '');
// Both sides of every pair run this one binary: the machine's, or the registry's for --node.
const node = nodeLine ? spawnSync('npx', ['-y', `node@${nodeLine}`, '-p', 'process.execPath'], { encoding: 'utf8' }).stdout.trim() : process.execPath;
if (!node) throw new Error(`no Node ${nodeLine} from the registry (npx -y node@${nodeLine})`);
const nodeVersion = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
// Node 20 has no compile cache, so its target is looser (issue #15).
const oneFileTarget = nodeVersion.startsWith('v20.') ? 2.0 : 1.5;
const work = mkdtempSync(join(tmpdir(), 'filing-check-bench-'));
const rssFile = join(work, 'rss');
// Each measured child writes its own peak RSS on exit, so memory is the process's, not a wrapper's.
const rssHook = join(work, 'rss-hook.cjs');
writeFileSync(rssHook, `process.on('exit', () => require('node:fs').writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));`);
const MEMORY_RUNS = 3;

const cli = join(root, 'bin', 'filing-check.js');
const example = join(root, 'examples', 'filing.yaml');

/** 1,000 answers files: the example under 1,000 company names, one folder each. */
function makeClients(count) {
  const dir = join(work, 'clients');
  const text = readFileSync(example, 'utf8');
  for (let i = 0; i < count; i++) {
    const client = join(dir, `client-${String(i).padStart(4, '0')}`);
    mkdirSync(client, { recursive: true });
    writeFileSync(join(client, 'filing.yaml'), text.replace('杭州云栖优选网络科技有限公司', `杭州客户${i}号网络科技有限公司`));
  }
  return dir;
}

/** 4,000 主要用途 texts from the CAC lists (data/), one per line. */
function makeTexts(count) {
  const { stdout } = spawnSync(process.execPath, [join(root, 'scripts', 'run-ts.mjs'), join(root, 'scripts', 'purpose-texts.ts')], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const texts = stdout.split('\n').filter(Boolean);
  if (texts.length === 0) throw new Error('no 主要用途 texts from data/cac-filed-algorithms-dev.csv');
  return Array.from({ length: count }, (_, i) => texts[i % texts.length]).join('\n');
}

/** A 50-page self-assessment report as .docx: 25 sections of about two pages each. */
async function makeDocx() {
  const { Document, Packer, Paragraph, HeadingLevel } = await import('docx');
  const body = '本算法根据用户的浏览、点击、收藏等行为数据，结合内容特征，对候选内容进行打分排序，并在首页信息流中向用户展示。';
  const sections = ['一、算法情况', '（一）算法流程', '（二）算法数据', '（三）算法模型', '（四）干预策略', '二、服务情况', '三、风险研判', '（一）算法滥用', '（二）算法漏洞', '（三）算法恶意利用', '四、风险防控情况', '五、安全评估结论'];
  const children = [new Paragraph({ text: '算法安全自评估报告', heading: HeadingLevel.TITLE })];
  for (let page = 0; page < 50; page++) {
    children.push(new Paragraph({ text: sections[page % sections.length], heading: HeadingLevel.HEADING_1 }));
    for (let p = 0; p < 12; p++) children.push(new Paragraph(`${body}第${page + 1}页第${p + 1}段：如流程图所示，系统依次完成召回（即从候选集中初步筛选内容）、排序和展示。`));
  }
  const path = join(work, '自评估报告-50页.docx');
  writeFileSync(path, await Packer.toBuffer(new Document({ sections: [{ children }] })));
  return path;
}

/**
 * A 50,000-row bank set (keyword library 34,000; generation 9,300; should-refuse 3,400;
 * should-answer 3,302) with 3,600 evaluation results, once as CSV files and once as workbooks.
 */
async function makeAssessmentSets() {
  const { bankSet, csvText, workbook } = await import('./assessment-examples.mjs');
  const set = bankSet({ keywordsPerRisk: () => 2000, generationPerRisk: () => 300, refusePerRisk: () => 200, answerPerTopic: () => 254 });
  const csv = join(work, 'assessment-csv');
  const xlsx = join(work, 'assessment-xlsx');
  mkdirSync(csv);
  mkdirSync(xlsx);
  const files = { 关键词库: set.keywords, 生成内容测试题库: set.generation, 应拒答测试题库: set.refuse, 非拒答测试题库: set.answer, 评估结果: set.results };
  for (const [name, rows] of Object.entries(files)) {
    writeFileSync(join(csv, `${name}.csv`), `\ufeff${csvText(rows)}`);
    writeFileSync(join(xlsx, `${name}.xlsx`), await workbook([[name, rows]]));
  }
  return { csv, xlsx };
}

/** An input made on first use, so `--only help` does not build 50,000-row workbooks. */
const once = (make) => {
  let made;
  return () => (made ??= make());
};
const clients = once(() => makeClients(1000));
const texts = once(() => makeTexts(4000));
const docx = once(makeDocx);
const assessment = once(makeAssessmentSets);

/**
 * Cases: argv for node (a function, as inputs are made on first use), optional stdin, and the target:
 * a ratio against bare node or against another case.
 */
const cases = [
  { name: '--help', argv: () => [cli, '--help'], target: 1.3 },
  { name: 'diagnose one file --format json', argv: () => [cli, 'diagnose', example, '--format', 'json', '--as-of', '2026-11-29'], target: oneFileTarget },
  { name: 'diagnose one file, text (the default)', argv: () => [cli, 'diagnose', example, '--as-of', '2026-11-29'] },
  { name: 'diagnose 1,000 files --format json', argv: () => [cli, 'diagnose', clients(), '--format', 'json', '--as-of', '2026-11-29'], target: 10, against: 'diagnose one file --format json' },
  { name: 'suggest-type 4,000 texts', argv: () => [cli, 'suggest-type', '--format', 'json'], input: texts, targetMs: 1000 },
  { name: 'lint a 50-page .docx', argv: async () => [cli, 'lint', await docx(), '--kind', 'self-assessment', '--fail-on', 'none'] },
  { name: 'assess a 50,000-row bank set (.csv)', argv: async () => [cli, 'assess', (await assessment()).csv, '--format', 'json'], targetMs: 2000, maxMiB: 256 },
  { name: 'assess a 50,000-row bank set (.xlsx)', argv: async () => [cli, 'assess', (await assessment()).xlsx, '--format', 'json'], targetMs: 2000, maxMiB: 256 },
];

/** One run of node with these arguments: wall time, and with `measureMemory` the peak RSS. */
function run(argv, input, measureMemory = false) {
  const started = process.hrtime.bigint();
  const result = spawnSync(node, measureMemory ? ['--require', rssHook, ...argv] : argv, {
    input,
    cwd: root,
    env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
    maxBuffer: 1 << 30,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${argv.join(' ')} exited ${result.status}: ${result.stderr}`);
  return { ms, rssKiB: measureMemory ? Number(readFileSync(rssFile, 'utf8')) : 0 };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const rows = [];
const medians = new Map();
let allMet = true;
for (const c of cases.filter((c) => c.name.includes(only))) {
  const argv = await c.argv();
  const input = c.input?.();
  run(argv, input); // warm the file cache
  // The machine's load while the case ran: figures from a busy machine are to be read with it.
  const loadBefore = loadavg()[0];
  const bare = [];
  const mine = [];
  let peak = 0;
  for (let i = 0; i < pairs; i++) {
    // Alternate which runs first, so neither side always gets the warmer moment.
    const order = i % 2 ? ['case', 'bare'] : ['bare', 'case'];
    for (const side of order) {
      if (side === 'bare') bare.push(run(['-e', '0']).ms);
      else mine.push(run(argv, input).ms);
    }
  }
  for (let i = 0; i < MEMORY_RUNS; i++) peak = Math.max(peak, run(argv, input, true).rssKiB);
  const ms = median(mine);
  medians.set(c.name, ms);
  const ratio = median(mine.map((m, i) => m / bare[i]));
  const peakMiB = peak / 1024;
  let target = '';
  let met = peakMiB <= (c.maxMiB ?? 100);
  if (c.against) {
    // Judged against its reference case, only when that ran too (not with an --only that leaves it out).
    const relative = medians.has(c.against) ? ms / medians.get(c.against) : undefined;
    target = relative === undefined ? `(≤ ${c.target}x one file: run with "${c.against}")` : `${relative.toFixed(2)}x one file (≤ ${c.target}x)`;
    met &&= relative === undefined || relative <= c.target;
  } else if (c.target) {
    target = `≤ ${c.target}x`;
    met &&= ratio <= c.target;
  } else if (c.targetMs) {
    target = `≤ ${c.targetMs} ms`;
    met &&= ms <= c.targetMs;
  } else target = '(measured)';
  allMet &&= met;
  rows.push([c.name, `${median(bare).toFixed(1)} ms`, `${ms.toFixed(1)} ms`, `${ratio.toFixed(2)}x`, target, `${peakMiB.toFixed(1)} MiB`, `${loadBefore.toFixed(1)}–${loadavg()[0].toFixed(1)}`, met ? 'met' : 'MISSED']);
}
rmSync(work, { recursive: true, force: true });
const header = ['case', 'bare node', 'filing-check', 'ratio', 'target', 'peak RSS', 'load', ''];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
for (const row of [header, ...rows]) console.log(row.map((cell, i) => cell.padEnd(widths[i] + 2)).join('').trimEnd());
console.log(`\n${pairs} alternating pairs per case, medians; node ${nodeVersion}; stdout through a pipe; load: 1-minute load average before and after the case (${availableParallelism()} CPUs); peak memory target ≤ 100 MiB (assess: ≤ 256 MiB)`);
process.exitCode = allMet ? 0 : 1;
