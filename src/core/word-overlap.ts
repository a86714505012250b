/**
 * Word-set overlap of short texts (titles, leads), shared by the syndication rules (src/core/coverage/syndication.ts)
 * and the guid move rule (src/core/feed/normalise-article.ts).
 */

/**
 * The words of `text`: runs of letters and digits (Unicode \p{L}\p{N}), lower-cased, at most `limit` of them; a dotted
 * abbreviation is one word, as its undotted spelling ("U.S." = "US" → "us"; copy edited from one house style to the
 * other had differed in every word pair around it).
 */
export function wordsOf(text: string | null | undefined, limit = Infinity): string[] {
  const undotted = (text ?? '').replace(DOTTED_ABBREVIATION, (m) => m.replaceAll('.', ''));
  return (undotted.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, limit);
}

/** Two or more single letters each followed by a dot, not inside a word: "U.S.", "U.N.", "e.g.". */
const DOTTED_ABBREVIATION = /(?<![\p{L}\p{N}])(?:\p{L}\.){2,}/gu;

/** Jaccard similarity |a ∩ b| / |a ∪ b| of two sets (Jaccard 1901); 0 when either is empty. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let inter = 0;
  for (const w of a) if (b.has(w)) inter++;
  return inter / (a.size + b.size - inter);
}

/** The share of the smaller set's members that the other holds (the overlap coefficient, Szymkiewicz–Simpson: how
 * far one is contained in the other); 0 when either is empty. */
export function overlapCoefficient(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let inter = 0;
  for (const w of small) if (large.has(w)) inter++;
  return inter / small.size;
}
