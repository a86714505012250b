/**
 * The RSS feed: top stories by score, guid = the story's opaque id (isPermaLink="false").
 *
 * @astrojs/rss 4 sets guid = link (isPermaLink="true") and lets `customData` override it, but it re-parses
 * customData with fast-xml-parser, which turns number-like text into numbers ("00123" → 123, "1e5" → 100000). Story
 * ids are [a-z0-9]+, so they can look like numbers: we pass a non-numeric placeholder and put the id back in the
 * built XML. Ids match /^[a-z0-9]+$/ (schema), so they need no escaping.
 */
import { getRssString } from '@astrojs/rss';
import { escapeAttribute, escapeText } from 'entities';
import type { Story } from '../core/schema/story';
import type { RankedStory } from './stories';
import { RSS_ITEM_LIMIT, rankStories } from './stories';
import { stripControl } from './text';
import type { Source } from '../core/schema/source';
import { canonicalLanguage, headlineLanguage, sameLanguage, SITE_LANGUAGE } from './language';
import { siteName } from '../site-config';

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

/**
 * A text that ends as a sentence or a clause does: in a sentence end of any script (Unicode's Sentence_Terminal:
 * . ! ? … 。 ！ ？ ؟ । ։ ۔ ‽), a colon, a semicolon or a dash, with any closing or opening-form quotes or brackets
 * after it („…“ and »…« too). A full stop after those would be a second end (a hostile pass's "…放缓。."); any other
 * text ("…rose to 3.4%", "…hit 40°", a headline quoted as a bullet) would run into the next one.
 */
