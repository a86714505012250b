import { describe, expect, it } from 'vitest';
import { FEED_MAX_BYTES } from '../../../src/core/config.js';
import { DEFAULT_MAX_ITEMS, parseFeed, type ParseOptions } from '../../../src/core/feed/parse-feed.js';

const enc = new TextEncoder();
const parse = (xml: string, opts?: ParseOptions) => parseFeed(enc.encode(xml), opts);

const NS = 'xmlns:media="http://search.yahoo.com/mrss/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"';
const rss = (items: string, channel = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" ${NS}><channel><title>Chan</title><link>https://site.example/</link><language>en-gb</language>${channel}${items}</channel></rss>`;
const item = (inner: string) => `<item><title>T</title>${inner}</item>`;
const atom = (entries: string, attrs = '') =>
  `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" ${attrs}><title>Atom feed</title><link href="https://atom.example/"/>${entries}</feed>`;

describe('formats', () => {
  it('RSS 2.0: all fields', () => {
    const r = parse(
      rss(`<item>
        <title>Hello &amp; welcome</title>
        <link>https://site.example/a?utm_source=rss&amp;id=1#frag</link>
        <guid isPermaLink="false">site-1</guid>
        <pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate>
        <description>&lt;p&gt;Short &lt;b&gt;summary&lt;/b&gt;&lt;/p&gt;</description>
        <content:encoded><![CDATA[<p>Long body</p><img src="/img/a.png">]]></content:encoded>
        <dc:creator>Jo Writer</dc:creator>
        <category>World</category><category><![CDATA[Politics]]></category><category>World</category>
      </item>`),
      { url: 'https://site.example/feed.xml' },
    );
    expect(r.format).toBe('rss');
    expect(r.feed).toEqual({ title: 'Chan', link: 'https://site.example/', language: 'en-gb' });
    expect(r.errors).toEqual([]);
    expect(r.items).toEqual([
      {
        title: 'Hello & welcome',
        link: 'https://site.example/a?utm_source=rss&id=1#frag',
        canonicalUrl: 'https://site.example/a?id=1',
        guid: 'site-1',
        published: '2003-06-10T04:00:00Z',
        summary: 'Short summary',
        author: 'Jo Writer',
        image: 'https://site.example/img/a.png',
        categories: ['World', 'Politics'],
        position: 0,
      },
    ]);
  });

  it('RSS 0.91 with a public DOCTYPE (no entities) and HTML named entities in text', () => {
    const r = parse(`<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Old</title><link>https://old.example/</link>
<item><title>Caf&eacute; &amp; cr&egrave;me</title><link>https://old.example/1</link><description>x</description></item></channel></rss>`);
    expect(r.errors).toEqual([]);
    expect(r.format).toBe('rss');
    expect(r.items[0]!.title).toBe('Café & crème');
    expect(r.items[0]!.published).toBeNull();
  });

  it('RSS 1.0 / RDF: items are siblings of channel, dc:date, rdf:about as guid', () => {
    const r = parse(`<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://r.example/"><title>R</title><link>https://r.example/</link><dc:language>de</dc:language></channel>
<item rdf:about="https://r.example/1"><title>One</title><link>https://r.example/1</link><dc:date>2021-03-27T10:00:00+01:00</dc:date><dc:subject>Sci</dc:subject></item>
<item rdf:about="https://r.example/2"><title>Two</title><dc:date>2021-03-28</dc:date></item>
</rdf:RDF>`);
    expect(r.format).toBe('rdf');
    expect(r.feed).toEqual({ title: 'R', link: 'https://r.example/', language: 'de' });
    expect(r.items.map((i) => [i.title, i.link, i.guid, i.published, i.categories])).toEqual([
      ['One', 'https://r.example/1', 'https://r.example/1', '2021-03-27T09:00:00Z', ['Sci']],
      ['Two', 'https://r.example/2', 'https://r.example/2', '2021-03-28T00:00:00Z', []],
    ]);
  });

  it('Atom 1.0: text constructs (text, html, xhtml), published then updated, author, categories', () => {
    const r = parse(
      atom(`<entry>
  <id>urn:uuid:1</id><title type="html">&lt;b&gt;Bold&lt;/b&gt; &amp;amp; co</title>
  <link rel="alternate" type="text/html" href="https://atom.example/1"/>
  <published>2020-01-02T03:04:05+01:00</published><updated>2021-01-01T00:00:00Z</updated>
  <author><name>Ann</name></author><author><name>Bob</name></author>
  <category term="tech" label="Technology"/><category term="misc"/>
  <summary type="text">Plain &lt;summary&gt;</summary>
</entry>
<entry><id>urn:uuid:2</id><title>Only updated</title><link href="https://atom.example/2"/><updated>2021-05-05T05:05:05Z</updated>
  <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Body <img src="https://atom.example/i.jpg"/></p></div></content></entry>`, 'xml:lang="fr"'),
    );
    expect(r.format).toBe('atom');
    expect(r.feed).toEqual({ title: 'Atom feed', link: 'https://atom.example/', language: 'fr' });
    const [a, b] = r.items;
    expect(a).toMatchObject({ title: 'Bold & co', link: 'https://atom.example/1', guid: 'urn:uuid:1', published: '2020-01-02T02:04:05Z', author: 'Ann', categories: ['Technology', 'misc'] });
    // type="text" is plain text (RFC 4287 §3.1.1.1): the escaped "<summary>" is text, kept literally, not a tag
    expect(a!.summary).toBe('Plain <summary>');
    expect(b).toMatchObject({ title: 'Only updated', published: '2021-05-05T05:05:05Z', summary: 'Body', image: 'https://atom.example/i.jpg' });
  });

  it('Atom 0.3: issued/modified, mode="escaped" content', () => {
    const r = parse(`<?xml version="1.0"?><feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old Atom</title>
<entry><title>E</title><link rel="alternate" type="text/html" href="https://a03.example/e"/><id>tag:a03,1</id>
<issued>2004-01-02T10:00:00Z</issued><modified>2004-01-03T10:00:00Z</modified>
<content type="text/html" mode="escaped">&lt;p&gt;Hi&lt;/p&gt;</content></entry></feed>`);
    expect(r.format).toBe('atom');
    expect(r.items[0]).toMatchObject({ title: 'E', link: 'https://a03.example/e', published: '2004-01-02T10:00:00Z', summary: 'Hi' });
  });

  it('names an RSS item with an empty or blank title and a link by its description, and leaves one with no text untitled', () => {
    const rss = `<rss version="2.0"><channel><title>C</title>
      <item><title></title><link>https://a.example/1</link><description>Lava reached the town's edge overnight. Residents had left.</description></item>
      <item><title>  </title><link>https://a.example/2</link></item></channel></rss>`;
    const r = parseFeed(enc.encode(rss));
    expect(r.items.map((i) => [i.title, i.link])).toEqual([
      ["Lava reached the town's edge overnight. Residents had left.", 'https://a.example/1'],
      [null, 'https://a.example/2'],
    ]);
  });

  it('JSON Feed 1.1', () => {
    const doc = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'JF',
      home_page_url: 'https://jf.example/',
      feed_url: 'https://jf.example/feed.json',
      language: 'en',
      items: [
        { id: '1', url: '/posts/1?fbclid=x', title: 'First &amp; best', content_html: '<p>Hello <img src="/i.png"></p>', date_published: '2024-05-01T10:00:00-04:00', authors: [{ name: 'Jay' }], tags: ['a', 'b'] },
        { id: 2, external_url: 'https://elsewhere.example/x', summary: 'S', content_text: 'T', image: 'https://jf.example/big.jpg', date_modified: '2024-05-02T00:00:00Z' },
        { id: '3', content_text: 'no title, no link' },
      ],
    };
    const r = parseFeed(enc.encode(JSON.stringify(doc)));
    expect(r.format).toBe('json');
    expect(r.feed).toEqual({ title: 'JF', link: 'https://jf.example/', language: 'en' });
    expect(r.items).toEqual([
      { title: 'First & best', link: 'https://jf.example/posts/1?fbclid=x', canonicalUrl: 'https://jf.example/posts/1', guid: '1', published: '2024-05-01T14:00:00Z', summary: 'Hello', author: 'Jay', image: 'https://jf.example/i.png', categories: ['a', 'b'], position: 0 },
      // no title but a link and text: named by its text (it had been stored untitled, an empty link on its story page)
      { title: 'S', link: 'https://elsewhere.example/x', canonicalUrl: 'https://elsewhere.example/x', guid: '2', published: '2024-05-02T00:00:00Z', summary: 'S', author: null, image: 'https://jf.example/big.jpg', categories: [], position: 1 },
      // neither title nor link, but text: kept, named by its text (a title-less micro-post)
      { title: 'no title, no link', link: null, canonicalUrl: null, guid: '3', published: null, summary: 'no title, no link', author: null, image: null, categories: [], position: 2 },
    ]);
    expect(r.errors).toEqual([]);
  });

  it('namespaces are matched by URI, not by prefix', () => {
    const r = parse(`<rss version="2.0" xmlns:m="http://search.yahoo.com/mrss" xmlns:d="http://purl.org/dc/elements/1.1/"><channel><title>x</title>
<item><title>P</title><link>https://p.example/1</link><d:date>2020-02-02</d:date><d:creator>Pat</d:creator><m:thumbnail url="https://p.example/t.jpg"/></item></channel></rss>`);
    expect(r.items[0]).toMatchObject({ published: '2020-02-02T00:00:00Z', author: 'Pat', image: 'https://p.example/t.jpg' });
  });
});

