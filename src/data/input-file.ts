import type { MessageArg } from '../messages/catalogue.js';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { inputError, InputError } from '../errors.js';

const MiB = 1024 * 1024;

/**
 * The bytes of a file a user points at, refused with one clear message when it is missing, a folder,
 * not a regular file (a FIFO or a device would block or never end) or larger than `maxBytes`. The
 * size is checked on the open file, and no more than the limit is ever read even if it grows.
 */
export function readInputFile(path: string, shown: string, maxBytes: number, expected: MessageArg): Buffer {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO nobody writes to would otherwise wait forever.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw inputError('error.file.missing', { file: shown, expected });
    if (code === 'EISDIR') throw inputError('error.file.directory', { file: shown, expected });
    if (code === 'EACCES' || code === 'EPERM') throw inputError('error.file.permission', { file: shown, code, expected });
    throw inputError('error.file.unreadable', { file: shown, code: code ?? 'error', expected });
  }
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) throw inputError('error.file.directory', { file: shown, expected });
    if (!info.isFile()) throw inputError('error.file.not-regular', { file: shown, expected });
    if (info.size > maxBytes) throw inputError('error.file.too-large', { file: shown, mib: maxBytes / MiB, expected });
    const bytes = Buffer.allocUnsafe(info.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, null);
      if (n === 0) break;
      read += n;
    }
    return bytes.subarray(0, read);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw inputError('error.file.unreadable', { file: shown, code: (error as NodeJS.ErrnoException).code ?? 'error', expected });
  } finally {
    closeSync(fd);
  }
}
