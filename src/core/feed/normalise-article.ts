/**
 * Normalises parsed feed items into articles: identity from the canonical URL, dates checked against the run's
 * clock, duplicates within one feed counted once.
 */
import { MAX_FUTURE_SKEW_HOURS } from '../config';
import type { Article } from '../schema/article';
import type { FeedKind } from '../schema/source';
import { articleIdFor } from '../story/ids';
import type { ParsedItem } from './parse-feed';

export interface NormaliseResult {
  articles: Article[];
  /** Items whose canonical URL repeats an earlier item of the same batch. */
  duplicates: number;
  /** Items that could not become an article (no usable http(s) link), named. */
  errors: Array<{ kind: string; message: string }>;
}

/**
 * Turns one feed's items into articles for `sourceId`, first seen at `now` (UTC ISO-8601 `YYYY-MM-DDTHH:MM:SSZ`).
 * A published date after `now` becomes `now`: the item was read at `now`, so it was not published later (the usual
 * cause is a publisher's wrong time zone; feed readers such as Miniflux do the same); one more than
 * MAX_FUTURE_SKEW_HOURS after `now` becomes null, a bogus date (src/core/config.ts). Every item ends as
 * exactly one of: an article, a counted duplicate, or a named error. `language` is the source's BCP 47 tag; `kind`
 * what the feed carries (its registry entry's), recorded on each article unless it is news.
 */
export function normaliseItems(items: ParsedItem[], sourceId: string, now: string, language: string | null, kind: FeedKind = 'news'): NormaliseResult {
  const nowMs = Date.parse(now);
  const latest = nowMs + MAX_FUTURE_SKEW_HOURS * 3_600_000;
  const seen = new Set<string>();
  const out: NormaliseResult = { articles: [], duplicates: 0, errors: [] };
  items.forEach((item, i) => {
    const url = item.canonicalUrl;
    if (!url) {
      out.errors.push({ kind: 'item_no_link', message: `item ${i + 1} ("${(item.title ?? '').slice(0, 60)}") has no http(s) link` });
      return;
    }
    const id = articleIdFor(url);
    if (seen.has(id)) {
      out.duplicates++;
      return;
    }
    seen.add(id);
    const ms = item.published ? Date.parse(item.published) : NaN;
    const published = !(ms <= latest) ? null : ms > nowMs ? now : item.published;
    out.articles.push({
      id,
      sourceId,
      url,
      title: item.title ?? '',
      summary: item.summary,
      published,
      firstSeen: now,
      author: item.author,
      image: item.image,
      language,
      categories: [...item.categories],
      ...(kind === 'news' ? {} : { kind }),
    });
  });
  return out;
}

/**
 * Merges a fresh article into its stored copy: the stored first-seen time is kept (an item is never re-dated on a
 * later fetch); every other field takes the fresh value, except a published date the feed has since dropped.
 */
export function mergeArticle(stored: Article | undefined, fresh: Article): Article {
  if (!stored) return fresh;
  return { ...fresh, firstSeen: stored.firstSeen, published: fresh.published ?? stored.published };
}

/**
 * The source an article belongs to when more than one claims it (its canonical URL listed by several sources' feeds,
 * or by one source's feed while it is stored under another): the outlet whose site the URL is on, when it is among
 * the claimants (`siteOwner`: the one source on the URL's registrable domain, or undefined), else the first claim:
 * the stored article's source, then the sources in feed order. So an outlet's article never passes to another
 * outlet whose feed links to it (it had gone to whichever feed was read first, and with it the bias counts and
 * "first reported by"). `claims`: the claiming source ids, the stored one first, each once.
 */
export function articleOwner(claims: readonly string[], siteOwner: string | undefined): string {
  return siteOwner !== undefined && claims.includes(siteOwner) ? siteOwner : claims[0]!;
}

