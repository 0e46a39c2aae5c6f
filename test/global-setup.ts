// Builds dist/ once before the tests, with the same script as `npm run build`, so end-to-end tests
// run the CLI users get from the current source.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** vitest global setup: build the bundle. */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: 'inherit' });
}
