/**
 * The demo's curated source registry (fixtures/snapshot-2026-02-18/sources.json) against its schema, and against the
 * bundled snapshot it describes (fixtures/snapshot-2026-02-18/feeds/); the instance registry (content/sources.json,
 * which starts as a copy of it and is an operator's to edit) against the schema. Spot checks pin a few real values so that an accidental edit
 * of a rating or an ownership category shows up in review.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RegistrySchema, type Source } from '../../../src/core/schema/source';

const root = (path: string): string => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

const REGISTRY_PATH = root('fixtures/snapshot-2026-02-18/sources.json');
const INSTANCE_REGISTRY_PATH = root('content/sources.json');
const SNAPSHOT_FEEDS_DIR = root('fixtures/snapshot-2026-02-18/feeds');

const rawText = readFileSync(REGISTRY_PATH, 'utf8');
const raw: unknown = JSON.parse(rawText);
const registry: Source[] = RegistrySchema.parse(raw);
const byId = new Map(registry.map((source) => [source.id, source]));
const snapshotFiles = readdirSync(SNAPSHOT_FEEDS_DIR).sort();

/** The raters the bundled registry cites, with the date of the data each rating comes from. */
const KNOWN_RATERS = {
  bias: { AllSides: ['2023-11-15', '2019-10-18'] },
  factuality: { 'Media Bias/Fact Check': ['2026-08-19'] },
} as const;

const get = (id: string): Source => {
  const source = byId.get(id);
  if (source === undefined) throw new Error(`no source ${id}`);
  return source;
};

describe('content/sources.json (the instance registry)', () => {
  it('parses with RegistrySchema without relying on defaults, formatted as the tools write it', () => {
    const text = readFileSync(INSTANCE_REGISTRY_PATH, 'utf8');
    const value: unknown = JSON.parse(text);
    expect(RegistrySchema.parse(value)).toEqual(value);
    expect(text).toBe(`${JSON.stringify(value, null, 2)}\n`);
  });
});

