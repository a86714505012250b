/** Astro endpoint factories for the feeds of src/site/feeds.ts (each page file is two lines). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from './data';
import { feedFor, type FeedKind } from './feeds';
import { jsonFeedResponse, rssResponse } from './rss';
import { hasStoryPage } from './stories';
import { siteFeedTopics } from './topic-feeds';
import { contentDir, partitionMonth } from '../site-config';

export function feedRoute(kind: FeedKind, json: boolean): APIRoute {
  return async (context) => {
    const site = context.site ?? new URL('http://localhost:4321');
    const key = String(context.params.id ?? context.params.slug ?? '');
    const feed = feedFor(await siteData(), site, kind, key, json);
    if (!feed) return new Response(null, { status: 404 });
    return json ? jsonFeedResponse(feed.channel, feed.items) : rssResponse(feed.channel, feed.items);
  };
}

// A story's feeds live as long as its page: an archive month's partition build (PARALLAX_PARTITION) writes them for its
// stories, frozen with the page, so a subscription to a story that went quiet still reads its last articles instead of
// failing. Source and topic feeds follow active stories, in the live build only; a topic keeps its feeds once it has had
// them (feedTopics and the record of src/site/topic-feeds.ts), empty when none of its stories is live.
const live = (): boolean => partitionMonth() === undefined;
export const storyFeedPaths = (async () => (await siteData()).stories.filter(hasStoryPage).map((s) => ({ params: { id: s.id } }))) satisfies GetStaticPaths;
export const sourceFeedPaths = (async () => (live() ? (await siteData()).sources.map((s) => ({ params: { id: s.id } })) : [])) satisfies GetStaticPaths;
export const topicFeedPaths = (async () =>
  live() ? [...siteFeedTopics((await siteData()).stories, contentDir()).keys()].map((slug) => ({ params: { slug } })) : []) satisfies GetStaticPaths;
