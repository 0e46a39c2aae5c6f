// Bundles src/cli.ts into dist/ with esbuild. Every command is reached through dynamic import(),
// so splitting gives each its own chunk and `--help` loads none of them. Then precompiles the
// bundled rule packs into dist/rules.json (validated, hashed), so runs skip YAML parsing.
import { build } from 'esbuild';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { esbuildYaml } from './yaml-plugin.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const common = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minifySyntax: true,
  legalComments: 'none',
  // CommonJS dependencies (commander, yaml) call require() for node built-ins; ESM output has none.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  plugins: [esbuildYaml],
  logLevel: 'warning',
  absWorkingDir: root,
};

await rm(join(root, 'dist'), { recursive: true, force: true });
await build({ ...common, entryPoints: { cli: 'src/cli.ts' }, outdir: 'dist', splitting: true, chunkNames: 'chunks/[name]-[hash]' });

// The precompiler runs the real loader and validator from src, bundled to a throwaway file.
const work = await mkdtemp(join(tmpdir(), 'filing-check-build-'));
try {
  const entry = join(work, 'precompile.mjs');
  await build({ ...common, stdin: { contents: "export { precompileBundledRules } from './src/rules/parse-packs.ts';", resolveDir: root, loader: 'ts' }, outfile: entry });
  const { precompileBundledRules } = await import(pathToFileURL(entry).href);
  await writeFile(join(root, 'dist', 'rules.json'), JSON.stringify(await precompileBundledRules(root)));
} finally {
  await rm(work, { recursive: true, force: true });
}
