import ExcelJS from 'exceljs';
import { t } from '../messages/messages.js';
import { EDITABLE_COLUMNS, LAYOUT } from './layout.js';
import { statusLabels, type Checklist } from './model.js';
import { instructions, recordRow, sheetCell, sheetHeader } from './render.js';

const sheet = LAYOUT.sheet;

// The hidden sheet's name: the import finds the record by its marker, whatever the sheet is called.
const RECORD_SHEET = 'filing-check';

/**
 * The checklist as an Excel workbook: the items sheet (frozen, filterable header; a list to pick
 * each status from; the columns the client fills in shaded), an instructions sheet, and the values
 * at export (`record`) on a sheet Excel does not list (very hidden) and keeps protected.
 */
export async function checklistXlsx(checklist: Checklist, record: string): Promise<Uint8Array> {
  const { lang } = checklist;
  const L = (key: string) => t(lang, key);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = checklist.tool;
  // Fixed dates keep the file the same for the same checklist (the as-of day, not the clock).
  workbook.created = workbook.modified = new Date(`${checklist.asOf}T00:00:00Z`);

  const items = workbook.addWorksheet(L('checklist.sheet.items'), {
    views: [{ state: 'frozen', ySplit: 1 }],
    // Printed: A4 landscape, all columns on the page width, the header row on every page.
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  items.columns = sheet.columns.map((c) => ({ key: c.id, width: c.width }));
  const header = items.addRow(sheetHeader(lang));
  header.height = 32;
  header.eachCell((cell) => {
    cell.font = { bold: true, color: { argb: sheet.headerFont } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: sheet.headerFill } };
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
  items.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };

  const statusList = `"${statusLabels(lang).map((s) => s.label).join(',')}"`;
  for (const item of checklist.items) {
    const row = items.addRow(sheet.columns.map((c) => sheetCell(item, c.id)));
    row.alignment = { vertical: 'top', wrapText: true };
    sheet.columns.forEach((column, index) => {
      const cell = row.getCell(index + 1);
      if ((EDITABLE_COLUMNS as readonly string[]).includes(column.id)) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: sheet.editableFill } };
      // Text format keeps a typed 2026-12-20 as the text the import expects instead of a serial date.
      if (column.id === 'due' || column.id === 'key') cell.numFmt = '@';
    });
  }
  if (checklist.items.length > 0) {
    const status = items.getColumn(sheet.columns.findIndex((c) => c.id === 'status') + 1).letter;
    // One validation for the whole status column. Set cell by cell, exceljs merges the cells into
    // ranges after sorting their addresses as text (F10 before F2), so it wrote F10:F39 and F2:F39,
    // overlapping ranges that Excel offers to "repair".
    (items as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations.add(`${status}2:${status}${checklist.items.length + 1}`, {
      type: 'list',
      allowBlank: false,
      formulae: [statusList],
      showErrorMessage: true,
      errorTitle: L('ui.status'),
      error: L('checklist.statusError'),
    });
  }

  const guide = workbook.addWorksheet(L('checklist.sheet.instructions'));
  guide.columns = [{ width: sheet.instructionsWidth }];
  const s = checklist.summary;
  const heading = (value: string): [string, boolean] => [value, true];
  const line = (value: string): [string, boolean] => [value, false];
  const lines: [string, boolean][] = [
    heading(L('checklist.title')),
    line(`${L('ui.entity')}：${checklist.entity}`),
    line(checklist.generic ? `${L('checklist.generated')}：${checklist.generic}` : `${L('ui.source')}：${checklist.source}`),
    line(`${L('ui.asOf')}：${checklist.asOf}`),
    line(`${L('ui.readiness')}：${s.readiness} · ${L('status.ready')} ${s.ready} · ${L('status.draft')} ${s.draft} · ${L('status.missing')} ${s.missing} · ${L('status.not-applicable')} ${s.notApplicable}`),
    ...checklist.algorithms.map((a) => line(`${a.name} (${a.id})：${a.type} · ${a.role} · ${L('ui.readiness')} ${a.readiness}`)),
    line(''),
    heading(L('checklist.howToUse')),
    ...instructions(lang, 'sheet').map((text, i) => line(`${i + 1}. ${text}`)),
    ...(checklist.warnings.length ? [line(''), heading(L('ui.warnings')), ...checklist.warnings.map((w) => line(`${w.severityLabel} ${w.code}：${w.message}`))] : []),
  ];
  for (const [value, bold] of lines) {
    const row = guide.addRow([value]);
    row.alignment = { wrapText: true, vertical: 'top' };
    if (bold) row.font = { bold: true, size: 13 };
  }
  const recordSheet = workbook.addWorksheet(RECORD_SHEET, { state: 'veryHidden' });
  recordSheet.addRow(recordRow(lang, record));
  // Without a password: protection keeps a sheet someone unhides from being edited by mistake.
  await recordSheet.protect('', {});
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
