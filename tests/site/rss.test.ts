import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { buildFeed, jsonFeedString, rssPubDate, rssString, storyDescription, storyItems } from '../../src/site/rss';
import { feedFor } from '../../src/site/feeds';
import type { SiteData } from '../../src/site/data';
import { fixtureSources, fixtureStories } from './load-fixture';

const stories = fixtureStories();
const opts = {
  home: 'https://example.github.io/parallax/',
  storyUrl: (id: string) => `https://example.github.io/parallax/story/${id}/`,
  now: '2026-02-18T02:10:00Z',
};

async function parsed(xml: string) {
  const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => name === 'item' });
  return parser.parse(xml) as {
    rss: { channel: { title: string; link: string; lastBuildDate: string; item: Record<string, unknown>[] } };
  };
}

describe('buildFeed', () => {
  it('is well-formed XML with the top stories (>= 2 sources) by score', async () => {
    const xml = await buildFeed(stories, opts);
    expect(XMLValidator.validate(xml)).toBe(true);
    const { rss } = await parsed(xml);
    expect(rss.channel.title).toBe('Parallax');
    expect(rss.channel.link).toBe('https://example.github.io/parallax/');
    expect(rss.channel.lastBuildDate).toBe('Wed, 18 Feb 2026 02:10:00 GMT');
    expect(rss.channel.item.map((i) => i.link)).toEqual([
      'https://example.github.io/parallax/story/k3v9q2m7/',
      'https://example.github.io/parallax/story/20260217/',
      'https://example.github.io/parallax/story/m5n6b7v8/',
      'https://example.github.io/parallax/story/p8w4n6t2/',
    ]);
  });

  it('uses the opaque id as guid (isPermaLink false), even when it looks like a number', async () => {
    const xml = await buildFeed(stories, opts);
    expect(xml).toContain('<guid isPermaLink="false">k3v9q2m7</guid>');
    expect(xml).toContain('<guid isPermaLink="false">20260217</guid>');
    const odd = stories.filter((s) => s.id === 'm5n6b7v8').map((s) => ({ ...s, id: '1e5' }));
    const zero = stories.filter((s) => s.id === 'm5n6b7v8').map((s) => ({ ...s, id: '00123' }));
    const xml2 = await buildFeed([...odd, ...zero], opts);
    expect(xml2).toContain('<guid isPermaLink="false">1e5</guid>');
    expect(xml2).toContain('<guid isPermaLink="false">00123</guid>');
    expect(xml2).not.toContain('parallax-guid');
  });

  it('escapes the title once and keeps pubDate = lastUpdated', async () => {
    const xml = await buildFeed(stories, opts);
    expect(xml).toContain(
      '<title>Re: Budget talks: what &quot;changed&quot; #2 &amp; the &lt;script&gt; behind the deal</title>',
    );
    const { rss } = await parsed(xml);
    const first = rss.channel.item[0]!;
    expect(first.pubDate).toBe('Wed, 18 Feb 2026 01:05:00 GMT');
    // Titles are plain text, escaped once; descriptions are HTML (escaped twice: see the next tests).
    expect(xml.match(/<title>[^<]*<\/title>/g)!.join('')).not.toContain('&amp;amp;');
  });

  it('strips XML-illegal characters from every text', async () => {
    const base = stories.find((s) => s.id === 'k3v9q2m7')!;
    const dirty = { ...base, title: 'Bell\u0007 title\u0000', summary: [{ text: 'x\u001Fy.', articleId: 'a' }] };
    const xml = await buildFeed([dirty], opts);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<title>Bell title</title>');
    expect(xml).toContain('<description>xy.</description>');
  });

  it('HTML-escapes the plain-text description, which RSS readers render as HTML (a quoted <img onerror> had become an element)', async () => {
    const base = stories.find((s) => s.id === 'k3v9q2m7')!;
    const hostile = { ...base, summary: [{ text: 'Residents <img src=x onerror=alert(12)> & <a href="javascript:alert(13)">more</a>. It\'s over.', articleId: 'a' }] };
    const xml = await buildFeed([hostile], opts);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<description>Residents &amp;lt;img src=x onerror=alert(12)&amp;gt; &amp;amp; &amp;lt;a href=&quot;javascript:alert(13)&quot;&amp;gt;more&amp;lt;/a&amp;gt;. It&apos;s over.</description>');
    // What a reader gets after XML decoding is HTML that shows the text as written.
    const { rss } = await parsed(xml);
    expect(rss.channel.item[0]!.description).toBe('Residents &lt;img src=x onerror=alert(12)&gt; &amp; &lt;a href="javascript:alert(13)"&gt;more&lt;/a&gt;. It\'s over.');
  });

  it('caps the feed at the limit', async () => {
    const { rss } = await parsed(await buildFeed(stories, { ...opts, limit: 2 }));
    expect(rss.channel.item).toHaveLength(2);
  });
});

