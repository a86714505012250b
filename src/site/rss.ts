/**
 * The RSS feed: top stories by score, guid = the story's opaque id (isPermaLink="false").
 *
 * @astrojs/rss 4 sets guid = link (isPermaLink="true") and lets `customData` override it, but it re-parses
 * customData with fast-xml-parser, which turns number-like text into numbers ("00123" → 123, "1e5" → 100000). Story
 * ids are [a-z0-9]+, so they can look like numbers: we pass a non-numeric placeholder and put the id back in the
 * built XML. Ids match /^[a-z0-9]+$/ (schema), so they need no escaping.
 */
import { getRssString } from '@astrojs/rss';
import type { Story } from '../core/schema/story';
import { RSS_ITEM_LIMIT, rankStories } from './stories';
import { stripControl } from './text';

const GUID_PLACEHOLDER = 'parallax-guid:';

export interface FeedOptions {
  /** Absolute URL of the site's home (origin + base path), e.g. https://example.github.io/parallax/. */
  home: string;
  /** Absolute URL of a story page. */
  storyUrl: (id: string) => string;
  /** The run's clock (lastBuildDate). */
  now: string;
  title?: string;
  description?: string;
  limit?: number;
}

/** Plain-text description of a story: its summary bullets joined (escaped once, by the RSS builder). */
export function storyDescription(story: Pick<Story, 'summary'>): string {
  return stripControl(story.summary.map((b) => b.text.trim()).filter(Boolean).join(' '));
}

export async function buildFeed(stories: readonly Story[], opts: FeedOptions): Promise<string> {
  const top = rankStories(stories).slice(0, opts.limit ?? RSS_ITEM_LIMIT);
  const xml = await getRssString({
    title: stripControl(opts.title ?? 'Parallax'),
    description: stripControl(opts.description ?? 'Top stories and how every side covers them.'),
    site: opts.home,
    customData: `<language>en</language><lastBuildDate>${new Date(opts.now).toUTCString()}</lastBuildDate>`,
    items: top.map((s) => ({
      title: stripControl(s.title),
      link: opts.storyUrl(s.id),
      pubDate: new Date(s.lastUpdated),
      description: storyDescription(s),
      customData: `<guid isPermaLink="false">${GUID_PLACEHOLDER}${s.id}</guid>`,
    })),
  });
  return xml.replaceAll(`>${GUID_PLACEHOLDER}`, '>');
}
