// Where a command's data comes from: a file named on the command line, or standard input ("-").
import { readFileSync, statSync, type Stats } from 'node:fs';
import { resolve } from 'node:path';
import { MAX_DATA_FILE_BYTES } from '../constants.js';
import { inputError } from '../errors.js';
import type { Io } from '../io.js';
import type { MessageArg } from '../messages/catalogue.js';
import { decodeDataBytes } from './data-text.js';

/** Reads a data source: a file path, or "-" for standard input, decoded and size-checked; `expected` names what it should be. */
export async function readAnswersSource(source: string, io: Io, expected: MessageArg = { key: 'expected.answers-file' }): Promise<{ text: string; shown: string }> {
  const tooLarge = (shown: string) => inputError('error.file.too-large', { file: shown, mib: MAX_DATA_FILE_BYTES / 1024 / 1024, expected });
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
  if (!info) throw inputError('error.file.missing', { file: source, expected });
  if (!info.isFile()) throw inputError('error.file.not-file', { file: source, expected });
  if (info.size > MAX_DATA_FILE_BYTES) throw tooLarge(source);
  return { text: decodeDataBytes(readFileSync(path), source), shown: source };
}
