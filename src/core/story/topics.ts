/**
 * Topics of a story: its feed categories plus its key terms. Categories are the feeds' own labels (lower-cased),
 * shared by at least two of the story's articles (or the only article's); key terms are the heaviest terms of the
 * story centroid that its titles use (in at least two titles when it has several articles), in their most common
 * spelling. Limits: TOPICS_MAX_CATEGORIES, TOPICS_MAX_TERMS. Pure.
 */
import { TOPICS_MAX_CATEGORIES, TOPICS_MAX_TERMS } from '../config';
import { primaryLanguage, tokenize, words } from './tokenize';
import type { SparseVector, TermModel } from './vectorize';

/** Publishers' internal tags that leak into feeds ("internal-open-access-from-nl"): not topics. */
const INTERNAL_TAG = /^(?:internal|_|tag:|sys[-_:])|^[a-z]+[-_]internal\b|\|/u;

export interface TopicArticle {
  title: string;
  categories: string[];
  /** BCP 47 tag of the article's language (its stop words and stemming, as the clustering read it); absent or
   * null: unknown. */
  language?: string | null;
}

/** Feed categories of the story, most common first (ties: code-point order), lower-cased. */
export function categoryTopics(articles: TopicArticle[], max = TOPICS_MAX_CATEGORIES): string[] {
  const counts = new Map<string, number>();
  for (const a of articles) for (const c of new Set(a.categories.map((x) => x.trim().toLowerCase()).filter((x) => x && !INTERNAL_TAG.test(x)))) counts.set(c, (counts.get(c) ?? 0) + 1);
  const min = articles.length > 1 ? 2 : 1;
  return [...counts]
    .filter(([, n]) => n >= min)
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, max)
    .map(([c]) => c);
}

/** Key terms of the story (see the module comment), lower-case surface words, heaviest first. */
export function keyTerms(articles: TopicArticle[], centre: SparseVector, model: TermModel, max = TOPICS_MAX_TERMS): string[] {
  // term → surface spelling counts, and in how many titles the term appears
  const surfaces = new Map<string, Map<string, number>>();
  const titles = new Map<string, number>();
  for (const a of articles) {
    const inTitle = new Set<string>();
    const language = primaryLanguage(a.language);
    for (const w of words(a.title)) {
      const tok = tokenize(w, language)[0];
      if (!tok || /^\p{N}+$/u.test(tok.term)) continue;
      const surface = w.toLowerCase().replace(/['’]s$/u, '');
      const m = surfaces.get(tok.term) ?? new Map<string, number>();
      m.set(surface, (m.get(surface) ?? 0) + 1);
      surfaces.set(tok.term, m);
      inTitle.add(tok.term);
    }
    for (const t of inTitle) titles.set(t, (titles.get(t) ?? 0) + 1);
  }
  const min = articles.length > 1 ? 2 : 1;
  const weighted: Array<[string, number]> = [];
  for (let i = 0; i < centre.ids.length; i++) {
    const term = model.terms[centre.ids[i]!]!;
    if ((titles.get(term) ?? 0) >= min) weighted.push([term, centre.weights[i]!]);
  }
  weighted.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  return weighted.slice(0, max).map(([term]) => [...surfaces.get(term)!].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]![0]);
}

/** Topics of a story: categories, then key terms that are not already a category or a word of one. */
export function storyTopics(articles: TopicArticle[], centre: SparseVector, model: TermModel): string[] {
  const out = categoryTopics(articles);
  const inCategories = new Set(out.flatMap((c) => c.split(/[^\p{L}\p{N}]+/u)));
  for (const t of keyTerms(articles, centre, model)) if (!out.includes(t) && !inCategories.has(t)) out.push(t);
  return out;
}
