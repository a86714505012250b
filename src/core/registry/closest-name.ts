/**
 * "Did you mean …?" for names typed by hand in the registry (keys, time zones): the known name a misspelling is
 * closest to, when it is close enough to be a slip rather than another word.
 */

/**
 * Most edits a name may be from the one it is taken for: 1 for names of up to 5 characters ("topc" → "topic"), else 2
 * ("factualty" → "factuality", "Asia/Tokio" → "Asia/Tokyo"). More would take "owner" for "name" or "notes" for "topic".
 */
const MAX_EDITS = (length: number): number => (length <= 5 ? 1 : 2);

/**
 * Optimal string alignment distance between `a` and `b`: insertions, deletions, substitutions and swaps of two
 * neighbouring characters each count 1 (Damerau–Levenshtein without repeated edits of one substring), in UTF-16
 * code units.
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * The name of `known` that `given` was probably meant to be: one equal to it but for letter case ("Bias" → "bias",
 * "timezone" → "timeZone"), else the nearest by editDistance, compared case-insensitively, within MAX_EDITS of the
 * longer name (the first of `known` on a tie). Undefined when none is that close, or when `given` is itself known.
 */
export function closestName(given: string, known: readonly string[]): string | undefined {
  if (known.includes(given)) return undefined;
  const lower = given.toLowerCase();
  const sameButCase = known.find((k) => k.toLowerCase() === lower);
  if (sameButCase !== undefined) return sameButCase;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    if (Math.abs(k.length - given.length) > 2) continue;
    const d = editDistance(lower, k.toLowerCase());
    if (d <= MAX_EDITS(Math.max(k.length, given.length)) && d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best;
}
