import { AlignmentType, Document, Packer, PageOrientation, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import { t } from '../messages/messages.js';
import { LAYOUT } from './layout.js';
import { statusLabels, type Checklist, type ChecklistItem } from './model.js';
import { instructions } from './render.js';
import { RECORD_PROPERTY, recordPieces } from './export-record.js';

const layout = LAYOUT.document;
const MUTED = '59636E';

/** A text as runs; Word ignores "\n" inside a run, so each further line starts a run after a break. */
function text(value: string, options: { bold?: boolean; color?: string; size?: number; font?: string } = {}): TextRun[] {
  const format = {
    ...(options.bold ? { bold: true } : {}),
    ...(options.color ? { color: options.color } : {}),
    ...(options.size ? { size: options.size } : {}),
    ...(options.font ? { font: { ascii: options.font, eastAsia: options.font, hAnsi: options.font } } : {}),
  };
  return value.split(/\r\n?|\n/).map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}), ...format }));
}

const para = (...parts: TextRun[][]) => new Paragraph({ children: parts.flat(), spacing: { after: 40 } });
const labelled = (label: string, value: string) => para(text(`${label}：`, { color: MUTED }), text(value));

const TABLE_WIDTH = (layout.page.landscape ? layout.page.height : layout.page.width) - 2 * layout.page.margin;
const twips = (percent: number) => Math.round((TABLE_WIDTH * percent) / 100);

function cell(children: Paragraph[], widthPercent: number, header = false): TableCell {
  return new TableCell({
    children,
    width: { size: twips(widthPercent), type: WidthType.DXA },
    margins: { top: 60, bottom: 60, left: 80, right: 80 },
    ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: layout.headerFill } } : {}),
  });
}

function itemCells(item: ChecklistItem, checklist: Checklist): Record<(typeof layout.columns)[number]['id'], Paragraph[]> {
  const L = (key: string) => t(checklist.lang, key);
  const numbered = (lines: string[]) => lines.map((line, i) => para(text(`${i + 1}. ${line}`)));
  return {
    number: [para(text(String(item.number)))],
    item: [
      para(text(item.title, { bold: true }), text(`  ${item.severityLabel}`, { color: item.severity === 'blocking' ? 'B42318' : MUTED })),
      para(text(item.key, { color: MUTED, size: layout.size - 4 })),
      labelled(L('checklist.why'), item.why),
      ...(item.description ? [labelled(L('checklist.what'), item.description)] : []),
      ...(item.prepare.length ? [para(text(`${L('checklist.prepare')}：`, { color: MUTED })), ...numbered(item.prepare)] : [labelled(L('checklist.prepare'), L('checklist.noGuidance'))]),
      ...(item.returnReasons.length ? [para(text(`${L('checklist.returnReasons')}：`, { color: MUTED })), ...numbered(item.returnReasons)] : []),
    ],
    status: statusLabels(checklist.lang).map((s) => para(text(`${s.status === item.status ? '☑' : '☐'} ${s.label}`, { bold: s.status === item.status }))),
    tracking: [labelled(L('ui.owner'), item.owner), labelled(L('ui.due'), item.due), labelled(L('ui.file'), item.file)],
    notes: [para(text(item.notes))],
  };
}

// Word keeps a custom property's text up to 255 characters; the record is cut into numbered properties.
const PROPERTY_CHARACTERS = 255;

/**
 * The checklist as a Word document: A4, Chinese fonts, a real table per filing unit with a repeating
 * header row; the values at export (`record`) in the document's custom properties, which Word keeps.
 */
export async function checklistDocx(checklist: Checklist, record: string): Promise<Uint8Array> {
  const L = (key: string) => t(checklist.lang, key);
  const heading = (value: string, size: number) => new Paragraph({ children: text(value, { bold: true, size, font: layout.fonts.heading }), spacing: { before: 240, after: 120 } });
  const s = checklist.summary;
  const headerRow = new TableRow({
    tableHeader: true,
    children: layout.columns.map((c) => cell([para(text(L(c.header), { bold: true }))], c.width, true)),
  });
  const tables = checklist.groups.flatMap((group) => [
    heading(`${group.title} · ${L('ui.readiness')} ${group.readiness}`, layout.size + 4),
    new Table({
      layout: TableLayoutType.FIXED,
      // Word and LibreOffice size columns from the table grid, not from the cells' own widths.
      columnWidths: layout.columns.map((c) => twips(c.width)),
      width: { size: TABLE_WIDTH, type: WidthType.DXA },
      rows: [
        headerRow,
        ...group.items.map((item) => {
          const cells = itemCells(item, checklist);
          return new TableRow({ cantSplit: true, children: layout.columns.map((c) => cell(cells[c.id], c.width)) });
        }),
      ],
    }),
  ]);
  const document = new Document({
    creator: checklist.tool,
    customProperties: recordPieces(record, PROPERTY_CHARACTERS).map((value, index) => ({ name: `${RECORD_PROPERTY}${index + 1}`, value })),
    title: `${L('checklist.title')} · ${checklist.entity}`,
    styles: {
      default: {
        document: {
          run: { font: { ascii: layout.fonts.latin, hAnsi: layout.fonts.latin, eastAsia: layout.fonts.eastAsia, cs: layout.fonts.latin }, size: layout.size, language: { value: checklist.lang === 'zh' ? 'en-US' : 'en-GB', eastAsia: 'zh-CN' } },
        },
      },
    },
    sections: [{
      properties: {
        page: {
          size: { width: layout.page.width, height: layout.page.height, orientation: layout.page.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
          margin: { top: layout.page.margin, bottom: layout.page.margin, left: layout.page.margin, right: layout.page.margin },
        },
      },
      children: [
        new Paragraph({ alignment: AlignmentType.CENTER, children: text(L('checklist.title'), { bold: true, size: layout.headingSize, font: layout.fonts.heading }), spacing: { after: 200 } }),
        labelled(L('ui.entity'), checklist.entity),
        checklist.generic ? labelled(L('checklist.generated'), checklist.generic) : labelled(L('ui.source'), checklist.source),
        labelled(L('ui.asOf'), checklist.asOf),
        labelled(L('ui.rules'), checklist.packs),
        labelled(L('ui.readiness'), `${s.readiness} · ${L('status.ready')} ${s.ready} · ${L('status.draft')} ${s.draft} · ${L('status.missing')} ${s.missing} · ${L('status.not-applicable')} ${s.notApplicable}`),
        ...checklist.algorithms.map((a) => para(text(`${a.name} (${a.id})：${a.type} · ${a.role} · ${L('ui.readiness')} ${a.readiness}`))),
        heading(L('checklist.howToUse'), layout.size + 4),
        ...instructions(checklist.lang, 'word').map((line, i) => para(text(`${i + 1}. ${line}`))),
        ...tables,
        ...(checklist.warnings.length ? [heading(L('ui.warnings'), layout.size + 4), ...checklist.warnings.map((w) => para(text(`${w.severityLabel} ${w.code}：`, { bold: true }), text(w.message)))] : []),
      ],
    }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
