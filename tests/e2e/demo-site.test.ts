/**
 * The demo as a user runs it: `parallax build` (ingest the bundled snapshot, Astro build, Pagefind index), then
 * checks of the built site — page count, every feed (RSS and JSON Feed) under strict parsers, metadata, internal
 * links, budgets (story page HTML + CSS < 60 KB, no JavaScript to read it, no third-party request) — and a real
 * browser (Debian's Chromium through playwright-core): home → story → filter, search → story, story → source,
 * axe-core on home, story, source, methodology and search, accessible names (search input, filter groups, links), with
 * screenshots saved under test-results/screenshots/.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGISTRY, SNAPSHOT_FEEDS, tempDir } from '../helpers';
import { AXE, axeSerious, brokenLinks, buildSite, CHROMIUM, launch, SCREENSHOTS, serve, watchExternal } from './site-kit';

/** Characters XML 1.0 forbids (section 2.2): C0 controls except tab, LF, CR; surrogates; U+FFFE/U+FFFF. */
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const KB = 1024;

let work: string;
let dist: string;
let stdout: string;
let files: string[];
let htmlFiles: string[];

beforeAll(async () => {
  work = await tempDir('parallax-e2e-');
  dist = path.join(work, 'dist');
  // The demo, into a content directory of the test's own: --feeds and --registry name the snapshot and its registry.
  stdout = await buildSite(work, ['--feeds', SNAPSHOT_FEEDS, '--registry', REGISTRY, '--content', path.join(work, 'content')]);
  files = (await readdir(dist, { recursive: true })).map((f) => f.split(path.sep).join('/')).sort();
  htmlFiles = files.filter((f) => f.endsWith('.html'));
}, 300_000);

const read = (f: string): Promise<string> => readFile(path.join(dist, f), 'utf8');
const storyPages = (): string[] => htmlFiles.filter((f) => /^story\/[a-z0-9]+\/index\.html$/.test(f));

