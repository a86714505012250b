/**
 * The one place the site decides what an article is called. A feed item may come with an empty title (RSS 2.0 allows
 * a description-only item, and some feeds send `<title></title>` beside a link); the stored article then has
 * `title: ""`. Every page and feed that shows or emits an article's title goes through `articleTitle`, so such an
 * article reads as the start of its excerpt, or "Untitled article from <outlet>", never as an empty link or a feed
 * item titled "Outlet (Left): ".
 */
import { standInTitle } from '../core/feed/clean-text';
import { stripControl } from './text';

/** What `articleTitle` reads from an article: a story article's `excerpt` (or an article's `summary`). */
export interface TitledArticle {
  title: string;
  excerpt?: string | null | undefined;
}

/** Whitespace runs as one space, ends trimmed, XML-illegal characters removed (a title of only those is empty). */
function clean(text: string | null | undefined): string {
  return stripControl(text ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * The title to show for an article: its own title when it has one; else the start of its excerpt, as the parser
 * names an untitled item (standInTitle); else "Untitled article from <outlet>" (`outlet` is the source's name, or its id when unknown).
 */
export function articleTitle(article: TitledArticle, outlet: string): string {
  const own = clean(article.title);
  if (own) return own;
  const excerpt = clean(article.excerpt);
  if (excerpt) return standInTitle(excerpt);
  return `Untitled article from ${clean(outlet) || 'an unnamed source'}`;
}

/**
 * Whether `articleTitle` gives the outlet's own words (its title, or the start of its excerpt), which are in the
 * source's language, rather than the site's "Untitled article from <outlet>" (in the site's language).
 */
export function titleIsOutletText(article: TitledArticle): boolean {
  return clean(article.title) !== '' || clean(article.excerpt) !== '';
}

/**
 * Whether the excerpt should still be shown under the title: not when the title is the whole excerpt already (an
 * untitled article whose excerpt fits in a derived title), so a row never repeats the same sentence twice.
 */
export function showExcerpt(article: TitledArticle): boolean {
  const excerpt = clean(article.excerpt);
  if (!excerpt) return false;
  return clean(article.title) !== '' || standInTitle(excerpt) !== excerpt;
}
