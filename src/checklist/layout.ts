import * as z from '../zod.js';
import data from '../../templates/checklist-layout.yaml';

const color = z.string().check(z.regex(/^[0-9A-F]{6,8}$/, 'a hex colour'));
const messageKey = z.string().check(z.regex(/^checklist\.col\.\w+$/));

/** Columns of the Excel and CSV checklist, in order; the ids are what the code fills and imports. */
export const SHEET_COLUMN_IDS = ['key', 'number', 'scope', 'title', 'severity', 'status', 'owner', 'due', 'file', 'notes', 'why', 'prepare', 'returnReasons'] as const;
export type SheetColumnId = (typeof SHEET_COLUMN_IDS)[number];
/** The columns a client edits and the import reads back. */
export const EDITABLE_COLUMNS = ['status', 'owner', 'due', 'file', 'notes'] as const satisfies readonly SheetColumnId[];

const LayoutSchema = z.strictObject({
  sheet: z.strictObject({
    columns: z.array(z.strictObject({ id: z.enum(SHEET_COLUMN_IDS), header: messageKey, width: z.number().check(z.positive()) })),
    headerFill: color,
    headerFont: color,
    editableFill: color,
    instructionsWidth: z.number().check(z.positive()),
  }),
  document: z.strictObject({
    page: z.strictObject({ width: z.int(), height: z.int(), landscape: z.boolean(), margin: z.int() }),
    fonts: z.strictObject({ latin: z.string(), eastAsia: z.string(), heading: z.string() }),
    size: z.int(),
    headingSize: z.int(),
    headerFill: color,
    columns: z.array(z.strictObject({ id: z.enum(['number', 'item', 'status', 'tracking', 'notes']), header: messageKey, width: z.number().check(z.positive()) })),
  }),
});

/** The validated layout of templates/checklist-layout.yaml (bundled at build time). */
export const LAYOUT = LayoutSchema.parse(data);
