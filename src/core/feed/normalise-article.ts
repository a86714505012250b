/**
 * Normalises parsed feed items into articles: identity from the canonical URL, dates checked against the run's
 * clock, duplicates within one feed counted once; an item whose link changed (under the same guid, to another form
 * of the same page, or with the same headline and time) is the article stored before (storedAs).
 */
import { GUID_MAX_CHARS, GUID_MOVE_TITLE_JACCARD, MAX_FUTURE_SKEW_HOURS, REPLACED_ARTICLE_JACCARD } from '../config';
import type { Article } from '../schema/article';
import type { FeedKind } from '../schema/source';
import { articleIdFor } from '../story/ids';
import { jaccard, wordsOf } from '../word-overlap';
import { canonicalUrl, samePageKey } from './canonical-url';
import type { ParsedItem } from './parse-feed';

export interface NormaliseResult {
  articles: Article[];
  /** Items whose canonical URL repeats an earlier item of the same batch. */
  duplicates: number;
  /** Items that could not become an article (no usable http(s) link), named; `position` as ParsedItem's. */
  errors: Array<{ kind: string; message: string; position: number }>;
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
  const guids = articleGuids(items);
  items.forEach((item, i) => {
    const url = item.canonicalUrl;
    if (!url) {
      const position = item.position ?? i;
      out.errors.push({ kind: 'item_no_link', message: `item ${position + 1} ("${(item.title ?? '').slice(0, 60)}") has no http(s) link`, position });
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
      ...(guids[i] ? { guid: guids[i] } : {}),
    });
  });
  return out;
}

/**
 * For each of one feed's items (same order), its guid when the guid identifies the item apart from its link, else
 * null. A guid counts when it is at most GUID_MAX_CHARS long (src/core/config.ts), is not the item's own URL (its
 * canonical form is not the item's canonical URL: a permalink guid adds nothing to the link), and names only this
 * item (items of one canonical URL count as one) in a feed whose items name at least two different guids: some
 * feeds give every item the same guid, and a feed of one item cannot show that it does not. RSS 2.0 (guid: "a
 * string that uniquely identifies the item"), Atom (RFC 4287 §4.2.6, atom:id: "a permanent, universally unique
 * identifier") and JSON Feed 1.1 (`id`: "unique for that item for that feed over time. If an item is ever updated,
 * the id should be unchanged") all mean it to outlive a link.
 */
export function articleGuids(items: readonly ParsedItem[]): Array<string | null> {
  const urlsByGuid = new Map<string, Set<string | null>>();
  const candidate = items.map((item) => {
    const guid = item.guid;
    if (!guid || guid.length > GUID_MAX_CHARS || !item.canonicalUrl || canonicalUrl(guid) === item.canonicalUrl) return null;
    let urls = urlsByGuid.get(guid);
    if (!urls) urlsByGuid.set(guid, (urls = new Set()));
    urls.add(item.canonicalUrl);
    return guid;
  });
  const distinct = new Set(items.map((i) => i.guid).filter((g) => g !== null)).size;
  return candidate.map((g) => (g !== null && distinct >= 2 && urlsByGuid.get(g)!.size === 1 ? g : null));
}

/** Whether two versions' headlines share at least GUID_MOVE_TITLE_JACCARD of their words (an edited headline). */
function sameHeadline(a: Pick<Article, 'title'>, b: Pick<Article, 'title'>): boolean {
  return jaccard(new Set(wordsOf(a.title)), new Set(wordsOf(b.title))) >= GUID_MOVE_TITLE_JACCARD;
}

/** Whether two versions' leads are one text, as far as words tell: both without one, or sharing at least
 * GUID_MOVE_TITLE_JACCARD of their words. */
function sameLead(a: Pick<Article, 'summary'>, b: Pick<Article, 'summary'>): boolean {
  if (!a.summary || !b.summary) return !a.summary && !b.summary;
  return jaccard(new Set(wordsOf(a.summary)), new Set(wordsOf(b.summary))) >= GUID_MOVE_TITLE_JACCARD;
}

/** How a fresh article was found to be another article (storedAs): the rule that matched. */
export type SameArticleRule = 'url' | 'permalink' | 'guid' | 'page' | 'title';

