/**
 * Feed text a new user met on a phone, built from the hand-made fixture content (tests/fixtures/site-content) with
 * long unbreakable tokens put where feeds put text: a headline holding `transportministerium.example.gov/press/…`
 * (57 characters, which had made the home page 509 px wide at 390 px) and a 400-character one (2,720 px), an
 * article title and excerpt, a summary bullet, an outlet's name and a topic. At 390 px wide, no page scrolls
 * sideways, nor does a table inside it (a source's feed health had: its rows now stack, as the sources list's do). The same build (PARALLAX_BASE=/parallax, no trailing slash) checks that canonical URLs end in "/" like
 * every link, that an even Left / Center / Right split reads as a tie, and that unknown ownership is "Unrated" on
 * story, source and sources pages alike.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topicSlug } from '../../src/site/topics';
import { ROOT, tempDir } from '../helpers';
import { buildSite, CHROMIUM, launch, SCREENSHOTS, serve } from './site-kit';

const BASE = '/parallax';
const SITE = 'https://me.example.org';
const SHORT_TOKEN = 'transportministerium.example.gov/press/2026-danube-strike';
const LONG_TOKEN = `https://transportministerium.example.gov/press/2026/danube-strike?${'statement=verkehrsministeriumsmitteilung&'.repeat(9)}ref=rss`;
const LONG_NAME = 'transportministerium.example.gov/presse-und-oeffentlichkeitsarbeit';
const LONG_TOPIC = 'donaudampfschifffahrtsgesellschaftskapitaensmuetzenabzeichen';
const WIDTH = 390;

let dist: string;
let htmlFiles: string[];

/** Rewrites a story file's front matter through gray-matter (as the pipeline writes it). */
async function editStory(content: string, id: string, edit: (data: Record<string, any>) => void): Promise<void> {
  const file = path.join(content, 'stories', `${id}.md`);
  const parsed = matter(await readFile(file, 'utf8'));
  edit(parsed.data);
  await writeFile(file, matter.stringify(parsed.content, parsed.data));
}

beforeAll(async () => {
  expect(LONG_TOKEN.length).toBeGreaterThan(400);
  const work = await tempDir('parallax-narrow-');
  dist = path.join(work, 'dist');
  const content = path.join(work, 'content');
  await cp(path.join(ROOT, 'tests', 'fixtures', 'site-content'), content, { recursive: true });
  await editStory(content, 'k3v9q2m7', (s) => {
    s.title = `Strike on the Danube: ${SHORT_TOKEN} and ${LONG_TOKEN}`;
    s.articles[0].title = `Ministry statement ${LONG_TOKEN}`;
    s.articles[0].excerpt = `The full text is at ${LONG_TOKEN} on the ministry's site.`;
    s.summary[0].text = `The ministry posted ${LONG_TOKEN} after the talks.`;
    s.topics = [...s.topics, LONG_TOPIC];
  });
  // Three stories under the long topic give it a page and a chip on /topics/ (TOPIC_PAGE_MIN_STORIES).
  for (const id of ['m5n6b7v8', '20260217']) await editStory(content, id, (s) => (s.topics = [...s.topics, LONG_TOPIC]));
  // One Left (The Harbor Daily), one Center (Civic Ledger) and one Right (Frontier Wire) source, with the
  // percentages the pipeline stores for it (each rounded on its own: 33 / 33 / 33).
  await editStory(content, 'm5n6b7v8', (s) => {
    s.articles.push({ ...s.articles[1], id: 'c1b2c3d4e5f60003', sourceId: 'civic-ledger', url: 'https://www.civicledger.example/port-strike', title: 'What the port strike means' });
    Object.assign(s.coverage, {
      sourceCount: 3,
      articleCount: 3,
      bias: { left: 1, center: 1, right: 1, unrated: 0 },
      biasPercent: { left: 33, center: 33, right: 33 },
      biasDetail: { center: 1, 'lean-left': 1, right: 1 },
      factuality: { 'very-high': 1, high: 1, mixed: 1 },
      ownership: { corporation: 1, 'non-profit': 1, 'private-equity': 1 },
      countries: { US: 3 },
    });
  });
  const sourcesFile = path.join(content, 'state', 'sources.json');
  const sources = JSON.parse(await readFile(sourcesFile, 'utf8')) as Array<{ id: string; name: string }>;
  sources.find((s) => s.id === 'harbor-daily')!.name = LONG_NAME;
  await writeFile(sourcesFile, JSON.stringify(sources, null, 2));
  // A feed-health row as the pipeline writes it (state/feeds.json), with a warning, for the source page's table.
  const feed = { name: 'harbor-daily-world', sourceId: 'harbor-daily', format: 'rss', items: 120, articles: 48, duplicates: 7, stale: false, newestItem: '2026-02-18T06:00:00Z' };
  await writeFile(path.join(content, 'state', 'feeds.json'), JSON.stringify([{ ...feed, errors: [{ kind: 'item_date_invalid', message: 'an item had no date the feed formats know' }] }]));
  await buildSite(work, ['--no-ingest', '--content', content], { PARALLAX_BASE: BASE, PARALLAX_SITE: SITE });
  htmlFiles = (await readdir(dist, { recursive: true })).map((f) => f.split(path.sep).join('/')).filter((f) => f.endsWith('.html'));
}, 300_000);

