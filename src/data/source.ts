// Where a command's data comes from: a file named on the command line, or standard input ("-").
import { readFileSync, statSync, type Stats } from 'node:fs';
import { resolve } from 'node:path';
import { MAX_DATA_FILE_BYTES } from '../constants.js';
import { InputError } from '../errors.js';
import type { Io } from '../io.js';
import { decodeDataBytes } from './data-text.js';

/** Reads a data source: a file path, or "-" for standard input, decoded and size-checked; `expected` names what it should be. */
export async function readAnswersSource(source: string, io: Io, expected = 'an answers file (YAML or JSON)'): Promise<{ text: string; shown: string }> {
  const tooLarge = (shown: string) => new InputError(`${shown}: larger than ${MAX_DATA_FILE_BYTES / 1024 / 1024} MiB; expected ${expected}`);
  if (source === '-') {
    const bytes = await io.readStdin();
    if (bytes.byteLength > MAX_DATA_FILE_BYTES) throw tooLarge('<stdin>');
    return { text: decodeDataBytes(bytes, '<stdin>'), shown: '<stdin>' };
  }
  // Synchronous on purpose: a batch of a thousand files otherwise pays the thread-pool round trips
  // of stat, open, read and close for each, a quarter of the 1,000-file run in a profile.
  const path = resolve(io.cwd, source);
  let info: Stats | undefined;
  try {
    info = statSync(path, { throwIfNoEntry: false });
  } catch {
    info = undefined;
  }
  if (!info) throw new InputError(`${source}: no such file; expected ${expected}`);
  if (!info.isFile()) throw new InputError(`${source}: not a file; expected ${expected}`);
  if (info.size > MAX_DATA_FILE_BYTES) throw tooLarge(source);
  return { text: decodeDataBytes(readFileSync(path), source), shown: source };
}
