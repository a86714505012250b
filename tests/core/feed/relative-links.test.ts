import { describe, expect, it } from 'vitest';
import { resolveHttpUrl } from '../../../src/core/feed/canonical-url.js';
import { parseFeed, type ParseOptions } from '../../../src/core/feed/parse-feed.js';

// The base for relative links, one rule per format (parse-feed.ts, "THE BASE FOR RELATIVE LINKS"): RSS/RDF xml:base
// chain, else the channel's site <link>, else the feed URL; Atom xml:base, else the feed URL, else its alternate link;
// JSON Feed home_page_url, else feed_url, else the feed URL.

const enc = new TextEncoder();
const parse = (text: string, opts?: ParseOptions) => parseFeed(enc.encode(text), opts);
const links = (text: string, opts?: ParseOptions) => parse(text, opts).items.map((i) => i.link);

/** A proxy / CDN host the feed was fetched from, where no article lives (the new-user trial's case). */
const FETCHED = 'http://127.0.0.1:8931/feeds/alpha.xml';

const rss = (channelAttrs: string, channelLink: string, item: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel${channelAttrs}><title>Alpha</title>${channelLink}${item}</channel></rss>`;

describe('RSS: relative item links resolve against xml:base, else the channel link (the site), else the feed URL', () => {
  const item = '<item><title>Volcano erupts near Grindavik</title><link>/2026/11/29/volcano-grindavik</link><description>Lava.</description></item>';
  const feed = rss('', '<link>http://alpha.test/</link>', item);

  it('folder mode (no feed URL): the channel link is the base, so the item is kept (had been dropped: item_no_link)', () => {
    const r = parse(feed);
    expect(r.errors).toEqual([]);
    expect(r.items[0]).toMatchObject({ link: 'http://alpha.test/2026/11/29/volcano-grindavik', canonicalUrl: 'http://alpha.test/2026/11/29/volcano-grindavik' });
  });

  it('live mode: the channel link wins over the fetch URL (a CDN / proxy host, here 127.0.0.1:8931)', () => {
    expect(links(feed, { url: FETCHED })).toEqual(['http://alpha.test/2026/11/29/volcano-grindavik']);
  });

  it('a path-relative link resolves against the channel link\'s path (RFC 3986 §5.2.3)', () => {
    const r = parse(rss('', '<link>https://beta.test/news/</link>', '<item><title>t</title><link>story.html</link></item>'), { url: FETCHED });
    expect(r.items[0]!.link).toBe('https://beta.test/news/story.html');
  });

  it('an <img> in the item\'s HTML resolves against the feed URL or xml:base only, never the guessed site', () => {
    const feed = rss('', '<link>http://alpha.test/</link>', '<item><title>t</title><link>/a</link><description><![CDATA[<p>x</p><img src="/i.jpg">]]></description></item>');
    expect(parse(feed).items[0]).toMatchObject({ link: 'http://alpha.test/a', image: null });
    expect(parse(feed, { url: FETCHED }).items[0]!.image).toBe('http://127.0.0.1:8931/i.jpg');
    const based = rss(' xml:base="http://cdn.alpha.test/"', '<link>http://alpha.test/</link>', '<item><title>t</title><link>/a</link><description><![CDATA[<img src="/i.jpg">]]></description></item>');
    expect(parse(based).items[0]!.image).toBe('http://cdn.alpha.test/i.jpg');
  });

  it('relative images take the same base as links', () => {
    const r = parse(rss('', '<link>http://alpha.test/</link>', '<item><title>t</title><link>/a</link><enclosure url="/img/a.jpg" type="image/jpeg" length="1"/></item>'), { url: FETCHED });
    expect(r.items[0]).toMatchObject({ link: 'http://alpha.test/a', image: 'http://alpha.test/img/a.jpg' });
  });

  it('without an absolute channel link, the feed URL is the base; with neither, a relative link is null', () => {
    for (const chan of ['', '<link>/</link>', '<link>alpha.test</link>']) {
      const text = rss('', chan, item);
      expect(links(text, { url: 'https://feeds.alpha.test/rss' })).toEqual(['https://feeds.alpha.test/2026/11/29/volcano-grindavik']);
      expect(links(text)).toEqual([null]);
    }
  });

  it('a declared xml:base chain wins over the channel link; a relative xml:base resolves against the feed URL, else the site', () => {
    const based = rss(' xml:base="https://gamma.test/blog/"', '<link>http://alpha.test/</link>', '<item xml:base="2026/"><title>t</title><link>post.html</link></item>');
    expect(links(based, { url: FETCHED })).toEqual(['https://gamma.test/blog/2026/post.html']);
    const itemOnly = rss('', '<link>http://alpha.test/</link>', '<item xml:base="https://delta.test/x/"><title>t</title><link>p</link></item><item><title>u</title><link>/q</link></item>');
    expect(links(itemOnly, { url: FETCHED })).toEqual(['https://delta.test/x/p', 'http://alpha.test/q']);
    const relative = rss(' xml:base="/blog/"', '<link>http://alpha.test/</link>', '<item><title>t</title><link>p</link></item>');
    expect(links(relative, { url: 'https://feeds.alpha.test/rss' })).toEqual(['https://feeds.alpha.test/blog/p']);
    expect(links(relative)).toEqual(['http://alpha.test/blog/p']);
  });

  it('the feed\'s own link is still resolved against xml:base and the feed URL', () => {
    expect(parse(rss('', '<link>/home</link>', ''), { url: 'https://feeds.alpha.test/rss' }).feed.link).toBe('https://feeds.alpha.test/home');
    expect(parse(feed, { url: FETCHED }).feed.link).toBe('http://alpha.test/');
  });

  it('RDF (RSS 1.0): items resolve against the channel link too', () => {
    const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="http://epsilon.test/rss"><title>E</title><link>http://epsilon.test/</link></channel>
<item rdf:about="/e/1"><title>One</title><link>/e/1</link></item></rdf:RDF>`;
    expect(links(rdf)).toEqual(['http://epsilon.test/e/1']);
    expect(links(rdf, { url: FETCHED })).toEqual(['http://epsilon.test/e/1']);
  });
});