const read = (f: string): Promise<string> => readFile(path.join(dist, f), 'utf8');
const text = (html: string): string => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('canonical URLs under PARALLAX_BASE=/parallax (no trailing slash)', () => {
  it('end in "/" on the home page as on every other page, and og:url agrees', async () => {
    const home = await read('index.html');
    expect(/<link rel="canonical" href="([^"]+)"/.exec(home)?.[1]).toBe(`${SITE}/parallax/`);
    expect(/<meta property="og:url" content="([^"]+)"/.exec(home)?.[1]).toBe(`${SITE}/parallax/`);
    expect(/<link rel="canonical" href="([^"]+)"/.exec(await read('story/k3v9q2m7/index.html'))?.[1]).toBe(`${SITE}/parallax/story/k3v9q2m7/`);
    const canonicals = new Map<string, string | undefined>();
    for (const f of htmlFiles) canonicals.set(f, /<link rel="canonical" href="([^"]+)"/.exec(await read(f))?.[1]);
    expect(canonicals.get('404.html')).toBeUndefined(); // served at any missing URL: no address of its own
    for (const [f, url] of canonicals) {
      if (f === '404.html') continue;
      expect(url, f).toBe(`${SITE}/parallax/${f.replace(/index\.html$/, '')}`);
    }
  });
  it('marks the home page as the current one in the navigation', async () => {
    expect(await read('index.html')).toContain('<a href="/parallax/" aria-current="page">Top stories</a>');
  });
});

describe('an even Left / Center / Right split', () => {
  it('is described as a tie with equal shares, not as 34% Left', async () => {
    const html = await read('story/m5n6b7v8/index.html');
    const page = text(html);
    expect(page).toContain('Left, Center and Right each have 33% of the sources');
    expect(page).toContain('L 33% C 33% R 33% Left 33% (1) Center 33% (1) Right 33% (1)');
    expect(html).toContain('aria-label="Bias distribution: Left 33%, Center 33%, Right 33% of 3 rated sources"');
    expect(html.match(/class="seg-(?:left|center|right)" style="width:33\.333%"/g)).toHaveLength(6); // header bar and details bar
    expect(page).not.toMatch(/\b34%/);
  });
});

