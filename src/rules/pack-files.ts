// Which files of a rules directory are rule packs: read by the start-up path (load.ts) and by
// the parser of packs (parse-packs.ts).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { inputError } from '../errors.js';

/** The *.yaml rule packs of a directory, in name order; exit 2 when there are none. */
export function packFilesIn(dir: string): string[] {
  let entries: string[];
  try {
    // Synchronous: a few small files at every start, where loading fs/promises alone costs more
    // than the reads.
    entries = readdirSync(dir);
  } catch {
    throw inputError('error.rules.unreadable-dir', { dir });
  }
  const files = entries.filter((name) => /\.ya?ml$/.test(name)).sort().map((name) => join(dir, name));
  if (files.length === 0) throw inputError('error.rules.no-packs', { dir });
  return files;
}
