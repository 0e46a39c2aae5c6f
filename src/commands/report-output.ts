import { appendFile, mkdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { ColorChoice } from '../color.js';
import type { Report } from '../core/report-schema.js';
import { inputError } from '../errors.js';
import { REPORT_EXTENSIONS, REPORT_FORMATS, renderReport, type Rendered, type ReportFormat } from '../format/index.js';
import type { SarifSources } from '../format/sarif.js';
import { writeFileAtomic, type Io } from '../io.js';
import type { Severity } from '../rules/schema.js';
import { visible } from '../text/visible.js';
import { InvalidItemError } from '../usage.js';
import { emit, FAIL_ON } from './shared.js';

/** Options of the commands that print a report (diagnose, render). */
export interface ReportOutputOptions {
  format: ReportFormat[];
  out?: string;
  outDir?: string;
  force?: boolean;
  color?: boolean;
  chromium?: string;
  detail?: boolean;
  failOn: Severity | 'none';
}

/** Formats that are bytes, not text: never written to a terminal. */
const BINARY: readonly ReportFormat[] = ['pdf'];

/** A --format option taking one format or a comma-separated list of them. */
export function formatListOption<F extends string>(choices: readonly F[], fallback: F): Option {
  // The choices show in help and in the error; the parser, set after them, takes a list of them.
  return new Option('-f, --format <formats>')
    .choices(choices)
    .default([fallback], fallback)
    .argParser((value: string): F[] => {
      const formats = [...new Set(value.split(',').map((f) => f.trim()).filter(Boolean))];
      if (formats.length === 0) throw new InvalidItemError(value);
      const unknown = formats.find((f) => !(choices as readonly string[]).includes(f));
      if (unknown !== undefined) throw new InvalidItemError(unknown);
      return formats as F[];
    });
}

/** Adds the report output options (format list, --out, --out-dir, --force, --fail-on, --chromium, colours). */
export function addReportOutputOptions(command: Command): Command {
  return command
    .addOption(formatListOption(REPORT_FORMATS, 'text'))
    .option('-o, --out <file>')
    .option('--out-dir <dir>')
    .option('--force')
    .option('--detail')
    .addOption(new Option('--fail-on <level>').choices(FAIL_ON).default('blocking'))
    .option('--chromium <path>')
    .option('--color')
    .option('--no-color');
}

/** What emitViews needs to know about a command's views. */
export interface ViewSet<F extends string> {
  /** Renders one format (each is a view of the same model), control characters already made visible. */
  render(format: F, toFile: boolean): Promise<Rendered>;
  /** Files under --out-dir are DIR/<baseName>.<extension>. */
  baseName: string;
  extension(format: F): string;
  /** Formats that are bytes, not text: never written to a terminal. */
  binary: readonly F[];
  /** Checked before anything is written (a browser found for pdf, say). */
  prepare?(formats: readonly F[]): Promise<void>;
}

/**
 * Writes views in every requested format: to stdout, to --out, or to --out-dir. Everything that can
 * fail (usage, a missing browser, files in the way) is checked before the first write, so a refused
 * run leaves every file as it was. A view's Markdown step summary (the github format) is also appended
 * to $GITHUB_STEP_SUMMARY when GitHub Actions sets it.
 */
export async function emitViews<F extends string>(views: ViewSet<F>, options: Pick<ReportOutputOptions, 'out' | 'outDir' | 'force'> & { format: F[] }, io: Io): Promise<void> {
  const formats = options.format;
  if (options.out && options.outDir) throw inputError('error.output.out-and-out-dir');
  if (formats.length > 1 && !options.outDir) throw inputError('error.output.formats-need-dir', { formats: formats.join(','), baseName: views.baseName });
  const binary = formats.find((f) => views.binary.includes(f));
  if (binary && !options.out && !options.outDir) throw inputError('error.output.binary-needs-out', { format: binary });
  await views.prepare?.(formats);
  const summaries: string[] = [];

  if (options.outDir) {
    const dir = resolve(io.cwd, options.outDir);
    const name = (format: F) => `${views.baseName}.${views.extension(format)}`;
    const targets = formats.map((format) => ({ format, shown: join(options.outDir!, name(format)), path: join(dir, name(format)) }));
    if (!options.force) {
      const existing = (await Promise.all(targets.map(async (t) => ((await stat(t.path).catch(() => null)) ? t.shown : null)))).filter(Boolean);
      if (existing.length > 0) throw inputError(existing.length > 1 ? 'error.output.files-in-dir-exist' : 'error.output.file-in-dir-exists', { files: { list: existing as string[], separator: 'list.comma' } });
    }
    await mkdir(dir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      throw inputError('error.output.cannot-create-folder', { folder: options.outDir!, code: error.code ?? error.message });
    });
    const rendered = [];
    for (const target of targets) rendered.push({ target, output: await views.render(target.format, true) });
    for (const { target, output } of rendered) {
      await writeFileAtomic(target.path, output.content, { force: options.force === true, shown: target.shown });
      if (output.stepSummary) summaries.push(output.stepSummary);
    }
  } else {
    const output = await views.render(formats[0]!, options.out !== undefined);
    await emit(output.content, options, io, { madeVisible: true });
    if (output.stepSummary) summaries.push(output.stepSummary);
  }

  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (summaryFile && summaries.length > 0) {
    // The summary is a courtesy on the run page; failing to write it must not fail the check itself.
    await appendFile(resolve(io.cwd, summaryFile), summaries.join('\n')).catch((error: NodeJS.ErrnoException) => {
      io.stderr(visible(`filing-check: GITHUB_STEP_SUMMARY ${summaryFile}: not written (${error.code ?? error.message})\n`));
    });
  }
}

/**
 * Writes a diagnosis report in every requested format (see emitViews); pdf needs a browser, found
 * first. `sarif` is read only by --format sarif.
 */
export async function emitReport(report: Report, options: ReportOutputOptions, io: Io, sarif?: () => Promise<SarifSources>): Promise<void> {
  let chromium: string | undefined;
  let sarifSources: SarifSources | undefined;
  const color = (toFile: boolean): ColorChoice => ({ flag: toFile ? false : options.color, env: io.env, isTTY: io.stdoutIsTTY });
  await emitViews<ReportFormat>({
    binary: BINARY,
    baseName: 'report',
    extension: (format) => REPORT_EXTENSIONS[format],
    prepare: async (formats) => {
      if (formats.includes('pdf')) chromium = await (await import('../format/pdf.js')).findChromium(options.chromium, io.env, io.cwd);
      if (formats.includes('sarif') && sarif) sarifSources = await sarif();
    },
    render: (format, toFile) => renderReport(report, format, { failOn: options.failOn, color: color(toFile), detail: options.detail === true, ...(chromium ? { chromium } : {}), ...(sarifSources ? { sarif: sarifSources } : {}) }),
  }, options, io);
}
