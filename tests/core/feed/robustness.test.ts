/**
 * Siblings of the open points of the feed core: the lenient XML scanner, recovery of broken documents (the
 * 7ef13a42… kind), gzip bodies, per-source time zones, summary caps, sanitised display HTML, decorative images,
 * time budget, and more link / image / entity forms.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeHtmlEntities, decodeXmlEntities } from '../../../src/core/feed/clean-text.js';
import { parseDate, sourceZoneOffset } from '../../../src/core/feed/parse-date.js';
import { AUTHOR_MAX_CHARS, CATEGORIES_MAX, CATEGORY_MAX_CHARS, SUMMARY_MAX_CHARS, TITLE_MAX_CHARS } from '../../../src/core/config.js';
import { parseFeed, withoutFeedFooter, sanitizeContentHtml, type ParseOptions } from '../../../src/core/feed/parse-feed.js';
import { XmlSyntaxError, scanXml } from '../../../src/core/feed/scan-xml.js';
import { URL_MAX_CHARS } from '../../../src/core/feed/canonical-url.js';

const enc = new TextEncoder();
const parse = (xml: string, opts?: ParseOptions) => parseFeed(enc.encode(xml), opts);
const NS = 'xmlns:media="http://search.yahoo.com/mrss/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"';
const rss = (items: string) => `<?xml version="1.0"?><rss version="2.0" ${NS}><channel><title>C</title><link>https://c.example/</link>${items}</channel></rss>`;
const raw = new Set(['title', 'description']);

describe('scanXml', () => {
  it('builds the fast-xml-parser shape: leaf strings, attributes, repeated names as arrays, #text', () => {
    const d = scanXml('<?xml version="1.0"?><!-- c --><r a="1"><x>one</x><x b=\'2\'>two</x><y/><z>t<![CDATA[<b>&amp;</b>]]></z><w k="v">  text  </w></r>', { rawElements: raw });
    expect(d).toEqual({ r: { '@_a': '1', x: ['one', { '@_b': '2', '#text': 'two' }], y: '', z: 't<b>&amp;</b>', w: { '@_k': 'v', '#text': 'text' } } });
  });

  it('keeps raw elements verbatim, nesting and CDATA included', () => {
    const d = scanXml('<r><title type="xhtml"><div><title>in</title> <b>x</b></div></title><description><![CDATA[a </description> b]]></description></r>', { rawElements: raw });
    expect(d).toEqual({ r: { title: { '@_type': 'xhtml', '#text': '<div><title>in</title> <b>x</b></div>' }, description: '<![CDATA[a </description> b]]>' } });
  });

  it('is lenient: unquoted and bare attributes, stray close tags, unclosed elements at the end, a literal <', () => {
    const d = scanXml('<r v=2.0 flag><a>x < y</b></a><c><d>open', { rawElements: raw });
    expect(d).toEqual({ r: { '@_v': '2.0', '@_flag': 'true', a: 'x < y', c: { d: 'open' } } });
  });

  it('ignores a close tag that matches no open element, however deep the stack (each had walked the whole stack: 45 s for 700 KB)', () => {
    const n = 200_000;
    const d = scanXml(`<r><t>q</t>${'<a>'.repeat(n)}${'</b>'.repeat(n)}<a>x</a></r>`, { rawElements: raw });
    let depth = 0;
    for (let a = (d.r as Record<string, unknown>).a; a !== undefined; a = (a as Record<string, unknown>).a) depth++;
    expect((d.r as Record<string, unknown>).t).toBe('q');
    // the last <a> opened inside the innermost stray one, so the chain is n + 1 deep, all closed by </r>
    expect(depth).toBe(n + 1);
  });

  it('closes up to the matching element of a name that is open more than once', () => {
    expect(scanXml('<r><a><b><a><c>x</b>y</a></r>', { rawElements: raw })).toEqual({ r: { a: { b: { a: { c: 'x' } }, '#text': 'y' } } });
    expect(scanXml('<r><a>1</a><a><b>2</a><a>3</a></r>', { rawElements: raw })).toEqual({ r: { a: ['1', { b: '2' }, '3'] } });
  });

  it.each([
    ['unterminated comment', '<r><!-- x</r>'],
    ['unterminated CDATA', '<r><a><![CDATA[x</a></r>'],
    ['unterminated start tag', '<r><a href="x"'],
    ['no element', 'just text'],
  ])('names what it cannot read: %s', (_n, xml) => {
    expect(() => scanXml(xml, { rawElements: raw })).toThrow(XmlSyntaxError);
  });

  it('never lets a name reach the prototype', () => {
    const d = scanXml('<r __proto__="x"><constructor>c</constructor><prototype/></r>', { rawElements: raw }) as Record<string, Record<string, unknown>>;
    expect(Object.keys(d['r']!).sort()).toEqual(['@____proto__', '_constructor', '_prototype']);
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });
});

describe('recovery of broken documents (other/7ef13a42… and its kind)', () => {
  const broken = `<!-- generated -->
<?xml?xml version="1.0" encoding="UTF-8" ??>
<rss rss:version=2.0>
<rss:channel><rss:title>arts</rss:title><rss:link>https://arts.example/</rss:link>
<rss:item><rss:title>one</rss:title><rss:link>https://arts.example/1</rss:link><rss:guid rss:isPermaLink=true>https://arts.example/1</rss:guid><rss:pubDate>Wed, 19 jan 2026 00:00:00 GMT</rss:pubDate></rss:item>
<rss:item><rss:title>two</rss:title><rss:link>https://arts.example/2</rss:link></rss:item>
</rss:channel></rss>`;

  it('recovers items behind a broken prolog, an undeclared rss: prefix and unquoted attributes', () => {
    const r = parse(broken);
    expect(r.errors).toEqual([]);
    expect(r.format).toBe('rss');
    expect(r.feed).toMatchObject({ title: 'arts', link: 'https://arts.example/' });
    expect(r.items.map((i) => [i.title, i.link, i.published])).toEqual([
      ['one', 'https://arts.example/1', '2026-01-19T00:00:00Z'],
      ['two', 'https://arts.example/2', null],
    ]);
  });

  it('a declared rss: namespace is left alone (RSS 1.0 documents that prefix their elements)', () => {
    const rdf = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rss="http://purl.org/rss/1.0/"><rss:channel><rss:title>x</rss:title></rss:channel><item><title>kept</title></item></rdf:RDF>`;
    expect(parse(rdf).items.map((i) => i.title)).toEqual(['kept']);
  });

  it('a truncated feed keeps the items before the cut and says it was cut (xml_truncated), a whole one does not', () => {
    const cut = '<rss version="2.0"><channel><title>t</title><item><title>a</title><link>https://t.example/a</link></item><item><title>b</title><link>https://t.example/b';
    const r = parse(cut);
    expect(r.items.map((i) => i.title)).toEqual(['a', 'b']);
    expect(r.errors).toEqual([{ kind: 'xml_truncated', message: expect.stringContaining('ends inside 4 open element(s) (<rss> <channel> <item> <link>)'), position: cut.length }]);
    expect(parse(rss('<item><title>a</title><link>https://t.example/a</link></item>')).errors).toEqual([]);
    // Names beyond the outermost four and innermost two are counted, not listed (800,000 had made a 10 MB message).
    const deep = parse(`${cut}${'<x>'.repeat(10_000)}<y><z>`);
    expect(deep.errors[0]!.message).toBe('the document ends inside 10006 open element(s) (<rss> <channel> <item> <link> … <y> <z>): a cut-off download? Items before the cut are kept');
  });

  it('xml_malformed carries the position of the fault, and the feed when its URL is known', () => {
    const bad = '<rss><channel><!-- unclosed <item></item></channel></rss>';
    expect(parse(bad).errors).toEqual([{ kind: 'xml_malformed', message: expect.stringContaining('comment'), position: 14 }]);
    expect(parse(bad, { url: 'https://f.example/rss' }).errors).toEqual([
      { kind: 'xml_malformed', message: expect.any(String), position: 14, feed: 'https://f.example/rss' },
    ]);
  });
});

describe('gzip bodies', () => {
  const xml = rss('<item><title>zipped</title><link>https://z.example/1</link></item>');

  it('bounds an item\'s author and categories (a 1 MB author and 2,000 categories an item had been stored whole)', () => {
    const cats = Array.from({ length: 2000 }, (_, i) => `<category>c${i}</category>`).join('');
    const r = parse(rss(`<item><title>a</title><link>https://t.example/a</link><author>${'Ann '.repeat(250_000)}</author>${cats}<category>${'long '.repeat(100)}</category></item>`));
    const item = r.items[0]!;
    expect(item.author!.length).toBeLessThanOrEqual(AUTHOR_MAX_CHARS);
    expect(item.author!.startsWith('Ann Ann')).toBe(true);
    expect(item.author!.endsWith('…')).toBe(true);
    expect(item.categories).toHaveLength(CATEGORIES_MAX);
    expect(item.categories.slice(0, 3)).toEqual(['c0', 'c1', 'c2']);
    const one = parse(rss(`<item><title>a</title><link>https://t.example/a</link><category>${'long '.repeat(100)}</category></item>`)).items[0]!;
    expect(one.categories[0]!.length).toBeLessThanOrEqual(CATEGORY_MAX_CHARS);
  });

  it('a gzip body is inflated and parsed', () => {
    expect(parseFeed(gzipSync(enc.encode(xml))).items.map((i) => i.title)).toEqual(['zipped']);
  });

  it('a gzip bomb stops at the byte cap', () => {
    const bomb = gzipSync(Buffer.alloc(5_000_000, 32));
    expect(bomb.length).toBeLessThan(100_000);
    expect(parseFeed(bomb, { maxBytes: 1_000_000 }).errors.map((e) => e.kind)).toEqual(['too_large']);
  });

  it('broken gzip is not_a_feed', () => {
    expect(parseFeed(new Uint8Array([0x1f, 0x8b, 8, 0, 1, 2, 3])).errors.map((e) => e.kind)).toEqual(['not_a_feed']);
  });
});

describe('per-source time zone for zone-less dates', () => {
  it.each([
    ['2024-07-01T12:00:00', 'Europe/Berlin', '2024-07-01T10:00:00Z'], // CEST, +02:00
    ['2024-01-15T12:00:00', 'Europe/Berlin', '2024-01-15T11:00:00Z'], // CET, +01:00
    ['2024-07-01 08:30', 'America/New_York', '2024-07-01T12:30:00Z'],
    ['2024-07-01T12:00:00', '+05:30', '2024-07-01T06:30:00Z'],
    ['2024-07-01T12:00:00', '-0800', '2024-07-01T20:00:00Z'],
    ['Mon, 01 Jul 2024 12:00:00', 'Asia/Tokyo', '2024-07-01T03:00:00Z'], // RFC 822 without a zone
    ['07/01/2024 12:00', 'Asia/Kolkata', '2024-07-01T06:30:00Z'],
    ['2024-07-01T12:00:00Z', 'Asia/Tokyo', '2024-07-01T12:00:00Z'], // an explicit zone wins
    ['Mon, 01 Jul 2024 12:00:00 EDT', 'Asia/Tokyo', '2024-07-01T16:00:00Z'],
    ['2024-07-01', 'Asia/Tokyo', '2024-07-01T00:00:00Z'], // a calendar day stays that day
    ['2024-07-01T12:00:00', 'Not/AZone', '2024-07-01T12:00:00Z'], // unknown zone: UTC
    ['2024-07-01T12:00:00', undefined, '2024-07-01T12:00:00Z'],
  ])('%s in %s → %s', (value, zone, want) => {
    expect(parseDate(value, undefined, zone)).toBe(want);
  });

  it('handles the daylight-saving change (America/New_York, 2024-03-10)', () => {
    expect(parseDate('2024-03-10T01:30:00', undefined, 'America/New_York')).toBe('2024-03-10T06:30:00Z');
    expect(parseDate('2024-03-10T03:30:00', undefined, 'America/New_York')).toBe('2024-03-10T07:30:00Z');
    expect(sourceZoneOffset('Australia/Sydney', Date.UTC(2024, 0, 1, 12))).toBe(660);
  });

  it('reaches parseFeed through ParseOptions.timeZone (RSS, Atom, JSON Feed)', () => {
    const x = rss('<item><title>t</title><pubDate>2024-07-01T12:00:00</pubDate></item>');
    expect(parse(x, { timeZone: 'Europe/Paris' }).items[0]!.published).toBe('2024-07-01T10:00:00Z');
    const a = '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>t</title><updated>2024-07-01T12:00:00</updated></entry></feed>';
    expect(parse(a, { timeZone: '+01:00' }).items[0]!.published).toBe('2024-07-01T11:00:00Z');
    const j = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [{ id: '1', title: 't', date_published: '2024-07-01T12:00:00' }] });
    expect(parse(j, { timeZone: 'Asia/Tokyo' }).items[0]!.published).toBe('2024-07-01T03:00:00Z');
  });

  it('far-future dates are null; within a day of now they are kept', () => {
    const now = new Date('2026-02-18T12:00:00Z');
    expect(parseDate('2099-01-01T00:00:00Z', now)).toBeNull();
    expect(parseDate('2026-02-20T00:00:00Z', now)).toBeNull();
    expect(parseDate('2026-02-19T00:00:00Z', now)).toBe('2026-02-19T00:00:00Z');
  });
});

describe('titles', () => {
  it('cuts a title past TITLE_MAX_CHARS (300) at a word, marked with …, and keeps a real long one whole', () => {
    const long = Array.from({ length: 20_000 }, (_, i) => `word${i}`).join(' ');
    const cut = parse(rss(`<item><title>${long}</title><link>https://x.example/a</link></item>`)).items[0]!.title!;
    expect(TITLE_MAX_CHARS).toBe(300);
    expect(cut.length).toBeLessThanOrEqual(300);
    expect(cut.length).toBeGreaterThan(250);
    expect(cut.startsWith('word0 word1 word2')).toBe(true);
    expect(cut.endsWith('…')).toBe(true);
    // The longest title of the 7-day stream is 296 characters: such a title stays as it is.
    const real = 'A'.repeat(296);
    expect(parse(rss(`<item><title>${real}</title><link>https://x.example/b</link></item>`)).items[0]!.title).toBe(real);
  });
});

describe('feed footers', () => {
  it("drops WordPress's 'The post … appeared first on …' from the end of a summary (boston.com in the snapshot)", () => {
    const html =
      '<p>Washington never wore wooden dentures, historians say.</p><p>The post <a href="https://www.boston.com/a">Myths about George</a> appeared first on <a href="https://www.boston.com">Boston.com</a>.</p>';
    const r = parse(rss(`<item><title>t</title><link>https://x.example/a</link><description><![CDATA[${html}]]></description></item>`));
    expect(r.items[0]!.summary).toBe('Washington never wore wooden dentures, historians say.');
    expect(withoutFeedFooter('The post Myths appeared first on Boston.com.')).toBeNull();
    expect(withoutFeedFooter('Nothing to cut.')).toBe('Nothing to cut.');
    expect(withoutFeedFooter('The post office closed. It appeared first on Monday in the paper, said the mayor.')).toBe(
      'The post office closed. It appeared first on Monday in the paper, said the mayor.',
    );
  });
});

describe('summaries and display HTML', () => {
  const para = (i: number) => `<p>Paragraph ${i} of the whole article, with some words to make it long enough.</p>`;
  const fullText = Array.from({ length: 400 }, (_, i) => para(i)).join('');

  it('a feed that only carries the full article gets a capped summary, cut at a word, marked with …', () => {
    const r = parse(rss(`<item><title>t</title><content:encoded><![CDATA[${fullText}]]></content:encoded></item>`));
    const s = r.items[0]!.summary!;
    expect(s.length).toBeLessThanOrEqual(SUMMARY_MAX_CHARS);
    expect(s.length).toBeGreaterThan(SUMMARY_MAX_CHARS - 100);
    expect(s.startsWith('Paragraph 0 of the whole article')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect(s).not.toMatch(/<|\s…$/);
  });

  it('the same cap for Atom content and JSON Feed content_html / content_text', () => {
    const a = parse(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>t</title><content type="html">${fullText.replace(/</g, '&lt;')}</content></entry></feed>`);
    expect(a.items[0]!.summary!.length).toBeLessThanOrEqual(SUMMARY_MAX_CHARS);
    const j = parse(JSON.stringify({ version: 'https://jsonfeed.org/version/1', items: [{ id: '1', title: 't', content_html: fullText }, { id: '2', title: 'u', content_text: 'w '.repeat(3000) }] }));
    expect(j.items.map((i) => i.summary!.length <= SUMMARY_MAX_CHARS)).toEqual([true, true]);
  });

  it('contentHtml is only returned when asked for, and then sanitised to the allow-list', () => {
    const x = rss(`<item><title>t</title><description>short</description><content:encoded><![CDATA[<p onclick="x()">Hi <a href="javascript:alert(1)">bad</a> <a href="https://ok.example/">ok</a><script>alert(1)</script><img src="https://i.example/a.jpg" onerror="x()"><iframe src="https://evil.example/"></iframe><style>p{}</style></p>]]></content:encoded></item>`);
    expect(parse(x).items[0]).not.toHaveProperty('contentHtml');
    const html = parse(x, { contentHtml: true }).items[0]!.contentHtml!;
    expect(html).toBe('<p>Hi <a rel="noopener noreferrer nofollow">bad</a> <a href="https://ok.example/" rel="noopener noreferrer nofollow">ok</a><img src="https://i.example/a.jpg" /></p>');
    expect(parse(x, { contentHtml: true }).items[0]!.summary).toBe('short');
  });

  it('sanitizeContentHtml keeps structure, drops styles, handlers and unsafe schemes', () => {
    expect(sanitizeContentHtml('<h2 style="color:red">H</h2><ul><li>a</li></ul><img src="data:image/png;base64,AA"><svg><text>x</text></svg>')).toBe('<h2>H</h2><ul><li>a</li></ul><img />');
  });

  it('JSON Feed content_text becomes escaped display HTML', () => {
    const j = parse(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [{ id: '1', title: 't', content_text: 'a < b\nc' }] }), { contentHtml: true });
    expect(j.items[0]!.contentHtml).toBe('a &lt; b<br />c');
  });
});

describe('decorative images are not the article picture', () => {
  const img = (inner: string) => parse(rss(`<item><title>t</title><link>https://i.example/1</link>${inner}</item>`)).items[0]!.image;

  it.each([
    ['gravatar author avatar in media:content, then the real picture', '<media:content url="https://0.gravatar.com/avatar/abc?s=96" medium="image"/><media:content url="https://i.example/real.jpg" medium="image"/>', 'https://i.example/real.jpg'],
    ['share buttons before the picture', '<description>&lt;a href="x"&gt;&lt;img src="https://static.addtoany.com/buttons/share_save_171_16.png"&gt;&lt;/a&gt;&lt;img src="https://i.example/p.jpg"&gt;</description>', 'https://i.example/p.jpg'],
    ['an icon by its declared size', '<description>&lt;img src="https://i.example/fb.png" width="16" height="16"&gt;&lt;img src="https://i.example/p2.jpg" width="640"&gt;</description>', 'https://i.example/p2.jpg'],
    ['WordPress emoji', '<content:encoded><![CDATA[<img src="https://s.w.org/images/core/emoji/15.0.3/72x72/1f600.png" alt="😀">]]></content:encoded>', null],
    ['feedburner furniture', '<description>&lt;img src="https://feeds.feedburner.com/~r/x/~4/abc" height="1" width="1"&gt;</description>', null],
    ['a badge', '<description>&lt;img src="https://img.shields.io/badge/build-passing-green"&gt;</description>', null],
    ['protocol-relative media:thumbnail', '<media:thumbnail url="//cdn.example/t.jpg"/>', 'https://cdn.example/t.jpg'],
    ['itunes:image on the item', '<itunes:image href="https://i.example/cover.jpg"/>', 'https://i.example/cover.jpg'],
    ['media:content image inside media:group', '<media:group><media:content url="https://i.example/g1.jpg" medium="image"/><media:content url="https://i.example/g2.jpg" medium="image"/></media:group>', 'https://i.example/g1.jpg'],
  ])('%s', (_n, inner, want) => {
    expect(img(inner)).toBe(want);
  });
});

describe('links: more forms', () => {
  it('protocol-relative links take the base\'s scheme (the channel link, else the feed URL), https without one', () => {
    const item = '<item><title>t</title><link>//news.example/a</link></item>';
    const x = rss(item); // channel link https://c.example/
    expect(parse(x, { url: 'http://feeds.example/rss' }).items[0]!.link).toBe('https://news.example/a');
    const noSite = `<rss version="2.0"><channel><title>C</title>${item}</channel></rss>`;
    expect(parse(noSite, { url: 'http://feeds.example/rss' }).items[0]!.link).toBe('http://news.example/a');
    const httpSite = `<rss version="2.0"><channel><title>C</title><link>http://c.example/</link>${item}</channel></rss>`;
    expect(parse(httpSite, { url: 'https://feeds.example/rss' }).items[0]!.link).toBe('http://news.example/a');
    expect(parse(noSite).items[0]!.link).toBe('https://news.example/a');
  });

  it('feedburner:origLink wins in RSS and Atom, and is resolved like any link', () => {
    const r = parse(rss('<item><title>t</title><link>https://feedproxy.example/~r/x</link><feedburner:origLink>https://blog.example/post?utm_source=feedburner</feedburner:origLink></item>'));
    expect(r.items[0]).toMatchObject({ link: 'https://blog.example/post?utm_source=feedburner', canonicalUrl: 'https://blog.example/post' });
    const a = parse('<feed xmlns="http://www.w3.org/2005/Atom" xmlns:fb="http://rssnamespace.org/feedburner/ext/1.0"><entry><title>t</title><link href="https://proxy.example/x"/><fb:origLink>https://orig.example/y</fb:origLink></entry></feed>');
    expect(a.items[0]!.link).toBe('https://orig.example/y');
  });

  it('xml:base chain in RSS (channel, item) and Atom 0.3 (feed, entry, link)', () => {
    const r = parse(`<rss version="2.0"><channel xml:base="https://a.example/blog/"><title>c</title><item xml:base="2024/"><title>t</title><link>post.html</link></item></channel></rss>`, { url: 'https://feeds.example/x' });
    expect(r.items[0]!.link).toBe('https://a.example/blog/2024/post.html');
    const a = parse(`<feed version="0.3" xmlns="http://purl.org/atom/ns#" xml:base="https://b.example/"><title>A</title><entry xml:base="notes/"><title>t</title><link rel="alternate" type="text/html" href="n1"/><issued>2004-01-02T10:00:00Z</issued></entry></feed>`);
    expect(a.items[0]).toMatchObject({ link: 'https://b.example/notes/n1', published: '2004-01-02T10:00:00Z' });
  });

  it('JSON Feed 1.0 (author object, relative url, external_url fallback)', () => {
    const j = parse(JSON.stringify({ version: 'https://jsonfeed.org/version/1', home_page_url: 'https://j.example/', items: [{ id: 'a', url: '/p/1', title: 'One', author: { name: 'Ann' }, date_published: '2020-01-01T00:00:00+01:00' }] }));
    expect(j.items[0]).toMatchObject({ link: 'https://j.example/p/1', author: 'Ann', published: '2019-12-31T23:00:00Z' });
  });
});

describe('entities: the fast decoder agrees with the WHATWG rules', () => {
  it.each([
    ['&amp;amp;', '&amp;'], // decoded once
    ['O&#39;Neill&#x2019;s', 'O\'Neill’s'],
    ['&#146;', '’'], // HTML remaps C1 references to windows-1252
    ['a&nbsp;b &copy', 'a\u00a0b ©'], // a legacy reference without ';'
    ['&eacute;t&eacute; &hearts; &unknown;', 'été ♥ &unknown;'],
    ['&#0; &#xD800; &#1114112;', '\ufffd \ufffd \ufffd'],
    ['AT&T & co', 'AT&T & co'],
  ])('decodeHtmlEntities(%s)', (input, want) => {
    expect(decodeHtmlEntities(input)).toBe(want);
  });

  it('XML decoding knows only the five names and character references', () => {
    expect(decodeXmlEntities('&lt;p&gt; &amp;nbsp; &nbsp; &#x41;&#66;')).toBe('<p> &nbsp; &nbsp; AB');
  });
});

describe('bounded time per feed', () => {
  it('a spent budget drops the remaining items with one named error', () => {
    const items = Array.from({ length: 200 }, (_, i) => `<item><title>${i}</title></item>`).join('');
    let t = 0;
    const r = parse(rss(items), { maxParseMs: 5, timer: () => (t += 10) }); // 10 ms pass between checks
    expect(r.items.length).toBe(31);
    expect(r.errors).toEqual([{ kind: 'time_budget_exceeded', message: expect.any(String), position: 31 }]);
  });

  it('reads no clock of its own: without a timer there is no budget, so the result depends on the bytes alone', () => {
    const items = Array.from({ length: 200 }, (_, i) => `<item><title>${i}</title></item>`).join('');
    expect(parse(rss(items), { maxParseMs: -1 }).items.length).toBe(200);
  });

  it('a large hostile document parses in linear time', () => {
    const many = '<item><title>' + '<b '.repeat(20000) + '</title></item>';
    const t0 = performance.now();
    const r = parse(rss(many.repeat(20)));
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(r.errors.every((e) => e.kind !== 'internal_error')).toBe(true);
  });
});

describe('unusable links are named (a trial\'s 100 KB link had been reported only as "has no http(s) link")', () => {
  const long = 'https://t.example/' + 'a'.repeat(100_000);

  it('an RSS link over URL_MAX_CHARS: the item is kept without a link, with a warning that gives the length and the limit', () => {
    const r = parse(rss(`<item><title>Long</title><link>${long}</link></item><item><title>Fine</title><link>https://t.example/ok</link></item>`));
    expect(r.items.map((i) => i.link)).toEqual([null, 'https://t.example/ok']);
    expect(r.errors).toEqual([
      { kind: 'item_link_unusable', message: 'item 1 ("Long") has a link that is 100,018 characters long, over the 8,192-character limit', position: 0 },
    ]);
  });

  it('a link within the limit as written but over it percent-encoded gets the same warning, with its encoded length (a hostile pass\'s had been named only "no http(s) link" at ingest)', () => {
    const spaced = 'https://t.example/' + 'a '.repeat(4_000);
    const r = parse(rss(`<item><title>Spaced</title><link>${spaced}</link></item>`));
    expect(r.items.map((i) => i.link)).toEqual([null]);
    const encoded = new URL(spaced.trim()).href.length;
    expect(encoded).toBeGreaterThan(URL_MAX_CHARS);
    expect(r.errors).toEqual([{ kind: 'item_link_unusable', message: `item 1 ("Spaced") has a link that is ${encoded.toLocaleString('en')} characters long once percent-encoded, over the 8,192-character limit`, position: 0 }]);
  });

  it('a link of another scheme is quoted, escaped and cut (Atom alternate link, JSON Feed url)', () => {
    const atom = parse(`<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title>Js</title><id>x:1</id><link href="javascript:alert(1)"/></entry></feed>`);
    expect(atom.items[0]!.link).toBeNull();
    expect(atom.errors.map((e) => e.message)).toEqual(['item 1 ("Js") has a link that ("javascript:alert(1)") is not an http(s) URL']);
    const json = parseFeed(enc.encode(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'J', items: [{ id: '1', title: 'F', url: 'ftp://f.example/\n' + 'x'.repeat(80) }, { id: '2', title: 'G', url: long }] })));
    expect(json.errors.map((e) => e.message)).toEqual([
      `item 1 ("F") has a link that ("ftp://f.example/\\n${'x'.repeat(43)}…") is not an http(s) URL`,
      'item 2 ("G") has a link that is 100,018 characters long, over the 8,192-character limit',
    ]);
  });

  it('no warning for an item whose link resolves, or that has no link element', () => {
    const r = parse(rss('<item><title>A</title><link>/rel</link></item><item><title>B</title><guid isPermaLink="false">b-1</guid></item>'));
    expect(r.items.map((i) => i.link)).toEqual(['https://c.example/rel', null]);
    expect(r.errors).toEqual([]);
  });
});
