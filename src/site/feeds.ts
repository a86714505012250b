/**
 * Every feed the site publishes, each as RSS (rss.xml) and JSON Feed 1.1 (feed.json) side by side:
 * - top stories (/rss.xml), blindspots (/blindspot/rss.xml), each topic (/topic/<slug>/rss.xml): one item per story,
 *   guid = the story's opaque id;
 * - each source (/source/<id>/rss.xml) and each story (/story/<id>/rss.xml, to follow a story's updates): one item
 *   per article, guid = the article's opaque id (a story feed gains an item for every article that joins the story,
 *   a second article from an outlet already in it included).
 */
import type { Source } from '../core/schema/source';
import type { Story } from '../core/schema/story';
import type { RankedStory } from './stories';
import { BUCKET_LABEL, sourceBucket } from './bias';
import type { SiteData } from './data';
import { articleWhenText } from './format';
import { href, sourcePath, storyPath } from './href';
import { itemLanguage, storyItems, type FeedChannel, type FeedItem } from './rss';
import { canonicalLanguage, commonLanguage, SITE_LANGUAGE } from './language';
import { articlesChronological, articlesForSource, hasStoryPage, rankStories, RSS_ITEM_LIMIT } from './stories';
import { collectTopics, topicsOf, topicPath } from './topics';
import { siteFeedTopics } from './topic-feeds';
import { contentDir } from '../site-config';
import { truncate } from './text';
import { articleTitle } from './article-title';
import { outletName } from './outlet-name';

export type FeedKind = 'top' | 'blindspot' | 'topic' | 'source' | 'story';

export interface Feed {
  channel: FeedChannel;
  items: FeedItem[];
}

/** Site path of a feed directory's RSS and JSON files ("" for the top stories). */
export function feedDir(kind: FeedKind, key = ''): string {
  switch (kind) {
    case 'top':
      return '';
    case 'blindspot':
      return 'blindspot/';
    case 'topic':
      return topicPath(key);
    case 'source':
      return sourcePath(key);
    case 'story':
      return storyPath(key);
  }
}
export const rssPath = (kind: FeedKind, key = ''): string => `${feedDir(kind, key)}rss.xml`;
export const jsonFeedPath = (kind: FeedKind, key = ''): string => `${feedDir(kind, key)}feed.json`;

/** Absolute URL of a site path under the base. */
export function absolute(site: URL, path: string): string {
  return new URL(href(path), site).href;
}

function channel(site: URL, kind: FeedKind, key: string, page: string, title: string, description: string, now: string, json: boolean, language = SITE_LANGUAGE): FeedChannel {
  return { title, description, home: absolute(site, page), feedUrl: absolute(site, json ? jsonFeedPath(kind, key) : rssPath(kind, key)), now, language };
}

/** Blindspot stories (ranked), for the Left first then for the Right. */
export function blindspotStories(stories: readonly RankedStory[], side: 'left' | 'right'): RankedStory[] {
  return rankStories(stories).filter((s) => s.blindspot === side);
}

/** "Civic Ledger (Center)"; a source no longer in the registry by its article's site, "plainscourier.com (Unrated)" (outletName). */
function outletLabel(article: { sourceId: string; url: string }, sourcesById: ReadonlyMap<string, Source>): string {
  return `${outletName(article.sourceId, sourcesById, [article])} (${BUCKET_LABEL[sourceBucket(sourcesById.get(article.sourceId))]})`;
}

/**
 * An article item's date and description: its published date (UTC ISO-8601); or, when its feed gave no usable date,
 * no `date` but `seen` = its firstSeen (the RSS pubDate, see FeedItem), the description then beginning with when
 * Parallax first saw it ("First seen 17 Feb 2026, 15:00 UTC. …"), as the pages say.
 */
