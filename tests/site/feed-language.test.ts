/**
 * The feeds' language (src/site/rss.ts, feeds.ts): a source's feed states its source's; a story's the language its
 * articles share (else the site's, each article item in another language naming its own in JSON Feed); a list of
 * stories (top stories, blindspots, a topic) the language its headlines share, else the site's, a story item whose
 * headline is in another language naming it in JSON Feed; an empty list the registry's main language. A Polish
 * instance's top-level feeds had all said "en".
 */
import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import type { StoryArticle } from '../../src/core/schema/story';
import type { SiteData } from '../../src/site/data';
import { feedFor, storyListLanguage } from '../../src/site/feeds';
import { itemLanguage, jsonFeedString, rssString } from '../../src/site/rss';
import { withRankScores } from '../../src/site/stories';
import { fixtureSources, fixtureStories } from './load-fixture';
import { source, SOURCES as sources, SOURCES_BY_ID as byId, storyArticle as art } from './language-fixture';

describe('feed languages', () => {
  // Two stories with pages (sourceCount 2): one whose articles are all Arabic, one English and Japanese.
  const story = (id: string, title: string, articles: StoryArticle[]) => {
    const fixture = fixtureStories()[0]!;
    return { ...fixture, id, title, articles, summary: [], topics: [], blindspot: null, coverage: { ...fixture.coverage, sourceCount: 2, articleCount: articles.length } };
  };
  const stories = withRankScores(
    [
      story('arabic1', 'ارتفاع أسعار النفط', [art('d1', 'aljazeera', 'ارتفاع أسعار النفط', 'ارتفعت أسعار النفط اليوم.'), art('d2', 'aljazeera', 'أوبك تجتمع')]),
      story('mixed1', 'Oil prices rise', [art('e1', 'ledger', 'Oil prices rise'), art('e2', 'asahi', '原油価格が上昇')]),
    ],
    '2026-02-18T02:00:00Z',
  );
  const data: SiteData = { sources, sourcesById: byId, stories, storiesById: new Map(stories.map((s) => [s.id, s])), now: '2026-02-18T02:00:00Z' };
  const site = new URL('https://example.org');
  const rssLanguage = async (kind: 'top' | 'source' | 'story', key: string): Promise<string> => {
    const feed = feedFor(data, site, kind, key, false)!;
    return new XMLParser().parse(await rssString(feed.channel, feed.items)).rss.channel.language as string;
  };
  const json = (kind: 'top' | 'source' | 'story', key: string) =>
    JSON.parse(jsonFeedString(feedFor(data, site, kind, key, true)!.channel, feedFor(data, site, kind, key, true)!.items)) as { language: string; items: Array<{ id: string; language?: string }> };

  it("a source's feed states its source's language (RSS <language> and JSON Feed language)", async () => {
    expect(await rssLanguage('source', 'aljazeera')).toBe('ar');
    expect(json('source', 'aljazeera').language).toBe('ar');
    expect(json('source', 'aljazeera').items.every((i) => i.language === undefined)).toBe(true);
    expect(await rssLanguage('source', 'asahi')).toBe('ja');
    expect(await rssLanguage('source', 'post')).toBe('en-GB');
  });

  it("a story's feed states the language its articles share; a mixed one keeps the site's, each other-language item naming its own", async () => {
    expect(await rssLanguage('story', 'arabic1')).toBe('ar');
    expect(await rssLanguage('story', 'mixed1')).toBe('en');
    expect(json('story', 'mixed1').items.map((i) => [i.id, i.language])).toEqual([
      ['e2', 'ja'],
      ['e1', undefined],
    ]);
  });

  it("the top stories feed keeps the site's language; a story item whose headline is in another names it (JSON Feed)", async () => {
    expect(await rssLanguage('top', '')).toBe('en');
    const top = json('top', '');
    expect(top.language).toBe('en');
    expect(Object.fromEntries(top.items.map((i) => [i.id, i.language]))).toEqual({ arabic1: 'ar', mixed1: undefined });
  });

  it('itemLanguage names only a known language other than the channel’s', () => {
    expect(itemLanguage('ar')).toBe('ar');
    expect(itemLanguage('en-GB')).toBeUndefined();
    expect(itemLanguage('ar', 'ar-EG')).toBeUndefined();
    expect(itemLanguage('bad tag')).toBeUndefined();
  });

  it("the fixture's German source gets a German feed; the English ones keep en", async () => {
    const fs = fixtureSources();
    const fixtureData: SiteData = { sources: fs, sourcesById: new Map(fs.map((s) => [s.id, s])), stories: fixtureStories(), storiesById: new Map(fixtureStories().map((s) => [s.id, s])), now: '2026-02-18T02:10:00Z' };
    const lang = async (key: string): Promise<string> => {
      const feed = feedFor(fixtureData, site, 'source', key, false)!;
      return new XMLParser().parse(await rssString(feed.channel, feed.items)).rss.channel.language as string;
    };
    expect(await lang('rundfunk-aktuell')).toBe('de');
    expect(await lang('civic-ledger')).toBe('en');
  });

  describe('a Polish instance', () => {
    const plSources = [source('wyborcza', 'Gazeta Wyborcza', 'pl'), source('rp', 'Rzeczpospolita', 'pl-PL'), source('tvn', 'TVN24', 'pl'), source('ledger', 'Ledger', 'en')];
    const plById = new Map(plSources.map((s) => [s.id, s]));
    const polish = (id: string, title: string, blindspot: 'left' | 'right' | null = null) => ({
      ...story(id, title, [art(`${id}a`, 'wyborcza', title), art(`${id}b`, 'rp', `${title} – relacja`)]),
      blindspot,
    });
    const build = (list: ReturnType<typeof polish>[]): SiteData => {
      const ranked = withRankScores(list, '2026-02-18T02:00:00Z');
      return { sources: plSources, sourcesById: plById, stories: ranked, storiesById: new Map(ranked.map((s) => [s.id, s])), now: '2026-02-18T02:00:00Z' };
    };
    const channelOf = async (d: SiteData, kind: 'top' | 'blindspot'): Promise<{ rss: string; json: { language: string; items: Array<{ id: string; language?: string }> } }> => {
      const r = feedFor(d, site, kind, '', false)!;
      const j = feedFor(d, site, kind, '', true)!;
      return { rss: new XMLParser().parse(await rssString(r.channel, r.items)).rss.channel.language as string, json: JSON.parse(jsonFeedString(j.channel, j.items)) };
    };

    it('declares pl on the top stories and blindspot feeds when every headline is Polish ("pl" and "pl-PL" alike), no item repeating it', async () => {
      const d = build([polish('pl1', 'Sejm przyjął budżet', 'left'), polish('pl2', 'Strajk w porcie trwa trzeci tydzień')]);
      for (const kind of ['top', 'blindspot'] as const) {
        const { rss, json } = await channelOf(d, kind);
        expect([kind, rss, json.language]).toEqual([kind, 'pl', 'pl']);
        expect(json.items.every((i) => i.language === undefined)).toBe(true);
      }
    });

    it('keeps the site language when one headline is in another language, each Polish item then naming pl', async () => {
      const english = { ...story('en1', 'Oil prices rise', [art('en1a', 'ledger', 'Oil prices rise'), art('en1b', 'ledger', 'Oil up')]), blindspot: null };
      const d = build([polish('pl1', 'Sejm przyjął budżet'), english]);
      const { rss, json } = await channelOf(d, 'top');
      expect([rss, json.language]).toEqual(['en', 'en']);
      expect(Object.fromEntries(json.items.map((i) => [i.id, i.language]))).toEqual({ pl1: 'pl', en1: undefined });
    });

    it('gives a list with no stories the registry\'s main language (pl: 3 of its 4 sources), else the site\'s', () => {
      expect(storyListLanguage([], plById)).toBe('pl');
      expect(storyListLanguage([], byId)).toBe('en');
      expect(storyListLanguage([], new Map())).toBe('en');
    });
  });
});
