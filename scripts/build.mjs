// Bundles src/cli.ts into dist/ with esbuild. Prompt code is reached only through dynamic
// import(), so splitting puts it (and @inquirer/*) in a chunk that non-interactive runs never load.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { esbuildYaml } from './yaml-plugin.mjs';

await rm(new URL('../dist/', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minifySyntax: true,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  // CommonJS dependencies (commander, yaml) call require() for node built-ins; ESM output has none.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  plugins: [esbuildYaml],
  logLevel: 'warning',
});
