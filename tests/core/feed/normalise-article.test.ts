/**
 * Item guids on articles (articleGuids) and an item whose link changed under its guid (storedAs). A trial's
 * item kept <guid isPermaLink="false">nt-123</guid> while its link changed: it had been stored twice.
 */
import { describe, expect, it } from 'vitest';
import { articleGuids, normaliseItems, replacesArticle, storedAs } from '../../../src/core/feed/normalise-article';
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

describe('storedAs', () => {
  const article = (url: string, guid: string | undefined, sourceId = 'news-test'): Article => ({
    ...normaliseItems([item(url, null)], sourceId, NOW, 'en').articles[0]!,
    ...(guid === undefined ? {} : { guid }),
  });
  const store = (...list: Article[]) => new Map(list.map((a) => [a.id, a]));

  it('maps the new URL to the stored article of the same source and guid', () => {
    const moved = storedAs([article(NEW, 'nt-123'), article(OTHER, 'nt-124')], store(article(OLD, 'nt-123'), article(OTHER, 'nt-124')));
    expect([...moved]).toEqual([[articleIdFor(NEW), { id: articleIdFor(OLD), rule: 'guid' }]]);
  });

  it('not when the titles share under half their words: a feed that numbers its items gave an old guid to a new report (a hostile trial)', () => {
    const volcano = { ...article(OLD, '1'), title: 'Volcano erupts near the coast, thousands flee' };
    const budget = { ...article(NEW, '1'), title: 'Parliament passes budget bill in late vote' };
    expect([...storedAs([budget], store(volcano))]).toEqual([]);
    const edited = { ...article(NEW, '1'), title: 'Volcano erupts near the coast, thousands flee their homes' };
    expect([...storedAs([edited], store(volcano))]).toEqual([[articleIdFor(NEW), { id: articleIdFor(OLD), rule: 'guid' }]]);
  });

  it('a stored article that moved is found by its new URL once its guid no longer counts (a hostile trial had one URL stored twice)', () => {
    const movedBefore = { ...article(NEW, 'g-1'), id: articleIdFor(OLD) };
    expect([...storedAs([article(NEW, undefined)], store(movedBefore))]).toEqual([[articleIdFor(NEW), { id: articleIdFor(OLD), rule: 'url' }]]);
    // the URL's own stored article wins: nothing to map
    expect([...storedAs([article(NEW, undefined)], store(movedBefore, article(NEW, undefined)))]).toEqual([]);
  });

  it('an item whose link changed while its guid stayed the old link (a permalink) is the article stored under that link (a trial)', () => {
    // First run: guid = link, so no guid was kept; now the guid is the old link and the link is new.
    expect([...storedAs([article(NEW, OLD)], store(article(OLD, undefined)))]).toEqual([[articleIdFor(NEW), { id: articleIdFor(OLD), rule: 'permalink' }]]);
    // Not another source's page, and not while the old link is still read as an item of its own.
    expect([...storedAs([article(NEW, OLD, 'other-news')], store(article(OLD, undefined)))]).toEqual([]);
    expect([...storedAs([article(NEW, OLD), article(OLD, undefined)], store(article(OLD, undefined)))]).toEqual([]);
  });

  it.each<[string, Article[], Article[]]>([
    ['another source with the same guid', [article(NEW, 'nt-123', 'other-news')], [article(OLD, 'nt-123')]],
    ['a stored article without a guid (stored before guids were kept)', [article(NEW, 'nt-123')], [article(OLD, undefined)]],
    ['the old URL still read in this run (guids by position)', [article(NEW, '1'), article(OLD, '2')], [article(OLD, '1')]],
    ['two stored articles with the guid', [article(NEW, 'nt-123')], [article(OLD, 'nt-123'), article(OTHER, 'nt-123')]],
    ['two articles of this run with the guid (two feeds of the source)', [article(NEW, 'nt-123'), article(OTHER, 'nt-123')], [article(OLD, 'nt-123')]],
    ['the new URL stored already', [article(NEW, 'nt-123')], [article(OLD, 'nt-123'), article(NEW, undefined)]],
  ])('maps nothing for %s', (_name, fresh, stored) => {
    expect(storedAs(fresh, store(...stored)).size).toBe(0);
  });
});

/**
 * Links of one outlet that changed form (storedAs rule 3, samePageKey) or were rewritten under the same headline and
 * time (rule 4). A tester's feed without guids, read again with `http://…/a1/` → `https://…/a1`, BBC's tracking
 * parameters and an AMP link, stored each article twice; the stream ../shared/data/stream-2023-11-13_19 has the
 * slug and section rewrites (New York Times, Times of India, CBC).
 */
