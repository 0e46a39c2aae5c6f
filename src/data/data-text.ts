// The text of a data file before parsing: decoded from its bytes, normalised, and within the
// limits every reader applies.
import { inputError } from '../errors.js';
import { decodeTextBytes } from './text-decode.js';

// The YAML parser recurses per level and runs out of memory (a fatal, uncatchable abort) on tens
// of thousands of nested brackets; real answers files nest about six levels deep.
const MAX_NESTING = 64;

/** How deep flow brackets or block indentation nest, quoted text and comments aside. */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let quote: string | null = null;
  let comment = false;
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      comment = false;
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart) {
      if (c === ' ') {
        // Two spaces a level is the usual YAML style; eight per level still counts generously.
        indent++;
        deepest = Math.max(deepest, Math.floor(indent / 8));
        continue;
      }
      lineStart = false;
    }
    if (comment) continue;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
      continue;
    }
    // A quote opens a quoted scalar only where a value starts; elsewhere it is an apostrophe.
    if ((c === '"' || c === "'") && /^$|[:\-[{,]$/.test(text.slice(Math.max(0, i - 2), i).trimEnd().slice(-1))) quote = c;
    else if (c === '#') comment = true;
    else if (c === '[' || c === '{') deepest = Math.max(deepest, ++depth);
    else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  return deepest;
}

/**
 * Decodes an answers file's bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM. GBK is refused
 * rather than guessed, because a wrong guess would garble the company and product names.
 */
export function decodeDataBytes(bytes: Uint8Array, file: string): string {
  if (bytes.includes(0) && !(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw inputError('error.file.nul-bytes', { file });
  }
  const decoded = decodeTextBytes(bytes);
  if (!decoded) throw inputError('error.file.not-text', { file });
  if (decoded.encoding === 'gb18030') {
    throw inputError('error.file.gbk', { file });
  }
  return decoded.text;
}

/** Strips a UTF-8 BOM and normalises CRLF, both of which Windows editors produce. */
export function normalizeText(text: string): string {
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n');
}

/**
 * The text the `yaml` document may see: no NUL bytes, BOM and CRLF normalised, and nested within
 * bounds (deeper, the parser would run out of memory).
 */
export function prepareDataText(raw: string, file: string): string {
  if (raw.includes('\u0000')) throw inputError('error.file.nul-bytes', { file });
  const text = normalizeText(raw);
  if (nestingDepth(text) > MAX_NESTING) throw inputError('error.data.too-deep', { file, levels: MAX_NESTING });
  return text;
}