describe('story item dates', () => {
  // The fixture's listed stories: first reported (Story.firstSeen) and last updated (Story.lastUpdated), UTC.
  const dates = {
    k3v9q2m7: ['2026-02-17T08:05:00Z', '2026-02-18T01:05:00Z'],
    '20260217': ['2026-02-16T22:00:00Z', '2026-02-17T10:10:00Z'],
    m5n6b7v8: ['2026-02-17T06:00:00Z', '2026-02-17T16:30:00Z'],
    p8w4n6t2: ['2026-02-17T09:00:00Z', '2026-02-17T12:00:00Z'],
  } as const;
  const sources = fixtureSources();
  const data: SiteData = { sources, sourcesById: new Map(sources.map((s) => [s.id, s])), stories, storiesById: new Map(stories.map((s) => [s.id, s])), now: opts.now };
  const site = new URL('https://example.github.io');

  it('storyItems: date = when the story was first reported, modified = its last update', () => {
    const items = storyItems(stories.filter((s) => s.id in dates), opts.storyUrl);
    expect(Object.fromEntries(items.map((i) => [i.guid, [i.date, i.modified]]))).toEqual(dates);
  });

  it.each(['top', 'blindspot'] as const)('%s JSON Feed: date_published = first reported, date_modified = last update (it had had only date_published = the last update)', (kind) => {
    const feed = feedFor(data, site, kind, '', true)!;
    const json = JSON.parse(jsonFeedString(feed.channel, feed.items)) as { items: Array<{ id: keyof typeof dates; date_published: string; date_modified: string }> };
    expect(json.items.map((i) => i.id)).toEqual(kind === 'top' ? ['k3v9q2m7', '20260217', 'm5n6b7v8', 'p8w4n6t2'] : ['20260217']);
    for (const item of json.items) {
      const [published, modified] = dates[item.id];
      expect([item.date_published, item.date_modified], item.id).toEqual([published.replace('Z', '.000Z'), modified.replace('Z', '.000Z')]);
    }
  });

  it('RSS pubDate of a story item stays its last update (RSS has one date; readers sort by it)', async () => {
    const feed = feedFor(data, site, 'top', '', false)!;
    const { rss } = await parsed(await rssString(feed.channel, feed.items));
    expect(rss.channel.item.map((i) => [i.guid && (i.guid as { '#text': string })['#text'], i.pubDate])).toEqual([
      ['k3v9q2m7', 'Wed, 18 Feb 2026 01:05:00 GMT'],
      ['20260217', 'Tue, 17 Feb 2026 10:10:00 GMT'],
      ['m5n6b7v8', 'Tue, 17 Feb 2026 16:30:00 GMT'],
      ['p8w4n6t2', 'Tue, 17 Feb 2026 12:00:00 GMT'],
    ]);
  });

  it('article items keep their dates: no date_modified, pubDate = published, else first seen', () => {
    const feed = feedFor(data, site, 'story', 'k3v9q2m7', true)!;
    const json = JSON.parse(jsonFeedString(feed.channel, feed.items)) as { items: Array<Record<string, unknown>> };
    expect(json.items.every((i) => !('date_modified' in i))).toBe(true);
    expect(json.items.find((i) => i.id === 'a1b2c3d4e5f60004')!.date_published).toBe('2026-02-17T13:30:00.000Z');
    expect(rssPubDate({ date: undefined, seen: '2026-02-17T15:00:00Z' })).toBe('2026-02-17T15:00:00Z');
    expect(rssPubDate({ date: '2026-02-17T13:30:00Z', seen: '2026-02-17T15:00:00Z' })).toBe('2026-02-17T13:30:00Z');
    expect(rssPubDate({ date: '2026-02-17T08:05:00Z', modified: '2026-02-18T01:05:00Z' })).toBe('2026-02-18T01:05:00Z');
  });
});

describe('storyDescription', () => {
  it('joins the bullets as plain text', () => {
    const s = stories.find((x) => x.id === 'p8w4n6t2')!;
    expect(storyDescription(s)).toBe('Doors open at 9 a.m. with extended weekend hours. The renovation took two years. Entry remains free.');
  });

  it("ends a bullet that has no end of its own with a full stop, so it does not run into the next (a headline quoted as a bullet had: \"…old guard to power Islamist Party's Rise…\")", () => {
    const bullet = (text: string) => ({ text, sourceId: 's', articleId: 'a' });
    const s = { summary: [bullet('Key election returns old guard to power'), bullet('“We won,” he said.”'), bullet('Is it over?'), bullet('He said (in part).'), bullet('Rise of the party') ] };
    expect(storyDescription(s as Parameters<typeof storyDescription>[0])).toBe('Key election returns old guard to power. “We won,” he said.” Is it over? He said (in part). Rise of the party.');
    // a hostile pass's: other scripts' ends, closing quotes of other languages, other marks are ends of their own
    const ended = ['中国经济增长放缓。', '日本の首相が辞任！', '本当ですか？', 'هل انتهت الحرب؟', 'यह सच है।', '„Wir gehen nach Hause.“', '»Vi går nu.«', '彼は『行きます。』', 'What next‽', 'He said:', 'A pause —'];
    expect(storyDescription({ summary: ended.map(bullet) } as Parameters<typeof storyDescription>[0])).toBe(ended.join(' '));
    expect(storyDescription({ summary: [bullet('Read it at https://x.test/a'), bullet('Der „Plan“')] } as Parameters<typeof storyDescription>[0])).toBe('Read it at https://x.test/a. Der „Plan“.');
    // a second hostile pass's: other ends than a letter's run on too
    const open = ['Inflation rose to 3.4%', 'Shares fell (down 5%)', 'Temperatures hit 40°', 'महंगाई बढ़ रही है', 'Fans celebrate 🎉', 'Rated 18+'];
    expect(storyDescription({ summary: open.map(bullet) } as Parameters<typeof storyDescription>[0])).toBe(open.map((t) => `${t}.`).join(' '));
  });
});