describe('links', () => {
  it('prefers feedburner:origLink, then <link>, then atom:link, then an http(s) guid', () => {
    const r = parse(
      rss(
        item('<link>https://fb.example/~r/x</link><feedburner:origLink>https://orig.example/a</feedburner:origLink>') +
          item('<atom:link rel="alternate" href="https://atomlink.example/b"/>') +
          item('<guid>https://guid.example/c</guid>') +
          item('<guid isPermaLink="true">at://did:plc:x/app.bsky.feed.post/1</guid>') +
          item('<link>javascript:alert(1)</link><guid isPermaLink="false">https://guid.example/d</guid>'),
      ),
    );
    expect(r.items.map((i) => i.link)).toEqual([
      'https://orig.example/a',
      'https://atomlink.example/b',
      'https://guid.example/c',
      null,
      'https://guid.example/d',
    ]);
    expect(r.items[3]!.guid).toBe('at://did:plc:x/app.bsky.feed.post/1');
  });

  it('resolves relative links against the channel link (the site), else the feed URL, and leaves them null without either', () => {
    const xml = rss(item('<link>2024/01/story</link>')); // channel link https://site.example/
    expect(parse(xml, { url: 'https://feeds.example/feeds/all.xml' }).items[0]!.link).toBe('https://site.example/2024/01/story');
    expect(parse(xml).items[0]!.link).toBe('https://site.example/2024/01/story');
    const noSite = `<rss version="2.0"><channel><title>C</title>${item('<link>2024/01/story</link>')}</channel></rss>`;
    expect(parse(noSite, { url: 'https://feeds.example/feeds/all.xml' }).items[0]!.link).toBe('https://feeds.example/feeds/2024/01/story');
    expect(parse(noSite).items[0]!.link).toBeNull();
  });

  it('Atom: nested xml:base chain (feed, entry, link) and rel selection', () => {
    const r = parse(
      atom(
        `<entry xml:base="2013/"><title>A</title><link rel="replies" href="a#c"/><link rel="alternate" type="application/pdf" href="a.pdf"/><link rel="alternate" type="text/html" href="a"/></entry>
<entry><title>B</title><link rel="self" href="self"/><link href="b" xml:base="/other/"/></entry>
<entry><title>C</title><link rel="edit" href="e"/><link rel="alternate" type="application/pdf" href="c.pdf"/></entry>
<entry><title>D</title><id>https://ids.example/d</id></entry>`,
        'xml:base="https://base.example/root/"',
      ),
      { url: 'https://fetched.example/feed' },
    );
    expect(r.items.map((i) => i.link)).toEqual([
      'https://base.example/root/2013/a',
      'https://base.example/other/b',
      'https://base.example/root/c.pdf',
      'https://ids.example/d',
    ]);
  });

  it('a relative xml:base is resolved against the feed URL', () => {
    const r = parse(atom('<entry><title>A</title><link href="x"/></entry>', 'xml:base="/blog/"'), { url: 'https://host.example/feed.atom' });
    expect(r.items[0]!.link).toBe('https://host.example/blog/x');
  });
});

