import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { InputError } from '../errors.js';

const MiB = 1024 * 1024;

/**
 * The bytes of a file a user points at, refused with one clear message when it is missing, a folder,
 * not a regular file (a FIFO or a device would block or never end) or larger than `maxBytes`. The
 * size is checked on the open file, and no more than the limit is ever read even if it grows.
 */
export function readInputFile(path: string, shown: string, maxBytes: number, expected: string): Buffer {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO nobody writes to would otherwise wait forever.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new InputError(`${shown}: no such file; expected ${expected}`);
    if (code === 'EISDIR') throw new InputError(`${shown}: is a directory; expected ${expected}`);
    if (code === 'EACCES' || code === 'EPERM') throw new InputError(`${shown}: permission denied (${code}); expected ${expected}`);
    throw new InputError(`${shown}: cannot read the file (${code ?? 'error'}); expected ${expected}`);
  }
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) throw new InputError(`${shown}: is a directory; expected ${expected}`);
    if (!info.isFile()) throw new InputError(`${shown}: not a regular file (a device, pipe or socket); expected ${expected}`);
    if (info.size > maxBytes) throw new InputError(`${shown}: larger than ${maxBytes / MiB} MiB; expected ${expected}`);
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
    throw new InputError(`${shown}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'}); expected ${expected}`);
  } finally {
    closeSync(fd);
  }
}
