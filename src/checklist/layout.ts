import { z } from 'zod';
import data from '../../templates/checklist-layout.yaml';

const color = z.string().regex(/^[0-9A-F]{6,8}$/, 'a hex colour');
const messageKey = z.string().regex(/^checklist\.col\.\w+$/);

/** Columns of the Excel and CSV checklist, in order; the ids are what the code fills and imports. */
export const SHEET_COLUMN_IDS = ['key', 'number', 'scope', 'title', 'severity', 'status', 'owner', 'due', 'file', 'notes', 'why', 'prepare', 'returnReasons'] as const;
export type SheetColumnId = (typeof SHEET_COLUMN_IDS)[number];
/** The columns a client edits and the import reads back. */
export const EDITABLE_COLUMNS = ['status', 'owner', 'due', 'file', 'notes'] as const satisfies readonly SheetColumnId[];

const LayoutSchema = z.strictObject({
  sheet: z.strictObject({
    columns: z.array(z.strictObject({ id: z.enum(SHEET_COLUMN_IDS), header: messageKey, width: z.number().positive() })),
    headerFill: color,
    headerFont: color,
    editableFill: color,
    instructionsWidth: z.number().positive(),
  }),
  document: z.strictObject({
    page: z.strictObject({ width: z.number().int(), height: z.number().int(), landscape: z.boolean(), margin: z.number().int() }),
    fonts: z.strictObject({ latin: z.string(), eastAsia: z.string(), heading: z.string() }),
    size: z.number().int(),
    headingSize: z.number().int(),
    headerFill: color,
    columns: z.array(z.strictObject({ id: z.enum(['number', 'item', 'status', 'tracking', 'notes']), header: messageKey, width: z.number().positive() })),
  }),
});

/** The validated layout of templates/checklist-layout.yaml (bundled at build time). */
export const LAYOUT = LayoutSchema.parse(data);
