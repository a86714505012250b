import { describe, expect, it } from 'vitest';
import { aggregatorOf, feedKey, homepageOfFeed, hostOf, outletKeyOf, registrableDomain, sourceKeyOf } from '../../../src/core/registry/domain';

describe('registrableDomain', () => {
  it.each([
    ['www.nytimes.com', 'nytimes.com'],
    ['rss.nytimes.com', 'nytimes.com'],
    ['feeds.bbci.co.uk', 'bbci.co.uk'],
    ['www.abc.net.au', 'abc.net.au'],
    ['cbsnews.com.co', 'cbsnews.com.co'],
    ['someone.substack.com', 'someone.substack.com'],
    ['example.org', 'example.org'],
    ['localhost', 'localhost'],
  ])('%s → %s', (host, expected) => expect(registrableDomain(host)).toBe(expected));
});

describe('feed and source keys', () => {
  it('treats scheme, www, trailing slash and tracking parameters as the same feed', () => {
    const k = feedKey('https://www.example.com/feed/?utm_source=x');
    expect(feedKey('http://example.com/feed')).toBe(k);
    expect(feedKey('https://example.com/feed#top')).toBe(k);
    expect(feedKey('https://example.com/feed?page=2')).not.toBe(k);
    expect(feedKey('ftp://example.com/feed')).toBeNull();
  });
  it('groups aggregator feeds under the aggregator and feed-host feeds by their first path segment', () => {
    expect(aggregatorOf('https://news.google.com/rss/search?q=x')).toBe('news.google.com');
    expect(aggregatorOf('https://www.reddit.com/r/worldnews/.rss')).toBe('reddit.com');
    expect(aggregatorOf('https://www.google.com/search')).toBeNull();
    expect(sourceKeyOf('https://old.reddit.com/r/x/.rss')).toBe('reddit.com');
    expect(sourceKeyOf('https://feeds.feedburner.com/ndtvnews-world-news')).toBe('feeds.feedburner.com/ndtvnews-world-news');
    // FeedBurner's other host: two blogs behind it are two outlets (they had become one source).
    expect(sourceKeyOf('http://feedproxy.google.com/BlogOne')).toBe('feedproxy.google.com/blogone');
    expect(sourceKeyOf('http://feedproxy.google.com/BlogTwo')).toBe('feedproxy.google.com/blogtwo');
    expect(sourceKeyOf('https://rss.nytimes.com/services/xml/rss/nyt/World.xml')).toBe('nytimes.com');
    expect(sourceKeyOf('https://feeds.bbci.co.uk/news/rss.xml')).toBe('bbci.co.uk');
    expect(sourceKeyOf('https://timesofindia.indiatimes.com/rssfeeds/1.cms')).toBe('timesofindia.indiatimes.com');
    expect(sourceKeyOf('https://economictimes.indiatimes.com/rss.cms')).toBe('economictimes.indiatimes.com');
    expect(hostOf('opencv.org/feed')).toBe('opencv.org');
    expect(hostOf('mailto:x@example.com')).toBeNull();
  });
});

describe('outlet keys', () => {
  it.each([
    ['https://medium.com/feed/@c', null, 'medium.com/@c'],
    ['https://medium.com/feed/@d', 'https://medium.com/@d', 'medium.com/@d'],
    ['https://c.medium.com/feed', null, 'c.medium.com'],
    ['https://feeds.feedburner.com/OutletA', 'https://www.outlet-a.com/', 'outlet-a.com'],
    ['https://feeds.feedburner.com/OutletA', null, 'feeds.feedburner.com/outleta'],
    ['http://127.0.0.1:8765/alpha.xml', 'https://news.alpha.test/', 'news.alpha.test'],
    ['http://127.0.0.1:8765/alpha.xml', null, '127.0.0.1'],
    ['http://127.0.0.1:8765/alpha.xml', 'not a site', '127.0.0.1'],
    ['https://www.youtube.com/feeds/videos.xml?channel_id=UC1', null, 'youtube.com/uc1'],
    ['https://www.youtube.com/feeds/videos.xml?channel_id=UC1', 'https://www.youtube.com/channel/UC1', 'youtube.com/uc1'],
    ['https://news.google.com/rss/search?q=x', 'https://example.com/', 'news.google.com'],
    ['https://rss.nytimes.com/World.xml', 'https://www.nytimes.com/section/world', 'nytimes.com'],
  ])('%s (site %s) → %s', (feed, site, expected) => expect(outletKeyOf(feed, site)).toBe(expected));
});

describe('homepageOfFeed (an outlet known only by its feed)', () => {
  it.each([
    ['https://rss.nytimes.com/services/xml/rss/nyt/World.xml', 'https://nytimes.com/'],
    ['http://127.0.0.1:8765/alpha.xml', 'http://127.0.0.1:8765/'],
    ['https://feeds.feedburner.com/OutletA', 'https://feeds.feedburner.com/OutletA'],
    ['https://medium.com/feed/@Beauty_On', 'https://medium.com/@Beauty_On'],
    ['https://www.youtube.com/feeds/videos.xml?channel_id=UCaBc1', 'https://www.youtube.com/channel/UCaBc1'],
    ['https://www.youtube.com/feeds/videos.xml?user=SomeUser', 'https://www.youtube.com/user/SomeUser'],
    ['https://www.youtube.com/feeds/videos.xml?playlist_id=PLx1', 'https://www.youtube.com/playlist?list=PLx1'],
    ['https://www.youtube.com/feeds/videos.xml?other=1', 'https://www.youtube.com/feeds/videos.xml?other=1'],
    ['https://news.google.com/rss/search?q=x', 'https://news.google.com/'],
    ['ftp://example.org/feed', null],
  ])('%s → %s', (feed, home) => {
    expect(homepageOfFeed(feed)).toBe(home);
  });
});
