// Small text helpers shared by the structure, lint and name checks.

const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /[A-Za-z0-9]+/g;

/** Folds a heading or label for comparison: NFKC (full-width → half-width), lower case, no white space. */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

/**
 * Length of a text in "characters" as Chinese writers count them: each Han character and each
 * Latin word or number counts one; punctuation, markup and white space count nothing.
 */
export function substantiveLength(text: string): number {
  return (text.match(HAN)?.length ?? 0) + (text.match(LATIN_WORD)?.length ?? 0);
}

/** Splits a line into sentences at Chinese and Latin sentence ends. */
export function sentences(text: string): string[] {
  return text.split(/[。！？!?；;]+/u).map((s) => s.trim()).filter((s) => s.length > 0);
}

/** Shortens a quoted excerpt so a finding never carries a whole paragraph. */
export function excerpt(text: string, max = 30): string {
  const chars = [...text.trim()];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
}

/** Length of the longest run of characters two strings share. */
export function longestCommonRun(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let best = 0;
  let previous = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    const current = new Array<number>(y.length + 1).fill(0);
    for (let j = 1; j <= y.length; j++) {
      if (x[i - 1] === y[j - 1]) {
        current[j] = (previous[j - 1] ?? 0) + 1;
        best = Math.max(best, current[j] ?? 0);
      }
    }
    previous = current;
  }
  return best;
}
