/**
 * Item guids on articles (articleGuids) and an item whose link changed under its guid (storedUnderGuid). A trial's
 * item kept <guid isPermaLink="false">nt-123</guid> while its link changed: it had been stored twice.
 */
import { describe, expect, it } from 'vitest';
import { articleGuids, normaliseItems, storedUnderGuid } from '../../../src/core/feed/normalise-article';
import type { ParsedItem } from '../../../src/core/feed/parse-feed';
import type { Article } from '../../../src/core/schema/article';
import { articleIdFor } from '../../../src/core/story/ids';

const NOW = '2026-11-30T13:00:00Z';
const item = (url: string, guid: string | null): ParsedItem => ({
  title: `Title of ${url}`, link: url, canonicalUrl: url, guid, published: '2026-11-30T12:00:00Z', summary: null, author: null, image: null, categories: [],
});
const OLD = 'https://news.test/2026/zentrix-ceo-resigns';
const NEW = 'https://news.test/2026/zentrix-ceo-resigns-after-layoffs';
const OTHER = 'https://news.test/2026/harbour-bridge-reopens';

describe('articleGuids', () => {
  it.each<[string, ParsedItem[], Array<string | null>]>([
    ['opaque guids, one an item', [item(OLD, 'nt-123'), item(OTHER, 'nt-124')], ['nt-123', 'nt-124']],
    ['a WordPress ?p= guid is not the link', [item(OLD, 'https://news.test/?p=123'), item(OTHER, 'https://news.test/?p=124')], ['https://news.test/?p=123', 'https://news.test/?p=124']],
    ['the link as guid adds nothing (fragment and tracking parameters aside)', [item(OLD, `${OLD}#0`), item(OTHER, `${OTHER}?utm_source=rss`)], [null, null]],
    ['one guid for every item counts for none', [item(OLD, 'feed'), item(OTHER, 'feed'), item(NEW, 'nt-9')], [null, null, 'nt-9']],
    ['a feed of one item cannot show its guid is its own', [item(OLD, 'nt-123')], [null]],
    ['the same item twice keeps its guid', [item(OLD, 'nt-123'), item(OLD, 'nt-123'), item(OTHER, 'nt-124')], ['nt-123', 'nt-123', 'nt-124']],
    ['no guid, or one too long', [item(OLD, null), item(OTHER, 'x'.repeat(1001)), item(NEW, 'nt-1')], [null, null, 'nt-1']],
  ])('%s', (_name, items, expected) => {
    expect(articleGuids(items)).toEqual(expected);
  });

  it('normaliseItems stores the counting guid on the article, last of its keys', () => {
    const { articles } = normaliseItems([item(OLD, 'nt-123'), item(OTHER, OTHER)], 'news-test', NOW, 'en');
    expect(articles.map((a) => a.guid)).toEqual(['nt-123', undefined]);
    expect(Object.keys(articles[0]!).at(-1)).toBe('guid');
    expect('guid' in articles[1]!).toBe(false);
  });
});

describe('storedUnderGuid', () => {
  const article = (url: string, guid: string | undefined, sourceId = 'news-test'): Article => ({
    ...normaliseItems([item(url, null)], sourceId, NOW, 'en').articles[0]!,
    ...(guid === undefined ? {} : { guid }),
  });
  const store = (...list: Article[]) => new Map(list.map((a) => [a.id, a]));

  it('maps the new URL to the stored article of the same source and guid', () => {
    const moved = storedUnderGuid([article(NEW, 'nt-123'), article(OTHER, 'nt-124')], store(article(OLD, 'nt-123'), article(OTHER, 'nt-124')));
    expect([...moved]).toEqual([[articleIdFor(NEW), articleIdFor(OLD)]]);
  });

  it('not when the titles share under half their words: a feed that numbers its items gave an old guid to a new report (a hostile trial)', () => {
    const volcano = { ...article(OLD, '1'), title: 'Volcano erupts near the coast, thousands flee' };
    const budget = { ...article(NEW, '1'), title: 'Parliament passes budget bill in late vote' };
    expect([...storedUnderGuid([budget], store(volcano))]).toEqual([]);
    const edited = { ...article(NEW, '1'), title: 'Volcano erupts near the coast, thousands flee their homes' };
    expect([...storedUnderGuid([edited], store(volcano))]).toEqual([[articleIdFor(NEW), articleIdFor(OLD)]]);
  });

  it('a stored article that moved is found by its new URL once its guid no longer counts (a hostile trial had one URL stored twice)', () => {
    const movedBefore = { ...article(NEW, 'g-1'), id: articleIdFor(OLD) };
    expect([...storedUnderGuid([article(NEW, undefined)], store(movedBefore))]).toEqual([[articleIdFor(NEW), articleIdFor(OLD)]]);
    // the URL's own stored article wins: nothing to map
    expect([...storedUnderGuid([article(NEW, undefined)], store(movedBefore, article(NEW, undefined)))]).toEqual([]);
  });

  it.each<[string, Article[], Article[]]>([
    ['another source with the same guid', [article(NEW, 'nt-123', 'other-news')], [article(OLD, 'nt-123')]],
    ['a stored article without a guid (stored before guids were kept)', [article(NEW, 'nt-123')], [article(OLD, undefined)]],
    ['the old URL still read in this run (guids by position)', [article(NEW, '1'), article(OLD, '2')], [article(OLD, '1')]],
    ['two stored articles with the guid', [article(NEW, 'nt-123')], [article(OLD, 'nt-123'), article(OTHER, 'nt-123')]],
    ['two articles of this run with the guid (two feeds of the source)', [article(NEW, 'nt-123'), article(OTHER, 'nt-123')], [article(OLD, 'nt-123')]],
    ['the new URL stored already', [article(NEW, 'nt-123')], [article(OLD, 'nt-123'), article(NEW, undefined)]],
  ])('maps nothing for %s', (_name, fresh, stored) => {
    expect(storedUnderGuid(fresh, store(...stored)).size).toBe(0);
  });
});
