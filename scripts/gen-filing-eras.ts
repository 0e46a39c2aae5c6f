// Learns how the CAC numbered each type in each year from its published lists, and writes the table
// to src/core/filing-eras.json. Usage: npm run gen:filing-eras [-- CSV] (default: the lists CSV,
// data/cac-filed-algorithms-dev.csv). The table is the lists' data: a test regenerates it and fails
// when the committed file differs.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../src/text/csv.js';
import { parseFilingNumber, type FilingEras } from '../src/core/filing-number.js';

export const NUMBERS_CSV = fileURLToPath(new URL('../data/cac-filed-algorithms-dev.csv', import.meta.url));
const ERAS_FILE = fileURLToPath(new URL('../src/core/filing-eras.json', import.meta.url));

/**
 * The type codes of today each printed category stands for. Until 2023 the lists printed one
 * category, 检索过滤类, for both search (04 today) and filtering (05); from 2024 they print
 * 信息检索类 and 内容过滤类 apart. The deep-synthesis list has no category column: all are 生成合成类.
 */
export const CATEGORY_TYPES: Record<string, readonly string[]> = {
  生成合成类: ['01'],
  个性化推送类: ['02'],
  排序精选类: ['03'],
  信息检索类: ['04'],
  内容过滤类: ['05'],
  检索过滤类: ['04', '05'],
  调度决策类: ['06'],
};

/** One row of the lists: which list, the category printed, the number issued. */
export interface ListedNumber {
  list: string;
  category: string;
  number: string;
}

/** Reads the list, category and number columns of a lists CSV. */
export function readListedNumbers(csv: string): ListedNumber[] {
  const [header = [], ...rows] = parseCsv(csv);
  const column = (name: string) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`lists CSV: no column "${name}"`);
    return index;
  };
  const at = { list: column('list'), category: column('category'), number: column('number') };
  return rows.filter((r) => r.length > 1).map((r) => ({ list: r[at.list]!, category: r[at.list] === 'deep-synthesis' ? '生成合成类' : r[at.category]!, number: r[at.number]! }));
}

/** The categories a row's category stands for today; an unknown category is an error in the data. */
export function typesOfCategory(category: string): readonly string[] {
  const types = CATEGORY_TYPES[category];
  if (!types) throw new Error(`lists CSV: unknown category "${category}"`);
  return types;
}

/** The numbering table: per type digits and year, the categories printed and the types they stand for. */
export function learnFilingEras(rows: readonly ListedNumber[]): FilingEras {
  const digits: Record<string, Record<string, { categories: Set<string>; types: Set<string> }>> = {};
  const irregular = new Set<string>();
  for (const row of rows) {
    const parsed = parseFilingNumber(row.number);
    if (parsed.kind === 'irregular') irregular.add(row.number.trim());
    if (parsed.kind !== 'regular') continue;
    const { type, year } = parsed.parts;
    const era = ((digits[type] ??= {})[year] ??= { categories: new Set(), types: new Set() });
    era.categories.add(row.category);
    for (const t of typesOfCategory(row.category)) era.types.add(t);
  }
  const sorted = <T>(entries: [string, T][]) => entries.sort(([a], [b]) => a.localeCompare(b));
  return {
    digits: Object.fromEntries(
      sorted(Object.entries(digits)).map(([code, years]) => [
        code,
        Object.fromEntries(sorted(Object.entries(years)).map(([year, era]) => [year, { categories: [...era.categories].sort(), types: [...era.types].sort() }])),
      ]),
    ),
    irregular: [...irregular].sort(),
  };
}

/** The table as JSON with one line per type digits and year, so that a diff shows what the lists changed. */
export function serialiseEras(eras: FilingEras): string {
  const digits = Object.entries(eras.digits).map(([code, years]) => {
    const lines = Object.entries(years).map(([year, era]) => `      ${JSON.stringify(year)}: ${JSON.stringify(era)}`);
    return `    ${JSON.stringify(code)}: {\n${lines.join(',\n')}\n    }`;
  });
  return `{\n  "digits": {\n${digits.join(',\n')}\n  },\n  "irregular": ${JSON.stringify(eras.irregular)}\n}\n`;
}

/** npm run gen:filing-eras [-- CSV]: writes src/core/filing-eras.json. */
export async function main([csvPath = NUMBERS_CSV]: string[]): Promise<void> {
  const eras = learnFilingEras(readListedNumbers(await readFile(csvPath, 'utf8')));
  await writeFile(ERAS_FILE, serialiseEras(eras));
  console.log(`${ERAS_FILE}: ${Object.keys(eras.digits).length} type digits, ${eras.irregular.length} irregular numbers`);
}
