import { eastAsianWidth } from 'get-east-asian-width';

// chalk's colours: SGR escape sequences, which take no column. (User text reaches the views with
// its control characters already escaped.)
const COLOUR = /\u001B\[[\d;]*m/g;
// Marks that combine with the character before them, format controls (zero-width joiner and the
// like), variation selectors and lone surrogates take no column either.
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}\p{Cs}\uFE00-\uFE0F]/u;

/**
 * The columns a text takes on a terminal: East Asian Wide and Fullwidth characters (Chinese,
 * full-width punctuation) two, marks and controls none, everything else one.
 *
 * string-width did this before, by grapheme clusters; building its Intl.Segmenter and its emoji
 * regular expressions took ~40 ms and its first measurements ~90 ms more of every text report.
 * Both agree on Chinese, Latin, kana, Hangul syllables and marks (a test compares them); they differ
 * only on emoji sequences joined by U+200D or completed by U+FE0F, which this counts per character.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text.includes('\u001B') ? text.replace(COLOUR, '') : text) {
    const code = char.codePointAt(0)!;
    if (code < 0x7f) width += code >= 0x20 ? 1 : 0;
    // Chinese characters, and the punctuation Chinese text uses most (、。「」《》 and the full-width
    // （），：；！？), are wide: counted without the table lookup.
    else if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3000 && code <= 0x3029) || (code >= 0xff01 && code <= 0xff60)) width += 2;
    else if (code > 0x9f && !ZERO_WIDTH.test(char)) width += eastAsianWidth(code);
  }
  return width;
}

/** Pads text to a display width, counting CJK characters as two columns. */
export function padDisplay(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Lays out rows as aligned columns (the last column is not padded). */
export function alignColumns(rows: string[][], gap = 2): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : padDisplay(cell, widths[i]! + gap))).join('').trimEnd());
}