describe('images', () => {
  const img = (inner: string, opts?: ParseOptions) => parse(rss(item(`<link>https://i.example/1</link>${inner}`)), opts).items[0]!.image;

  it.each([
    ['media:content medium=image', '<media:content url="https://i.example/mc.jpg" medium="image"/>', 'https://i.example/mc.jpg'],
    ['media:content type=image/*', '<media:content url="https://i.example/mc2" type="image/webp"/>', 'https://i.example/mc2'],
    ['media:content without type', '<media:content url="https://i.example/mc3.jpg" width="800"/>', 'https://i.example/mc3.jpg'],
    ['media:content video skipped for thumbnail', '<media:content url="https://i.example/v.mp4" type="video/mp4"/><media:thumbnail url="https://i.example/th.jpg"/>', 'https://i.example/th.jpg'],
    ['thumbnail inside media:content', '<media:content url="https://i.example/v.mp4" medium="video"><media:thumbnail url="https://i.example/vt.jpg"/></media:content>', 'https://i.example/vt.jpg'],
    ['media:group', '<media:group><media:content url="https://i.example/a.mp3" type="audio/mpeg"/><media:thumbnail url="https://i.example/g.jpg"/></media:group>', 'https://i.example/g.jpg'],
    ['enclosure image/*', '<enclosure url="https://i.example/e.png" type="image/png" length="1"/>', 'https://i.example/e.png'],
    ['enclosure audio ignored, itunes:image used', '<enclosure url="https://i.example/e.mp3" type="audio/mpeg" length="1"/><itunes:image href="https://i.example/it.jpg"/>', 'https://i.example/it.jpg'],
    ['first <img> of content:encoded', '<content:encoded><![CDATA[<img src="https://i.example/px.gif" width="1" height="1"><p><img alt="a" src=\'https://i.example/c.jpg?a=1&amp;b=2\'></p>]]></content:encoded>', 'https://i.example/c.jpg?a=1&b=2'],
    ['first <img> of description', '<description>&lt;img src="//cdn.example/d.jpg"&gt;</description>', 'https://cdn.example/d.jpg'],
    ['data: URI ignored', '<description>&lt;img src="data:image/png;base64,AAAA"&gt;</description>', null],
    ['none', '', null],
  ])('%s', (_name, inner, want) => {
    expect(img(inner)).toBe(want);
  });

  it('relative image URLs resolve like links: against the channel link (the site), else the feed URL', () => {
    expect(img('<media:thumbnail url="/t.jpg"/>', { url: 'https://i.example/feed' })).toBe('https://site.example/t.jpg');
    expect(img('<media:thumbnail url="/t.jpg"/>')).toBe('https://site.example/t.jpg');
    const noSite = (opts?: ParseOptions) =>
      parse(`<rss version="2.0" ${NS}><channel><title>C</title>${item('<link>https://i.example/1</link><media:thumbnail url="/t.jpg"/>')}</channel></rss>`, opts).items[0]!.image;
    expect(noSite({ url: 'https://i.example/feed' })).toBe('https://i.example/t.jpg');
    expect(noSite()).toBeNull();
  });

  it('Atom: media:group thumbnail (YouTube) and link rel=enclosure', () => {
    const r = parse(atom(`<entry><title>V</title><link href="https://yt.example/v"/><media:group><media:thumbnail url="https://yt.example/v.jpg"/></media:group></entry>
<entry><title>E</title><link href="https://yt.example/e"/><link rel="enclosure" type="image/jpeg" href="https://yt.example/e.jpg"/></entry>`));
    expect(r.items.map((i) => i.image)).toEqual(['https://yt.example/v.jpg', 'https://yt.example/e.jpg']);
  });
});

