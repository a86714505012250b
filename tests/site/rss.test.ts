import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { buildFeed, storyDescription } from '../../src/site/rss';
import { fixtureStories } from './load-fixture';

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
    const dirty = { ...base, title: 'Bell\u0007 title\u0000', summary: [{ text: 'x\u001Fy', articleId: 'a' }] };
    const xml = await buildFeed([dirty], opts);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<title>Bell title</title>');
    expect(xml).toContain('<description>xy</description>');
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

describe('storyDescription', () => {
  it('joins the bullets as plain text', () => {
    const s = stories.find((x) => x.id === 'p8w4n6t2')!;
    expect(storyDescription(s)).toBe('Doors open at 9 a.m. with extended weekend hours. The renovation took two years. Entry remains free.');
  });
});
