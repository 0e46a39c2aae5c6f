// Terminal widths of report text (src/text/width.ts) against string-width, which the views used
// before: the two must agree on everything a filing report holds.
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/text/width.js';
import { ROOT } from '../helpers.js';

/** Every line of every text file under a folder. */
function linesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(txt|md|yaml|csv)$/.test(entry.name))
    .flatMap((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8').split('\n'));
}

// Chinese and Japanese, full-width and ambiguous punctuation, Latin with precomposed and combining
// accents, Greek, Cyrillic, Hangul, half-width kana, box drawing, controls and colour codes.
const PIECES = [
  ...'算法备案个性化推送类生成合成检索过滤调度决策网信算备号（）：；，。、“”‘’《》【】—…·～！？', ...'abcXYZ019 -_/.,:;()[]{}<>#%&*+=|', ...'àéîõüçñßøå', 'e\u0301', 'a\u0308\u0323',
  ...'αβγΩΔ', ...'АБВжщ', ...'한국어회사', ...'ｱｲｳｴｵﾞﾟ', ...'ＡＢＣ１２３', ...'│─┌┐└┘├┤', ...'ひらがなカタカナ', ...'→←↑↓×÷±°§¶', '\t', '\u0007', '\u200B', '\u00AD',
  '\u001B[1m', '\u001B[22m', '\u001B[31m', '\u001B[39m', '\u001B[2m',
];

describe('display width', () => {
  it('agrees with string-width on every line of the repository’s fixtures, golden outputs, rules and examples', () => {
    const lines = ['test', 'rules', 'examples', 'docs'].flatMap((dir) => linesUnder(join(ROOT, dir)));
    expect(lines.length).toBeGreaterThan(5000);
    const disagreeing = lines.filter((line) => displayWidth(line) !== stringWidth(line));
    expect(disagreeing).toEqual([]);
  });

  it('agrees with string-width on generated report text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect([text, displayWidth(text)]).toEqual([text, stringWidth(text)]);
      }),
      { numRuns: 3000, seed: 20261129 },
    );
  });

  it('counts Chinese as two columns, colour codes as none, and emoji sequences per character', () => {
    expect(displayWidth('杭州示例科技有限公司')).toBe(20);
    expect(displayWidth('\u001B[1m02 个性化推送类\u001B[22m')).toBe(15);
    expect(displayWidth('（主体备案）')).toBe(12);
    // The one known difference from string-width, which measures a joined emoji as one cluster.
    expect(displayWidth('👨‍👩‍👧')).toBe(6);
    expect(stringWidth('👨‍👩‍👧')).toBe(2);
  });
});
