// Runs a TypeScript script with the real src/ code behind it: usage `node scripts/run-ts.mjs ENTRY.ts [ARGS…]`.
// The entry is bundled with the same esbuild + YAML setup as the product, so a script sees exactly
// what the CLI sees. The bundle is written next to the entry (as Vite does with its config) so that
// import.meta.url and bare package imports resolve as they would from the source file; it is
// removed again whatever happens. If the entry exports `main(args)`, it is called with ARGS: the
// entry's other exports stay importable from tests without running it.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { esbuildYaml } from './yaml-plugin.mjs';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs ENTRY.ts [ARGS…]');
  process.exit(2);
}
const source = resolve(entry);
const bundle = join(dirname(source), `.${basename(source)}.${process.pid}.${Date.now()}.mjs`);
try {
  await build({
    entryPoints: [source],
    outfile: bundle,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    plugins: [esbuildYaml],
    logLevel: 'warning',
  });
  const module = await import(pathToFileURL(bundle).href);
  if (typeof module.main === 'function') await module.main(args);
} finally {
  await rm(bundle, { force: true });
}
