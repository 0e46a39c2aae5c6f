// The one sanitiser for output. Text from users and files (an entity name, an overlay's title, a
// file name, a --set path) may hold control characters: an escape sequence written to a terminal
// can clear the screen, retitle the window or set the clipboard (OSC 52), and a lone carriage
// return can overwrite what was printed before it. Whatever the tool prints or writes as text shows
// such characters as visible escapes (\u001b) instead; Word and Excel files drop what XML forbids.

// C0 controls but tab and line feed, DEL, and the C1 controls (U+009B is a one-character CSI).
// A carriage return is kept only before a line feed, where CSV and Windows line ends put it.
const INVISIBLE = /[\u0000-\u0008\u000B-\u000C\u000E-\u001F\u007F-\u009F]|\r(?!\n)/g;
// XML 1.0 allows tab, line feed and carriage return of the C0 block, and no U+FFFE, U+FFFF or
// unpaired surrogates; a docx with any of them does not open.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const escapeOf = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Text with every control character shown as a visible escape (ESC as \u001b). Tab, line feed and
 * CRLF stay. JSON stays valid JSON of the same data, as the escapes are JSON's own.
 */
export function visible(text: string): string {
  return text.replace(INVISIBLE, escapeOf);
}

/** Text without the characters XML 1.0 forbids, for Word and Excel files. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '');
}

/** A copy of plain data (a report, a checklist) with `clean` applied to every string in it. */
export function mapStrings<T>(value: T, clean: (text: string) => string): T {
  if (typeof value === 'string') return clean(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => mapStrings(item, clean)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [clean(key), mapStrings(item, clean)])) as T;
  }
  return value;
}
