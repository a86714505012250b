import { describe, expect, it } from 'vitest';
import { RegistryMerger } from '../../../src/core/registry/merge';
import { SourceSchema, type Source } from '../../../src/core/schema/source';

const hand: Source = {
  id: 'example-news',
  name: 'Example News',
  homepage: 'https://www.news.example.com/',
  feeds: [{ url: 'https://rss.news.example.com/world.xml', file: null, topic: 'world', kind: 'news' }],
  country: null,
  language: 'en',
  bias: [{ value: 'center', rater: 'AllSides', url: 'https://www.allsides.com/x', asOf: '2023-11-15' }],
  factuality: [],
  ownership: { owner: 'Hand Set Inc.', category: 'independent', sourceUrl: 'https://en.wikipedia.org/wiki/X', attribution: null },
  discovered: false,
  flags: [],
};

describe('RegistryMerger', () => {
  it('adds feeds to the source of their domain, makes new sources, names duplicates and flags aggregators', () => {
    const m = new RegistryMerger([hand]);
    m.addFeed({ url: 'https://news.example.com/tech.xml', topic: 'tech' });
    m.addFeed({ url: 'http://rss.news.example.com/world.xml/', topic: 'again' });
    m.addFeed({ url: 'https://other.example.org/feed', name: 'Other Org', language: 'de' });
    m.addFeed({ url: 'https://news.google.com/rss/search?q=a' });
    m.addFeed({ url: 'https://news.google.com/rss/search?q=b' });
    m.addFeed({ url: 'not a url' });
    const out = m.result();
    expect(out.map((s) => s.id)).toEqual(['example-news', 'news-google-com', 'other-example-org']);
    expect(out[0]!.feeds.map((f) => f.url)).toEqual(['https://rss.news.example.com/world.xml', 'https://news.example.com/tech.xml']);
    expect(m.report.duplicates).toEqual([{ url: 'http://rss.news.example.com/world.xml/', sameAs: 'https://rss.news.example.com/world.xml', sourceId: 'example-news', exact: false }]);
    expect(out[1]!.flags).toEqual([{ value: 'aggregator', rater: 'Parallax', url: null, asOf: null }]);
    expect(out[1]!.feeds).toHaveLength(2);
    expect(m.report.aggregators).toEqual([{ sourceId: 'news-google-com', domain: 'news.google.com', feeds: 2 }]);
    expect(out[2]).toMatchObject({ name: 'Other Org', homepage: 'https://other.example.org/', language: 'de', bias: [], factuality: [], ownership: null });
    expect(m.report.invalidUrls).toEqual(['not a url']);
  });

  it('writes back every field of the schema a source has (an import had dropped a hand-set timeZone)', () => {
    const full: Source = { ...hand, country: 'JP', timeZone: 'Asia/Tokyo', flags: [{ value: 'satire', rater: 'Parallax', url: null, asOf: null }], formerIds: ['example-news-old'] };
    expect(SourceSchema.parse(full)).toEqual(full);
    const m = new RegistryMerger([full]);
    m.addFeed({ url: 'https://other.example.org/feed', name: 'Other Org' });
    const out = m.result().find((s) => s.id === full.id)!;
    expect(out).toEqual(full);
    expect(Object.keys(out).sort()).toEqual(Object.keys(SourceSchema.shape).sort());
  });

  it('only fills what is empty: never overwrites a hand-set rating or owner, records attribution', () => {
    const m = new RegistryMerger([hand]);
    m.applyRecord({ domain: 'news.example.com', bias: { value: 'left', rater: 'AllSides', url: null, asOf: '2024-01-01' } });
    m.applyRecord({
      domain: 'www.news.example.com',
      bias: { value: 'lean-left', rater: 'Media Bias/Fact Check', url: 'https://mediabiasfactcheck.com/x/', asOf: '2026-08-19' },
      factuality: { value: 'high', rater: 'Media Bias/Fact Check', url: 'https://mediabiasfactcheck.com/x/', asOf: '2026-08-19' },
      flags: [{ value: 'pro-science', rater: 'Media Bias/Fact Check', url: null, asOf: '2026-08-19' }],
    });
    m.applyRecord({ domain: 'news.example.com', ownership: { owner: 'Kite Says', category: 'corporation', sourceUrl: null, attribution: 'Kite' }, country: 'US' });
    m.applyRecord({ domain: 'unknown.example', bias: { value: 'right', rater: 'X', url: null, asOf: '2024-01-01' } });
    const s = m.result()[0]!;
    expect(s.bias).toEqual([hand.bias[0], { value: 'lean-left', rater: 'Media Bias/Fact Check', url: 'https://mediabiasfactcheck.com/x/', asOf: '2026-08-19' }]);
    expect(s.factuality.map((f) => f.value)).toEqual(['high']);
    expect(s.flags!.map((f) => f.value)).toEqual(['pro-science']);
    expect(s.ownership!.owner).toBe('Hand Set Inc.');
    expect(s.country).toBe('US');
    expect(m.report.kept).toEqual([
      { sourceId: 'example-news', field: 'bias (AllSides)', existing: 'center', imported: 'left' },
      { sourceId: 'example-news', field: 'ownership.category', existing: 'independent', imported: 'corporation' },
    ]);
    expect(m.report.recordsMatched).toBe(3);
    expect(hand.bias).toHaveLength(1); // the input is not mutated
  });

  it('is idempotent: merging the same data twice changes nothing the second time', () => {
    const first = new RegistryMerger([hand]);
    first.addFeed({ url: 'https://b.example/rss' });
    first.applyRecord({ domain: 'b.example', factuality: { value: 'mixed', rater: 'R', url: null, asOf: '2024-01-01' } });
    const once = first.result();
    const second = new RegistryMerger(once);
    second.addFeed({ url: 'https://b.example/rss' });
    second.applyRecord({ domain: 'b.example', factuality: { value: 'mixed', rater: 'R', url: null, asOf: '2024-01-01' } });
    expect(second.result()).toEqual(once);
    expect(second.report.feedsAdded).toBe(0);
    expect(second.report.ratingsAdded).toBe(0);
  });

  it('matches the source on exactly that site before those that only share its registrable domain', () => {
    const m = new RegistryMerger([]);
    m.addFeed({ url: 'https://www.euronews.example/rss' });
    m.addFeed({ url: 'https://fr.euronews.example/rss' });
    m.applyRecord({ domain: 'euronews.example', country: 'FR' });
    m.applyRecord({ domain: 'de.euronews.example', country: 'DE' });
    expect(m.result().map((s) => [s.id, s.country])).toEqual([
      ['euronews-example', 'FR'],
      ['fr-euronews-example', null],
    ]);
    expect(m.report.ambiguous).toEqual([]); // de.euronews.example names no source: it is not euronews.example's rating
    expect(m.report.recordsMatched).toBe(1);
  });

  it('leaves a domain that names two sources alone and reports it', () => {
    const a = { ...hand, id: 'a', ownership: null, homepage: 'https://shared.example/', feeds: [{ url: 'https://shared.example/a.xml', file: null, topic: null }] };
    const b = { ...hand, id: 'b', ownership: null, homepage: 'https://shared.example/b/', feeds: [{ url: 'https://shared.example/b.xml', file: null, topic: null }] };
    const m = new RegistryMerger([a, b]);
    m.applyRecord({ domain: 'shared.example', country: 'FR' });
    expect(m.report.ambiguous).toEqual(['shared.example']);
    expect(m.result().map((s) => s.country)).toEqual([null, null]);
  });

  describe('groups feeds by the outlet\'s site (an OPML htmlUrl), never merging two sites', () => {
    const sources = (m: RegistryMerger): Array<[string, string, string, string[]]> => m.result().map((s) => [s.id, s.name, s.homepage, s.feeds.map((f) => f.url)]);

    it('keeps feed-proxy, Medium and Substack outlets apart, each with its htmlUrl as homepage', () => {
      const m = new RegistryMerger([]);
      m.addFeed({ url: 'https://feeds.feedburner.com/OutletA', name: 'Outlet A', homepage: 'https://www.outlet-a.com/' });
      m.addFeed({ url: 'https://feeds.feedburner.com/OutletB', name: 'Outlet B', homepage: 'https://www.outlet-b.org/' });
      m.addFeed({ url: 'https://medium.com/feed/@c', name: 'Blog C', homepage: 'https://medium.com/@c' });
      m.addFeed({ url: 'https://medium.com/feed/@d', name: 'Blog D', homepage: 'https://medium.com/@d' });
      m.addFeed({ url: 'https://e.substack.com/feed', name: 'Sub E', homepage: 'https://e.substack.com/' });
      expect(sources(m)).toEqual([
        ['e-substack-com', 'Sub E', 'https://e.substack.com/', ['https://e.substack.com/feed']],
        ['medium-com-c', 'Blog C', 'https://medium.com/@c', ['https://medium.com/feed/@c']],
        ['medium-com-d', 'Blog D', 'https://medium.com/@d', ['https://medium.com/feed/@d']],
        ['outlet-a-com', 'Outlet A', 'https://www.outlet-a.com/', ['https://feeds.feedburner.com/OutletA']],
        ['outlet-b-org', 'Outlet B', 'https://www.outlet-b.org/', ['https://feeds.feedburner.com/OutletB']],
      ]);
      expect(m.report.sourcesAdded).toBe(5);
      expect(m.report.namesDiffer).toEqual([]);
    });

    it('keeps outlets served from one host apart by their htmlUrl; feeds without one group by the feed URL', () => {
      const m = new RegistryMerger([]);
      m.addFeed({ url: 'http://127.0.0.1:8765/alpha.xml', name: 'Alpha News', homepage: 'https://news.alpha.test/' });
      m.addFeed({ url: 'http://127.0.0.1:8765/beta.xml', name: 'Beta Times', homepage: 'https://www.beta.test/' });
      m.addFeed({ url: 'http://127.0.0.1:8765/empty.xml', name: 'Empty' });
      m.addFeed({ url: 'http://127.0.0.1:8765/zero.xml', name: 'Zero' });
      expect(sources(m)).toEqual([
        ['127-0-0-1', 'Empty', 'http://127.0.0.1:8765/', ['http://127.0.0.1:8765/empty.xml', 'http://127.0.0.1:8765/zero.xml']],
        ['beta-test', 'Beta Times', 'https://www.beta.test/', ['http://127.0.0.1:8765/beta.xml']],
        ['news-alpha-test', 'Alpha News', 'https://news.alpha.test/', ['http://127.0.0.1:8765/alpha.xml']],
      ]);
      expect(m.report.namesDiffer).toEqual([{ url: 'http://127.0.0.1:8765/zero.xml', name: 'Zero', sourceId: '127-0-0-1', sourceName: 'Empty' }]);
    });

    it('keeps one source for two outlines of one site under different titles, and reports it', () => {
      const m = new RegistryMerger([hand]);
      m.addFeed({ url: 'https://feeds.feedburner.com/example-tech', name: 'Example Tech Desk', homepage: 'https://news.example.com/tech' });
      m.addFeed({ url: 'https://news.example.com/sport.xml', name: 'example news' }); // same name, any case: not reported
      expect(sources(m)).toEqual([
        ['example-news', 'Example News', 'https://www.news.example.com/', ['https://rss.news.example.com/world.xml', 'https://feeds.feedburner.com/example-tech', 'https://news.example.com/sport.xml']],
      ]);
      expect(m.report.namesDiffer).toEqual([{ url: 'https://feeds.feedburner.com/example-tech', name: 'Example Tech Desk', sourceId: 'example-news', sourceName: 'Example News' }]);
    });

    it('groups Medium and YouTube feeds without a site by their outlet (the Kite list has no htmlUrl)', () => {
      const m = new RegistryMerger([]);
      m.addFeed({ url: 'https://medium.com/feed/@beautyon_' });
      m.addFeed({ url: 'https://medium.com/feed/prxofficial' });
      m.addFeed({ url: 'https://www.youtube.com/feeds/videos.xml?channel_id=UCaaa' });
      m.addFeed({ url: 'https://www.youtube.com/feeds/videos.xml?channel_id=UCbbb' });
      expect(sources(m).map(([id, , home, feeds]) => [id, home, feeds.length])).toEqual([
        ['medium-com-beautyon', 'https://medium.com/@beautyon_', 1],
        ['medium-com-prxofficial', 'https://medium.com/prxofficial', 1],
        ['youtube-com-ucaaa', 'https://www.youtube.com/channel/UCaaa', 1],
        ['youtube-com-ucbbb', 'https://www.youtube.com/channel/UCbbb', 1],
      ]);
    });

    it('reads a country code given as a language as the country\'s language, and names the sources given "en"', () => {
      const m = new RegistryMerger([]);
      m.addFeed({ url: 'https://www.kathimerini.gr/rss', language: 'gr' });
      m.addFeed({ url: 'https://www.tagesschau.de/rss', language: 'de' });
      m.addFeed({ url: 'https://example.org/feed', language: 'xx' });
      m.addFeed({ url: 'https://example.net/feed' });
      expect(m.result().map((s) => [s.id, s.language])).toEqual([['example-net', 'en'], ['example-org', 'en'], ['kathimerini-gr', 'el'], ['tagesschau-de', 'de']]);
      expect(m.report.languageRead).toEqual([{ sourceId: 'kathimerini-gr', given: 'gr', language: 'el' }]);
      expect(m.report.languageAssumed).toEqual(['example-net']);
      expect(m.report.languageRefused).toEqual([{ sourceId: 'example-org', given: 'xx' }]);
    });

    it('re-importing the same OPML records changes nothing', () => {
      const recs = [
        { url: 'http://127.0.0.1:8765/alpha.xml', name: 'Alpha News', homepage: 'https://news.alpha.test/' },
        { url: 'http://127.0.0.1:8765/beta.xml', name: 'Beta Times', homepage: 'https://www.beta.test/' },
        { url: 'http://127.0.0.1:8765/gamma.xml', name: 'Gamma', homepage: 'https://gamma.test/' },
      ];
      const first = new RegistryMerger([]);
      recs.forEach((r) => first.addFeed(r));
      const second = new RegistryMerger(first.result());
      recs.forEach((r) => second.addFeed(r));
      expect(second.result()).toEqual(first.result());
      expect(second.report.feedsAdded).toBe(0);
    });
  });
});