describe('unknown ownership', () => {
  it('is "Unrated" on the story, source and sources pages (the data model\'s term), never "Unknown"', async () => {
    // Story 20260217 has metro-blog, which has no ownership in the registry (and two sources that have one).
    const ownership = /<h3>Ownership<\/h3>([\s\S]*?)<h3>/.exec(await read('story/20260217/index.html'))![1]!;
    expect(text(ownership)).toContain('Unrated 1 source · 33%');
    const facts = /<dt>Ownership<\/dt>\s*<dd>([\s\S]*?)<\/dd>/.exec(await read('source/metro-blog/index.html'))![1]!;
    expect(facts.trim()).toBe('Unrated');
    const row = /<tr>\s*<th scope="row"><a href="\/parallax\/source\/metro-blog\/">[\s\S]*?<\/tr>/.exec(await read('sources/index.html'))![0];
    expect(/<td data-label="Ownership">([\s\S]*?)<\/td>/.exec(row)![1]).toBe('<span class="muted">Unrated</span>');
  });
});

describe.skipIf(!existsSync(CHROMIUM))(`long feed text at ${WIDTH} px`, () => {
  let server: Awaited<ReturnType<typeof serve>>;
  let browser: Browser;
  beforeAll(async () => {
    server = await serve(dist, `${BASE}/`);
    browser = await launch();
    await mkdir(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each([
    ['home', '', [SHORT_TOKEN, LONG_TOKEN]],
    ['story', 'story/k3v9q2m7/', [SHORT_TOKEN, `Ministry statement ${LONG_TOKEN}`, `The ministry posted ${LONG_TOKEN}`, LONG_NAME]],
    ['topic', `topic/${topicSlug(LONG_TOPIC)}/`, [LONG_TOKEN]],
    ['topics', 'topics/', [LONG_TOPIC]],
    ['source', 'source/harbor-daily/', [LONG_NAME, LONG_TOKEN]],
    ['sources', 'sources/', [LONG_NAME]],
    ['blindspot', 'blindspot/', []],
  ])('%s page: no horizontal scroll (scrollWidth ≤ 390), the long text shown in full', async (name, url, shown) => {
    const page = await browser.newPage({ viewport: { width: WIDTH, height: 800 } });
    const response = await page.goto(`${server.origin}${BASE}/${url}`);
    expect(response?.status(), url).toBe(200);
    const body = await page.evaluate(() => document.body.innerText.replace(/\s+/g, ' '));
    // innerText keeps every character of a broken line (a line break may show as a space); topics are title-cased.
    for (const s of shown) expect(body.replace(/ /g, '').toLowerCase(), `${url}: ${s.slice(0, 40)}…`).toContain(s.replace(/ /g, '').toLowerCase());
    const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, body: document.body.scrollWidth }));
    expect(widths.doc, url).toBeLessThanOrEqual(WIDTH);
    expect(widths.body, url).toBeLessThanOrEqual(WIDTH);
    // Nothing drawn past the right edge either (an overflowing chip or bullet hidden by a clipping parent).
    const wide = await page.evaluate((w) => [...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > w + 0.5 && !e.closest('.table-wrap')).map((e) => `${e.tagName.toLowerCase()}.${e.className}`), WIDTH);
    expect(wide, url).toEqual([]);
    // A table scrolls inside its .table-wrap rather than widening the page; on a phone none needs to.
    const tables = await page.evaluate(() => [...document.querySelectorAll('.table-wrap')].map((e) => e.scrollWidth - e.clientWidth));
    for (const overflow of tables) expect(overflow, `${url}: a table scrolls sideways`).toBeLessThanOrEqual(0);
    if (name === 'source') {
      expect(body).toContain('Feed health harbor-daily-world OK (1 warning: an item had no date the feed formats know) RSS 120 48 7');
      const labels = await page.evaluate(() => [...document.querySelectorAll('.table-wrap td')].map((td) => getComputedStyle(td, '::before').content));
      expect(labels).toEqual(['"Status: "', '"Format: "', '"Items: "', '"New articles: "', '"Duplicates: "']);
    }
    if (name === 'home' || name === 'story') await page.screenshot({ path: path.join(SCREENSHOTS, `long-text-${name}-${WIDTH}.png`), fullPage: true });
    await page.close();
  }, 60_000);
});
