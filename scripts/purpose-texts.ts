// Prints the 主要用途 text of every row of the CAC lists (data/), one a line, for the benchmark.
import { readFile } from 'node:fs/promises';
import { DEFAULT_CSV, readFilings } from './train-suggest.js';

/** Writes the purpose texts of the lists CSV to stdout. */
export async function main(): Promise<void> {
  const filings = readFilings(await readFile(DEFAULT_CSV, 'utf8'));
  process.stdout.write(`${filings.map((f) => f.purpose.replace(/\s+/g, ' ')).filter(Boolean).join('\n')}\n`);
}
