import type { Lang } from '../constants.js';
import { t } from '../messages/messages.js';
import { mdCell } from '../text/escape.js';
import { alignColumns } from '../text/width.js';

/** One line of the batch summary: a diagnosed subject, or a file that could not be read. */
export type BatchRow =
  | { source: string; subject: string; algorithms: number; blocking: number; overdue: number; readiness: number }
  | { source: string; error: string };

/** The table that ends a batch run: subject, algorithms, blocking gaps, readiness per file. */
export function formatBatchSummary(rows: readonly BatchRow[], format: 'text' | 'md', lang: Lang): string {
  const L = (key: string) => t(lang, key);
  const header = [L('ui.source'), L('ui.entity'), L('ui.algorithms'), L('severity.blocking'), L('ui.overdue'), L('ui.readiness')];
  const cells = rows.map((row) =>
    'error' in row
      ? [row.source, L('ui.invalidFile'), '-', '-', '-', '-']
      : [row.source, row.subject, String(row.algorithms), String(row.blocking), String(row.overdue), `${Math.round(row.readiness * 100)}%`],
  );
  const total = rows.length;
  const failed = rows.filter((r) => 'error' in r).length;
  const footer = t(lang, 'ui.batchTotal', { total, failed });
  if (format === 'md') {
    const lines = [`## ${L('ui.batchSummary')}`, '', `| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`, ...cells.map((c) => `| ${c.map(mdCell).join(' | ')} |`)];
    return `${lines.join('\n')}\n\n${footer}\n`;
  }
  return `${L('ui.batchSummary')}\n${alignColumns([header, ...cells]).map((l) => `  ${l}`).join('\n')}\n  ${footer}\n`;
}
