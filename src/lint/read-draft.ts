// Reads a draft into lines. The only I/O of the lint. Chinese drafts arrive as Word files, as
// UTF-8 from modern editors, and as GBK or UTF-16 from Notepad and WPS on Chinese Windows.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { DOCX_LIMITS, zipArchiveProblem } from '../data/zip-guard.js';
import { decodeTextBytes } from '../data/text-decode.js';
import { ERROR_MESSAGES } from '../errors.js';
import { word, type MessageRef } from '../messages/catalogue.js';

export type DraftFormat = 'md' | 'txt' | 'docx';

/** A draft's text as lines, with how it was read. */
export interface Draft {
  file: string;
  format: DraftFormat;
  /** utf-8, utf-8-bom, utf-16le, utf-16be or gb18030 (which reads GBK); utf-8 for .docx. */
  encoding: string;
  /** For .md/.txt the file's lines; for .docx its non-empty paragraphs (table cells one each). */
  lines: string[];
}

/** A draft that cannot be read; the caller maps it to exit code 2. The reason never quotes the content. */
export class DraftReadError extends Error {
  readonly file: string;
  /** The reason in English, as the message has it. */
  readonly reason: string;

  constructor(
    file: string,
    /** The reason as an entry of the error catalogue, worded in the run's language. */
    readonly words: MessageRef,
  ) {
    const reason = word(ERROR_MESSAGES, 'en', words.key, words.args);
    super(`${file}: ${reason}`);
    this.name = 'DraftReadError';
    this.file = file;
    this.reason = reason;
  }
}

const FORMATS: Record<string, DraftFormat> = { '.md': 'md', '.markdown': 'md', '.txt': 'txt', '.docx': 'docx' };
const NOT_DOCX: MessageRef = { key: 'problem.not-docx' };
const UNSUPPORTED_ENCODING: MessageRef = { key: 'draft.unsupported-encoding' };
function ioReason(error: unknown): MessageRef {
  const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
  switch (code) {
    case 'ENOENT':
      return { key: 'draft.not-found' };
    case 'EACCES':
    case 'EPERM':
      return { key: 'draft.permission', args: { code } };
    case 'EISDIR':
      return { key: 'draft.directory' };
    default:
      return { key: 'draft.unreadable', args: { code } };
  }
}

/** Reads a .md, .txt or .docx draft; throws DraftReadError when it cannot. */
export async function readDraft(path: string): Promise<Draft> {
  const extension = extname(path).toLowerCase();
  const format = FORMATS[extension];
  if (!format) {
    throw new DraftReadError(path, { key: 'draft.unsupported-type', args: { extension: extension || '(none)' } });
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new DraftReadError(path, ioReason(error));
  }
  if (format === 'docx') {
    const problem = zipArchiveProblem(bytes, DOCX_LIMITS);
    if (problem) throw new DraftReadError(path, problem.damaged ? NOT_DOCX : { key: 'draft.archive', args: { problem: problem.words } });
    let raw: string;
    // mammoth (with its zip and XML readers, 0.5 MB of code) loads only for Word files.
    const { default: mammoth } = await import('mammoth');
    try {
      raw = (await mammoth.extractRawText({ buffer: bytes })).value;
    } catch {
      throw new DraftReadError(path, NOT_DOCX);
    }
    return { file: path, format, encoding: 'utf-8', lines: raw.split('\n').filter((line) => line.trim().length > 0) };
  }
  const decoded = decodeTextBytes(bytes);
  if (!decoded) throw new DraftReadError(path, UNSUPPORTED_ENCODING);
  const lines = decoded.text.split(/\r\n|\r|\n/);
  if (lines.at(-1) === '') lines.pop();
  return { file: path, format, encoding: decoded.encoding, lines };
}
