import type { Command } from 'commander';
import { exitCodeFor } from '../core/report.js';
import type { Report } from '../core/report-schema.js';
import { readAnswersSource } from '../data/source.js';
import { InputError } from '../errors.js';
import type { SarifSources } from '../format/sarif.js';
import type { Io } from '../io.js';
import { readReport } from './read-report.js';
import { addReportOutputOptions, emitReport, type ReportOutputOptions } from './report-output.js';
import { rulesFor, type CommandContext } from './shared.js';

/**
 * The bundled packs and, when the diagnosed answers file can still be read, its lines: a saved report
 * records no positions, so SARIF places findings in the file as it is now, or on the file as a whole.
 */
async function renderSarifSources(report: Report, io: Io): Promise<SarifSources> {
  const rules = await rulesFor({ rules: [] }, io, { guidance: true });
  if (report.source.startsWith('<')) return { rules };
  try {
    const source = await readAnswersSource(report.source, io);
    return { rules, locate: (await import('../answers/locations.js')).answersFindingLocator(source.text, source.shown) };
  } catch (error) {
    if (error instanceof InputError) return { rules };
    throw error;
  }
}

/** `filing-check render REPORT.json`: any format of a saved report, without diagnosing again. */
export function registerRender(program: Command, { io, result }: CommandContext): void {
  addReportOutputOptions(
    program
      .command('render')
      .argument('<report>'),
  ).action(async (file: string, options: ReportOutputOptions) => {
    const report = await readReport(file, io);
    await emitReport(report, options, io, () => renderSarifSources(report, io));
    result.code = exitCodeFor(report, options.failOn);
  });
}
