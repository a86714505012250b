import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { ArchiveEntry } from '../../src/core/schema/archive';
import { archivedTopicCounts } from '../../src/site/archive';
import { feedTopics } from '../../src/site/topics';
import { tempDir } from '../helpers';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { feedFor, jsonFeedPath, rssPath } from '../../src/site/feeds';
import { jsonFeedString, rssString } from '../../src/site/rss';
import { jsonLdText } from '../../src/site/meta';
import { similarIds, similarStories } from '../../src/site/similar';
import type { SiteData } from '../../src/site/data';
import { fixtureSources, fixtureStories } from './load-fixture';

const sources = fixtureSources();
const stories = fixtureStories();
const data: SiteData = { sources, sourcesById: new Map(sources.map((s) => [s.id, s])), stories, storiesById: new Map(stories.map((s) => [s.id, s])), now: '2026-02-18T02:10:00Z' };
const site = new URL('https://example.github.io');
// Each fixture topic tags one story; a topic feed needs TOPIC_PAGE_MIN_STORIES (3), so here every story is "politics".
const tagged = stories.map((s) => ({ ...s, topics: [...s.topics, 'politics'] }));
const topicData: SiteData = { ...data, stories: tagged, storiesById: new Map(tagged.map((s) => [s.id, s])) };
const dataFor = (kind: string): SiteData => (kind === 'topic' ? topicData : data);

