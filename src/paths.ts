import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/**
 * The package root (where rules/ and templates/ live). Found by walking up from this module,
 * because the module sits at a different depth in src/, dist/ and dist/chunks/.
 */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'rules')) || !existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('filing-check: cannot find its rules/ directory next to package.json');
    dir = parent;
  }
  root = dir;
  return dir;
}
