import ExcelJS from 'exceljs';
import type { Lang } from '../constants.js';
import { xmlSafe } from '../text/visible.js';
import type { AssessReport } from './check.js';
import { boundText, corpusScope, lineName, percentText, rateScope } from './format.js';
import { assessWord as W, bankName, basisText, findingMessage } from './messages.js';

const HEADER_FILL = 'FFE8EEF4';
const SHORT_FONT = 'FFB42318';
// Guards against a cell that a spreadsheet would run as a formula (a question quoted from a file),
// and drops what XML cannot hold.
const FORMULA_START = /^[=+\-@\t\r]/;
const safe = (value: string) => xmlSafe(FORMULA_START.test(value) ? `'${value}` : value);

function addSheet(workbook: ExcelJS.Workbook, name: string, header: string[], widths: number[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = widths.map((width) => ({ width }));
  const row = sheet.addRow(header);
  row.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  return sheet;
}

function fillLabel(lang: Lang): string {
  return lang === 'zh' ? '补充计划（由团队填写）' : 'Plan to close (team fills in)';
}

/**
 * The tables as a workbook for the team to fill the gaps: the findings, one sheet per bank with
 * every risk (count, minimum, shortfall and a column for the plan), the evaluation and corpus rates.
 */
export async function formatAssessXlsx(report: AssessReport): Promise<Uint8Array> {
  const { lang } = report;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = `filing-check ${report.tool.version}`;
  // A fixed date keeps the same report the same file.
  workbook.created = workbook.modified = new Date('2000-01-01T00:00:00Z');

  const findings = addSheet(workbook, W('findings', lang), [W('severity', lang), 'code', W('message', lang), W('basis', lang), W('where', lang)], [10, 22, 70, 40, 40]);
  for (const f of report.findings) {
    const row = findings.addRow([W(f.severity, lang), f.code, safe(findingMessage(f, lang)), f.basis ? basisText(f.basis, lang) : '', safe(f.where.join('\n'))]);
    row.alignment = { vertical: 'top', wrapText: true };
  }

  for (const bank of report.banks.filter((b) => b.provided)) {
    const what = bank.bank === 'should-answer' ? W('topic', lang) : W('risk', lang);
    const sheet = addSheet(workbook, bankName(bank.bank, lang), [what, W('count', lang), W('min', lang), W('shortfall', lang), fillLabel(lang)], [60, 10, 10, 10, 40]);
    for (const line of bank.lines) {
      const row = sheet.addRow([lineName(bank, line.key, lang), line.count, line.min ?? W('outOfScope', lang), line.shortfall || null, null]);
      if (line.shortfall > 0) row.getCell(4).font = { bold: true, color: { argb: SHORT_FONT } };
    }
    const total = sheet.addRow([W('total', lang), bank.total, bank.minTotal, bank.total < bank.minTotal ? bank.minTotal - bank.total : null, null]);
    total.font = { bold: true };
    if (bank.unassigned > 0) sheet.addRow([W('unassigned', lang), bank.unassigned, null, null, null]);
  }

  if (report.evaluation.provided) {
    const sheet = addSheet(workbook, W('evaluation', lang), [W('bank', lang), W('draws', lang), W('min', lang), W('rate', lang), W('bound', lang), W('basis', lang)], [36, 10, 10, 10, 16, 40]);
    for (const l of report.evaluation.lines) sheet.addRow([rateScope(l, lang), l.draws, l.minDraws, l.rate === null ? '—' : percentText(l.rate), boundText(l.direction, l.bound, lang), basisText(l.basis, lang)]);
  }
  if (report.corpus.provided) {
    const sheet = addSheet(workbook, W('corpus', lang), [W('method', lang), W('samples', lang), W('min', lang), W('rate', lang), W('bound', lang), W('basis', lang)], [36, 10, 10, 10, 16, 40]);
    for (const l of report.corpus.lines) sheet.addRow([safe(corpusScope(l, lang)), l.samples, l.minSamples ?? '—', percentText(l.rate), boundText(l.direction, l.bound, lang), basisText(l.basis, lang)]);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