describe('fixtures/snapshot-2026-02-18/sources.json (the demo registry)', () => {
  it('parses with RegistrySchema without relying on defaults', () => {
    expect(RegistrySchema.safeParse(raw).success).toBe(true);
    // Every field is written out: the parsed value equals the file's value.
    expect(registry).toEqual(raw);
  });

  it('is formatted as a sorted, 2-space-indented JSON array with a trailing newline', () => {
    expect(rawText).toBe(`${JSON.stringify(raw, null, 2)}\n`);
    const ids = registry.map((source) => source.id);
    expect(ids).toEqual([...ids].sort());
  });

  it('has one source per outlet (27) and unique ids', () => {
    expect(registry).toHaveLength(27);
    expect(new Set(registry.map((source) => source.id)).size).toBe(registry.length);
  });

  it('has unique feed URLs, all http(s)', () => {
    const urls = registry.flatMap((source) => source.feeds.map((feed) => feed.url));
    expect(new Set(urls).size).toBe(urls.length);
    for (const url of urls) expect(url).toMatch(/^https?:\/\//);
  });

  it('has no discovered sources (the registry is curated)', () => {
    expect(registry.filter((source) => source.discovered)).toEqual([]);
  });

  it('references every snapshot file exactly once, and only files that exist', () => {
    expect(snapshotFiles).toHaveLength(28);
    const referenced = registry.flatMap((source) => source.feeds.map((feed) => feed.file));
    expect([...referenced].sort()).toEqual(snapshotFiles);
  });

  it('attributes every rating to a known rater, with the rater page and the data date', () => {
    for (const source of registry) {
      for (const rating of source.bias) {
        expect(Object.keys(KNOWN_RATERS.bias)).toContain(rating.rater);
        expect(KNOWN_RATERS.bias.AllSides).toContain(rating.asOf);
        if (rating.url !== null) expect(rating.url).toMatch(/^https:\/\/www\.allsides\.com\/news-source\//);
      }
      for (const rating of source.factuality) {
        expect(Object.keys(KNOWN_RATERS.factuality)).toContain(rating.rater);
        expect(KNOWN_RATERS.factuality['Media Bias/Fact Check']).toContain(rating.asOf);
        expect(rating.url).toMatch(/^https:\/\/mediabiasfactcheck\.com\//);
      }
      // At most one rating per rater for each dimension.
      expect(new Set(source.bias.map((rating) => rating.rater)).size).toBe(source.bias.length);
      expect(new Set(source.factuality.map((rating) => rating.rater)).size).toBe(source.factuality.length);
      if (source.ownership !== null) expect(source.ownership.sourceUrl).toMatch(/^https:\/\//);
    }
  });
});

describe('spot checks of real values', () => {
  describe.each([
    // id, country, AllSides bias (null = unrated), MBFC factuality (null = unrated), ownership category (null = unknown)
    ['bbc-news', 'GB', 'center', 'mostly-factual', 'public-broadcaster'],
    ['npr', 'US', 'lean-left', 'high', 'public-broadcaster'],
    ['deutsche-welle', 'DE', 'center', 'high', 'public-broadcaster'],
    ['abc-australia', 'AU', null, 'high', 'public-broadcaster'],
    ['al-jazeera', 'QA', 'lean-left', 'mixed', 'state-funded'],
    ['csmonitor', 'US', 'center', 'high', 'non-profit'],
    ['washington-post', 'US', 'lean-left', 'mostly-factual', 'billionaire'],
    ['time', 'US', 'lean-left', 'high', 'billionaire'],
    ['wsj', 'US', 'center', 'mostly-factual', 'corporation'],
    ['nytimes', 'US', 'lean-left', 'high', 'corporation'],
    ['dawn', 'PK', null, 'mostly-factual', 'corporation'],
    ['ndtv', 'IN', null, 'mixed', 'billionaire'],
    ['el-pais-english', 'ES', null, 'high', 'corporation'],
    ['japan-today', 'JP', null, 'high', 'corporation'],
    ['kottke', 'US', null, null, 'independent'],
    ['stratechery', 'TW', null, null, 'independent'],
    ['mercopress', 'UY', null, 'mixed', null],
  ] as const)('%s', (id, country, bias, factuality, ownership) => {
    const source = get(id);
    it(`is in ${country}`, () => expect(source.country).toBe(country));
    it(`has AllSides bias ${bias ?? 'unrated'}`, () =>
      expect(source.bias.find((rating) => rating.rater === 'AllSides')?.value ?? null).toBe(bias));
    it(`has MBFC factuality ${factuality ?? 'unrated'}`, () =>
      expect(source.factuality.find((rating) => rating.rater === 'Media Bias/Fact Check')?.value ?? null).toBe(
        factuality,
      ));
    it(`has ownership ${ownership ?? 'unknown'}`, () => expect(source.ownership?.category ?? null).toBe(ownership));
  });

  it('keeps TIME World and TIME Tech as two feeds of one source', () => {
    expect(get('time').feeds).toEqual([
      { url: 'https://time.com/world/feed/', file: 'time-world.rss.xml', topic: 'world', kind: 'news' },
      { url: 'https://time.com/tech/feed/', file: 'time-tech.rss.xml', topic: 'tech', kind: 'news' },
    ]);
  });

  it('keeps the stale WSJ feed as source "wsj" with its one feed', () => {
    expect(get('wsj').feeds).toEqual([
      { url: 'https://feeds.a.dj.com/rss/RSSWorldNews.xml', file: 'wsj-world-STALE-2025-01.rss.xml', topic: 'world', kind: 'news' },
    ]);
  });

  it('cites the AllSides and MBFC pages of NPR', () => {
    const npr = get('npr');
    expect(npr.bias).toEqual([
      {
        value: 'lean-left',
        rater: 'AllSides',
        url: 'https://www.allsides.com/news-source/npr-media-bias',
        asOf: '2023-11-15',
      },
    ]);
    expect(npr.factuality).toEqual([
      { value: 'high', rater: 'Media Bias/Fact Check', url: 'https://mediabiasfactcheck.com/npr/', asOf: '2026-08-19' },
    ]);
  });

  it('points BBC at its World feed (the bundled file is the World feed despite its "top" name)', () => {
    expect(get('bbc-news').feeds[0]).toEqual({
      url: 'https://feeds.bbci.co.uk/news/world/rss.xml',
      file: 'bbc-news-top.rss.xml',
      topic: 'world',
      kind: 'news',
    });
  });
});