describe('storedAs: another link of the same page, or the same headline and time', () => {
  const at = (url: string, title: string, published: string | null, sourceId = 'news-test', firstSeen = NOW): Article => ({
    ...normaliseItems([{ ...item(url, null), title, published }], sourceId, NOW, 'en').articles[0]!,
    published,
    firstSeen,
  });
  const store = (...list: Article[]) => new Map(list.map((a) => [a.id, a]));
  const T = '2023-11-14T10:03:25Z';

  it.each<[string, string, string]>([
    ['scheme and a trailing slash', 'http://news.test/2026/11/a1/', 'https://news.test/2026/11/a1'],
    ["BBC's campaign parameters (Piano Analytics at_*)", 'https://www.bbc.co.uk/news/world-67400000', 'https://www.bbc.co.uk/news/world-67400000?at_medium=RSS&at_campaign=KARANGA'],
    ['an AMP path', 'https://news.test/2026/11/c1', 'https://news.test/2026/11/c1/amp'],
    ['www. and ?outputType=amp', 'https://www.washingtonpost.com/world/2023/11/14/gaza-hospital/', 'https://washingtonpost.com/world/2023/11/14/gaza-hospital/?outputType=amp'],
  ])('%s: the stored article, under its first id', (_name, first, again) => {
    const old = at(first, 'Harbour bridge reopens', null);
    const fresh = at(again, 'Harbour bridge reopens after repairs', null);
    expect([...storedAs([fresh], store(old))]).toEqual([[fresh.id, { id: old.id, rule: 'page' }]]);
  });

  it('two links of one page in this run are one article: the stored one, else the first read', () => {
    const a = at('https://www.bbc.co.uk/news/uk-1?at_medium=RSS&at_campaign=KARANGA', 'Storm hits coast', null);
    const b = at('https://www.bbc.co.uk/news/uk-1', 'Storm hits coast', null);
    // the stored URL read again is no bar: it is the same page
    expect([...storedAs([a, b], store(a))]).toEqual([[b.id, { id: a.id, rule: 'page' }]]);
    expect([...storedAs([b, a], new Map())]).toEqual([[a.id, { id: b.id, rule: 'page' }]]);
  });

  it('the first stored of two earlier copies, and only within one source', () => {
    const early = at('http://news.test/a1/', 'A', null, 'news-test', '2026-11-30T10:00:00Z');
    const late = at('http://www.news.test/a1', 'A', null, 'news-test', '2026-11-30T11:00:00Z');
    const fresh = at('https://news.test/a1', 'A', null);
    expect(storedAs([fresh], store(late, early)).get(fresh.id)).toEqual({ id: early.id, rule: 'page' });
    expect(storedAs([at('https://news.test/a1', 'A', null, 'other-news')], store(early)).size).toBe(0);
  });

  it.each<[string, string, string]>([
    ['New York Times slug', 'https://www.nytimes.com/2023/11/14/technology/what-google-argued-to-defend-itself-in-landmark-antitrust-trial.html', 'https://www.nytimes.com/2023/11/14/technology/google-antitrust-trial-defense.html'],
    ['Times of India section', 'https://timesofindia.indiatimes.com/india/in-quota-stir-anger-over-political-neglect-unites-marathas-despite-economic-divide/articleshow/105172569.cms', 'https://timesofindia.indiatimes.com/city/pune/in-quota-stir-anger-over-political-neglect-unites-marathas-despite-economic-divide/articleshow/105172569.cms'],
    ["CBC's fixed slug under ?cmp=rss", 'https://www.cbc.ca/news/canada/british-columbia/justine-trudeau-vancouver-restaurants-protests-1.7028983?cmp=rss', 'https://www.cbc.ca/news/canada/british-columbia/justin-trudeau-vancouver-restaurants-protests-1.7028983?cmp=rss'],
  ])('the same headline and published time: %s', (_name, first, again) => {
    const old = at(first, 'What Google Argued to Defend Itself in Landmark Antitrust Trial', T);
    const fresh = at(again, 'What Google Argued to Defend Itself in Landmark Antitrust Trial', T);
    expect([...storedAs([fresh], store(old))]).toEqual([[fresh.id, { id: old.id, rule: 'title' }]]);
  });

  it.each<[string, Article[], Article[]]>([
    ['a daily page of the same title on another day (WSJ "Pepper...and Salt")',
      [at('https://www.wsj.com/articles/pepper-and-salt-48f2650c', 'Pepper...and Salt', '2023-11-14T05:00:00Z')],
      [at('https://www.wsj.com/articles/pepper-and-salt-a9b52ce4', 'Pepper...and Salt', '2023-11-13T05:00:00Z')]],
    ['no published time',
      [at('https://news.test/live-2', 'Live updates', null)], [at('https://news.test/live-1', 'Live updates', null)]],
    ['two of this run with the title and time (WSJ\'s "A Closer Look" items, listed together)',
      [at('https://www.wsj.com/articles/a-closer-look-2a835b6f', 'A Closer Look', '2023-11-15T11:00:00Z'), at('https://www.wsj.com/articles/a-closer-look-1390ce84', 'A Closer Look', '2023-11-15T11:00:00Z')],
      [at('https://www.wsj.com/articles/a-closer-look-3e22b7e3', 'A Closer Look', '2023-11-15T11:00:00Z')]],
    ['the stored URL still read in this run',
      [at('https://news.test/b', 'Same', T), at('https://news.test/a', 'Other title now', T)], [at('https://news.test/a', 'Same', T)]],
    ['another source', [at('https://other.test/a', 'Same', T, 'other-news')], [at('https://news.test/a', 'Same', T)]],
    ['a different path that is not an AMP form', [at('https://news.test/a1/amplifier', 'A', null)], [at('https://news.test/a1', 'B', null)]],
    // A hostile trial: a feed of dates without times, and one recurring headline over two different items.
    ['the same title at midnight UTC (a feed that gives dates without times)',
      [{ ...at('https://citypress.test/news/road-closures-harbor-bridge', 'Road closures', '2026-12-01T00:00:00Z'), summary: 'Elm Street will be closed for repairs.' }],
      [{ ...at('https://citypress.test/news/road-closures-elm-street', 'Road closures', '2026-12-01T00:00:00Z'), summary: 'Elm Street will be closed for repairs.' }]],
    ['the same title and time over another lead',
      [{ ...at('https://citypress.test/news/road-closures-harbor-bridge', 'Road closures', T), summary: 'Harbor Bridge closes overnight for cable work.' }],
      [{ ...at('https://citypress.test/news/road-closures-elm-street', 'Road closures', T), summary: 'Elm Street will be closed for repairs.' }]],
    // A live blog's post whose guid is the live page with a fragment is not the live page (a hostile trial).
    ['a guid that is a stored link with a fragment',
      [{ ...at('https://live.test/world/live/ukraine-war/post-77', 'Drone strike hits Kharkiv power station', T), guid: 'https://live.test/world/live/ukraine-war#post-77' }],
      [at('https://live.test/world/live/ukraine-war', 'Ukraine war live', T)]],
    ['a guid that is a stored link, under another headline',
      [{ ...at('https://live.test/world/live/ukraine-war/post-77', 'Drone strike hits Kharkiv power station', T), guid: 'https://live.test/world/live/ukraine-war' }],
      [at('https://live.test/world/live/ukraine-war', 'Ukraine war live', T)]],
  ])('maps nothing for %s', (_name, fresh, stored) => {
    expect(storedAs(fresh, store(...stored)).size).toBe(0);
  });
});

