import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inputError } from '../errors.js';

/** Executable names tried on the PATH, in order. */
export const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'] as const;

const RENDER_TIMEOUT_MS = 120_000;

/**
 * Flags for a headless, offline, throw-away browser. --no-sandbox because CI runs as root, where the
 * sandbox refuses to start; the page it loads is our own static HTML with a CSP that forbids scripts
 * and every external load. The background-networking flags stop connection attempts on closed networks.
 */
export function chromiumFlags(profileDir: string): string[] {
  return [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-extensions', `--user-data-dir=${profileDir}`,
  ];
}

async function isExecutable(path: string): Promise<boolean> {
  const info = await stat(path).catch(() => null);
  return info !== null && info.isFile() && (await access(path, constants.X_OK).then(() => true, () => false));
}

/** The Chromium to print with: --chromium PATH, else the first of CHROMIUM_NAMES on the PATH; exit 2 with how to get one. */
export async function findChromium(explicit: string | undefined, env: Record<string, string | undefined>, cwd: string): Promise<string> {
  if (explicit !== undefined) {
    const path = isAbsolute(explicit) ? explicit : resolve(cwd, explicit);
    if (await isExecutable(path)) return path;
    throw inputError('error.pdf.chromium-not-executable', { path: explicit });
  }
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of CHROMIUM_NAMES) {
      const path = join(dir, name);
      if (await isExecutable(path)) return path;
    }
  }
  throw inputError('error.pdf.no-chromium', { names: { list: CHROMIUM_NAMES, separator: 'list.comma' } });
}

/** Gives a run of Chromium a temporary folder and a fresh profile in it, removed afterwards. */
export async function withBrowserProfile<T>(run: (dir: string, flags: string[]) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'filing-check-'));
  try {
    return await run(dir, chromiumFlags(join(dir, 'profile')));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs a Chromium command line and resolves with what it printed; a failure or timeout is an InputError. */
export function runChromium(chromium: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    execFile(chromium, args, { timeout: RENDER_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) {
        const tail = stderr.trim().split('\n').slice(-3).join(' | ');
        const said = tail ? `: ${tail}` : '';
        fail(error.killed ? inputError('error.pdf.timeout', { chromium, seconds: RENDER_TIMEOUT_MS / 1000, tail: said }) : inputError('error.pdf.failed', { chromium, code: error.code ?? error.message, tail: said }));
      } else done({ stdout, stderr });
    });
  });
}

/** Prints an HTML page to PDF with headless Chromium (A4 comes from the page's @page rule). */
export async function htmlToPdf(html: string, chromium: string): Promise<Uint8Array> {
  return withBrowserProfile(async (dir, flags) => {
    const page = join(dir, 'report.html');
    const pdf = join(dir, 'report.pdf');
    await writeFile(page, html);
    await runChromium(chromium, [...flags, '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, pathToFileURL(page).href]);
    const bytes = await readFile(pdf).catch(() => null);
    if (!bytes || bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw inputError('error.pdf.no-pdf', { chromium });
    return new Uint8Array(bytes);
  });
}
