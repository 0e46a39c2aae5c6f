// The HTML report in a real browser: it renders, logs no console errors, shows its Chinese text,
// and prints to an A4 PDF. Needs a local Chromium; skipped without one, except on CI (CI=true),
// where .ci/run installs Debian's chromium and a missing browser is a failure.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { htmlToPdf, runChromium, withBrowserProfile } from '../../src/format/pdf.js';
import { AS_OF, chromiumForTests, runCli, tempDir } from '../helpers/formats.js';

const chromium = await chromiumForTests();
const execFileAsync = promisify(execFile);
/** poppler's pdftoppm, which .ci/run installs with the browser; without it (outside CI) the page check is skipped. */
const pdftoppm = await execFileAsync('pdftoppm', ['-v']).then(() => 'pdftoppm', () => {
  if (process.env.CI === 'true') throw new Error('CI=true but no pdftoppm on the PATH (.ci/run should install poppler-utils)');
  return null;
});
/** The names of the fonts a PDF embeds. */
const pdfFonts = (pdf: Buffer) => [...pdf.toString('latin1').matchAll(/\/FontName\s*\/([\w+-]+)/g)].map((m) => m[1]!);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/g;

async function htmlReport(file: string): Promise<string> {
  const run = await runCli(['diagnose', file, '--as-of', AS_OF, '-f', 'html']);
  expect(run.stderr).toBe('');
  return run.stdout;
}

/** Loads a page in a fresh headless Chromium; returns what it printed and the file that {out} named. */
async function browse(html: string, flags: string[], output?: string): Promise<{ stdout: string; stderr: string; bytes: Buffer | null }> {
  return withBrowserProfile(async (dir, base) => {
    const page = join(dir, 'page.html');
    await writeFile(page, html);
    const target = output ? join(dir, output) : null;
    const args = flags.map((f) => (target ? f.replace('{out}', target) : f));
    const printed = await runChromium(chromium!, [...base, ...args, pathToFileURL(page).href]);
    return { ...printed, bytes: target ? await readFile(target).catch(() => null) : null };
  });
}

const screenshot = async (html: string) => (await browse(html, ['--hide-scrollbars', '--window-size=1280,1800', '--screenshot={out}'], 'shot.png')).bytes!;
const consoleLines = (stderr: string) => stderr.split('\n').filter((l) => /:CONSOLE[:(]|Uncaught|Refused to/.test(l));

// Each Chromium start takes seconds on a small CI machine.
describe.skipIf(chromium === null)('the HTML report in Chromium', { timeout: 180_000 }, () => {
  it('renders a non-trivial screenshot in which the Chinese text is drawn', async () => {
    const html = await htmlReport('examples/filing.yaml');
    const shot = await screenshot(html);
    expect(shot.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(shot.length).toBeGreaterThan(40_000);
    // The same page with every CJK character replaced by an unassigned code point: without a CJK
    // font both draw the same empty boxes, so identical screenshots mean the Chinese is not visible.
    const boxes = await screenshot(html.replace(CJK, '\u0378'));
    expect(shot.equals(boxes)).toBe(false);
  });

  it('logs no console errors, and the console check does catch one', async () => {
    const logging = ['--enable-logging=stderr', '--v=0', '--dump-dom'];
    const { stderr } = await browse(await htmlReport('test/fixtures/formats/hostile.yaml'), logging);
    expect(consoleLines(stderr)).toEqual([]);
    const control = await browse('<!DOCTYPE html><html><body><script>console.error("boom")</script></body></html>', logging);
    expect(consoleLines(control.stderr).join('\n')).toContain('boom');
  });

  it('builds the DOM with the Chinese title and the hostile strings as text, no injected elements', async () => {
    const { stdout: dom } = await browse(await htmlReport('test/fixtures/formats/hostile.yaml'), ['--dump-dom']);
    expect(dom).toContain('<h1>算法备案预诊断报告</h1>');
    expect(dom).toContain('&lt;script&gt;alert(\'x\')&lt;/script&gt; &amp; Co');
    expect(dom).not.toMatch(/<script|<img|<b>/);
  });

  it('opens the client checklist page without console errors', async () => {
    const run = await runCli(['checklist', 'test/fixtures/formats/hostile.yaml', '--as-of', AS_OF, '-f', 'html']);
    const { stdout: dom, stderr } = await browse(run.stdout, ['--enable-logging=stderr', '--v=0', '--dump-dom']);
    expect(consoleLines(stderr)).toEqual([]);
    expect(dom).toContain('<h1>算法备案材料清单</h1>');
    expect(dom).not.toMatch(/<script|<img|<b>/);
  });

  it('prints an A4 PDF through --format pdf, written atomically next to the other formats', async () => {
    const dir = await tempDir();
    const run = await runCli(['diagnose', 'examples/filing.yaml', '--as-of', AS_OF, '-f', 'html,pdf', '--out-dir', dir, '--chromium', chromium!]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const pdf = await readFile(join(dir, 'report.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(boxes.length).toBeGreaterThan(2);
    for (const [width, height] of boxes) {
      expect(Math.round(width! / 72 * 25.4)).toBe(210);
      expect(Math.round(height! / 72 * 25.4)).toBe(297);
    }
    // A client reads it: the bundled example, with its continuing duties, fits in at most 8 pages (issue #18).
    expect(boxes.length).toBeLessThanOrEqual(8);
    const onPath = await runCli(['diagnose', 'examples/filing.yaml', '--as-of', AS_OF, '-f', 'pdf', '--out', join(dir, 'again.pdf')]);
    expect(onPath.code).toBe(1);
    expect((await readFile(join(dir, 'again.pdf'))).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it.skipIf(pdftoppm === null)('draws the Chinese text of the PDF\'s first page (rendered by pdftoppm)', async () => {
    const dir = await tempDir();
    const html = await htmlReport('examples/filing.yaml');
    // As for the screenshot: the same page with every CJK character replaced by an unassigned code
    // point. Without a CJK font in the PDF both first pages are the same empty boxes.
    const firstPage = async (name: string, page: string) => {
      await writeFile(join(dir, `${name}.pdf`), await htmlToPdf(page, chromium!));
      await execFileAsync(pdftoppm!, ['-r', '50', '-png', '-f', '1', '-l', '1', '-singlefile', join(dir, `${name}.pdf`), join(dir, name)]);
      return readFile(join(dir, `${name}.png`));
    };
    const shot = await firstPage('report', html);
    expect(shot.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(shot.equals(await firstPage('boxes', html.replace(CJK, '\u0378')))).toBe(false);
    expect(pdfFonts(await readFile(join(dir, 'report.pdf')))).toEqual(expect.arrayContaining([expect.stringMatching(/CJK/)]));
  });
});
