// Reads a draft into lines. The only I/O of the lint. Chinese drafts arrive as Word files, as
// UTF-8 from modern editors, and as GBK or UTF-16 from Notepad and WPS on Chinese Windows.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import mammoth from 'mammoth';

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
  readonly reason: string;

  constructor(file: string, reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'DraftReadError';
    this.file = file;
    this.reason = reason;
  }
}

const FORMATS: Record<string, DraftFormat> = { '.md': 'md', '.markdown': 'md', '.txt': 'txt', '.docx': 'docx' };
const UNSUPPORTED_ENCODING = 'unsupported encoding: not UTF-8, UTF-16 or GBK';
// Controls that never occur in a text document (tab, newlines and form feed do) and U+FFFD, which
// a decoder emits for bytes it could not map.
const NOT_TEXT = /[\u0000-\u0008\u000B\u000E-\u001F\u007F\uFFFD]/u;
// GB18030 maps nearly any byte sequence to some character, so a non-GBK file "decodes" to rare
// ideographs and symbols. Real GBK text stays within ASCII, Latin-1, Greek, Cyrillic, general
// punctuation, symbols, box drawing, CJK punctuation and the basic CJK block.
const GBK_REPERTOIRE = /[\u0020-\u007E\u00A0-\u00FF\u0370-\u04FF\u2000-\u27BF\u2E80-\u2EFF\u3000-\u33FF\u4E00-\u9FFF\uFE30-\uFE4F\uFF00-\uFFEF]/u;
const GBK_MIN_SHARE = 0.95;

function decode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function plausible(text: string, encoding: string): boolean {
  if (NOT_TEXT.test(text)) return false;
  if (encoding !== 'gb18030') return true;
  const chars = [...text.replace(/\s+/gu, '')];
  return chars.length === 0 || chars.filter((c) => GBK_REPERTOIRE.test(c)).length / chars.length >= GBK_MIN_SHARE;
}

/** Decodes a text draft's bytes: BOM first, then strict UTF-8, then GB18030; null when none is plausible. */
export function decodeDraftBytes(bytes: Uint8Array): { encoding: string; text: string } | null {
  const [b0, b1, b2] = bytes;
  const attempts: [encoding: string, label: string][] =
    b0 === 0xef && b1 === 0xbb && b2 === 0xbf ? [['utf-8-bom', 'utf-8']]
    : b0 === 0xff && b1 === 0xfe ? [['utf-16le', 'utf-16le']]
    : b0 === 0xfe && b1 === 0xff ? [['utf-16be', 'utf-16be']]
    : [['utf-8', 'utf-8'], ['gb18030', 'gb18030']];
  for (const [encoding, label] of attempts) {
    const text = decode(label, bytes);
    if (text !== null) return plausible(text, encoding) ? { encoding, text } : null;
  }
  return null;
}

function ioReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
  switch (code) {
    case 'ENOENT':
      return 'file not found (ENOENT)';
    case 'EACCES':
    case 'EPERM':
      return `permission denied (${code})`;
    case 'EISDIR':
      return 'is a directory, not a file (EISDIR)';
    default:
      return `cannot read the file (${code})`;
  }
}

/** Reads a .md, .txt or .docx draft; throws DraftReadError when it cannot. */
export async function readDraft(path: string): Promise<Draft> {
  const extension = extname(path).toLowerCase();
  const format = FORMATS[extension];
  if (!format) {
    throw new DraftReadError(path, `unsupported file type "${extension || '(none)'}": lint reads .md, .txt and .docx (save Word files as .docx)`);
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new DraftReadError(path, ioReason(error));
  }
  if (format === 'docx') {
    let raw: string;
    try {
      raw = (await mammoth.extractRawText({ buffer: bytes })).value;
    } catch {
      throw new DraftReadError(path, 'not a readable .docx file (Word 2007 or later; a renamed .doc or a damaged file?)');
    }
    return { file: path, format, encoding: 'utf-8', lines: raw.split('\n').filter((line) => line.trim().length > 0) };
  }
  const decoded = decodeDraftBytes(bytes);
  if (!decoded) throw new DraftReadError(path, UNSUPPORTED_ENCODING);
  const lines = decoded.text.split(/\r\n|\r|\n/);
  if (lines.at(-1) === '') lines.pop();
  return { file: path, format, encoding: decoded.encoding, lines };
}
