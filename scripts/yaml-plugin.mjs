// Lets src import YAML data files (messages, questions) as parsed objects. The same transform
// serves esbuild (the build) and Vite (the tests), so both see identical data; parsing happens at
// build time, not at every start-up. esbuildJsonData has the build ship src's JSON data (the
// suggest-type model, the holiday table) in the form V8 reads fastest.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const YAML_FILE = /\.ya?ml$/;
/** The project's own sources: their JSON is data, unlike package.json or a dependency's JSON, which may be require()d. */
const SRC_DIR = fileURLToPath(new URL('../src/', import.meta.url));

/** Parses YAML text to the source of an ES module exporting it as default. */
export function yamlToModule(text, file) {
  try {
    return `export default ${JSON.stringify(parse(text, { uniqueKeys: true }))};`;
  } catch (error) {
    throw new Error(`${file}: ${error.message}`);
  }
}

/** esbuild plugin: `import data from './file.yaml'`. */
export const esbuildYaml = {
  name: 'yaml',
  setup(build) {
    build.onLoad({ filter: YAML_FILE }, async ({ path }) => ({
      contents: yamlToModule(await readFile(path, 'utf8'), path),
      loader: 'js',
    }));
  },
};

/** Vite (vitest) plugin: the same transform. */
export const viteYaml = {
  name: 'yaml',
  transform(code, id) {
    return YAML_FILE.test(id) ? { code: yamlToModule(code, id), map: null } : null;
  },
};

/** JSON text to the source of an ES module exporting JSON.parse of it, minified. */
function jsonToModule(text, file) {
  try {
    return `export default JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(text)))});`;
  } catch (error) {
    throw new Error(`${file}: ${error.message}`);
  }
}

/**
 * esbuild plugin: src's JSON data as JSON.parse('…') rather than esbuild's object literal, which V8
 * reads much more slowly: for the suggest-type model (36 kB, 1,069 rows) the literal cost ~2 ms more
 * at every diagnose. Vite already does this for the tests (json.stringify: 'auto').
 */
export const esbuildJsonData = {
  name: 'json-data',
  setup(build) {
    build.onLoad({ filter: /\.json$/ }, async ({ path }) =>
      path.startsWith(SRC_DIR) ? { contents: jsonToModule(await readFile(path, 'utf8'), path), loader: 'js' } : undefined,
    );
  },
};
