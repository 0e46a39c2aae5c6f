import { createColor } from '../color.js';
import type { Report } from '../core/report-schema.js';
import type { Io } from '../io.js';
import { formatMarkdown } from './markdown.js';
import { formatText } from './text.js';

export const REPORT_FORMATS = ['text', 'json', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Renders a report in one format; text is coloured only for a terminal (never into a file). */
export function renderReport(report: Report, format: ReportFormat, color: { flag: boolean | undefined; io: Io; toFile: boolean }): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'md':
      return formatMarkdown(report);
    case 'text':
      return formatText(report, createColor({ flag: color.toFile ? false : color.flag, env: color.io.env, isTTY: color.io.stdoutIsTTY }));
  }
}