describe('text fields', () => {
  it('summary prefers description over content:encoded, falls back to content', () => {
    const r = parse(rss(item('<link>https://t.example/1</link><description>Desc</description><content:encoded>Body</content:encoded>') + item('<link>https://t.example/2</link><content:encoded><![CDATA[<p>Only body</p>]]></content:encoded>')));
    expect(r.items.map((i) => i.summary)).toEqual(['Desc', 'Only body']);
  });

  it('entities: double-escaped markup is decoded to text once, never executed', () => {
    const r = parse(rss('<item><title>&amp;lt;script&amp;gt;x&amp;lt;/script&amp;gt; A &amp;amp; B</title><link>https://t.example/1</link></item>'));
    expect(r.items[0]!.title).toBe('<script>x</script> A & B');
  });

  it('RSS author email is reduced to the name', () => {
    const r = parse(rss(item('<link>https://t.example/1</link><author>jo@example.com (Jo Smith)</author>')));
    expect(r.items[0]!.author).toBe('Jo Smith');
  });

  it('XML-illegal control characters are removed', () => {
    const r = parse(rss('<item><title>Bad\u0001\u001f chars\u0008</title><link>https://t.example/1</link></item>'));
    expect(r.items[0]!.title).toBe('Bad chars');
  });
});

describe('titles: plain text stays text, only real HTML markup is stripped', () => {
  const entry = (title: string, content = '') => atom(`<entry><id>urn:1</id>${title}<link href="https://atom.example/1"/>${content}</entry>`);
  const rssTitle = (title: string) => rss(`<item>${title}<link>https://t.example/1</link></item>`);

  it.each([
    ['Atom type="text": literal (RFC 4287 §3.1.1.1)', entry('<title type="text">Why the &lt;blink&gt; tag died</title>'), 'Why the <blink> tag died'],
    ['Atom without type: text by default', entry('<title>Why the &lt;blink&gt; tag died</title>'), 'Why the <blink> tag died'],
    ['Atom type="text" CDATA', entry('<title type="text"><![CDATA[AT&T and <Verizon> merge?]]></title>'), 'AT&T and <Verizon> merge?'],
    ['Atom type="text" script text is text too', entry('<title type="text">&lt;script&gt;alert(1)&lt;/script&gt; Budget</title>'), '<script>alert(1)</script> Budget'],
    ['Atom type="text" with an HTML reference left by the generator (Blogger)', entry("<title type='text'>Smell &amp;amp; Tell &amp;nbsp;News</title>"), 'Smell & Tell News'],
    ['Atom type="html": <blink>…</blink> is markup, stripped', entry('<title type="html">Why the &lt;blink&gt;old&lt;/blink&gt; tag died</title>'), 'Why the old tag died'],
    // a title's bare start tag that nothing closes names the element (2026-12-01: "Why the tag died" had lost it)
    ['Atom type="html": a bare <blink> is text', entry('<title type="html">Why the &lt;blink&gt; tag died</title>'), 'Why the <blink> tag died'],
    ['Atom type="html": escaped twice is text', entry('<title type="html">Why the &amp;lt;blink&amp;gt; tag died</title>'), 'Why the <blink> tag died'],
    ['Atom type="html": <Verizon> is no HTML element', entry('<title type="html">AT&amp;amp;T and &lt;Verizon&gt; merge?</title>'), 'AT&T and <Verizon> merge?'],
    ['Atom type="html": script dropped with its content', entry('<title type="html">&lt;script&gt;alert(1)&lt;/script&gt;Budget news</title>'), 'Budget news'],
    ['Atom type="xhtml": markup, escaped text kept', entry('<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Why the &lt;blink&gt; tag <b>died</b></div></title>'), 'Why the <blink> tag died'],
    ['RSS CDATA: <Verizon> kept', rssTitle('<title><![CDATA[AT&T and <Verizon> merge?]]></title>'), 'AT&T and <Verizon> merge?'],
    ['RSS entity-encoded HTML: tags stripped', rssTitle('<title>&lt;b&gt;Breaking:&lt;/b&gt; vote &lt;i&gt;today&lt;/i&gt;</title>'), 'Breaking: vote today'],
    ['RSS: a path that looks like a closing tag (2026-02-18 capture)', rssTitle('<title>#include &lt;/etc/shadow&gt;</title>'), '#include </etc/shadow>'],
    ['RSS: comments stripped', rssTitle('<title>&lt;!-- x --&gt;Visible</title>'), 'Visible'],
    ['RSS dc:title', rss('<item><dc:title><![CDATA[<Verizon> deal]]></dc:title><link>https://t.example/1</link></item>'), '<Verizon> deal'],
  ])('%s', (_, xml, title) => {
    const r = parse(xml);
    expect(r.errors).toEqual([]);
    expect(r.items[0]!.title).toBe(title);
  });

  it('feed titles follow the same rules (Atom literal, RSS HTML)', () => {
    expect(parse(entry('<title>t</title>').replace('<title>Atom feed</title>', '<title>The &lt;blink&gt; blog</title>')).feed.title).toBe('The <blink> blog');
    expect(parse(rss('').replace('<title>Chan</title>', '<title><![CDATA[AT&T and <Verizon> <b>news</b>]]></title>')).feed.title).toBe('AT&T and <Verizon> news');
  });

  it('JSON Feed titles: HTML elements stripped, other text kept', () => {
    const doc = { version: 'https://jsonfeed.org/version/1.1', title: '<Verizon> <b>feed</b>', items: [{ id: '1', url: 'https://j.example/1', title: 'AT&T and <Verizon> merge? <i>now</i>' }] };
    const r = parseFeed(enc.encode(JSON.stringify(doc)));
    expect(r.feed.title).toBe('<Verizon> feed');
    expect(r.items[0]!.title).toBe('AT&T and <Verizon> merge? now');
  });

  it('Atom 0.3: type="text/html" mode="escaped" is HTML, no type is text', () => {
    const doc = (t: string) => `<?xml version="1.0"?><feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old</title><entry>${t}<link rel="alternate" type="text/html" href="https://a03.example/e"/><id>tag:a03,1</id></entry></feed>`;
    expect(parse(doc('<title type="text/html" mode="escaped">&lt;b&gt;Hi&lt;/b&gt; &lt;Verizon&gt;</title>')).items[0]!.title).toBe('Hi <Verizon>');
    expect(parse(doc('<title mode="escaped">&lt;b&gt;Hi&lt;/b&gt;</title>')).items[0]!.title).toBe('<b>Hi</b>');
  });

  it('Atom type="text" summary and content are text as well; RSS descriptions stay HTML', () => {
    const r = parse(entry('<title>t</title>', '<content type="text">Use &lt;b&gt; for bold &amp; &lt;img src="https://atom.example/x.png"&gt; for images</content>'), { contentHtml: true });
    expect(r.items[0]).toMatchObject({ summary: 'Use <b> for bold & <img src="https://atom.example/x.png"> for images', image: null });
    expect(r.items[0]!.contentHtml).toBe('Use &lt;b&gt; for bold &amp; &lt;img src="https://atom.example/x.png"&gt; for images');
    const d = parse(rss(item('<link>https://t.example/1</link><description><![CDATA[AT&T and <Verizon> merge?]]></description>')));
    expect(d.items[0]!.summary).toBe('AT&T and merge?'); // description is HTML: an unknown element is hidden, as a browser would
  });
});

