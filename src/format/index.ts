import type { ColorChoice } from '../color.js';
import type { Report } from '../core/report-schema.js';
import type { Severity } from '../rules/schema.js';
import { mapStrings, visible } from '../text/visible.js';
import type { SarifSources } from './sarif.js';

/** Every view of a report, in the order --help lists them. */
export const REPORT_FORMATS = ['text', 'json', 'md', 'html', 'junit', 'github', 'sarif', 'csv', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** File name endings for --out-dir (report.<ext>); text and github both being text need distinct ones. */
export const REPORT_EXTENSIONS: Record<ReportFormat, string> = {
  text: 'txt', json: 'json', md: 'md', html: 'html', junit: 'xml', github: 'github.txt', sarif: 'sarif', csv: 'csv', pdf: 'pdf',
};

/** What a view may depend on besides the report. */
export interface RenderContext {
  failOn: Severity | 'none';
  /** Only the text view has colours; it alone loads chalk. */
  color: ColorChoice;
  /** Resolved before rendering, so a missing browser fails before anything is written. */
  chromium?: string;
  /** The packs' texts and the answers file's lines, which only the SARIF view reads. */
  sarif?: SarifSources;
  /** The text view: the full report instead of the one-screen summary. */
  detail?: boolean;
}

/** One rendered view; `stepSummary` is the Markdown GitHub Actions shows on the run page. */
export interface Rendered {
  content: string | Uint8Array;
  stepSummary?: string;
}

/**
 * Renders a report in one format: every format is a view of the same report model. Each view is
 * loaded when asked for, so a JSON run in CI never loads the HTML, PDF or terminal code. What it
 * returns shows control characters from users' text as visible escapes: the text view gets a
 * report made visible (its colours come after), every other text format is made visible whole.
 */
export async function renderReport(report: Report, format: ReportFormat, context: RenderContext): Promise<Rendered> {
  if (format === 'text') {
    const [{ formatText, formatTextSummary }, { createColor }] = await Promise.all([import('./text.js'), import('../color.js')]);
    const format = context.detail ? formatText : formatTextSummary;
    return { content: format(mapStrings(report, visible), createColor(context.color)) };
  }
  const { content, stepSummary } = await renderView(report, format, context);
  return { content: typeof content === 'string' ? visible(content) : content, ...(stepSummary !== undefined ? { stepSummary: visible(stepSummary) } : {}) };
}

async function renderView(report: Report, format: Exclude<ReportFormat, 'text'>, context: RenderContext): Promise<Rendered> {
  switch (format) {
    case 'json':
      // Through the schema, so keys come in its order whether the report was just built (diagnose)
      // or read back from a saved file (render): both print the same bytes.
      return { content: `${JSON.stringify(report, null, 2)}\n` };
    case 'md':
      return { content: (await import('./markdown.js')).formatMarkdown(report) };
    case 'html':
      return { content: (await import('./html.js')).formatHtml(report) };
    case 'junit':
      return { content: (await import('./junit.js')).formatJunit(report, context.failOn) };
    case 'github': {
      const { annotations, summary } = (await import('./github.js')).formatGithub(report, context.failOn);
      return { content: annotations, stepSummary: summary };
    }
    case 'sarif':
      if (!context.sarif) throw new Error('renderReport: sarif needs the rules it was diagnosed with');
      return { content: (await import('./sarif.js')).formatSarif(report, context.sarif) };
    case 'csv':
      return { content: (await import('./csv.js')).formatCsv(report) };
    case 'pdf':
      if (!context.chromium) throw new Error('renderReport: pdf needs a resolved chromium path');
      return { content: await (await import('./pdf.js')).htmlToPdf((await import('./html.js')).formatHtml(report), context.chromium) };
  }
}
