// Lets src import YAML data files (messages, questions, the suggest-type model) as parsed
// objects. The same transform serves esbuild (the build) and Vite (the tests), so both see
// identical data; parsing happens at build time, not at every start-up.
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';

const YAML_FILE = /\.ya?ml$/;

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