describe('security and limits', () => {
  const body = '<rss version="2.0"><channel><title>x</title><item><title>&e;</title><link>https://s.example/1</link></item></channel></rss>';
  it.each([
    ['SYSTEM entity', '<!DOCTYPE rss [<!ENTITY e SYSTEM "file:///etc/passwd">]>', 'external_entity_rejected'],
    ['PUBLIC entity', '<!DOCTYPE rss [<!ENTITY e PUBLIC "-//x//y" "http://evil.example/x.dtd">]>', 'external_entity_rejected'],
    ['parameter entity', '<!DOCTYPE rss [<!ENTITY % p SYSTEM "http://evil.example/p.dtd"> %p;]>', 'external_entity_rejected'],
    ['internal entity', '<!DOCTYPE rss [<!ENTITY e "hello">]>', 'entity_expansion_rejected'],
    ['billion laughs', '<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY e "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>', 'entity_expansion_rejected'],
    ['lower-case doctype', '<!doctype rss [<!ENTITY e "x">]>', 'entity_expansion_rejected'],
  ])('%s -> %s', (_n, doctype, kind) => {
    const r = parse(`<?xml version="1.0"?>\n${doctype}\n${body}`);
    expect(r.items).toEqual([]);
    expect(r.errors.map((e) => e.kind)).toEqual([kind]);
  });

  it('a DOCTYPE after comments and PIs in the prolog is still found', () => {
    const r = parse('<?xml version="1.0"?><!-- c --><?pi x?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><rss/>');
    expect(r.errors.map((e) => [e.kind, e.position])).toEqual([['external_entity_rejected', 53]]);
  });

  it('entities declared in a (non-XML) DOCTYPE after the root are never expanded', () => {
    const r = parse('<rss><!DOCTYPE x [<!ENTITY e "boom">]><channel><item><title>a &e; b</title></item></channel></rss>');
    expect(JSON.stringify(r)).not.toContain('boom');
    expect(r.items[0]!.title).toBe('a &e; b');
  });

  it('"<!ENTITY" inside CDATA of a feed without DOCTYPE is content', () => {
    const r = parse('<rss><channel><item><title>XML tips</title><description><![CDATA[<pre><!DOCTYPE x [<!ENTITY e "boom">]></pre>]]></description></item></channel></rss>');
    expect(r.errors).toEqual([]);
    expect(r.items[0]!.title).toBe('XML tips');
  });

  it('"<!ENTITY" inside content after the DOCTYPE is not a declaration', () => {
    const r = parse(`<!DOCTYPE rss><rss><channel><item><title>About &lt;!ENTITY</title><description><![CDATA[<!ENTITY x "y">]]></description><link>https://s.example/1</link></item></channel></rss>`);
    expect(r.errors).toEqual([]);
    // as in HTML, '<!' starts a bogus comment in text, so the title loses it; the feed is not rejected
    expect(r.items[0]!.title).toBe('About');
    expect(r.items[0]!.link).toBe('https://s.example/1');
  });

  it('too_large: over the byte cap is rejected before decoding', () => {
    expect(FEED_MAX_BYTES).toBe(10 * 1024 * 1024);
    const r = parseFeed(new Uint8Array(101), { maxBytes: 100 });
    expect(r.errors.map((e) => e.kind)).toEqual(['too_large']);
    expect(parseFeed(new Uint8Array(FEED_MAX_BYTES + 1)).errors[0]!.kind).toBe('too_large');
  });

  it('maxItems keeps the first N and reports the rest', () => {
    expect(DEFAULT_MAX_ITEMS).toBe(5000);
    const items = Array.from({ length: 5 }, (_, i) => `<item><title>${i}</title></item>`).join('');
    const r = parse(rss(items), { maxItems: 3 });
    expect(r.items.map((i) => i.title)).toEqual(['0', '1', '2']);
    expect(r.errors.map((e) => e.kind)).toEqual(['too_many_items']);
  });

  it('maxItems keeps the newest N by date, whatever the feed’s order (RSS, Atom, JSON Feed), and says so', () => {
    const day = (i: number) => new Date(Date.UTC(2026, 0, 1 + i)).toUTCString();
    const rssOf = (order: number[], date = (i: number): string | null => day(i)) =>
      rss(order.map((i) => `<item><title>${i}</title>${date(i) ? `<pubDate>${date(i)}</pubDate>` : ''}</item>`).join(''));
    const titles = (xml: string, max = 3) => parse(xml, { maxItems: max, now: new Date('2026-02-01T00:00:00Z') }).items.map((i) => i.title);
    // oldest first: the newest three, in feed order
    const r = parse(rssOf([0, 1, 2, 3, 4]), { maxItems: 3 });
    expect(r.items.map((i) => i.title)).toEqual(['2', '3', '4']);
    expect(r.errors.map((e) => e.message)).toEqual(['feed has 5 items; kept the newest 3 by date']);
    expect(titles(rssOf([4, 3, 2, 1, 0]))).toEqual(['4', '3', '2']);
    expect(titles(rssOf([2, 4, 0, 3, 1]))).toEqual(['2', '4', '3']);
    // an old pinned item or a 1970 date at the top of a newest-first feed, a typo's 2062 at the end of an oldest-first
    // one (over a day ahead: no date), an undated item at either end: the newest dated three still
    expect(titles(rssOf([0, 9, 8, 7, 6]))).toEqual(['9', '8', '7']);
    expect(titles(rssOf([70, 9, 8, 7, 6], (i) => (i === 70 ? 'Thu, 01 Jan 1970 00:00:00 GMT' : day(i))))).toEqual(['9', '8', '7']);
    expect(titles(rssOf([5, 6, 7, 8, 62], (i) => (i === 62 ? 'Sat, 01 Jan 2062 00:00:00 GMT' : day(i))))).toEqual(['6', '7', '8']);
    expect(titles(rssOf([1, 2, 3, 4, 99], (i) => (i === 99 ? null : day(i))))).toEqual(['2', '3', '4']);
    // no dates at all: the first three
    const undated = parse(rssOf([0, 1, 2, 3, 4], () => null), { maxItems: 3 });
    expect(undated.items.map((i) => i.title)).toEqual(['0', '1', '2']);
    expect(undated.errors.map((e) => e.message)).toEqual(['feed has 5 items, none dated; kept the first 3']);
    const entries = Array.from({ length: 4 }, (_, i) => `<entry><title>${i}</title><id>https://atom.example/${i}</id><updated>2026-01-0${i + 1}T00:00:00Z</updated></entry>`).join('');
    const a = parse(atom(entries), { maxItems: 2 });
    expect(a.items.map((i) => i.title)).toEqual(['2', '3']);
    expect(a.errors.map((e) => e.message)).toEqual(['feed has 4 entries; kept the newest 2 by date']);
    const json = { version: 'https://jsonfeed.org/version/1.1', title: 'J', items: Array.from({ length: 4 }, (_, i) => ({ id: String(i), url: `https://j.example/${i}`, title: String(i), date_published: `2026-01-0${i + 1}T00:00:00Z` })) };
    expect(parse(JSON.stringify(json), { maxItems: 2 }).items.map((i) => i.title)).toEqual(['2', '3']);
  });

  it('item_invalid: items with no title, no link and no text are dropped and reported, never lost silently', () => {
    const r = parse(rss('<item><guid>g1</guid></item><item><title>ok</title></item><item><link>mailto:x@y.z</link></item>'));
    expect(r.items.map((i) => i.title)).toEqual(['ok']);
    expect(r.errors.map((e) => [e.kind, e.position])).toEqual([
      ['item_invalid', 0],
      ['item_invalid', 2],
    ]);
  });

  it('a description-only item (valid RSS 2.0) is kept, titled by the start of its text', () => {
    const long = 'word '.repeat(60);
    const r = parse(rss(`<item><description>was newly added and is &quot;Broken&quot;</description></item><item><description>${long}</description></item>`));
    expect(r.errors).toEqual([]);
    expect(r.items[0]).toMatchObject({ title: 'was newly added and is "Broken"', link: null, summary: 'was newly added and is "Broken"' });
    expect(r.items[1]!.title!.length).toBeLessThanOrEqual(120);
    expect(r.items[1]!.title).toMatch(/^word word .*word…$/);
  });

  it.each([
    ['empty', ''],
    ['whitespace', '  \n '],
    ['HTML page', '<!DOCTYPE html><html><head><title>Moved</title></head><body>Document moved</body></html>'],
    ['plain text', 'Service unavailable'],
    ['other XML', '<?xml version="1.0"?><opml><body/></opml>'],
    ['JSON that is not a feed', '{"hello": "world"}'],
    ['gzip', '\u001f\u008b\u0008'],
  ])('not_a_feed: %s', (_n, input) => {
    const bytes = input.startsWith('\u001f') ? new Uint8Array([0x1f, 0x8b, 8, 0]) : enc.encode(input);
    const r = parseFeed(bytes);
    expect(r.format).toBeNull();
    expect(r.items).toEqual([]);
    expect(r.errors.map((e) => e.kind)).toEqual(['not_a_feed']);
  });

  it('xml_malformed and json_malformed', () => {
    expect(parse('<rss><channel><!-- unclosed <item><title>x</title></item></channel></rss>').errors.map((e) => e.kind)).toEqual(['xml_malformed']);
    expect(parse('<rss><channel><item><link><![CDATA[x</link></item></channel></rss>').errors.map((e) => e.kind)).toEqual(['xml_malformed']);
    expect(parse('{"version": "https://jsonfeed.org/version/1", "items": [').errors[0]!.kind).toBe('json_malformed');
  });

  it('is lenient like a browser: mismatched close tags, names like constructor, a repeated root', () => {
    expect(parse('<rss><channel><item><title>x</title><link>https://l.example/</link></chanel></rss>').items.map((i) => i.title)).toEqual(['x']);
    const r = parse('<rss><channel><item constructor="1"><title>y</title><constructor>z</constructor><__proto__>p</__proto__></item></channel></rss><rss/>');
    expect(r.errors).toEqual([]);
    expect(r.items.map((i) => i.title)).toEqual(['y']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('never throws on arbitrary bytes (deterministic fuzz)', () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const base = enc.encode(rss(item('<link>https://f.example/1</link><description>&lt;p&gt;x&lt;/p&gt;</description><pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate>')));
    for (let n = 0; n < 300; n++) {
      const bytes = base.slice(0, Math.floor(rand() * base.length));
      for (let k = 0; k < 5; k++) bytes[Math.floor(rand() * bytes.length)] = Math.floor(rand() * 256);
      const r = parseFeed(bytes);
      expect(Array.isArray(r.items)).toBe(true);
      expect(r.errors.every((e) => e.kind !== 'internal_error')).toBe(true);
    }
  });

  it('future dates are null relative to options.now', () => {
    const xml = rss(item('<link>https://f.example/1</link><pubDate>Fri, 01 Jan 2027 00:00:00 GMT</pubDate>'));
    expect(parse(xml, { now: new Date('2026-02-18T00:00:00Z') }).items[0]!.published).toBeNull();
    expect(parse(xml, { now: new Date('2026-12-31T12:00:00Z') }).items[0]!.published).toBe('2027-01-01T00:00:00Z');
  });
});

describe('empty entries', () => {
  it('are numbered from 1 in Atom as in RSS (an Atom feed\'s first empty entry had been "entry 0")', () => {
    const atom = parse('<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry/><entry></entry><entry><title>T</title><id>x:3</id><link href="https://a.example/3"/></entry></feed>');
    expect(atom.errors).toEqual([
      { kind: 'item_invalid', message: 'item 1 is empty', position: 0 },
      { kind: 'item_invalid', message: 'item 2 is empty', position: 1 },
    ]);
    expect(atom.items.map((i) => i.position)).toEqual([2]);
  });
});

describe('RSS items beside the channel', () => {
  it('are read with the channel\'s own, not dropped without a word when the channel has items', () => {
    const r = parse('<rss version="2.0"><channel><title>C</title><link>https://c.example/</link><item><title>In 1</title><link>https://c.example/1</link></item><item><title>In 2</title><link>https://c.example/2</link></item></channel><item><title>Beside</title><link>https://c.example/3</link></item></rss>');
    expect(r.items.map((i) => i.title)).toEqual(['In 1', 'In 2', 'Beside']);
    expect(r.errors).toEqual([]);
  });
});
