/** Levenshtein distance between two texts. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/** The candidates close enough to a mistyped word to suggest ("did you mean"), closest first, at most `limit`. */
export function similarTo(word: string, candidates: readonly string[], limit = 3): string[] {
  return candidates
    .map((candidate) => ({ candidate, distance: editDistance(candidate.toLowerCase(), word.toLowerCase()) }))
    .filter((c) => c.distance <= Math.max(2, Math.floor(word.length / 4)))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, limit)
    .map((c) => c.candidate);
}
