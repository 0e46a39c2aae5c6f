// Start-up and throughput benchmark: paired, alternating runs of each case against bare
// `node -e 0` in the same loop, so a busy shared machine slows both sides alike. Prints the
// median time of each, their ratio, and the case's peak memory (maxRSS, read inside the child).
//
//   npm run bench                 all cases, 15 pairs each
//   npm run bench -- --pairs 31   more pairs
//   npm run bench -- --only help  cases whose name contains "help"
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
const work = mkdtempSync(join(tmpdir(), 'filing-check-bench-'));
const rssFile = join(work, 'rss');
// Each child writes its own peak RSS on exit, so memory is the process's, not a wrapper's.

const cli = join(root, 'bin', 'filing-check.js');
const example = join(root, 'examples', 'filing.yaml');

/** Cases: name, argv for node, optional stdin, and the target ratio against bare node. */
const cases = [
  { name: '--help', argv: [cli, '--help'], target: 1.2 },
  { name: 'diagnose one file --format json', argv: [cli, 'diagnose', example, '--format', 'json', '--as-of', '2026-11-29'], target: 1.3 },
];

function run(argv, input) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', 'data:text/javascript,import{writeFileSync}from"node:fs";process.on("exit",()=>writeFileSync(process.env.BENCH_RSS_FILE,String(process.resourceUsage().maxRSS)))', ...argv], {
    input,
    cwd: root,
    env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
    stdio: ['pipe', 'ignore', 'pipe'],
    maxBuffer: 1 << 30,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${argv.join(' ')} exited ${result.status}: ${result.stderr}`);
  return { ms, rssKiB: Number(readFileSync(rssFile, 'utf8')) };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const rows = [];
let allMet = true;
for (const c of cases.filter((c) => c.name.includes(only))) {
  run(c.argv, c.input); // warm the file cache
  const bare = [];
  const mine = [];
  let peak = 0;
  for (let i = 0; i < pairs; i++) {
    // Alternate which runs first, so neither side always gets the warmer moment.
    const order = i % 2 ? ['case', 'bare'] : ['bare', 'case'];
    for (const side of order) {
      if (side === 'bare') bare.push(run(['-e', '0']).ms);
      else {
        const r = run(c.argv, c.input);
        mine.push(r.ms);
        peak = Math.max(peak, r.rssKiB);
      }
    }
  }
  const ratio = median(mine) / median(bare);
  const peakMiB = peak / 1024;
  const met = ratio <= c.target && peakMiB <= 100;
  allMet &&= met;
  rows.push([c.name, `${median(bare).toFixed(1)} ms`, `${median(mine).toFixed(1)} ms`, `${ratio.toFixed(2)}x`, `≤ ${c.target}x`, `${peakMiB.toFixed(1)} MiB`, met ? 'met' : 'MISSED']);
}
rmSync(work, { recursive: true, force: true });
const header = ['case', 'bare node', 'filing-check', 'ratio', 'target', 'peak RSS', ''];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
for (const row of [header, ...rows]) console.log(row.map((cell, i) => cell.padEnd(widths[i] + 2)).join('').trimEnd());
console.log(`\n${pairs} alternating pairs per case, medians; node ${process.version}; peak memory target ≤ 100 MiB`);
process.exitCode = allMet ? 0 : 1;
