// A saved JSON report as render and diff read it.
import { ReportSchema, type Report } from '../core/report-schema.js';
import { parseValidated } from '../data/data-file.js';
import { readAnswersSource } from '../data/source.js';
import type { Io } from '../io.js';

/** Reads and validates a saved JSON report; a bad file is exit 2 naming the field (and line and column). */
export async function readReport(file: string, io: Io): Promise<Report> {
  const source = await readAnswersSource(file, io, { key: 'expected.json-report' });
  return parseValidated(source.text, source.shown, { schema: ReportSchema, schemaHint: 'filing-check schema report' });
}
