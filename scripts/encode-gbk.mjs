// GBK bytes for test and example files written the way Chinese Windows editors and Excel save them.

let reverse;

/** GBK bytes for a string, from a reverse map of the WHATWG GBK decoder (no iconv needed). */
export function encodeGbk(text) {
  if (!reverse) {
    const decoder = new TextDecoder('gbk');
    reverse = new Map();
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const char = decoder.decode(Uint8Array.of(lead, trail));
        if (char.length === 1 && char !== '\ufffd' && !reverse.has(char)) reverse.set(char, [lead, trail]);
      }
    }
  }
  const bytes = [];
  for (const char of text) {
    const code = char.codePointAt(0);
    if (code < 0x80) bytes.push(code);
    else if (reverse.has(char)) bytes.push(...reverse.get(char));
    else throw new Error(`not encodable in GBK: ${char} (U+${code.toString(16)})`);
  }
  return Uint8Array.from(bytes);
}
