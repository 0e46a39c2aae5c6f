#!/usr/bin/env node
// How long a consultant waits for the first question: the time from spawning `filing-check diagnose`
// in a pseudo-terminal until its first question is on screen, against bare `node -e 0` start-up.
// Runs are paired and alternate which goes first, so a machine busy with other work slows both
// sides of a pair alike; the medians and their difference are reported. Target: the first question
// within 150 ms of bare node start-up. `filing-check --version` is timed in the same rounds, to tell
// the CLI's own start-up (every command pays it) from what the questionnaire adds.
// Run `npm run build` first (npm run bench:first-prompt does).
//
//   node scripts/bench-first-prompt.mjs [PAIRS]     (default 21, at least 15)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RELAY = join(ROOT, 'scripts', 'pty-relay.py');
const BIN = join(ROOT, 'bin', 'filing-check.js');
const FIRST_QUESTION = '公司全称';
const TARGET_MS = 150;
const pairs = Math.max(15, Number(process.argv[2] ?? 21));

if (!existsSync(join(ROOT, 'dist', 'cli.js'))) {
  console.error('bench-first-prompt: dist/cli.js is missing; run npm run build first');
  process.exit(2);
}

// An empty folder, so the first prompt is the first question (no filing.yaml to ask about).
const cwd = mkdtempSync(join(tmpdir(), 'fc-bench-'));
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, TERM: 'xterm-256color' };

/** Milliseconds measured by the relay, from just before the command starts (python start-up excluded). */
function measure(relayArgs) {
  const run = spawnSync('python3', [RELAY, ...relayArgs], { cwd, env, encoding: 'utf8', timeout: 60_000 });
  const match = /elapsed_ms=([\d.]+)/.exec(run.stderr ?? '');
  if (!match) throw new Error(`no timing from the relay (exit ${run.status}):\n${run.stderr}`);
  return Number(match[1]);
}

const bare = () => measure(['--until-exit', '--', process.execPath, '-e', '0']);
const firstPrompt = () => measure(['--until', FIRST_QUESTION, '--', process.execPath, BIN, 'diagnose']);
const version = () => measure(['--until-exit', '--', process.execPath, BIN, '--version']);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

try {
  // Warm the file-system cache once; these runs are not counted.
  bare();
  firstPrompt();
  const bareTimes = [];
  const promptTimes = [];
  const versionTimes = [];
  for (let i = 0; i < pairs; i++) {
    if (i % 2 === 0) {
      bareTimes.push(bare());
      promptTimes.push(firstPrompt());
    } else {
      promptTimes.push(firstPrompt());
      bareTimes.push(bare());
    }
    versionTimes.push(version());
  }
  const differences = promptTimes.map((t, i) => t - bareTimes[i]);
  const bareMedian = median(bareTimes);
  const promptMedian = median(promptTimes);
  const fmt = (ms) => `${ms.toFixed(1)} ms`;
  const range = (values) => `(min ${fmt(Math.min(...values))}, max ${fmt(Math.max(...values))})`;
  console.log(`first question in a pty, ${pairs} alternating pairs, node ${process.version}`);
  console.log(`  bare node -e 0             median ${fmt(bareMedian)} ${range(bareTimes)}`);
  console.log(`  diagnose → first question  median ${fmt(promptMedian)} ${range(promptTimes)}`);
  console.log(`  filing-check --version     median ${fmt(median(versionTimes))} ${range(versionTimes)}`);
  console.log(`  ratio                      ${(promptMedian / bareMedian).toFixed(2)}×`);
  console.log(`  difference                 median of pairs ${fmt(median(differences))}; of medians ${fmt(promptMedian - bareMedian)}`);
  const verdict = median(differences) <= TARGET_MS ? 'met' : 'NOT met';
  console.log(`  target ≤ ${TARGET_MS} ms over bare node: ${verdict}`);
} finally {
  rmSync(cwd, { recursive: true, force: true });
}