const ENDED = /[\p{Sentence_Terminal}:;—–-][\p{Pe}\p{Pf}\p{Pi}"']*$/u;

/**
 * Plain-text description of a story: its summary bullets joined as sentences, a full stop added to one that has no
 * end (ENDED), so one bullet does not run into the next (HTML-escaped for RSS by rssString, then XML-escaped by the
 * builder).
 */
export function storyDescription(story: Pick<Story, 'summary'>): string {
  const sentences = story.summary.map((b) => b.text.trim()).filter(Boolean);
  return stripControl(sentences.map((t) => (ENDED.test(t) ? t : `${t}.`)).join(' '));
}

/** The top stories feed (ranked, limited): kept for callers of the first version. */
export async function buildFeed(stories: readonly RankedStory[], opts: FeedOptions): Promise<string> {
  const top = rankStories(stories).slice(0, opts.limit ?? RSS_ITEM_LIMIT);
  return rssString(
    {
      title: opts.title ?? siteName(),
      description: opts.description ?? 'Top stories and how every side covers them.',
      home: opts.home,
      feedUrl: new URL('rss.xml', opts.home).href,
      now: opts.now,
    },
    storyItems(top, opts.storyUrl),
  );
}

/** A feed's channel: what both the RSS and the JSON Feed carry. */
export interface FeedChannel {
  title: string;
  description: string;
  /** Absolute URL of the page the feed follows. */
  home: string;
  /** Absolute URL of this feed (the JSON Feed's feed_url, the RSS channel's `<atom:link rel="self">`). */
  feedUrl: string;
  /** The run's clock. */
  now: string;
  /**
   * The language of the feed's items (BCP 47): RSS 2.0 `<language>`, JSON Feed 1.1 top-level `language`. Default
   * SITE_LANGUAGE; a source's feed states its source's language, a story's the one its articles share, a list of
   * stories the one its headlines share (storyListLanguage), each else SITE_LANGUAGE (feedFor).
   */
  language?: string;
}

/**
 * One item, format-neutral. `guid` is opaque ([a-z0-9]+ story or article id); every time is UTC ISO-8601.
 *
 * - `date`: when the item was first published. A story item: the story's firstSeen, when its first article was
 *   reported (Story.firstSeen, src/core/schema/story.ts). An article item: its published date, or undefined when its
 *   feed gave no usable date, the item then having `seen`, when Parallax first saw it (its firstSeen).
 * - `modified`: when the item last changed, for a story item its lastUpdated (its newest report); undefined for an
 *   article item (Parallax records no time at which an article changed).
 *
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1, "items"): date_published is `date` and date_modified is
 * `modified`, each only when set (a first-seen time is not passed off as a publication date there; the description
 * says when it was first seen).
 *
 * RSS 2.0 has one date per item, pubDate (RSS 2.0 specification, "Elements of <item>"): `modified`, else `date`,
 * else `seen` (rssPubDate). A story item's pubDate is therefore its last update: its title and description are the
 * story as of then, and feed readers sort and date items by pubDate, so an ongoing story with a new report stands
 * among the newest items rather than below every story first reported since; it is also the date these items have
 * always carried, so no subscriber's reader sees a story's date jump back. An article without a date still gets a
 * pubDate: a reader dates an item without one when it fetched it (hours or days after Parallax saw it), out of
 * order with the rest; the page shows such an article as "first seen …", and the item's description begins the
 * same way (articleDate in feeds.ts), so the date is never passed off as the outlet's.
 */
export interface FeedItem {
  guid: string;
  title: string;
  link: string;
  /** When the item was first published (UTC ISO-8601): JSON Feed date_published. */
  date: string | undefined;
  /** When the item last changed (UTC ISO-8601), a story's lastUpdated: JSON Feed date_modified and the RSS pubDate. */
  modified?: string | undefined;
  /** When Parallax first saw the article (UTC ISO-8601), for an item with no `date`: its RSS pubDate. */
  seen?: string | undefined;
  description: string;
  /** JSON Feed `external_url`: the outlet's article when `link` is a Parallax page. */
  externalUrl?: string;
  /**
   * The item's language (BCP 47) when it is not the channel's: JSON Feed 1.1 item `language` (RSS 2.0 has no
   * per-item language, so the RSS item carries none).
   */
  language?: string;
}

/**
 * Items for a list of stories, in the given order: guid = the story's opaque id, link = its page (`storyUrl`), date =
 * when it was first reported (Story.firstSeen) and modified = its last update (Story.lastUpdated), both UTC
 * ISO-8601 (JSON Feed date_published / date_modified; the RSS pubDate is the last update, see FeedItem); with the
 * registry (`sourcesById`), an item whose headline is not in the channel's language (`channelLanguage`, default
 * SITE_LANGUAGE; storyListLanguage in feeds.ts) names its language (headlineLanguage, itemLanguage).
 */
export function storyItems(stories: readonly RankedStory[], storyUrl: (id: string) => string, sourcesById?: ReadonlyMap<string, Source>, channelLanguage: string = SITE_LANGUAGE): FeedItem[] {
  return stories.map((s) => {
    const language = sourcesById ? itemLanguage(headlineLanguage(s, sourcesById), channelLanguage) : undefined;
    return {
      guid: s.id,
      title: s.title,
      link: storyUrl(s.id),
      date: s.firstSeen,
      modified: s.lastUpdated,
      description: storyDescription(s),
      ...(language ? { language } : {}),
    };
  });
}

/** The channel's language as a canonical BCP 47 tag (safe in XML text: letters, digits, hyphens), else SITE_LANGUAGE. */
function feedLanguage(channel: Pick<FeedChannel, 'language'>): string {
  return canonicalLanguage(channel.language) ?? SITE_LANGUAGE;
}

/** `language` when it is known and differs from the channel's `channelLanguage` (what a FeedItem's language holds), else undefined. */
export function itemLanguage(language: string | null | undefined, channelLanguage: string = SITE_LANGUAGE): string | undefined {
  const lang = canonicalLanguage(language);
  return lang && !sameLanguage(lang, channelLanguage) ? lang : undefined;
}

/** An item's RSS 2.0 pubDate (UTC ISO-8601): `modified`, else `date`, else `seen`; undefined when it has none (FeedItem). */
export function rssPubDate(item: Pick<FeedItem, 'date' | 'modified' | 'seen'>): string | undefined {
  return item.modified ?? item.date ?? item.seen;
}

const GUID_SAFE = /^[A-Za-z0-9:._-]+$/;

/** The Atom namespace, for the channel's `<atom:link rel="self">`. */
const ATOM_NS = 'http://www.w3.org/2005/Atom';

/**
 * RSS 2.0 through @astrojs/rss, guid isPermaLink="false" kept as text (see the note at the top of this file); an
 * item's pubDate is rssPubDate: its `modified`, else its `date`, else its `seen` (FeedItem). The channel names its own URL (`channel.feedUrl`) in an
 * `<atom:link rel="self" type="application/rss+xml">`, as the RSS Advisory Board's best practices ask (validators
 * warn without it). Throws when a guid is not an opaque id.
 */
export async function rssString(channel: FeedChannel, items: readonly FeedItem[]): Promise<string> {
  const xml = await getRssString({
    title: stripControl(channel.title),
    description: stripControl(channel.description),
    site: channel.home,
    xmlns: { atom: ATOM_NS },
    customData: `<atom:link href="${escapeAttribute(channel.feedUrl)}" rel="self" type="application/rss+xml"/><language>${feedLanguage(channel)}</language><lastBuildDate>${new Date(channel.now).toUTCString()}</lastBuildDate>`,
    items: items.map((i) => {
      if (!GUID_SAFE.test(i.guid)) throw new Error(`feed guid must be an opaque id, got ${JSON.stringify(i.guid)}`);
      const pubDate = rssPubDate(i);
      return {
        title: stripControl(i.title),
        link: i.link,
        ...(pubDate === undefined ? {} : { pubDate: new Date(pubDate) }),
        // RSS 2.0's description is HTML (entity-encoded in the XML), and readers render it: plain text has its & < >
        // HTML-escaped first, so a quoted "<img onerror=…>" reaches the reader as text, not as an element (quotes
        // need no escaping in HTML text, and escaped they had shown as a literal "&apos;" in some readers).
        description: escapeText(stripControl(i.description)),
        customData: `<guid isPermaLink="false">${GUID_PLACEHOLDER}${i.guid}</guid>`,
      };
    }),
  });
  return xml.replaceAll(`>${GUID_PLACEHOLDER}`, '>');
}

/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1) with the same channel and items as the RSS beside it: an item's
 * date_published is its `date` and its date_modified its `modified` (RFC 3339 in UTC, e.g. 2026-02-18T01:05:00.000Z),
 * each left out when unset (FeedItem).
 */
export function jsonFeedString(channel: FeedChannel, items: readonly FeedItem[]): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: stripControl(channel.title),
    home_page_url: channel.home,
    feed_url: channel.feedUrl,
    description: stripControl(channel.description),
    language: feedLanguage(channel),
    items: items.map((i) => ({
      id: i.guid,
      url: i.link,
      ...(i.externalUrl ? { external_url: i.externalUrl } : {}),
      title: stripControl(i.title),
      content_text: stripControl(i.description),
      ...(i.date === undefined ? {} : { date_published: new Date(i.date).toISOString() }),
      ...(i.modified === undefined ? {} : { date_modified: new Date(i.modified).toISOString() }),
      ...(i.language ? { language: i.language } : {}),
    })),
  };
  return `${JSON.stringify(feed, null, 1)}\n`;
}

/** Both formats as Astro endpoint responses. */
export async function rssResponse(channel: FeedChannel, items: readonly FeedItem[]): Promise<Response> {
  return new Response(await rssString(channel, items), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}
export function jsonFeedResponse(channel: FeedChannel, items: readonly FeedItem[]): Response {
  return new Response(jsonFeedString(channel, items), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
}