describe('feedFor', () => {
  it.each([
    ['top', ''],
    ['blindspot', ''],
    ['topic', 'politics'],
    ['source', 'frontier-wire'],
    ['story', 'k3v9q2m7'],
  ] as const)('%s feed: RSS well-formed, JSON Feed 1.1 with the same ids', async (kind, key) => {
    const rssFeed = feedFor(dataFor(kind), site, kind, key, false)!;
    const xml = await rssString(rssFeed.channel, rssFeed.items);
    expect(XMLValidator.validate(xml)).toBe(true);
    const items = (new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (n) => n === 'item' }).parse(xml).rss.channel.item ?? []) as Array<{ guid: { '#text': string } }>;
    const jsonFeed = feedFor(dataFor(kind), site, kind, key, true)!;
    const json = JSON.parse(jsonFeedString(jsonFeed.channel, jsonFeed.items));
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.feed_url).toBe(`https://example.github.io/${jsonFeedPath(kind, key)}`);
    expect(json.items.map((i: { id: string }) => i.id)).toEqual(items.map((i) => i.guid['#text']));
    expect(rssPath(kind, key).endsWith('rss.xml')).toBe(true);
  });

  it.each([
    ['top', '', 'https://example.github.io/rss.xml'],
    ['blindspot', '', 'https://example.github.io/blindspot/rss.xml'],
    ['topic', 'politics', 'https://example.github.io/topic/politics/rss.xml'],
    ['source', 'frontier-wire', 'https://example.github.io/source/frontier-wire/rss.xml'],
    ['story', 'k3v9q2m7', 'https://example.github.io/story/k3v9q2m7/rss.xml'],
  ] as const)('%s RSS feed (%s) names itself in <atom:link rel="self" type="application/rss+xml">: %s', async (kind, key, self) => {
    const feed = feedFor(dataFor(kind), site, kind, key, false)!;
    const xml = await rssString(feed.channel, feed.items);
    expect(XMLValidator.validate(xml)).toBe(true);
    const rss = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml).rss;
    expect(rss['xmlns:atom']).toBe('http://www.w3.org/2005/Atom');
    expect(rss.channel['atom:link']).toEqual({ href: self, rel: 'self', type: 'application/rss+xml' });
  });

  it('escapes the self link of a feed URL with "&" as an XML attribute', async () => {
    const feed = feedFor(data, site, 'top', '', false)!;
    const xml = await rssString({ ...feed.channel, feedUrl: 'https://example.org/feed?a=1&b="2"' }, feed.items);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml).rss.channel['atom:link'].href).toBe('https://example.org/feed?a=1&b="2"');
  });

  it('has a topic feed only for a topic with a page (TOPIC_PAGE_MIN_STORIES stories)', () => {
    expect(feedFor(data, site, 'topic', 'weather', false)).toBeUndefined(); // one story
    expect(feedFor(topicData, site, 'topic', 'politics', false)!.items.length).toBe(tagged.filter((s) => s.coverage.sourceCount >= 2).length);
  });

  it('keeps a topic\'s feeds once it has had a page: live and archived stories count together (a trial\'s topic feeds had become 404s)', async () => {
    const content = await tempDir();
    await mkdir(path.join(content, 'archive', '2026-01'), { recursive: true });
    const entry = (id: string, topics: string[], sourceCount = 2): ArchiveEntry => ({
      id, slug: id, title: `Story ${id}`, firstSeen: '2026-01-02T00:00:00Z', lastUpdated: '2026-01-03T00:00:00Z', sourceCount, articleCount: sourceCount,
      bias: { left: 1, center: 1, right: 0, unrated: 0 }, blindspot: null, topics, sourceIds: ['a', 'b'].slice(0, sourceCount),
    });
    const entries = [entry('a1', ['weather']), entry('a2', ['Weather']), entry('e1', ['elections']), entry('e2', ['elections']), entry('e3', ['elections']), entry('r1', ['rare']), entry('s1', ['elections'], 1)];
    await writeFile(path.join(content, 'archive', '2026-01', 'index.json'), JSON.stringify(entries));
    vi.stubEnv('PARALLAX_CONTENT_DIR', content);
    try {
      const liveWeather = stories.filter((s) => s.topics.includes('weather') && s.coverage.sourceCount >= 2);
      const weather = feedFor(data, site, 'topic', 'weather', false)!;
      expect(weather.items.map((i) => i.guid)).toEqual(liveWeather.map((s) => s.id));
      expect(weather.channel.title).toBe('Parallax: Weather');
      const elections = feedFor(data, site, 'topic', 'elections', true)!;
      expect(elections.items).toEqual([]);
      // Each links to its topic page, built for every topic with feeds (src/pages/topic/[slug].astro).
      expect(elections.channel.home).toBe('https://example.github.io/topic/elections/');
      expect(weather.channel.home).toBe('https://example.github.io/topic/weather/');
      expect(feedFor(data, site, 'topic', 'rare', false)).toBeUndefined();
      expect([...feedTopics(data.stories, archivedTopicCounts(content)).keys()]).toEqual(liveWeather.length + 2 >= 3 ? ['elections', 'weather'] : ['elections']);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('story feeds carry one item per article, newest first; story lists use the story id', () => {
    const story = feedFor(data, site, 'story', 'k3v9q2m7', false)!;
    const k = stories.find((s) => s.id === 'k3v9q2m7')!;
    expect(story.items.map((i) => i.guid).sort()).toEqual(k.articles.map((a) => a.id).sort());
    // Newest first by the articles' times (an undated article by when it was first seen, though its item has no date).
    const time = new Map(k.articles.map((a) => [a.id, a.published ?? a.firstSeen]));
    expect(story.items.map((i) => time.get(i.guid))).toEqual([...story.items.map((i) => time.get(i.guid))].sort().reverse());
    expect(feedFor(data, site, 'top', '', false)!.items.map((i) => i.guid)).toContain('20260217');
    // 7 articles of 6 sources (Civic Ledger twice): 7 items, and the channel says so.
    expect([story.items.length, k.coverage.sourceCount]).toEqual([7, 6]);
    expect(story.items.filter((i) => i.title.startsWith('Civic Ledger (Center): ')).map((i) => i.title)).toEqual(['Civic Ledger (Center): Timeline: the budget talks so far', 'Civic Ledger (Center): Re: Budget talks: what "changed" #2']);
    expect(story.channel.description).toBe('Updates to this story: one item per article, each as it joins the coverage.');
  });

  it('dates an article without a usable date by when it was first seen in RSS (pubDate), not in JSON Feed, and says so', async () => {
    // k3v9q2m7's Rundfunk Aktuell article: published null, first seen 2026-02-17T15:00:00Z. Its RSS item had had no
    // pubDate, so readers sorted it by when they fetched it; now pubDate is its first-seen time (UTC), as on the page.
    for (const [kind, key] of [['story', 'k3v9q2m7'], ['source', 'rundfunk-aktuell']] as const) {
      const feed = feedFor(data, site, kind, key, false)!;
      const undated = feed.items.find((i) => i.guid === 'a1b2c3d4e5f60005')!;
      expect([undated.date, undated.seen], kind).toEqual([undefined, '2026-02-17T15:00:00Z']);
      expect(undated.description, kind).toBe('First seen 17 Feb 2026, 15:00 UTC. Im Streit um den US-Haushalt gibt es erste Signale einer Einigung.');
      const xml = await rssString(feed.channel, feed.items);
      expect(XMLValidator.validate(xml)).toBe(true);
      const items = new XMLParser({ parseTagValue: false, isArray: (n) => n === 'item' }).parse(xml).rss.channel.item as Array<{ description: string; pubDate?: string }>;
      const rssItem = items.find((i) => i.description.startsWith('First seen'))!;
      expect(rssItem.pubDate, kind).toBe('Tue, 17 Feb 2026 15:00:00 GMT');
      // Every item of the feed has a pubDate, newest first as the list is.
      expect(items.map((i) => Date.parse(i.pubDate!)), kind).toEqual(items.map((i) => Date.parse(i.pubDate!)).sort((x, y) => y - x));
      const json = JSON.parse(jsonFeedString(feed.channel, feed.items)) as { items: Array<{ id: string; date_published?: string }> };
      expect(json.items.find((i) => i.id === 'a1b2c3d4e5f60005')).not.toHaveProperty('date_published');
    }
    // A dated article keeps its published date in both formats.
    const story = feedFor(data, site, 'story', 'k3v9q2m7', true)!;
    expect(story.items.find((i) => i.guid === 'a1b2c3d4e5f60004')!.date).toBe('2026-02-17T13:30:00Z');
    const json = JSON.parse(jsonFeedString(story.channel, story.items)) as { items: Array<{ id: string; date_published?: string }> };
    expect(json.items.find((i) => i.id === 'a1b2c3d4e5f60004')!.date_published).toBe('2026-02-17T13:30:00.000Z');
    const xml = await rssString(story.channel, story.items);
    expect(xml).toContain('<guid isPermaLink="false">a1b2c3d4e5f60004</guid><description>The latest draft keeps the spending caps that conservatives demanded, according to a copy seen by Frontier Wire.</description><pubDate>Tue, 17 Feb 2026 13:30:00 GMT</pubDate>');
  });

  it('has no feed for an unknown key or a single-source story', () => {
    expect(feedFor(data, site, 'topic', 'nope', false)).toBeUndefined();
    expect(feedFor(data, site, 'source', 'nope', false)).toBeUndefined();
    const lone = stories.find((s) => s.coverage.sourceCount < 2);
    if (lone) expect(feedFor(data, site, 'story', lone.id, false)).toBeUndefined();
  });

  it('removes control characters from every text of both formats', async () => {
    const channel = { title: 'A\u0001B', description: 'x\u000bz', home: 'https://e.x/', feedUrl: 'https://e.x/feed.json', now: data.now };
    const items = [{ guid: 'abc1', title: 'T\u0000<&>', link: 'https://e.x/a', date: data.now, description: 'd\u001f' }];
    const xml = await rssString(channel, items);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(xml).toContain('<title>T&lt;&amp;&gt;</title>');
    expect(jsonFeedString(channel, items)).not.toMatch(/\\u000[0-9b]|\\u001f/);
    await expect(rssString(channel, [{ ...items[0]!, guid: 'a b' }])).rejects.toThrow(/opaque id/);
  });
});

describe('metadata helpers', () => {
  it('JSON-LD text cannot close its script element', () => {
    const text = jsonLdText({ headline: '</script><script>alert(1)</script>' });
    expect(text).not.toContain('</');
    expect(JSON.parse(text).headline).toBe('</script><script>alert(1)</script>');
  });

  it('similar stories render from the field when it exists, and nothing before', () => {
    const [a, b] = stories.filter((s) => s.coverage.sourceCount >= 2);
    const byId = new Map(stories.map((s) => [s.id, s]));
    expect(similarIds(a!)).toEqual([]);
    const withField = { ...a!, similar: [{ id: b!.id, score: 0.4 }, a!.id, 'missing'] } as typeof a & { similar: unknown };
    expect(similarIds(withField)).toEqual([b!.id, 'missing']);
    expect(similarStories(withField, byId).map((s) => s.id)).toEqual([b!.id]);
  });
});
