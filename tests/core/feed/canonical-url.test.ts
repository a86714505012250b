import { describe, expect, it } from 'vitest';
import { canonicalUrl, resolveHttpUrl, samePageKey } from '../../../src/core/feed/canonical-url.js';

describe('canonicalUrl', () => {
  it.each([
    ['https://devblog.example.com/2016/06/a.html?utm_source=feedburner&utm_medium=feed&utm_campaign=Feed%3A+x', 'https://devblog.example.com/2016/06/a.html'],
    ['https://x.example/a?id=7&utm_source=rss&fbclid=abc&gclid=1&mc_cid=2&mc_eid=3&page=2', 'https://x.example/a?id=7&page=2'],
    ['https://x.example/a?UTM_Source=rss&Id=7', 'https://x.example/a?Id=7'],
    ['https://X.Example.COM:443/Path/Case#section', 'https://x.example.com/Path/Case'],
    ['http://x.example:80/a', 'http://x.example/a'],
    ['https://x.example/a?', 'https://x.example/a'],
    ['https://x.example/a?q=a%20b&utm_term=z', 'https://x.example/a?q=a%20b'],
    ['  https://x.example/a  ', 'https://x.example/a'],
  ])('%s -> %s', (input, want) => {
    expect(canonicalUrl(input)).toBe(want);
  });

  it('resolves against a base', () => {
    expect(canonicalUrl('../b?utm_medium=x#top', 'https://x.example/a/c/feed.xml')).toBe('https://x.example/a/b');
    expect(canonicalUrl('//cdn.example/i.jpg')).toBe('https://cdn.example/i.jpg');
  });

  it.each([['at://did:plc:abc/app.bsky.feed.post/1'], ['javascript:alert(1)'], ['mailto:a@b.c'], ['ftp://x.example/a'], ['data:text/html,hi'], ['not a url'], ['/relative/without/base'], ['']])(
    '%s -> null',
    (input) => {
      expect(canonicalUrl(input)).toBeNull();
    },
  );
});

describe('resolveHttpUrl', () => {
  it('follows the WHATWG URL resolution rules', () => {
    expect(resolveHttpUrl('notes-on-redundancy', 'https://essays.example.org/ongoing/Archive/2013/08/14/')).toBe(
      'https://essays.example.org/ongoing/Archive/2013/08/14/notes-on-redundancy',
    );
    expect(resolveHttpUrl('/x', 'https://a.example/b/c')).toBe('https://a.example/x');
    expect(resolveHttpUrl('https://other.example/y', 'https://a.example/b/c')).toBe('https://other.example/y');
    expect(resolveHttpUrl('javascript:alert(1)', 'https://a.example/')).toBeNull();
    expect(resolveHttpUrl(null)).toBeNull();
  });
});

describe('samePageKey', () => {
  it.each([
    ['http://news.test/2026/11/a1/', 'news.test/2026/11/a1'],
    ['https://news.test/2026/11/a1', 'news.test/2026/11/a1'],
    ['https://www.bbc.co.uk/news/world-67400000?at_medium=RSS&at_campaign=KARANGA', 'bbc.co.uk/news/world-67400000'],
    ['https://www.lemonde.fr/international/article/2023/11/14/x_6200000_3210.html?xtor=RSS-3208', 'lemonde.fr/international/article/2023/11/14/x_6200000_3210.html'],
    ['https://news.test/2026/11/c1/amp', 'news.test/2026/11/c1'],
    ['https://news.test/2026/11/c1/amp/', 'news.test/2026/11/c1'],
    ['https://news.test/2026/11/c1/?amp=1', 'news.test/2026/11/c1'],
    ['https://news.test/2026/11/c1/?amp', 'news.test/2026/11/c1'],
    ['https://www.washingtonpost.com/world/2023/11/14/gaza/?outputType=amp', 'washingtonpost.com/world/2023/11/14/gaza'],
    ['https://amp.theguardian.com/world/2023/nov/14/gaza', 'theguardian.com/world/2023/nov/14/gaza'],
    ['https://abcnews.go.com/International/live-updates/israel-gaza-hamas-war/?id=104837945', 'abcnews.go.com/International/live-updates/israel-gaza-hamas-war?id=104837945'],
    ['https://x.test/a?id=7&utm_source=rss&at_medium=RSS&page=2', 'x.test/a?id=7&page=2'],
    ['https://news.test/', 'news.test'],
    // feeds' own markers, on every link of their feed in the 7-day stream (../shared/data)
    ['https://www.aljazeera.com/news/2023/11/13/gaza?traffic_source=rss', 'aljazeera.com/news/2023/11/13/gaza'],
    ['https://www.dailymail.co.uk/news/article-12744925/x.html?ns_mchannel=rss&ns_campaign=1490&ito=1490', 'dailymail.co.uk/news/article-12744925/x.html'],
    ['https://www.cbc.ca/news/canada/coin-1.7027298?cmp=rss', 'cbc.ca/news/canada/coin-1.7027298'],
    ['https://www.engadget.com/amazon-cuts-204231214.html?src=RSS&id=3', 'engadget.com/amazon-cuts-204231214.html?id=3'],
    ['https://epoznan.pl/news-news-144944-napisala?rss=1', 'epoznan.pl/news-news-144944-napisala'],
  ])('%s -> %s', (input, want) => {
    expect(samePageKey(input)).toBe(want);
  });

  it.each([
    ['another path', 'https://news.test/a1', 'https://news.test/a2'],
    ['a path that only starts like an AMP one', 'https://news.test/a1/amplifier', 'https://news.test/a1'],
    ['a parameter that selects content', 'https://news.test/story?id=1', 'https://news.test/story?id=2'],
    ['amp with a value', 'https://news.test/a?amp=full', 'https://news.test/a'],
    ['rss with another value', 'https://news.test/a?rss=2', 'https://news.test/a'],
    ['a value that only contains rss', 'https://news.test/a?tag=rssi', 'https://news.test/a'],
    ['a page named by a feed word', 'https://blog.test/post?slug=rss', 'https://blog.test/post?slug=feed'],
    ['a page named by a feed word, and none', 'https://wiki.test/index.php?title=Feed', 'https://wiki.test/index.php'],
    ['a site named amp or www on its own', 'https://amp.dev/about', 'https://dev/about'],
    ['another host', 'https://news.test/a1', 'https://other.test/a1'],
  ])('keeps apart %s', (_name, x, y) => {
    expect(samePageKey(x)).not.toBe(samePageKey(y));
  });
});
