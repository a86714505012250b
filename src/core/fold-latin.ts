/**
 * Latin letters without their diacritics, for matching and for ASCII URL slugs: "grindavík" → "grindavik",
 * "hołownia" → "holownia", "łódź" → "lodz", "straße" → "strasse". Unicode canonical decomposition (UAX #15) removes
 * the combining marks of most letters; letters with a stroke and ligatures (ł, ø, đ, ß, æ, œ, þ …) do not decompose
 * and are mapped by table, after Lucene's ASCIIFoldingFilter. Marks of other scripts (Devanagari vowel signs, Arabic
 * harakat) are kept here (the clustering's terms lose Arabic marks before this, in fold-script.ts). One rule for the
 * clustering's terms (tokenize.ts) and the slugs of stories and topics (ids.ts, site/topics.ts), so that "Łódź" is
 * "lodz" in both.
 */

/** A Latin letter with a diacritic (precomposed, Latin-1 Supplement to Latin Extended Additional) or a combining mark. */
const LATIN_DIACRITIC = /[\u00c0-\u024f\u1e00-\u1eff\p{M}]/u;
/** Latin letters that carry a stroke or are ligatures, which Unicode does not decompose (after Lucene's ASCIIFoldingFilter). */
const UNDECOMPOSED: Readonly<Record<string, string>> = { ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ı: 'i', ŧ: 't', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ð: 'd' };
const UNDECOMPOSED_RE = new RegExp(`[${Object.keys(UNDECOMPOSED).join('')}]`, 'gu');

/**
 * `lower` (lower-case text: the table holds lower-case letters) with the diacritics of its Latin letters removed and
 * letters with a stroke and ligatures spelt out (see the top of this file). Text without a Latin diacritic is returned
 * as it is. Never throws.
 */
export function foldDiacritics(lower: string): string {
  if (!LATIN_DIACRITIC.test(lower)) return lower;
  return lower
    .normalize('NFD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .replace(UNDECOMPOSED_RE, (c) => UNDECOMPOSED[c]!)
    .normalize('NFC');
}