export function articleDate(a: { published: string | null; firstSeen: string; excerpt?: string | null | undefined }): Pick<FeedItem, 'date' | 'seen' | 'description'> {
  const excerpt = truncate(a.excerpt ?? '');
  if (a.published !== null) return { date: a.published, description: excerpt };
  const seen = articleWhenText(a);
  return { date: undefined, seen: a.firstSeen, description: `${seen.charAt(0).toUpperCase()}${seen.slice(1)}.${excerpt ? ` ${excerpt}` : ''}` };
}

/** The feed of `kind` (and `key`: topic slug, source id or story id); undefined when there is no such page. */
export function feedFor(data: SiteData, site: URL, kind: FeedKind, key: string, json: boolean): Feed | undefined {
  const storyUrl = (id: string): string => absolute(site, storyPath(id));
  const now = data.now;
  switch (kind) {
    case 'top':
      return {
        channel: channel(site, kind, key, '', 'Parallax: top stories', 'Top stories and how every side covers them.', now, json),
        items: storyItems(rankStories(data.stories).slice(0, RSS_ITEM_LIMIT), storyUrl, data.sourcesById),
      };
    case 'blindspot': {
      const list = [...blindspotStories(data.stories, 'left'), ...blindspotStories(data.stories, 'right')].slice(0, RSS_ITEM_LIMIT);
      return {
        channel: channel(site, kind, key, 'blindspot/', 'Parallax: blindspots', 'Stories covered mostly by one side of the spectrum.', now, json),
        items: storyItems(list, storyUrl, data.sourcesById).map((i, n) => ({ ...i, title: `Blindspot for the ${BUCKET_LABEL[list[n]!.blindspot!]}: ${i.title}` })),
      };
    }
    case 'topic': {
      // A topic keeps its feeds once it has had them (feedTopics, src/site/topic-feeds.ts); its page link falls back
      // to the home page.
      const name = siteFeedTopics(data.stories, contentDir()).get(key);
      if (name === undefined) return undefined;
      const page = topicsOf(data.stories).find((t) => t.slug === key);
      const stories = collectTopics(data.stories).find((t) => t.slug === key)?.stories ?? [];
      return {
        channel: channel(site, kind, key, page ? topicPath(key) : '', `Parallax: ${name}`, `Stories about ${name}, and how every side covers them.`, now, json),
        items: storyItems(stories.slice(0, RSS_ITEM_LIMIT), storyUrl, data.sourcesById),
      };
    }
    case 'source': {
      const source = data.sourcesById.get(key);
      if (!source) return undefined;
      const items = articlesForSource(data.stories, key)
        .slice(0, RSS_ITEM_LIMIT)
        .map(({ article, storyId, linked }): FeedItem => ({
          guid: article.id,
          title: articleTitle(article, source.name),
          link: linked ? storyUrl(storyId) : article.url,
          externalUrl: linked ? article.url : undefined,
          ...articleDate(article),
        }));
      return {
        channel: channel(site, kind, key, sourcePath(key), `Parallax: ${source.name}`, `Recent articles from ${source.name}, each linked to how every side covers its story.`, now, json, canonicalLanguage(source.language)),
        items,
      };
    }
    case 'story': {
      const story = data.storiesById.get(key);
      if (!story || !hasStoryPage(story)) return undefined;
      // The language its articles share, else the site's; an article in another language names its own.
      const language = commonLanguage(story.articles.map((a) => a.sourceId), data.sourcesById) ?? SITE_LANGUAGE;
      const items = articlesChronological(story.articles)
        .reverse()
        .map((a): FeedItem => {
          const own = itemLanguage(data.sourcesById.get(a.sourceId)?.language, language);
          return {
            guid: a.id,
            title: `${outletLabel(a, data.sourcesById)}: ${articleTitle(a, outletName(a.sourceId, data.sourcesById, [a]))}`,
            link: a.url,
            ...articleDate(a),
            ...(own ? { language: own } : {}),
          };
        });
      return {
        channel: channel(site, kind, key, storyPath(key), `Parallax: ${story.title}`, `Updates to this story: one item per article, each as it joins the coverage.`, now, json, language),
        items,
      };
    }
  }
}
