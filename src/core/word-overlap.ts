/**
 * Word-set overlap of short texts (titles, leads), shared by the syndication rules (src/core/coverage/syndication.ts)
 * and the guid move rule (src/core/feed/normalise-article.ts).
 */

/** The words of `text`: runs of letters and digits (Unicode \p{L}\p{N}), lower-cased, at most `limit` of them. */
export function wordsOf(text: string | null | undefined, limit = Infinity): string[] {
  return ((text ?? '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, limit);
}

/** Jaccard similarity |a ∩ b| / |a ∪ b| of two sets (Jaccard 1901); 0 when either is empty. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let inter = 0;
  for (const w of a) if (b.has(w)) inter++;
  return inter / (a.size + b.size - inter);
}
