// Writes dist/cache/: runs the common commands once, in this process, through the same loader as
// bin/filing-check.js, then saves each loaded module's V8 code cache with every function those
// runs compiled. A later start then neither parses nor compiles them.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { loadDist, writeCodeCache, DIST } = require('../bin/filing-check.js');
const root = join(DIST, '..');
const example = join(root, 'examples', 'filing.yaml');
const drafts = join(root, 'examples', 'docs', 'feed');
const purposes = [...readFileSync(example, 'utf8').matchAll(/purpose: (.+)/g)].map((m) => m[1]).join('\n');

/** A quiet Io: no terminal, nothing printed, a fixed day. */
const io = (stdin = '') => ({
  stdout: () => {},
  stderr: () => {},
  readStdin: async () => new TextEncoder().encode(stdin),
  stdinIsTTY: false,
  stdoutIsTTY: false,
  stderrIsTTY: false,
  stdin: process.stdin,
  stderrStream: process.stderr,
  onInterrupt: () => () => {},
  cwd: root,
  env: { NO_COLOR: '1' },
  today: () => '2026-11-29',
});

const runs = [
  [['--help']],
  [['diagnose', example, '--format', 'json']],
  [['diagnose', example]],
  [['diagnose', example, example, '--format', 'json']],
  [['diagnose', example, '--format', 'md', '--lang', 'en']],
  [['suggest-type', '--format', 'json'], purposes],
  [['lint', join(drafts, '拟公示内容.md'), join(drafts, '算法安全自评估报告.md'), '--answers', example, '--fail-on', 'none']],
  [['rules', 'list']],
  [['rules', 'explain', 'algorithm-self-assessment']],
  [['checklist', example, '--format', 'md']],
  [['schema', 'answers']],
];
const { main } = loadDist(join(DIST, 'main.js'));
for (const [argv, stdin] of runs) {
  const code = await main(argv, io(stdin));
  if (code === 2) throw new Error(`code-cache training: filing-check ${argv.join(' ')} exited 2`);
}
writeCodeCache();
