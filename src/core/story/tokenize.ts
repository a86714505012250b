/**
 * Language-aware tokenising for clustering and summarising.
 *
 * Space-delimited scripts use one Unicode-aware regex (letters and digits, inner apostrophes, dots and hyphens
 * kept: "U.S.", "Covid-19", "O'Neill"); scripts written without spaces (Han, Hiragana, Katakana, Thai, Lao, Khmer,
 * Myanmar) go through Intl.Segmenter word segmentation (ECMA-402).
 */
import { stemmer } from 'stemmer';
import { stopWordsFor } from './stop-words';

const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}]|['’.\-](?=[\p{L}\p{N}]))*/gu;
export const NO_SPACE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
let segmenter: Intl.Segmenter | undefined;
/** Words the English Porter stemmer may touch: ASCII letters only (other scripts and mixed tokens stay whole). */
const ASCII_WORD = /^[a-z]{4,}$/;

/**
 * A token: `term` is the lower-cased, folded and (for ASCII words of English or unknown-language text) Porter-stemmed
 * form (M. F. Porter, "An algorithm for suffix stripping", 1980), so "tapering" and "taper" match; `cased` tells
 * whether the word began with a capital.
 */
export interface Token {
  term: string;
  cased: boolean;
}

const FOLDED_MARK = /['’.]/u;

/** Lower-case and fold a word for matching: apostrophes dropped, "U.S." → "us", possessive 's removed. */
export function foldWord(word: string): string {
  const lower = word.toLowerCase();
  // Most words hold none of ' ’ . (then both replacements are no-ops).
  if (!FOLDED_MARK.test(lower)) return lower;
  return lower.replace(/['’](s)?$/u, '').replace(/['’.]/gu, '');
}

/** Raw words of `text` in order (no stop-word removal). */
export function words(text: string): string[] {
  if (NO_SPACE_SCRIPT.test(text)) {
    segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
    const out: string[] = [];
    for (const s of segmenter.segment(text)) if (s.isWordLike) out.push(s.segment);
    return out;
  }
  return text.match(WORD) ?? [];
}

/**
 * The primary language subtag of a BCP 47 tag (RFC 5646), lower-cased: "en-GB" → "en", "PL" → "pl"; null for a
 * missing or empty tag (language unknown).
 */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary || null;
}

/** termOf's memo, one per language (null: unknown). */
const termCaches = new Map<string | null, Map<string, string | null>>();
const TERM_CACHE_LIMIT = 200_000;

/**
 * Matching form of a raw word of text in `language` (an ISO 639-1 code as primaryLanguage gives it; null: unknown),
 * or null for a stop word of that language (stop-words.ts) or a lone Latin letter. The English Porter stemmer applies
 * only to English and unknown-language text. Memoised (words repeat a lot).
 */
export function termOf(word: string, language: string | null = null): string | null {
  let cache = termCaches.get(language);
  if (!cache) termCaches.set(language, (cache = new Map()));
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const folded = foldWord(word);
  let term: string | null = folded;
  if ((folded.length < 2 && !/\p{N}/u.test(folded) && !NO_SPACE_SCRIPT.test(folded)) || stopWordsFor(language).has(folded)) term = null;
  else if ((language === null || language === 'en') && ASCII_WORD.test(folded)) term = stemmer(folded);
  if (cache.size >= TERM_CACHE_LIMIT) cache.clear();
  cache.set(word, term);
  return term;
}

/**
 * Content tokens of `text` in `language` (ISO 639-1, null: unknown): folded, stemmed, stop words
 * (src/core/story/stop-words.ts) and 1-character Latin tokens removed. Order is preserved; duplicates are kept (term
 * frequency matters).
 */
export function tokenize(text: string, language: string | null = null): Token[] {
  const out: Token[] = [];
  for (const w of words(text)) {
    const term = termOf(w, language);
    if (term === null) continue;
    const ch = w[0]!;
    out.push({ term, cased: ch !== ch.toLowerCase() });
  }
  return out;
}