describe('Atom: xml:base, then the feed URL (RFC 4287); the alternate link only when there is neither', () => {
  const atom = (attrs: string, entry: string) =>
    `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"${attrs}><title>Z</title><link rel="self" href="https://zeta.test/feed.atom"/><link href="https://zeta.test/"/>${entry}</feed>`;
  const entry = '<entry><title>t</title><link href="/z/1"/></entry>';

  it('the feed URL is the base (the RFC\'s rule), not the alternate link', () => {
    expect(links(atom('', entry), { url: FETCHED })).toEqual(['http://127.0.0.1:8931/z/1']);
  });

  it('xml:base wins over the feed URL', () => {
    expect(links(atom(' xml:base="https://eta.test/"', entry), { url: FETCHED })).toEqual(['https://eta.test/z/1']);
  });

  it('with no xml:base and no feed URL, the alternate link serves (had been null)', () => {
    expect(links(atom('', entry))).toEqual(['https://zeta.test/z/1']);
  });
});

describe('JSON Feed: home_page_url, else feed_url, else the fetch URL (JSON Feed 1.1)', () => {
  const json = (top: Record<string, string>) =>
    JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'G', ...top, items: [{ id: '1', url: '/rates', title: 'Rates rise', image: 'img/r.png' }] });

  it('home_page_url wins over the fetch URL (had resolved against the fetch URL)', () => {
    const r = parse(json({ home_page_url: 'http://gamma.test/', feed_url: 'http://gamma.test/feed.json' }), { url: FETCHED });
    expect(r.items[0]).toMatchObject({ link: 'http://gamma.test/rates', image: 'http://gamma.test/img/r.png' });
    expect(r.feed.link).toBe('http://gamma.test/');
  });

  it('then feed_url, then the fetch URL', () => {
    expect(links(json({ feed_url: 'https://cdn.gamma.test/f/feed.json' }), { url: FETCHED })).toEqual(['https://cdn.gamma.test/rates']);
    expect(links(json({}), { url: FETCHED })).toEqual(['http://127.0.0.1:8931/rates']);
    expect(links(json({}))).toEqual([null]);
  });

  it('a relative home_page_url is not a base', () => {
    expect(links(json({ home_page_url: '/' }), { url: FETCHED })).toEqual(['http://127.0.0.1:8931/rates']);
  });
});

describe('a bad feed URL never blanks an absolute link (defence in depth for `parse --url notaurl`)', () => {
  const feed = rss('', '', '<item><title>t</title><link>https://abs.test/a</link></item><item><title>u</title><link>/rel</link></item>');

  it.each(['notaurl', 'news/feed.xml', '', 'ftp://files.test/feed.xml', 'javascript:alert(1)'])('url %j: absolute links kept, relative ones null', (url) => {
    const r = parse(feed, { url });
    expect(r.items.map((i) => i.link)).toEqual(['https://abs.test/a', null]);
    expect(r.items[0]!.canonicalUrl).toBe('https://abs.test/a');
  });

  it('resolveHttpUrl: a base that is not an absolute URL is no base', () => {
    expect(resolveHttpUrl('https://abs.test/a', 'notaurl')).toBe('https://abs.test/a');
    expect(resolveHttpUrl('//abs.test/p', 'news/feed.xml')).toBe('https://abs.test/p');
    expect(resolveHttpUrl('/rel', 'notaurl')).toBeNull();
    expect(resolveHttpUrl('/rel', 'https://ok.test/x/y')).toBe('https://ok.test/rel');
  });
});
