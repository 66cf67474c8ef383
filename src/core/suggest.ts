/** "Did you mean…?" for misspelt ids: the closest candidate within a small edit distance. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  // Within a third of the word's length (at least 1): "prise" → "price", but not "two" → "t".
  let bestDistance = Math.max(1, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    // Lengths alone bound the distance from below: most candidates end here, and a name of a
    // million characters is never compared character by character with short ones.
    if (Math.abs(candidate.length - word.length) >= bestDistance) continue;
    const d = editDistance(lower, candidate.toLowerCase(), bestDistance);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * Words suggested in a model that misspells many: a model with thousands of unknown references
 * would otherwise compare each with every candidate. Each word is looked up once, and only the
 * first few distinct words get a suggestion; past those, the messages say no more than the
 * known ids they already list.
 */
const SUGGESTED_WORDS = 100;

/** `closest` over one set of candidates, for many words: each word once, at most SUGGESTED_WORDS. */
export function suggester(candidates: () => Iterable<string>): (word: string) => string | undefined {
  const found = new Map<string, string | undefined>();
  let pool: string[] | undefined;
  return (word) => {
    if (found.has(word)) return found.get(word);
    if (found.size >= SUGGESTED_WORDS) return undefined;
    pool ??= [...candidates()];
    const suggestion = closest(word, pool);
    found.set(word, suggestion);
    return suggestion;
  };
}

/** Levenshtein distance, two rows at a time; stops once every path costs at least `cutoff`. */
function editDistance(a: string, b: string, cutoff: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      const d = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
      current.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin >= cutoff) return cutoff;
    previous = current;
  }
  return previous[b.length]!;
}
