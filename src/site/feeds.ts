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
import { BUCKET_LABEL, sourceBiasLabel } from './bias';
import type { SiteData } from './data';
import { articleWhenText } from './format';
import { href, sourcePath, storyPath } from './href';
import { itemLanguage, storyItems, type FeedChannel, type FeedItem } from './rss';
import { canonicalLanguage, commonLanguage, headlineLanguage, mainLanguage, sharedLanguage, SITE_LANGUAGE } from './language';
import { articlesChronological, articlesForSource, hasStoryPage, rankStories, RSS_ITEM_LIMIT } from './stories';
import { collectTopics, topicPath, topicSlug } from './topics';
import { siteFeedTopics } from './topic-feeds';
import { contentDir, siteName } from '../site-config';
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

/** A feed's title: the instance's name (PARALLAX_SITE_NAME, siteName), a colon and what it follows ("Parallax: top stories"). */
export function feedTitle(subject: string, name: string = siteName()): string {
  return `${name}: ${subject}`;
}

/**
 * The channel language of a feed of stories (top stories, blindspots, a topic): RSS 2.0 `<language>` and JSON Feed
 * `language`, which say what language the items are in.
 * - every story's headline in one language (headlineLanguage; sharedLanguage: "pl", or "en-GB" when all are): that
 *   language, so a Polish instance's feeds say pl although its interface is English;
 * - headlines in several languages, or one whose language cannot be told: SITE_LANGUAGE, each item in another
 *   language naming its own (JSON Feed item `language`; storyItems);
 * - no stories (a topic feed kept after its stories left): the registry's main language (mainLanguage: that of the
 *   most sources), else SITE_LANGUAGE, so an empty feed says what its items will most likely be in.
 * The story feed follows the same rule over its articles (commonLanguage); a source's feed states its source's.
 */
export function storyListLanguage(stories: readonly Pick<Story, 'title' | 'articles'>[], sourcesById: ReadonlyMap<string, Source>): string {
  if (stories.length === 0) return mainLanguage(sourcesById.values()) ?? SITE_LANGUAGE;
  return sharedLanguage(stories.map((s) => headlineLanguage(s, sourcesById))) ?? SITE_LANGUAGE;
}

function channel(site: URL, kind: FeedKind, key: string, page: string, title: string, description: string, now: string, json: boolean, language = SITE_LANGUAGE): FeedChannel {
  return { title, description, home: absolute(site, page), feedUrl: absolute(site, json ? jsonFeedPath(kind, key) : rssPath(kind, key)), now, language };
}

/** Blindspot stories (ranked), for the Left first then for the Right. */
export function blindspotStories(stories: readonly RankedStory[], side: 'left' | 'right'): RankedStory[] {
  return rankStories(stories).filter((s) => s.blindspot === side);
}

/** "Civic Ledger (Center)", "Daily Post (Lean Left)" (sourceBiasLabel); a source no longer in the registry by its article's site, "plainscourier.com (Unrated)" (outletName). */
function outletLabel(article: { sourceId: string; url: string }, sourcesById: ReadonlyMap<string, Source>): string {
  return `${outletName(article.sourceId, sourcesById, [article])} (${sourceBiasLabel(sourcesById.get(article.sourceId))})`;
}

/**
 * An article item's date and description: its published date (UTC ISO-8601); or, when its feed gave no usable date,
 * no `date` but `seen` = its firstSeen (the RSS pubDate, see FeedItem), the description then beginning with when
 * Parallax first saw it ("First seen 17 Feb 2026, 15:00 UTC. …", in the instance's time zone), as the pages say.
 */
export function articleDate(a: { published: string | null; firstSeen: string; excerpt?: string | null | undefined }): Pick<FeedItem, 'date' | 'seen' | 'description'> {
  const excerpt = truncate(a.excerpt ?? '');
  if (a.published !== null) return { date: a.published, description: excerpt };
  const seen = articleWhenText(a);
  return { date: undefined, seen: a.firstSeen, description: `${seen.charAt(0).toUpperCase()}${seen.slice(1)}.${excerpt ? ` ${excerpt}` : ''}` };
}

/**
 * The feed of `kind` (and `key`: topic slug, source id or story id); undefined when there is no such page. Titled
 * with the instance's `name` (feedTitle; default PARALLAX_SITE_NAME, siteName).
 */
export function feedFor(data: SiteData, site: URL, kind: FeedKind, key: string, json: boolean, name: string = siteName()): Feed | undefined {
  const storyUrl = (id: string): string => absolute(site, storyPath(id));
  const now = data.now;
  switch (kind) {
    case 'top': {
      const list = rankStories(data.stories).slice(0, RSS_ITEM_LIMIT);
      const language = storyListLanguage(list, data.sourcesById);
      return {
        channel: channel(site, kind, key, '', feedTitle('top stories', name), 'Top stories and how every side covers them.', now, json, language),
        items: storyItems(list, storyUrl, data.sourcesById, language),
      };
    }
    case 'blindspot': {
      const list = [...blindspotStories(data.stories, 'left'), ...blindspotStories(data.stories, 'right')].slice(0, RSS_ITEM_LIMIT);
      const language = storyListLanguage(list, data.sourcesById);
      return {
        channel: channel(site, kind, key, 'blindspot/', feedTitle('blindspots', name), 'Stories covered mostly by one side of the spectrum.', now, json, language),
        items: storyItems(list, storyUrl, data.sourcesById, language).map((i, n) => ({ ...i, title: `Blindspot for the ${BUCKET_LABEL[list[n]!.blindspot!]}: ${i.title}` })),
      };
    }
    case 'topic': {
      // A topic keeps its feeds, and its page, once it has had them (feedTopics, src/site/topic-feeds.ts). A feed recorded under a slug its name no longer has (the slug rule changed: "Łódź" was
      // "odz", now "lodz") carries the stories of the slug the name has now, so its subscribers keep reading them.
      const topic = siteFeedTopics(data.stories, contentDir()).get(key);
      if (topic === undefined) return undefined;
      const slug = topicSlug(topic);
      const list = (collectTopics(data.stories).find((t) => t.slug === slug)?.stories ?? []).slice(0, RSS_ITEM_LIMIT);
      const language = storyListLanguage(list, data.sourcesById);
      return {
        channel: channel(site, kind, key, topicPath(key), feedTitle(topic, name), `Stories about ${topic}, and how every side covers them.`, now, json, language),
        items: storyItems(list, storyUrl, data.sourcesById, language),
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
        channel: channel(site, kind, key, sourcePath(key), feedTitle(source.name, name), `Recent articles from ${source.name}, each linked to how every side covers its story.`, now, json, canonicalLanguage(source.language)),
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
        channel: channel(site, kind, key, storyPath(key), feedTitle(story.title, name), `Updates to this story: one item per article, each as it joins the coverage.`, now, json, language),
        items,
      };
    }
  }
}