describe('replacesArticle', () => {
  const fire = { title: 'Arizona wildfire: Prescott towns ordered to evacuate', summary: 'Crews battled the Sawtooth wildfire near Prescott as evacuation orders widened.' as string | null };
  it.each([
    ['another report on the page', { title: 'Lisbon tram derailment injures dozens in Portugal', summary: 'A tram derailed on a steep street in Lisbon, injuring dozens.' }, true],
    ['another headline without a lead', { title: 'Lisbon tram derailment injures dozens in Portugal', summary: null }, true],
    ['an edited headline', { title: 'Arizona wildfire: four Prescott towns ordered to evacuate', summary: 'Firefighters lost ground overnight.' }, false],
    ['a rewritten lead under a kept headline', { ...fire, summary: 'Firefighters lost ground overnight.' }, false],
    ['a live page retitled', { title: 'Arizona wildfire live: Prescott evacuation widens', summary: 'Firefighters lost ground overnight as winds rose.' }, false],
    ['a headline without words', { title: '…', summary: 'Firefighters lost ground overnight.' }, false],
  ])('%s', (_name, fresh, expected) => {
    expect(replacesArticle({ ...fire, published: '2026-11-25T10:00:00Z' }, { ...fresh, published: '2026-11-26T10:00:00Z' })).toBe(expected);
  });
  it('takes another headline under the same date as the article retitled (a title-only live page), not another', () => {
    const live = { title: 'Storm Bert live: Wales braces for heavy rain and gales', summary: null, published: '2026-11-25T07:00:00Z' };
    expect(replacesArticle(live, { title: 'River Taff bursts its banks, flooding Pontypridd homes', summary: null, published: '2026-11-25T07:00:00Z' })).toBe(false);
    expect(replacesArticle(live, { title: 'River Taff bursts its banks, flooding Pontypridd homes', summary: null, published: '2026-11-26T07:00:00Z' })).toBe(true);
    // midnight UTC is a date-only feed's date for every item of the day: no evidence
    const dateOnly = { ...live, published: '2026-11-25T00:00:00Z' };
    expect(replacesArticle(dateOnly, { title: 'Denver council approves $1.2 billion stadium budget', summary: null, published: '2026-11-25T00:00:00Z' })).toBe(true);
  });
});
