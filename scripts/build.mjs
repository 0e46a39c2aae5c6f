// Builds dist/: esbuild bundles src/cli.ts with every command behind a dynamic import(), so each
// command is its own chunk and `--help` loads none of them. Then the bundled rule packs are
// precompiled into dist/rules.json (validated, hashed) so runs skip YAML parsing.
import { build } from 'esbuild';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { esbuildJsonData, esbuildYaml } from './yaml-plugin.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
// chalk detects colour support when loaded, which calls tty.isatty() and so loads Node's whole
// net stack (about 4 ms of every start). src/color.ts always passes chalk an explicit level, so
// the detection's answer is never used: the bundle gets a stand-in that reports no support.
const chalkWithoutDetection = {
  name: 'chalk-without-detection',
  setup(build) {
    build.onResolve({ filter: /^#supports-color$/ }, () => ({ path: 'supports-color', namespace: 'chalk-without-detection' }));
    build.onLoad({ filter: /.*/, namespace: 'chalk-without-detection' }, () => ({ contents: 'export default { stdout: false, stderr: false };', loader: 'js' }));
  },
};
const common = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minifySyntax: true,
  legalComments: 'none',
  plugins: [esbuildYaml, esbuildJsonData, chalkWithoutDetection],
  logLevel: 'warning',
  absWorkingDir: root,
};
// Bundled CommonJS dependencies (commander, yaml) call require() for Node built-ins; ESM has none.
const esmRequire = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

const work = await mkdtemp(join(tmpdir(), 'filing-check-build-'));
try {
  await rm(dist, { recursive: true, force: true });
  await build({ ...common, banner: { js: esmRequire }, entryPoints: { cli: 'src/cli.ts', main: 'src/main.ts' }, outdir: dist, splitting: true, chunkNames: 'chunks/[name]-[hash]' });

  // The precompiler runs the real loader and validator from src, bundled to a throwaway file.
  const entry = join(work, 'precompile.mjs');
  await build({
    ...common,
    banner: { js: esmRequire },
    stdin: { contents: "export { precompileBundledRules } from './src/rules/parse-packs.ts'; export * from './src/rules/precompile.ts';", resolveDir: root, loader: 'ts' },
    outfile: entry,
  });
  const { precompileBundledRules, withoutGuidance, PRECOMPILED_RULES, PRECOMPILED_RULES_WITHOUT_GUIDANCE } = await import(pathToFileURL(entry).href);
  const precompiled = await precompileBundledRules(root);
  await writeFile(join(dist, PRECOMPILED_RULES), JSON.stringify(precompiled));
  await writeFile(join(dist, PRECOMPILED_RULES_WITHOUT_GUIDANCE), JSON.stringify(withoutGuidance(precompiled)));
} finally {
  await rm(work, { recursive: true, force: true });
}

