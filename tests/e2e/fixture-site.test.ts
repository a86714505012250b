/**
 * The hand-made fixture content (tests/fixtures/site-content: a Right-rated source, a blindspot, topics, hostile
 * text) built as a GitHub Pages project site (PARALLAX_BASE=/parallax/): every link and feed URL carries the base,
 * and in Chromium the story's articles filter to Right, the blindspot page lists it "for the Left", and axe-core
 * finds no serious or critical violation on the blindspot and topic pages.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CLUSTER_CONFIG, TOPIC_PAGE_MIN_STORIES, TOPICS_MAX_TERMS } from '../../src/core/config';
import { ROOT, tempDir } from '../helpers';
import { axeSerious, brokenLinks, buildSite, CHROMIUM, launch, SCREENSHOTS, serve, watchExternal } from './site-kit';

const BASE = '/parallax/';
const REMOVED_ARTICLE = `  - id: d1b2c3d4e5f60003
    sourceId: plains-courier
    url: 'https://www.plainscourier.example/2026/02/17/library-reopens'
    title: Library reopens its doors
    excerpt: The city library reopened on Tuesday.
    published: '2026-02-17T08:00:00Z'
    firstSeen: '2026-02-17T08:00:00Z'
    similarity: 0.6
`;
const SITE = 'https://example.github.io';
let dist: string;
let files: string[];

beforeAll(async () => {
  const work = await tempDir('parallax-fixture-site-');
  dist = path.join(work, 'dist');
  // The fixture's topics each tag one story; two more stories tagged "politics" give it TOPIC_PAGE_MIN_STORIES (3),
  // so politics gets a page and feeds while weather (one story) stays a chip without a page.
  const content = path.join(work, 'content');
  await cp(path.join(ROOT, 'tests', 'fixtures', 'site-content'), content, { recursive: true });
  const tag = async (id: string, from: string, to: string): Promise<void> => {
    const file = path.join(content, 'stories', `${id}.md`);
    const text = await readFile(file, 'utf8');
    if (!text.includes(from)) throw new Error(`${id}: no ${JSON.stringify(from)}`);
    await writeFile(file, text.replace(from, to));
  };
  await tag('m5n6b7v8', 'topics:\n  - labor\n', 'topics:\n  - labor\n  - politics\n');
  await tag('p8w4n6t2', 'topics: []\n', 'topics:\n  - politics\n');
  // Two untitled articles (a feed's `<title></title>` beside a link is stored as title ""): one with an excerpt, one
  // without any text.
  await tag('m5n6b7v8', 'title: Dockworkers and employers fail to agree\n', "title: ''\n");
  await tag('m5n6b7v8', 'title: Port strike costs mount for shippers\n    excerpt: Shippers say the backlog now stretches to more than 40 vessels.\n', "title: ''\n    excerpt: null\n");
  // A source removed from the registry ("plains-courier", in no state/sources.json): its article stays in the library
  // story, which it broke and a bullet quotes.
  await tag('p8w4n6t2', 'articles:\n', `articles:\n${REMOVED_ARTICLE}`);
  await tag('p8w4n6t2', 'Entry remains free.\n    articleId: d1b2c3d4e5f60001', 'Entry remains free.\n    articleId: d1b2c3d4e5f60003');
  await tag('p8w4n6t2', 'sourceId: metro-blog\n    articleId: d1b2c3d4e5f60001\n    at: \'2026-02-17T09:00:00Z\'', "sourceId: plains-courier\n    articleId: d1b2c3d4e5f60003\n    at: '2026-02-17T08:00:00Z'");
  // The civic-ledger piece comes from an analysis feed (its article's kind).
  await tag('k3v9q2m7', "    firstSeen: '2026-02-17T09:40:00Z'\n    similarity: 0.62\n", "    firstSeen: '2026-02-17T09:40:00Z'\n    similarity: 0.62\n    kind: analysis\n");
  await buildSite(work, ['--no-ingest', '--content', content], { PARALLAX_BASE: BASE, PARALLAX_SITE: SITE });
  files = (await readdir(dist, { recursive: true })).map((f) => f.split(path.sep).join('/')).sort();
}, 300_000);

const read = (f: string): Promise<string> => readFile(path.join(dist, f), 'utf8');

describe('a project-site build (base /parallax/)', () => {
  it('resolves every internal link under the base', async () => {
    expect(await brokenLinks(dist, BASE)).toEqual([]);
  });

  it('puts the base in canonical URLs, feed links and the sitemap', async () => {
    const html = await read('story/k3v9q2m7/index.html');
    expect(html).toContain(`<link rel="canonical" href="${SITE}${BASE}story/k3v9q2m7/"`);
    expect(html).toContain(`href="${BASE}story/k3v9q2m7/rss.xml"`);
    const rss = await read('rss.xml');
    expect(XMLValidator.validate(rss)).toBe(true);
    expect(rss).toContain(`<link>${SITE}${BASE}story/k3v9q2m7/</link>`);
    expect(rss).toContain('<guid isPermaLink="false">20260217</guid>');
    const json = JSON.parse(await read('topic/politics/feed.json')) as { feed_url: string; items: Array<{ url: string }> };
    expect(json.feed_url).toBe(`${SITE}${BASE}topic/politics/feed.json`);
    expect(json.items[0]!.url).toBe(`${SITE}${BASE}story/k3v9q2m7/`);
    expect(await read('sitemap-0.xml')).toContain(`<loc>${SITE}${BASE}methodology/</loc>`);
  });

  it('writes topic pages (from TOPIC_PAGE_MIN_STORIES stories) and the blindspot page with both lists', async () => {
    expect(TOPIC_PAGE_MIN_STORIES).toBe(3);
    expect(files).toEqual(expect.arrayContaining(['topic/politics/index.html', 'topic/politics/rss.xml', 'topic/politics/feed.json', 'topics/index.html']));
    expect(files.filter((f) => f.startsWith('topic/') && f.includes('.'))).toEqual(['topic/politics/feed.json', 'topic/politics/index.html', 'topic/politics/rss.xml']);
    const politics = await read('topic/politics/index.html');
    for (const id of ['k3v9q2m7', 'm5n6b7v8', 'p8w4n6t2']) expect(politics).toContain(`href="${BASE}story/${id}/"`);
    const topics = await read('topics/index.html');
    expect(topics).toContain(`href="${BASE}topic/politics/"`);
    expect(topics).not.toContain('topic/weather/');
    // A story's chip links to its topic's page when there is one; the one-story topic is plain text.
    expect(await read('story/m5n6b7v8/index.html')).toContain(`<a href="${BASE}topic/politics/">Politics</a>`);
    const storm = await read('story/20260217/index.html');
    expect(storm).toContain('<span class="nolink">Weather</span>');
    expect(storm).not.toContain('topic/weather/');
    const html = await read('blindspot/index.html');
    const [forLeft, forRight] = html.split('id="bs-right"');
    expect(forLeft).toContain(`${BASE}story/20260217/`);
    expect(forRight).not.toContain('/story/');
    // the fixture follows a Right-rated source: an empty list is "none at the moment"
    expect(forRight).toContain('No blindspot for the Right at the moment.');
  });

  it('escapes hostile headlines once in HTML, RSS and JSON-LD', async () => {
    const html = await read('story/k3v9q2m7/index.html');
    expect(html).toContain('<h1 data-pagefind-meta="title">Re: Budget talks: what &quot;changed&quot; #2 &amp; the &lt;script&gt; behind the deal</h1>');
    // Outside attribute values (where "<" is inert), the only script element is the JSON-LD one.
    const markup = html.replace(/="[^"]*"/g, '=""');
    expect(markup.match(/<script\b/g)).toHaveLength(1);
    expect(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]).not.toContain('<');
    const rss = await read('story/k3v9q2m7/rss.xml');
    expect(XMLValidator.validate(rss)).toBe(true);
  });
});

describe("an article's feed kind", () => {
  it('labels an analysis or opinion piece in its row, and a news report not', async () => {
    const html = await read('story/k3v9q2m7/index.html');
    const rows = html.split('<li class="b-').slice(1);
    const labelled = rows.filter((r) => r.includes('<span class="kind">Analysis</span>'));
    expect(labelled).toHaveLength(1);
    expect(labelled[0]).toContain('civicledger.example/budget/what-changed');
    expect(html).not.toContain('<span class="kind">Opinion</span>');
  });
});

describe('a source removed from the registry', () => {
  it("names its articles by their site, not by the raw id, unlinked and Unrated (it had read 'plains-courier · Unrated')", async () => {
    const html = await read('story/p8w4n6t2/index.html');
    const text = html.replace(/<[^>]*>/g, '');
    expect(text).not.toContain('plains-courier');
    // The article row, the bullet's credit, who broke it and the JSON-LD publisher.
    expect(html).toContain('<div class="meta" data-pagefind-ignore> <span>plainscourier.example</span>  <span class="tag tag-unrated" data-pagefind-ignore>Unrated</span>');
    expect(html).toContain('rel="noopener noreferrer nofollow">— plainscourier.example</a>');
    expect(html).toContain('<dt>First reported by</dt> <dd> plainscourier.example <br>');
    expect(html).toContain('"publisher":{"@type":"Organization","name":"plainscourier.example"}');
    expect(html).not.toContain('source/plains-courier/');
    const rss = await read('story/p8w4n6t2/rss.xml');
    expect(rss).toContain('<title>plainscourier.example (Unrated): Library reopens its doors</title>');
    expect(rss).not.toContain('plains-courier');
  });

  it('says a story with no rated source has no shares, rather than "Left 0% (0)" (a reader trial\'s)', async () => {
    const html = await read('story/p8w4n6t2/index.html');
    expect(html).toMatch(/<ul class="bias-legend">\s*<li>No rated sources yet<\/li>\s*<li>Unrated <span class="muted">\(2\)<\/span><\/li>/);
    expect(html).not.toContain('Left 0%');
  });
});

describe('wording', () => {
  it("labels the coverage box's counts as the bar does, with the Lean Left / Lean Right parts a side gathers", async () => {
    const html = await read('story/k3v9q2m7/index.html');
    // biasDetail: left 1, lean-left 1, center 1, right 1, lean-right 1 (had been "Leaning Left 2", "Leaning Right 2").
    expect(html).toContain('<dt>Left</dt><dd>2 <span class="muted">(1 Left, 1 Lean Left)</span></dd>');
    expect(html).toContain('<dt>Center</dt><dd>1</dd>');
    expect(html).toContain('<dt>Right</dt><dd>2 <span class="muted">(1 Right, 1 Lean Right)</span></dd>');
    const strike = await read('story/m5n6b7v8/index.html');
    expect(strike).toContain('<dt>Left</dt><dd>1 <span class="muted">(1 Lean Left)</span></dd>');
    expect(strike).toContain('<dt>Right</dt><dd>1</dd>');
    expect(html + strike).not.toContain('Leaning');
    // An outlet's pill names its rating and takes its side's colour (a reader trial's "The New York Times [Left]" for
    // a source rated Lean Left); the sources page no longer adds the rating beside it.
    const talks = await read('story/m5n6b7v8/index.html');
    expect(talks).toMatch(/The Harbor Daily<\/a>\s*<span class="tag tag-left" data-pagefind-ignore>Lean Left<\/span>/);
    const sources = await read('sources/index.html');
    expect(sources).toContain('<span class="tag tag-left" data-pagefind-ignore>Lean Left</span></td>');
    expect(sources).toContain('<span class="tag tag-left" data-pagefind-ignore>Left</span></td>');
    expect(sources).not.toContain('(Lean Left)');
  });

  it('states the story merge rule as a minimum cosine similarity, read from the clustering config', async () => {
    const text = (await read('methodology/index.html')).replace(/<[^>]*>/g, '');
    expect(DEFAULT_CLUSTER_CONFIG.storyMergeThreshold).toBeLessThanOrEqual(1);
    expect(text).toContain(`two whose centroids have a cosine similarity of at least ${DEFAULT_CLUSTER_CONFIG.storyMergeThreshold} merge`);
    expect(text).toContain(`if that similarity is at least ${DEFAULT_CLUSTER_CONFIG.threshold};`);
    expect(text).not.toMatch(/or closer merge/);
    expect(text).toContain(`that both lack a lead, the thresholds are ${DEFAULT_CLUSTER_CONFIG.titleOnlyThreshold} and ${DEFAULT_CLUSTER_CONFIG.titleOnlyResidualSimilarity} instead`);
  });
});

describe('times on the pages', () => {
  it('are absolute UTC times with a machine-readable datetime, never an age relative to the build (a page is served for days)', async () => {
    const home = await read('index.html');
    // The run clock is 2026-02-18T02:10:00Z: the card had said "Updated 9 h ago", true only at build time.
    expect(home).toContain('Updated <time datetime="2026-02-17T16:30:00Z">17 Feb 2026, 16:30 UTC</time>');
    expect(home).toContain('Updated <time datetime="2026-02-18T01:05:00Z">18 Feb 2026, 01:05 UTC</time>');
    for (const f of files.filter((x) => x.endsWith('.html'))) {
      const text = (await read(f)).replace(/<[^>]*>/g, ' ');
      expect(text, f).not.toMatch(/\b(?:ago|just now)\b/i);
    }
  });
});

describe('an article without a usable date', () => {
  // k3v9q2m7's Rundfunk Aktuell article: published null (its feed gave no date), first seen 2026-02-17T15:00:00Z.
  const SEEN = 'first seen <time datetime="2026-02-17T15:00:00Z">17 Feb 2026, 15:00 UTC</time>';

  it('reads as first seen on the story and source pages, and dated articles as they were', async () => {
    const story = await read('story/k3v9q2m7/index.html');
    expect(story).toContain(`<span class="undated">${SEEN}</span>`);
    expect(story.match(/first seen/g)).toHaveLength(1);
    expect(story).toContain('<time datetime="2026-02-17T13:30:00Z">17 Feb 2026, 13:30 UTC</time>');
    // On a source page the time begins its line.
    const source = await read('source/rundfunk-aktuell/index.html');
    expect(source).toContain(`<div class="meta"><span class="undated">F${SEEN.slice(1)}</span>`);
  });

  it('is counted apart in the timeline, not drawn at the hour it was first seen', async () => {
    const story = await read('story/k3v9q2m7/index.html');
    expect(story).toContain('id="timeline-desc">6 dated articles from 17 Feb 2026, 08:00 UTC to 18 Feb 2026, 02:00 UTC, per hour; the busiest hour had 1 article. Not shown: 1 article without a usable date.</p>');
    // The table lists the dated articles' hours only: no row for 15:00.
    const table = /<table>[\s\S]*?<\/table>/.exec(story.slice(story.indexOf('id="timeline-h"')))![0];
    expect(table).not.toContain('2026-02-17T15:00:00Z');
    expect([...table.matchAll(/<tr><th scope="row">/g)]).toHaveLength(6);
    // A legend names the bars' colours, with the dated articles per side (the undated one is Unrated: not counted).
    expect(story).toContain('<ul class="bias-legend tl-legend"> <li class="left">Left <span class="muted">(2)</span></li><li class="center">Center <span class="muted">(2)</span></li><li class="right">Right <span class="muted">(2)</span></li> </ul>');
    // A story with no undated article reads as before.
    expect(await read('story/m5n6b7v8/index.html')).toContain('id="timeline-desc">2 articles from');
  });

  it('dates an undated article by when it was first seen in the story and source RSS (pubDate, not JSON Feed date_published), and says so', async () => {
    const DESC = 'First seen 17 Feb 2026, 15:00 UTC. Im Streit um den US-Haushalt gibt es erste Signale einer Einigung.';
    for (const dir of ['story/k3v9q2m7/', 'source/rundfunk-aktuell/']) {
      const rss = await read(`${dir}rss.xml`);
      expect(XMLValidator.validate(rss)).toBe(true);
      const item = [...rss.matchAll(/<item>[\s\S]*?<\/item>/g)].map((m) => m[0]).find((i) => i.includes('a1b2c3d4e5f60005'))!;
      expect(item, dir).toContain(`<description>${DESC}</description>`);
      // Its first-seen time (UTC): an item without pubDate had been dated by readers when they fetched it.
      expect(item, dir).toContain('<pubDate>Tue, 17 Feb 2026 15:00:00 GMT</pubDate>');
      const json = JSON.parse(await read(`${dir}feed.json`)) as { items: Array<{ id: string; date_published?: string; content_text: string }> };
      const entry = json.items.find((i) => i.id === 'a1b2c3d4e5f60005')!;
      expect(entry, dir).not.toHaveProperty('date_published');
      expect(entry.content_text).toBe(DESC);
    }
    const json = JSON.parse(await read('story/k3v9q2m7/feed.json')) as { items: Array<{ id: string; date_published?: string }> };
    expect(json.items.filter((i) => i.date_published).map((i) => i.date_published)).toEqual([
      '2026-02-18T01:05:00.000Z', '2026-02-17T18:20:00.000Z', '2026-02-17T13:30:00.000Z', '2026-02-17T11:15:00.000Z', '2026-02-17T09:40:00.000Z', '2026-02-17T08:05:00.000Z',
    ]);
  });
});

describe('the search index and the topics page', () => {
  it("keeps a story's topic chips and a source's rating headings out of the index", async () => {
    expect(await read('story/k3v9q2m7/index.html')).toContain('<ul class="chips" aria-label="Topics" data-pagefind-ignore>');
    const source = await read('source/frontier-wire/index.html');
    expect(source).toContain('<h2 data-pagefind-ignore>Bias ratings</h2>');
    expect(source).toContain('<h2 data-pagefind-ignore>Factuality ratings</h2>');
  });

  it('says where topics come from: feed categories plus key words of the headlines', async () => {
    const text = (await read('topics/index.html')).replace(/<[^>]*>/g, '');
    expect(text).toContain(`A story's topics are the categories outlets give two or more of its articles, plus up to ${TOPICS_MAX_TERMS} key words of the story that two or more of its headlines use.`);
    expect(text).not.toContain('Topics come from the categories outlets give their articles');
    // The fixture has no archive: none is named (a reader trial's link led to "Nothing archived yet").
    expect(text).toContain(`A topic gets a page from ${TOPIC_PAGE_MIN_STORIES} stories.`);
    expect(text).not.toContain('Topics of past months');
  });
});

describe('an article with an empty title', () => {
  const TALKS = 'Talks broke up without a date for the next meeting.';
  const TALKS_URL = 'https://www.harbordaily.example/2026/02/17/port-strike-talks';
  const COSTS_URL = 'https://frontierwire.example/business/port-strike';

  it('is named by its excerpt, else as an untitled article from its outlet, on the story and source pages', async () => {
    const story = await read('story/m5n6b7v8/index.html');
    expect(story).not.toMatch(/<a [^>]*><\/a><\/h3>/);
    expect(story).toContain(`<h3><a href="${TALKS_URL}" rel="noopener noreferrer nofollow">${TALKS}</a></h3>`);
    expect(story).toContain(`<h3><a href="${COSTS_URL}" rel="noopener noreferrer nofollow">Untitled article from Frontier Wire</a></h3>`);
    // The excerpt is the title already: it is not repeated under it.
    expect(story).not.toContain(`<p class="excerpt">${TALKS}</p>`);
    const source = await read('source/frontier-wire/index.html');
    expect(source).toContain(`<h3><a href="${COSTS_URL}" rel="noopener noreferrer nofollow">Untitled article from Frontier Wire</a></h3>`);
    expect(source).not.toMatch(/<a [^>]*><\/a><\/h3>/);
  });

  it('gets the same readable title in the story and source feeds (RSS and JSON Feed)', async () => {
    const titles = (xml: string): string[] => [...xml.matchAll(/<item>[\s\S]*?<title>([^<]*)<\/title>/g)].map((m) => m[1]!);
    // Each outlet named with its rating (the median of its raters: Frontier Wire is Right by one, Lean Right by another).
    expect(titles(await read('story/m5n6b7v8/rss.xml'))).toEqual([`The Harbor Daily (Lean Left): ${TALKS}`, 'Frontier Wire (Lean Right): Untitled article from Frontier Wire']);
    const story = JSON.parse(await read('story/m5n6b7v8/feed.json')) as { items: Array<{ title: string }> };
    expect(story.items.map((i) => i.title)).toEqual([`The Harbor Daily (Lean Left): ${TALKS}`, 'Frontier Wire (Lean Right): Untitled article from Frontier Wire']);
    const source = JSON.parse(await read('source/harbor-daily/feed.json')) as { items: Array<{ title: string; url: string }> };
    expect(source.items.find((i) => i.url.includes('m5n6b7v8'))?.title).toBe(TALKS);
    for (const f of files.filter((x) => x.endsWith('feed.json'))) {
      for (const item of (JSON.parse(await read(f)) as { items: Array<{ title: string }> }).items) expect(item.title.trim(), f).not.toBe('');
    }
    for (const f of files.filter((x) => x.endsWith('rss.xml'))) expect(await read(f), f).not.toMatch(/<title>(?:[^<]*\): )?<\/title>/);
  });
});

describe.skipIf(!existsSync(CHROMIUM))('the project site in a browser', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  let browser: Browser;
  beforeAll(async () => {
    server = await serve(dist, BASE);
    browser = await launch();
    await mkdir(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('filters a story to Right without JavaScript', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    const page = await context.newPage();
    const external = watchExternal(page, server.origin);
    await page.goto(`${server.origin}${BASE}`);
    await page.locator(`main a[href="${BASE}story/k3v9q2m7/"]`).click();
    await page.waitForURL(/\/parallax\/story\/k3v9q2m7\/$/);
    const right = page.locator('ul.articles > li.b-right');
    expect(await right.count()).toBeGreaterThan(0);
    await page.locator('label[for="f-right"]').click();
    const rows = page.locator('ul.articles > li:not(.empty)');
    let visible = 0;
    for (let i = 0; i < (await rows.count()); i++) {
      if (await rows.nth(i).isVisible()) {
        visible++;
        expect(await rows.nth(i).getAttribute('class')).toContain('b-right');
      }
    }
    expect(visible).toBe(await right.count());
    await page.screenshot({ path: path.join(SCREENSHOTS, 'story-right.png'), fullPage: true });
    // A filter with no article shows a sentence instead of an empty list.
    await page.goto(`${server.origin}${BASE}story/20260217/`);
    await page.locator('label[for="f-left"]').click();
    await expect.poll(() => page.getByText('No Left sources have covered this story yet.').isVisible()).toBe(true);
    expect(external).toEqual([]);
    await context.close();
  }, 60_000);

  it("gives search results the page's own title and an excerpt of its text, not its layout (Pagefind's index)", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}${BASE}search/`);
    // A string, not a function: Vitest would rewrite a dynamic import() inside a function for Node.
    const search = (q: string): Promise<Array<{ url: string; title: string; excerpt: string }>> =>
      page.evaluate(`(async () => {
        const pagefind = await import(${JSON.stringify(`${BASE}pagefind/pagefind.js`)});
        const found = await pagefind.search(${JSON.stringify(q)});
        return Promise.all(found.results.map(async (r) => {
          const d = await r.data();
          return { url: d.url, title: d.meta.title, excerpt: d.excerpt.replace(/<\\/?mark>/g, '') };
        }));
      })()`);
    const source = (await search('Frontier Wire')).find((r) => r.url === `${BASE}source/frontier-wire/`)!;
    // Had been "Frontier Wire Right" and "Sources. Frontier Wire Right. Homepagehttps://frontierwire.example/ CountryUnited States (US) Languageen …".
    expect(source.title).toBe('Frontier Wire');
    // Then "Frontier Wire Bias ratings. Right by AllSides, …": the headings are labels, not text.
    expect(source.excerpt).toMatch(/^Frontier Wire Right by AllSides, as of 3 Nov 2025 Lean Right by Ad Fontes Media/);
    expect(source.excerpt).not.toMatch(/Homepage|Country|Language|Sources\.|ratings/);
    const storm = (await search('storm')).find((r) => r.url === `${BASE}story/20260217/`)!;
    expect(storm.title).toBe('Storm closes northern rail lines for a second day');
    const strike = (await search('strike')).find((r) => r.url === `${BASE}story/m5n6b7v8/`)!;
    expect(strike.title).toBe('Port strike enters third week as talks stall');
    // Story excerpts had begun "Articles. Show Sort" (the filter's labels) and carried "All (2) Left (1) … Oldest first".
    for (const r of [storm, strike]) expect(r.excerpt).not.toMatch(/Articles\.|Show|Sort|Oldest first|Newest first|\(\d+\)|No \w+ sources have covered|Summary\./);
    expect(strike.excerpt).toContain('Port strike enters third week as talks stall.');
    // The topic chips had run into the excerpt after the headline ("… as talks stall. Labor. Politics."), and each
    // summary bullet's outlet into the next bullet ("… laundering. — Deutsche Welle Prosecutors allege …").
    expect(strike.excerpt).not.toContain('—');
    const budget = (await search('budget')).find((r) => r.url === `${BASE}story/k3v9q2m7/`)!;
    for (const r of [strike, budget]) expect(r.excerpt).not.toMatch(/\b(?:Labor|Politics|Economy)\b/);
    // Pagefind's UI is in the page's font ("--pagefind-ui-font: inherit" had given it Pagefind's own font list).
    await page.waitForSelector('.pagefind-ui__search-input');
    const fonts = await page.evaluate(`[getComputedStyle(document.querySelector('.pagefind-ui')).fontFamily, getComputedStyle(document.body).fontFamily]`);
    expect((fonts as string[])[0]).toBe((fonts as string[])[1]);
    await page.close();
  }, 60_000);

  it('has no serious or critical axe-core violation on the blindspot, topic, sources and 404 pages', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const report: string[] = [];
    for (const url of ['blindspot/', 'topic/politics/', 'topics/', 'sources/', 'source/frontier-wire/', 'no-such-page/']) {
      await page.goto(`${server.origin}${BASE}${url}`);
      if (url === 'blindspot/') await page.screenshot({ path: path.join(SCREENSHOTS, 'blindspot.png'), fullPage: true });
      for (const v of await axeSerious(page)) report.push(`${url}: ${v.id} (${v.impact}) ${v.help} ×${v.nodes.length}`);
    }
    expect(report).toEqual([]);
    await page.close();
  }, 60_000);
});
