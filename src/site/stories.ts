/**
 * Which stories get a page and in what order, and a source's articles across stories.
 */
import { hasStoryPage, type Story, type StoryArticle } from '../core/schema/story';
import { MIN_SOURCES_FOR_STORY_PAGE, RSS_TOP_STORIES } from '../core/config';
import { rankScore } from '../core/story/rank';
import { articleTime } from './format';

/** A story with its home-page rank score at the build's clock; story files store none (it decays with time). */
export type RankedStory = Story & { score: number };

/** Each story with its rank score at `now` (UTC ISO-8601): src/core/story/rank.ts, from sources and last update. */
export function withRankScores(stories: readonly Story[], now: string): RankedStory[] {
  const nowMs = Date.parse(now);
  return stories.map((s) => ({ ...s, score: rankScore(s.coverage.sourceCount, Date.parse(s.lastUpdated), nowMs) }));
}

/**
 * A story gets its own page, a home-page slot and an RSS item only when at least MIN_SOURCES_FOR_STORY_PAGE distinct
 * sources cover it (src/core/config.ts): comparing coverage needs two sides. Single-source stories appear only on
 * their source's page.
 */
export { MIN_SOURCES_FOR_STORY_PAGE };

/** Longest story list on one page (home, a topic, each blindspot side); every story stays in the sitemap. */
export const LIST_LIMIT = 100;

/** How many items a feed carries (the top ones by score), from the config. */
export const RSS_ITEM_LIMIT = RSS_TOP_STORIES;

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export { hasStoryPage };

/**
 * Whether a story is listed (home page, topic and blindspot lists, the top-stories feeds): MIN_SOURCES_FOR_STORY_PAGE
 * sources now. A story kept a page below that (Story.paged) keeps its URL but is not listed.
 */
export function isListed(story: Pick<Story, 'coverage'>): boolean {
  return story.coverage.sourceCount >= MIN_SOURCES_FOR_STORY_PAGE;
}

const rankMemo = new WeakMap<readonly object[], unknown[]>();

/** Stories with a page, by score (highest first), ties by id (code-point order) so the order is deterministic. */
export function rankStories<T extends Pick<RankedStory, 'id' | 'score' | 'coverage'>>(stories: readonly T[]): T[] {
  let ranked = rankMemo.get(stories) as T[] | undefined;
  if (!ranked) {
    ranked = stories.filter(isListed).sort((a, b) => b.score - a.score || byCodePoint(a.id, b.id));
    rankMemo.set(stories, ranked);
  }
  return [...ranked];
}

/** A story's articles oldest first (published, else first seen), ties by id. */
export function articlesChronological(articles: readonly StoryArticle[]): StoryArticle[] {
  return [...articles].sort((a, b) => byCodePoint(articleTime(a), articleTime(b)) || byCodePoint(a.id, b.id));
}

export interface SourceArticle {
  article: StoryArticle;
  /** The story the article belongs to; `linked` says whether that story has a page. */
  storyId: string;
  storyTitle: string;
  linked: boolean;
}

/**
 * Every article of one source in any story (single-source stories included), newest first, ties by id; an article
 * listed in several stories appears once (with the story that has a page, if any).
 */
export function articlesForSource(stories: readonly Story[], sourceId: string): SourceArticle[] {
  const seen = new Map<string, SourceArticle>();
  const sorted = [...stories].sort((a, b) => byCodePoint(a.id, b.id));
  for (const story of sorted) {
    const linked = hasStoryPage(story);
    for (const article of story.articles) {
      if (article.sourceId !== sourceId) continue;
      const prev = seen.get(article.id);
      if (prev && (prev.linked || !linked)) continue;
      seen.set(article.id, { article, storyId: story.id, storyTitle: story.title, linked });
    }
  }
  return [...seen.values()].sort(
    (a, b) => byCodePoint(articleTime(b.article), articleTime(a.article)) || byCodePoint(a.article.id, b.article.id),
  );
}
