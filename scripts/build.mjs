// Builds dist/: esbuild bundles src/cli.ts with every command behind a dynamic import(), so each
// command is its own chunk and `--help` loads none of them. The chunks are then turned into
// CommonJS, which bin/filing-check.js compiles through V8's code cache (Node 20 cannot cache ES
// modules). Then the bundled rule packs are precompiled into dist/rules.json (validated, hashed)
// so runs skip YAML parsing, and a training run writes the code cache of the common commands.
import { build, transform } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
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

/** One ES module chunk as CommonJS: static imports become require(), import() a required promise. */
async function toCommonJs(code, file) {
  const { code: cjs } = await transform(code, { format: 'cjs', platform: 'node', target: 'node20', define: { 'import.meta.url': '__importMetaUrl' }, logLevel: 'error' });
  const required = cjs.replace(/\bimport\(("\.\.?\/[^"]+")\)/g, 'Promise.resolve().then(() => require($1))');
  if (/\bimport\("\.\.?\/|\bimport\.meta\.url\b/.test(required)) throw new Error(`${file}: a relative import() or import.meta is left after the CommonJS conversion`);
  return required.includes('__importMetaUrl') ? `var __importMetaUrl = require("node:url").pathToFileURL(__filename).href;\n${required}` : required;
}

async function filesUnder(dir) {
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

const work = await mkdtemp(join(tmpdir(), 'filing-check-build-'));
try {
  const esm = join(work, 'esm');
  await build({ ...common, entryPoints: { cli: 'src/cli.ts', main: 'src/main.ts' }, outdir: esm, splitting: true, chunkNames: 'chunks/[name]-[hash]' });
  await rm(dist, { recursive: true, force: true });
  for (const file of await filesUnder(esm)) {
    const target = join(dist, file.slice(esm.length + 1));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, await toCommonJs(await readFile(file, 'utf8'), file));
  }
  // So that `node dist/cli.js` also works, without the code cache.
  await writeFile(join(dist, 'package.json'), '{ "type": "commonjs" }\n');

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

// In a fresh process without flags, so V8 accepts the cache in an ordinary run.
execFileSync(process.execPath, [join(root, 'scripts', 'train-code-cache.mjs')], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_OPTIONS: '' } });
