// Builds dist/ once before the tests, with the same script as `npm run build`, so end-to-end tests
// run the CLI users get from the current source. Every temporary folder of the run (the tests',
// the CLI's and Chromium's) goes under one folder that is removed at the end.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** vitest global setup: build the bundle and point TMPDIR at a folder of this run; the teardown removes it. */
export default function setup(): () => void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: 'inherit' });
  const runTemp = mkdtempSync(join(tmpdir(), 'filing-check-tests-'));
  // Set before the workers start, so they and the processes they spawn inherit it (os.tmpdir() reads it).
  for (const name of ['TMPDIR', 'TEMP', 'TMP']) process.env[name] = runTemp;
  return () => rmSync(runTemp, { recursive: true, force: true });
}
