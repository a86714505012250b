/** Astro endpoint factories for the feeds of src/site/feeds.ts (each page file is two lines). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from './data';
import { feedFor, type FeedKind } from './feeds';
import { jsonFeedResponse, rssResponse } from './rss';
import { hasStoryPage } from './stories';
import { topicsOf } from './topics';
import { partitionMonth } from '../site-config';

export function feedRoute(kind: FeedKind, json: boolean): APIRoute {
  return async (context) => {
    const site = context.site ?? new URL('http://localhost:4321');
    const key = String(context.params.id ?? context.params.slug ?? '');
    const feed = feedFor(await siteData(), site, kind, key, json);
    if (!feed) return new Response(null, { status: 404 });
    return json ? jsonFeedResponse(feed.channel, feed.items) : rssResponse(feed.channel, feed.items);
  };
}

// Feeds belong to the live build: an archived story no longer changes (its page says so), and source and topic feeds
// follow active stories. A partition build (PARALLAX_PARTITION) emits none.
const live = (): boolean => partitionMonth() === undefined;
export const storyFeedPaths = (async () => (live() ? (await siteData()).stories.filter(hasStoryPage).map((s) => ({ params: { id: s.id } })) : [])) satisfies GetStaticPaths;
export const sourceFeedPaths = (async () => (live() ? (await siteData()).sources.map((s) => ({ params: { id: s.id } })) : [])) satisfies GetStaticPaths;
export const topicFeedPaths = (async () => (live() ? topicsOf((await siteData()).stories).map((t) => ({ params: { slug: t.slug } })) : [])) satisfies GetStaticPaths;