describe('the demo build', () => {
  it('prints the one-screen summary', () => {
    expect(stdout).toMatch(/Feeds read\s+28 \(0 failed\)/);
    expect(stdout).toMatch(/Stories\s+\d+ \(\d+ with 2\+ sources, \d+ with 3\+ sources\)/);
    // The output folder is named: a build run from another folder writes into the install's dist/.
    expect(stdout).toContain(`Pages written     ${htmlFiles.length} (in ${dist})`);
  });

  it('writes a page per multi-source story and per source, and none for a lone article', async () => {
    const storyDirs = (await readdir(path.join(dist, 'story'))).filter((d) => existsSync(path.join(dist, 'story', d, 'index.html')));
    const storyFiles = await readdir(path.join(work, 'content', 'stories'));
    let multi = 0;
    for (const f of storyFiles) {
      const text = await readFile(path.join(work, 'content', 'stories', f), 'utf8');
      const sources = Number(/\n {2}sourceCount: (\d+)/.exec(text)![1]);
      const id = f.replace(/\.md$/, '');
      expect(storyDirs.includes(id), id).toBe(sources >= 2);
      if (sources >= 2) multi++;
    }
    expect(storyDirs.length).toBe(multi);
    for (const page of ['source/bbc-news/index.html', 'blindspot/index.html', 'topics/index.html', 'methodology/index.html', 'search/index.html', '404.html']) {
      expect(files, page).toContain(page);
    }
    // The demo registry rates no outlet Right: its blindspot page says why it lists none for the Right (a reader
    // trial's "No blindspot for the Right right now." had read as if there were none to find)
    expect(await read('blindspot/index.html')).toContain('This instance follows no Right-leaning outlet, so it cannot tell what the Right misses.');
  });

  it("shows on each home card bias counts that add up to its source count (unrated ones named)", async () => {
    const html = await read('index.html');
    const raw = [...html.matchAll(/<li class="story-card"[^>]*>([\s\S]*?)<\/li>/g)].map((m) => m[1]!);
    expect(raw.length).toBeGreaterThan(20);
    let withUnrated = 0;
    for (const html of raw) {
      const card = html.replace(/<[^>]+>/g, ' ');
      const sources = Number(/(\d+) sources?/.exec(card)![1]);
      const m = /L (\d+) · C (\d+) · R (\d+)(?: · (\d+) unrated)?/.exec(card);
      if (!m) {
        expect(card).toContain('No rated sources yet');
        continue;
      }
      if (m[4]) withUnrated++;
      expect(Number(m[1]) + Number(m[2]) + Number(m[3]) + Number(m[4] ?? 0), card).toBe(sources);
      // the bar's text says its shares are of the rated sources, and how many are not (a reader trial's "100% Left")
      const rated = Number(m[1]) + Number(m[2]) + Number(m[3]);
      expect(/aria-label="Bias distribution: ([^"]+)"/.exec(html)![1], card).toMatch(new RegExp(`% of ${rated} rated sources?${m[4] ? `; ${m[4]} unrated` : ''}$`));
    }
    expect(withUnrated).toBeGreaterThan(0);
  });

  it('shows on every story page each share of a distribution as its exact share rounded, and names a tie for the largest side as one', async () => {
    // Equal counts show equal shares (largest remainder had shown one source a side as 34/33/33, "34% … are Left").
    let checked = 0;
    const rounded = (counts: number[]): string[] => {
      const total = counts.reduce((a, b) => a + b, 0);
      return counts.map((c) => String(Math.round((c * 100) / total)));
    };
    for (const page of storyPages()) {
      const html = await read(page);
      const legend = /<ul class="bias-legend">([\s\S]*?)<\/ul>/.exec(html)![1]!;
      const sides = [...legend.matchAll(/<li class="(left|center|right)">\w+ ([^%<]+)%<span class="muted"> \((\d+)\)/g)];
      // A story with no rated source names no shares (it had shown "Left 0% (0)").
      const unrated = legend.includes('<li>No rated sources yet</li>');
      expect(sides.map((m) => m[1]), page).toEqual(unrated ? [] : ['left', 'center', 'right']);
      const counts = unrated ? [0, 0, 0] : sides.map((m) => Number(m[3]));
      const lists: Array<[string, number[], string[]]> = unrated ? [] : [['bias', counts, sides.map((m) => m[2]!)]];
      for (const label of [...html.matchAll(/aria-label="Bias distribution: ([^"]+)"/g)].map((m) => m[1]!)) {
        if (label !== 'No rated sources yet') lists.push(['bias bar', counts, [...label.matchAll(/ ([^ ,%]+)%/g)].map((m) => m[1]!)]);
      }
      for (const [, title, items] of html.matchAll(/<h3>(Factuality|Ownership|Countries)<\/h3>\s*<ul class="dist">([\s\S]*?)<\/ul>/g)) {
        const rows = [...items!.matchAll(/(\d+) sources? · ([^%<]+)%<\/span>/g)];
        lists.push([title!, rows.map((m) => Number(m[1])), rows.map((m) => m[2]!)]);
      }
      expect(lists.length, page).toBeGreaterThanOrEqual(unrated ? 3 : 4);
      for (const [title, n, shown] of lists) {
        if (title.startsWith('bias') && n.every((x) => x === 0)) continue;
        expect(shown, `${page} ${title}`).toEqual(rounded(n));
        checked++;
      }
      const max = Math.max(...counts);
      const heading = /<h3>Bias distribution<\/h3>\s*<p><strong>([^<]+)<\/strong>/.exec(html)![1]!;
      const top = ['Left', 'Center', 'Right'].filter((_, i) => counts[i] === max);
      if (max === 0) expect(heading, page).toBe('No rated sources yet');
      else if (top.length === 1) expect(heading, page).toMatch(new RegExp(`^${sides[counts.indexOf(max)]![2]}% of the (rated )?sources are ${top[0]}$`));
      else expect(heading, page).toMatch(new RegExp(`^${top.slice(0, -1).join(', ')} and ${top.at(-1)} each have ${sides[counts.indexOf(max)]![2]}% of the (rated )?sources$`));
    }
    expect(checked).toBeGreaterThan(3 * storyPages().length);
  });

  it('publishes a well-formed RSS feed of the top stories with the story id as guid', async () => {
    const xml = await read('rss.xml');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(XML_ILLEGAL.test(xml)).toBe(false);
    const feed = new XMLParser({ ignoreAttributes: false, processEntities: true, parseTagValue: false }).parse(xml);
    const items = feed.rss.channel.item as Array<{ title: string; link: string; guid: { '#text': string; '@_isPermaLink': string } }>;
    expect(items.length).toBeGreaterThanOrEqual(20);
    expect(items.length).toBeLessThanOrEqual(50);
    for (const item of items) {
      expect(item.guid['@_isPermaLink']).toBe('false');
      expect(item.guid['#text']).toMatch(/^[a-z2-7]{12}$/);
      expect(item.link).toContain(`/story/${item.guid['#text']}`);
      expect(item.title).not.toMatch(/&(?:amp|lt|gt|quot|#\d+);/); // escaped exactly once
    }
  });

  it('writes an RSS feed and a JSON Feed 1.1 beside it for top stories, blindspots, every topic, source and story', async () => {
    const rss = files.filter((f) => f.endsWith('rss.xml'));
    const stories = storyPages().length;
    const sources = files.filter((f) => /^source\/[^/]+\/index\.html$/.test(f)).length;
    const topics = files.filter((f) => /^topic\/[^/]+\/index\.html$/.test(f)).length;
    expect(rss.length).toBe(2 + stories + sources + topics);
    const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (n) => n === 'item' });
    for (const f of rss) {
      const xml = await read(f);
      expect(XMLValidator.validate(xml), f).toBe(true);
      expect(XML_ILLEGAL.test(xml), f).toBe(false);
      const channel = parser.parse(xml).rss.channel as { item?: Array<{ guid: { '#text': string; '@_isPermaLink': string } }> };
      for (const item of channel.item ?? []) {
        expect(item.guid['@_isPermaLink'], f).toBe('false');
        expect(item.guid['#text'], f).toMatch(/^[a-z0-9]+$/);
      }
      const jsonFile = f.replace(/rss\.xml$/, 'feed.json');
      const json = JSON.parse(await read(jsonFile)) as { version: string; feed_url: string; items: Array<{ id: string; url: string }> };
      expect(json.version).toBe('https://jsonfeed.org/version/1.1');
      expect(json.feed_url.endsWith(`/${jsonFile}`), jsonFile).toBe(true);
      expect(json.items.map((i) => i.id)).toEqual((channel.item ?? []).map((i) => i.guid['#text']));
    }
  });

  it('has sitemap, canonical URL, Open Graph and Twitter tags, JSON-LD and feed autodiscovery on a story page', async () => {
    const sitemap = await read('sitemap-0.xml');
    expect(XMLValidator.validate(sitemap)).toBe(true);
    const page = storyPages()[0]!;
    const id = page.split('/')[1]!;
    expect(sitemap).toContain(`/story/${id}/</loc>`);
    const html = await read(page);
    expect(html).toMatch(new RegExp(`<link rel="canonical" href="http://localhost:4321/story/${id}/"`));
    for (const tag of ['og:title', 'og:description', 'og:url', 'og:type']) expect(html).toContain(`property="${tag}"`);
    expect(html).toContain('name="twitter:card"');
    expect(html).toContain(`type="application/rss+xml" title="Parallax: updates to`);
    expect(html).toContain(`href="/story/${id}/feed.json"`);
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!) as { '@type': string; url: string };
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld.url).toBe(`http://localhost:4321/story/${id}/`);
    const home = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(await read('index.html'))![1]!) as { '@type': string };
    expect(home['@type']).toBe('ItemList');
  });

  it('has no broken internal link (a link checker over dist/)', async () => {
    expect(await brokenLinks(dist)).toEqual([]);
  });

  it('ships JavaScript on the search page only', async () => {
    for (const file of htmlFiles.filter((f) => f !== 'search/index.html')) {
      expect(await read(file), file).not.toMatch(/<script(?![^>]*type="application\/ld\+json")/);
    }
    expect(files.some((f) => f.startsWith('_astro/') && f.endsWith('.js'))).toBe(false);
  });

  it('keeps every story page under budget: HTML + CSS < 60 KB, 0 KB of JavaScript, no third-party URL loaded', async () => {
    const sizes: number[] = [];
    for (const page of storyPages()) {
      const html = await read(page);
      const css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
      let bytes = Buffer.byteLength(html);
      for (const c of css) bytes += Buffer.byteLength(await read(c.replace(/^\//, '')));
      sizes.push(bytes);
      expect(bytes, page).toBeLessThan(60 * KB);
      expect(html, page).not.toMatch(/<script(?![^>]*type="application\/ld\+json")/);
      // Nothing that loads from another origin: no remote src, no remote stylesheet / icon / preload.
      expect(html, page).not.toMatch(/<(?:img|iframe|video|audio|source|script|embed|object)\b[^>]*\s(?:src|data)="(?:https?:)?\/\//);
      expect(html, page).not.toMatch(/<link\b[^>]*rel="(?:stylesheet|icon|preload|modulepreload|prefetch)"[^>]*href="(?:https?:)?\/\//);
    }
    const max = Math.max(...sizes);
    process.stdout.write(`story pages: ${sizes.length}, HTML+CSS max ${(max / KB).toFixed(1)} KB, median ${(sizes.sort((a, b) => a - b)[sizes.length >> 1]! / KB).toFixed(1)} KB, JS 0 KB\n`);
  });

  it('labels copies: an agency credit reaches the later copies, an uncredited same text names the earlier article without calling it copied', async () => {
    const labels = async (id: string): Promise<string[]> =>
      [...(await read(`story/${id}/index.html`)).matchAll(/href="\/source\/([^/]+)\/">(?:(?!href="\/source\/)[^])*?<span class="copy">([^<]*)<\/span>/g)].map((m) => `${m[1]}: ${m[2]!.replace('&#39;', "'")}`);
    // The AP story: NPR credits AP; ABC News, two hours later, ran the same copy without the credit (it had been
    // "Copy of Japan Today's article"); Japan Today, first, credits no one, but runs wire copy uncredited in two of the
    // window's stories (WIRE_UNCREDITED_MIN_STORIES), so its copy is AP's too. ABC's earlier report is filed under
    // /wireStory/: wire copy, of an agency nothing names.
    expect(await labels('m3dhlenw4ylu')).toEqual(['abc-news: Wire copy', 'japan-today: Wire copy via AP', 'npr: Wire copy via AP', 'abc-news: Wire copy via AP']);
    // NDTV and Japan Today ran one wire text under their own headlines ("US" and "U.S."): the same text, not a copy of NDTV.
    expect(await labels('vd64epns25bv')).toEqual(["japan-today: Same text as NDTV's earlier article"]);
    // Who broke it: ABC News first ran the story, as wire copy, which is said beside its name; Japan Today broke the
    // Iran talks story with its own report, and the wire copies that came later do not change that.
    const brokeBy = async (id: string): Promise<string> =>
      /<dt>First reported by<\/dt>\s*<dd>(.*?)<br>/s.exec(await read(`story/${id}/index.html`))![1]!.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
    expect(await brokeBy('m3dhlenw4ylu')).toBe('ABC News (US) (wire copy)');
    expect(await brokeBy('n7qevczjpy5h')).toBe('Japan Today');
  });

  it("shows a stale feed as Stale with its newest item's date on its source page, not a green OK", async () => {
    // The bundled WSJ feed is read without error, but its newest item is from January 2025 (state/feeds.json: stale).
    const state = JSON.parse(await readFile(path.join(work, 'content', 'state', 'feeds.json'), 'utf8')) as Array<{ sourceId: string; stale: boolean; newestItem: string }>;
    expect(state.filter((f) => f.stale).map((f) => [f.sourceId, f.newestItem])).toEqual([['wsj', '2025-01-27T19:23:00Z']]);
    const status = (html: string): string[] => [...html.matchAll(/<td data-label="Status"><span class="(ok|stale|bad)">([^<]*)<\/span>/g)].map((m) => `${m[1]}: ${m[2]}`);
    expect(status(await read('source/wsj/index.html'))).toEqual(['stale: Stale: newest item 27 Jan 2025']);
    expect(status(await read('source/bbc-news/index.html'))).toEqual(['ok: OK']);
  });

  it("says when a source page lists only its newest articles (a reader counted 30 listed against the feed's 57 new)", async () => {
    const listed = (html: string): number => /<ul class="articles">([^]*?)<\/ul>/.exec(html)![1]!.split('<h3').length - 1;
    const nyt = await read('source/nytimes/index.html');
    expect(listed(nyt)).toBe(30);
    expect(nyt).toContain('The newest 30 of the 57 articles from this source in the current stories.');
    const npr = await read('source/npr/index.html');
    expect(listed(npr)).toBe(10);
    expect(npr).not.toContain('The newest');
  });

  it('builds a Pagefind index of stories and sources', () => {
    expect(files).toContain('pagefind/pagefind-ui.js');
    expect(files.some((f) => f.startsWith('pagefind/index/'))).toBe(true);
  });
});

/** Each element's accessible name (axe-core's computation, whitespace collapsed) and, for a link, where it goes. */
async function accessibleNames(page: Page, selector: string): Promise<Array<[string, string]>> {
  await page.addScriptTag({ content: await readFile(AXE, 'utf8') });
  return page.locator(selector).evaluateAll((els) => {
    type Axe = { setup: () => void; teardown: () => void; commons: { text: { accessibleText: (e: Element) => string } } };
    const axe = (globalThis as unknown as { axe: Axe }).axe;
    axe.setup();
    const out = els.map((e): [string, string] => [axe.commons.text.accessibleText(e).replace(/\s+/g, ' ').trim(), e instanceof HTMLAnchorElement ? e.href : '']);
    axe.teardown();
    return out;
  });
}

describe.skipIf(!existsSync(CHROMIUM))('the demo in a browser', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  let browser: Browser;
  beforeAll(async () => {
    server = await serve(dist);
    browser = await launch();
    await mkdir(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens the home page, follows the top story and filters its articles to Left', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const external = watchExternal(page, server.origin);
    await page.goto(`${server.origin}/`);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'home.png'), fullPage: true });
    const first = page.locator('main a[href*="/story/"]').first();
    const headline = (await first.innerText()).trim();
    expect(headline.length).toBeGreaterThan(10);
    await first.click();
    await page.waitForURL(/\/story\/[a-z2-7]{12}\/?$/);
    expect((await page.locator('h1').innerText()).trim()).toBe(headline);
    await expect.poll(() => page.getByText(/Coverage Details/i).count()).toBeGreaterThan(0);
    expect(await page.locator('svg.tl-svg rect').count()).toBeGreaterThan(0);
    // No layout shift while the page loads (Cumulative Layout Shift from the browser's own entries).
    const cls = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let sum = 0;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries() as Array<PerformanceEntry & { value: number }>) sum += e.value;
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve(sum), 200);
        }),
    );
    expect(cls).toBeLessThan(0.01);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'story.png'), fullPage: true });
    const rows = page.locator('ul.articles > li:not(.empty)');
    const total = await rows.count();
    const left = await page.locator('ul.articles > li.b-left').count();
    expect(total).toBeGreaterThan(1);
    expect(left).toBeGreaterThan(0);
    // Keyboard: focus the first filter radio and move with the arrow keys, as a keyboard user would.
    await page.locator('#f-all').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('#f-left').isChecked()).toBe(true);
    let visible = 0;
    for (let i = 0; i < total; i++) {
      const row = rows.nth(i);
      if (await row.isVisible()) {
        visible++;
        expect(await row.getAttribute('class')).toContain('b-left');
      }
    }
    expect(visible).toBe(left);
    // Sort newest first: the first visible row becomes the latest.
    await page.locator('label[for="f-all"]').click();
    const times = await page.locator('ul.articles > li:not(.empty) time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')!));
    await page.locator('label[for="s-new"]').click();
    const topY = await page.locator('ul.articles > li:not(.empty)').evaluateAll((lis) => lis.map((li) => li.getBoundingClientRect().top));
    const newest = topY.indexOf(Math.min(...topY));
    expect(times[newest]).toBe([...times].sort().at(-1));
    // and the keyboard follows (reading-flow): Tab from the sort control lands in the newest row, not the oldest
    await page.locator('#s-new').focus();
    await page.keyboard.press('Tab');
    const focusedTime = await page.evaluate(() => document.activeElement?.closest('li')?.querySelector('time')?.getAttribute('datetime'));
    expect(focusedTime).toBe([...times].sort().at(-1));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'story-left.png'), fullPage: true });
    expect(external).toEqual([]);
    await page.close();
  }, 60_000);

  it('searches for a word and lands on a story', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const external = watchExternal(page, server.origin);
    const html = await read(storyPages()[0]!);
    const title = /<h1[^>]*>([^<]+)<\/h1>/.exec(html)![1]!;
    const word = title.split(/[^A-Za-z]+/).filter((w) => w.length >= 6).sort((a, b) => b.length - a.length)[0]!;
    await page.goto(`${server.origin}/search/`);
    await page.locator('.pagefind-ui__search-input').fill(word);
    const result = page.locator('.pagefind-ui__result-link').first();
    await result.waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'search.png'), fullPage: true });
    const storyLink = page.locator('.pagefind-ui__result-link[href*="/story/"]').first();
    await storyLink.click();
    await page.waitForURL(/\/story\/[a-z0-9]+\/$/);
    expect((await page.locator('h1').innerText()).toLowerCase()).toContain(word.toLowerCase());
    expect(external).toEqual([]);
    await page.close();
  }, 60_000);

  it('follows a source link from a story to the source page, with ratings, attribution and feed health', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const external = watchExternal(page, server.origin);
    await page.goto(`${server.origin}/${storyPages()[0]!.replace(/index\.html$/, '')}`);
    const link = page.locator('ul.articles a[href*="/source/"]').first();
    const name = (await link.innerText()).trim();
    await link.click();
    await page.waitForURL(/\/source\/[a-z0-9-]+\/$/);
    expect((await page.locator('h1').innerText()).trim()).toContain(name);
    await expect.poll(() => page.getByRole('heading', { name: 'Feed health' }).count()).toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'source.png'), fullPage: true });
    expect(external).toEqual([]);
    await page.close();
  }, 60_000);

  it('has no serious or critical axe-core violation on home, story, source, methodology and search pages (light and dark)', async () => {
    const targets = { home: '/', story: `/${storyPages()[0]!.replace(/index\.html$/, '')}`, source: '/source/bbc-news/', methodology: '/methodology/', blindspot: '/blindspot/', search: '/search/' };
    const report: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: scheme });
      for (const [name, url] of Object.entries(targets)) {
        await page.goto(`${server.origin}${url}`);
        // Pagefind's UI draws its input from script: axe runs once it is there (it had found label-title-only on it).
        if (name === 'search') await page.locator('.pagefind-ui__search-input').waitFor();
        if (scheme === 'light' && name === 'methodology') await page.screenshot({ path: path.join(SCREENSHOTS, 'methodology.png'), fullPage: true });
        for (const v of await axeSerious(page)) report.push(`${scheme} ${name}: ${v.id} (${v.impact}) ${v.help} ×${v.nodes.length}`);
      }
      await page.close();
    }
    expect(report).toEqual([]);
  }, 90_000);

  it("names the search page's input by a visible label, not by its placeholder or title", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.origin}/search/`);
    const input = page.locator('.pagefind-ui__search-input');
    await input.waitFor();
    expect(await accessibleNames(page, '.pagefind-ui__search-input')).toEqual([['Search stories and sources', '']]);
    expect(await input.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent)).toBe('Search stories and sources');
    expect(await page.getByLabel('Search stories and sources').count()).toBe(1);
    await page.close();
  }, 60_000);

  it('gives links to different places different names on story and source pages', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const report: string[] = [];
    for (const url of [`/${storyPages()[0]!.replace(/index\.html$/, '')}`, '/source/bbc-news/', '/source/wsj/', '/']) {
      await page.goto(`${server.origin}${url}`);
      const targets = new Map<string, Set<string>>();
      for (const [name, href] of await accessibleNames(page, 'a[href]')) targets.set(name.toLowerCase(), (targets.get(name.toLowerCase()) ?? new Set()).add(href));
      for (const [name, hrefs] of targets) if (hrefs.size > 1) report.push(`${url}: "${name}" → ${hrefs.size} places`);
      if (url.startsWith('/story/')) expect([...targets.keys()].filter((n) => n.endsWith('of this story'))).toEqual(['rss feed of this story', 'json feed of this story']);
    }
    // Had been "See how every side covers this story" to ~15 stories on a source page, and two "RSS" and two
    // "JSON Feed" (the story's, the top stories') on a story page.
    expect(report).toEqual([]);
    await page.close();
  }, 60_000);

  it('names the article filters ("Show", "Sort") as radio groups and filters a story to its Unrated sources', async () => {
    // A story with articles from unrated sources (demo: several have them).
    const withUnrated: string[] = [];
    for (const f of storyPages()) if ((await read(f)).includes('class="b-unrated"')) withUnrated.push(f);
    expect(withUnrated.length).toBeGreaterThan(0);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.origin}/${withUnrated[0]!.replace(/index\.html$/, '')}`);
    const show = page.getByRole('radiogroup', { name: 'Show' });
    const names = await show.getByRole('radio').evaluateAll((rs) => rs.map((r) => (r as HTMLInputElement).labels![0]!.textContent!.replace(/ \(\d+\)$/, '')));
    expect(names).toEqual(['All', 'Left', 'Center', 'Right', 'Unrated']);
    expect(await page.getByRole('radiogroup', { name: 'Sort' }).getByRole('radio').count()).toBe(2);
    const unrated = await page.locator('ul.articles > li.b-unrated').count();
    expect(await page.locator('label[for="f-unrated"]').innerText()).toBe(`Unrated (${unrated})`);
    await page.locator('label[for="f-unrated"]').click();
    const shown = await page.locator('ul.articles > li').evaluateAll((lis) => lis.filter((li) => (li as HTMLElement).offsetParent !== null).map((li) => li.className));
    expect(shown).toEqual(Array.from({ length: unrated }, () => 'b-unrated'));
    // The labels stay out of the search index.
    for (const label of await page.locator('.filter-label, .filter-group label').all()) expect(await label.getAttribute('data-pagefind-ignore')).toBe('');
    await page.close();
  }, 60_000);

  it('fits a 320 px wide screen (no horizontal scroll) and shows a visible focus ring', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 700 }, colorScheme: 'dark' });
    for (const url of ['/', '/source/bbc-news/', '/sources/', '/methodology/', `/${storyPages()[0]!.replace(/index\.html$/, '')}`]) {
      await page.goto(`${server.origin}${url}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), url).toBeLessThanOrEqual(320);
    }
    await page.screenshot({ path: path.join(SCREENSHOTS, 'story-320-dark.png'), fullPage: true });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.close();
  }, 60_000);
});
