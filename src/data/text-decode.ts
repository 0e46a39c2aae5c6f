// Chinese text files arrive as UTF-8 from modern editors and as GBK or UTF-16 from Notepad and WPS
// on Chinese Windows. One decoder serves drafts (lint) and answers files alike.

// Controls that never occur in a text document (tab, newlines and form feed do) and U+FFFD, which
// a decoder emits for bytes it could not map.
const NOT_TEXT = /[\u0000-\u0008\u000B\u000E-\u001F\u007F\uFFFD]/u;

/** The first character a text file must not hold (a control other than tab, newlines and form feed, or U+FFFD), or null. */
export function firstNonTextCharacter(text: string): string | null {
  return NOT_TEXT.exec(text)?.[0] ?? null;
}
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

function plausible(text: string, encoding: string, controls: boolean): boolean {
  if (!controls && NOT_TEXT.test(text)) return false;
  if (encoding !== 'gb18030') return true;
  const chars = [...text.replace(/\s+/gu, '')];
  return chars.length === 0 || chars.filter((c) => GBK_REPERTOIRE.test(c)).length / chars.length >= GBK_MIN_SHARE;
}

/**
 * Decodes a text file's bytes: BOM first, then strict UTF-8, then GB18030; null when none is plausible.
 * With `controls`, control characters do not make text implausible: a table reader finds and names them.
 */
export function decodeTextBytes(bytes: Uint8Array, options: { controls?: boolean } = {}): { encoding: string; text: string } | null {
  const [b0, b1, b2] = bytes;
  const attempts: [encoding: string, label: string][] =
    b0 === 0xef && b1 === 0xbb && b2 === 0xbf ? [['utf-8-bom', 'utf-8']]
    : b0 === 0xff && b1 === 0xfe ? [['utf-16le', 'utf-16le']]
    : b0 === 0xfe && b1 === 0xff ? [['utf-16be', 'utf-16be']]
    : [['utf-8', 'utf-8'], ['gb18030', 'gb18030']];
  for (const [encoding, label] of attempts) {
    const text = decode(label, bytes);
    if (text !== null) return plausible(text, encoding, options.controls === true) ? { encoding, text } : null;
  }
  return null;
}