/** The article a fresh article is (storedAs): its id, and the rule that said so. */
export interface SameArticle {
  id: string;
  rule: SameArticleRule;
}

/**
 * This run's articles that are other articles under another id: fresh article id → { id, rule }. Ids stay the first
 * ones: an article's id is the hash of the URL it was first stored under (articleIdFor), so an article whose link
 * changed keeps it, and no stored article's id ever changes. A fresh article whose own id is stored is that article
 * and is never mapped. Four rules, in order, each taking a stored article at most once:
 * 1. `url`, same URL: a fresh article whose URL a stored article (of another id) has now is that article: it moved
 *    there on an earlier run. Without this, the moved article's new URL came back as a second article once its guid
 *    stopped matching (a hostile trial: one URL stored twice in one story). `permalink`: a fresh article whose guid is
 *    the URL a stored article of its source has (RSS 2.0's permalink guid, kept when the link changed) is that
 *    article, unless that URL is read again in this run, the guid has a fragment (a live blog's post
 *    "…/ukraine-war#post-77" is not the live page "…/ukraine-war", which a trial's post had overwritten) or the
 *    headlines share under GUID_MOVE_TITLE_JACCARD of their words; a trial's item whose `<link>` changed under
 *    `<guid>` = its old link had become a second article and a second story (its guid was not kept on the first run,
 *    being its link then).
 * 2. `guid`, same guid, same headline: its source stored exactly one article with its guid (Article.guid), it is the
 *    only article of this run of that source with that guid, the stored article's URL is not read again in this run
 *    (else the guid names two live items), and the two titles share at least GUID_MOVE_TITLE_JACCARD of their words
 *    (an edited headline, "CEO resigns" → "CEO resigns after layoffs"): a feed that numbers its items by position gives
 *    a new article an old guid, and a trial's "Parliament passes budget bill" had overwritten a stored report of a
 *    volcano. A trial's item kept `<guid isPermaLink="false">nt-123</guid>` while its link gained "-after-layoffs"; it
 *    had become a second article and a second one-source story.
 * 3. `page`, same page: links of one source whose samePageKey is equal (src/core/feed/canonical-url.ts: http or
 *    https, `www.`, a trailing slash, an AMP form, campaign parameters such as BBC's `at_medium=RSS`) name one page,
 *    so this run's articles of one source and key are one article: the stored article one of them already is (its id,
 *    or rules 1–2), else the first stored (earliest firstSeen, then id) of that source and key not taken, else the
 *    first of them in feed order. A tester's feed without guids, read again with `http://…/a1/` → `https://…/a1`,
 *    `…/b1` → `…/b1?at_medium=RSS&at_campaign=KARANGA` and `…/c1` → `…/c1/amp`, had stored each article twice and
 *    given its story six articles for three. The stored article's URL read again is no bar here: it is the same page.
 * 4. `title`, same headline and time: the source stored exactly one article with this exact title and this published
 *    time (non-null, to the second, not midnight UTC: a feed that gives dates without times gives every item that
 *    time, and a trial's two different "Road closures" of one day had become one article), this run has exactly one
 *    article of that source with both, their leads are one text as far as words tell (sameLead: both without one, or
 *    sharing at least GUID_MOVE_TITLE_JACCARD of their words), and the stored article's URL is not read again in this
 *    run: an outlet that rewrote a link's slug or section (New York Times
 *    `/world/` → `/world/middleeast/`, Times of India `/india/` → `/city/pune/`, CBC's moved `…-1.7028983` pages)
 *    keeps the title and time. A daily page ("Pepper...and Salt", "Voice of the people") has another time each day;
 *    WSJ's five "A Closer Look" items of one time are listed together, so none is mapped.
 * `fresh`: every feed's articles of this run (normaliseItems), in feed order; `stored`: the stored articles by id.
 */
export function storedAs(fresh: readonly Article[], stored: ReadonlyMap<string, Article>): Map<string, SameArticle> {
  const moved = new Map<string, SameArticle>();
  const taken = new Set<string>();
  const take = (a: Article, id: string, rule: SameArticleRule): void => {
    moved.set(a.id, { id, rule });
    taken.add(id);
  };
  const firstStored = (x: Article, y: Article): number => (x.firstSeen < y.firstSeen ? -1 : x.firstSeen > y.firstSeen ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

  // 1. same URL, or a guid that is the URL it was stored under
  const readUrls = new Set(fresh.map((a) => a.url));
  const storedByUrl = new Map<string, string>();
  for (const a of stored.values()) if (!storedByUrl.has(a.url)) storedByUrl.set(a.url, a.id);
  for (const a of fresh) {
    if (stored.has(a.id) || moved.has(a.id)) continue;
    const was = storedByUrl.get(a.url);
    if (was !== undefined) {
      if (was !== a.id && !taken.has(was)) take(a, was, 'url');
      continue;
    }
    // A guid with a fragment names a part of a page (a live blog's post), not the page.
    const permalink = a.guid === undefined || a.guid.includes('#') ? null : canonicalUrl(a.guid);
    const old = permalink === null ? undefined : stored.get(storedByUrl.get(permalink) ?? '');
    if (old && old.sourceId === a.sourceId && !taken.has(old.id) && !readUrls.has(old.url) && sameHeadline(old, a)) take(a, old.id, 'permalink');
  }

  // 2. same guid, same headline
  const key = (a: Article): string => `${a.sourceId}\n${a.guid}`;
  const storedIds = new Map<string, string[]>();
  for (const a of stored.values()) {
    if (a.guid === undefined) continue;
    const k = key(a);
    const ids = storedIds.get(k);
    if (ids) ids.push(a.id);
    else storedIds.set(k, [a.id]);
  }
  const freshByKey = new Map<string, Map<string, Article>>();
  for (const a of fresh) {
    if (a.guid === undefined) continue;
    let byId = freshByKey.get(key(a));
    if (!byId) freshByKey.set(key(a), (byId = new Map()));
    byId.set(a.id, a);
  }
  for (const [k, byId] of freshByKey) {
    const was = storedIds.get(k);
    if (byId.size !== 1 || was?.length !== 1) continue;
    const [a] = byId.values();
    const old = stored.get(was[0]!)!;
    if (stored.has(a!.id) || moved.has(a!.id) || taken.has(old.id) || readUrls.has(old.url)) continue;
    if (!sameHeadline(old, a!)) continue;
    take(a!, old.id, 'guid');
  }

  // 3. same page
  const pageOf = (a: Article): string => `${a.sourceId}\n${samePageKey(a.url)}`;
  const freshByPage = new Map<string, Article[]>();
  const seenIds = new Set<string>();
  for (const a of fresh) {
    if (seenIds.has(a.id)) continue; // the same URL in two feeds is one article already
    seenIds.add(a.id);
    const page = pageOf(a);
    const group = freshByPage.get(page);
    if (group) group.push(a);
    else freshByPage.set(page, [a]);
  }
  const ownOf = (group: readonly Article[]): Article[] =>
    group.map((a) => (stored.has(a.id) ? stored.get(a.id)! : moved.has(a.id) ? stored.get(moved.get(a.id)!.id)! : null)).filter((a) => a !== null);
  // Stored articles by page, of the sources with a page that no stored article is yet (a URL parse per article:
  // most runs' articles are stored already, so most sources are passed over).
  const unmatched = new Set([...freshByPage.values()].filter((g) => ownOf(g).length === 0).map((g) => g[0]!.sourceId));
  const storedByPage = new Map<string, Article[]>();
  for (const a of stored.values()) {
    if (!unmatched.has(a.sourceId)) continue;
    const page = pageOf(a);
    const group = storedByPage.get(page);
    if (group) group.push(a);
    else storedByPage.set(page, [a]);
  }
  for (const [page, group] of freshByPage) {
    const own = ownOf(group);
    const target =
      own.sort(firstStored)[0]?.id ??
      (storedByPage.get(page) ?? []).filter((s) => !taken.has(s.id)).sort(firstStored)[0]?.id ??
      (group.length > 1 ? group[0]!.id : undefined);
    if (target === undefined) continue;
    taken.add(target);
    for (const a of group) if (a.id !== target && !stored.has(a.id) && !moved.has(a.id)) moved.set(a.id, { id: target, rule: 'page' });
  }

  // 4. same headline and time (a time of midnight UTC is no evidence: feeds that give dates without times have it)
  const titleOf = (a: Article): string | null =>
    a.published === null || a.title.trim() === '' || a.published.slice(11, 19) === '00:00:00' ? null : `${a.sourceId}\n${a.published}\n${a.title.trim()}`;
  const storedByTitle = new Map<string, Article[]>();
  for (const a of stored.values()) {
    const k = titleOf(a);
    if (k === null) continue;
    const same = storedByTitle.get(k);
    if (same) same.push(a);
    else storedByTitle.set(k, [a]);
  }
  const freshByTitle = new Map<string, Set<string>>();
  const freshById = new Map<string, Article>();
  for (const a of fresh) {
    const k = titleOf(a);
    if (k === null) continue;
    freshById.set(a.id, a);
    freshByTitle.set(k, (freshByTitle.get(k) ?? new Set()).add(moved.get(a.id)?.id ?? a.id));
  }
  for (const [k, ids] of freshByTitle) {
    const was = storedByTitle.get(k);
    if (ids.size !== 1 || was?.length !== 1) continue;
    const [id] = ids;
    const old = was[0]!;
    if (stored.has(id!) || moved.has(id!) || taken.has(old.id) || readUrls.has(old.url)) continue;
    const mine = freshById.get(id!);
    if (!mine || !sameLead(old, mine)) continue;
    // every fresh article of that one page (rule 3 joined them under `id`) is the stored one
    for (const a of fresh) if (a.id === id || moved.get(a.id)?.id === id) moved.set(a.id, { id: old.id, rule: 'title' });
    taken.add(old.id);
  }
  return moved;
}

/**
 * Whether `fresh`, read under `stored`'s id (the same URL, or a link storedAs maps to it), is another article on that
 * page: its headline and its lead (when both have one) each share under REPLACED_ARTICLE_JACCARD of their words with
 * the stored ones (a headline without words tells nothing: not another), and its date is not the stored one (unless
 * midnight UTC, a date-only feed's). Such an
 * article is stored as read (its own date and first-seen time, not mergeArticle's) and placed in a story again
 * (src/pipeline.ts), as a feed that reuses a link for another report publishes a new article there.
 */
export function replacesArticle(stored: Pick<Article, 'title' | 'summary' | 'published'>, fresh: Pick<Article, 'title' | 'summary' | 'published'>): boolean {
  // the same date is the same article, retitled (a hostile trial's title-only live page: "Storm Bert live: …" → "River
  // Taff bursts its banks…", its pubDate kept); not midnight UTC, which a feed giving dates without times gives every
  // item of the day (a second hostile trial's stadium report had stayed in the wildfire story)
  if (stored.published !== null && stored.published === fresh.published && stored.published.slice(11, 19) !== '00:00:00') return false;
  const unlike = (a: string, b: string): boolean => {
    const x = new Set(wordsOf(a));
    const y = new Set(wordsOf(b));
    return x.size > 0 && y.size > 0 && jaccard(x, y) < REPLACED_ARTICLE_JACCARD;
  };
  return unlike(stored.title, fresh.title) && (!stored.summary || !fresh.summary || unlike(stored.summary, fresh.summary));
}

/**
 * Merges a fresh article into its stored copy: the stored first-seen time is kept (an item is never re-dated on a
 * later fetch); every other field takes the fresh value, except the published date when the feed has since dropped
 * it or moved it after the article's first-seen time. An article Parallax read at `firstSeen` was published by then,
 * so a later date is when the outlet updated or re-posted it (feeds that set pubDate to the last edit do this), not
 * when it reported the event: taking it would move the article out of its story's span and could change who "first
 * reported" the story. A date moved earlier is taken when by at most MAX_FUTURE_SKEW_HOURS (a corrected time zone or
 * clock), not further: a hostile trial's item re-dated a week back had become the story's first report, dated
 * before Parallax's first run. Timestamps are UTC ISO-8601 in one format, so they compare as strings.
 */
export function mergeArticle(stored: Article | undefined, fresh: Article): Article {
  if (!stored) return fresh;
  const date = fresh.published;
  const updated = date !== null && date > stored.firstSeen;
  const backdated = date !== null && stored.published !== null && Date.parse(stored.published) - Date.parse(date) > MAX_FUTURE_SKEW_HOURS * 3_600_000;
  return { ...fresh, firstSeen: stored.firstSeen, published: date === null || updated || backdated ? stored.published : date };
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

