/**
 * A site with an archive (3 months × 240 generated archived stories beside the fixture's active ones, merged-story
 * redirects) built as a project site (base /parallax/), then rebuilt as an instance would be:
 * - first build: every month is a new partition; a link checker over dist/ finds every internal link (archive
 *   pagination, topic lists, redirects, each partition's own CSS) resolving; lists are complete; sitemap and search
 *   cover the archive;
 * - unchanged content: no partition is rebuilt and no frozen file is rewritten (mtimes kept), and dist/ is updated
 *   in place without relinking any month;
 * - an editor's override of one archived story: only that story and its month's list pages (and the month's search
 *   index) are rewritten; the other months' files keep their bytes and mtimes;
 * - dist/ after those incremental updates is byte-identical to a full assembly into a new output dir;
 * - a template change (stale stamp): that month is rebuilt whole, the others kept;
 * - a partition built before a CSS change (its stylesheet has another name than the live build's) still loads it.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArchiveIndexSchema } from '../../src/core/schema/archive';
import { ARCHIVE_PAGE_SIZE, ARCHIVE_TOPIC_PAGE_MIN } from '../../src/core/config';
import { serializeStory } from '../../src/core/story/serialize-story';
import { readStoryFile, ROOT, tempDir } from '../helpers';
import { makeArchiveContent } from '../site/archive-content';
import { brokenLinks, buildSite, CHROMIUM, launch, serve } from './site-kit';

const BASE = '/parallax/';
const SITE = 'https://example.github.io';
const MONTHS = ['2025-11', '2025-12', '2026-01'];
const PER_MONTH = 240;
const ENV = { PARALLAX_BASE: BASE, PARALLAX_SITE: SITE };

let work: string;
let content: string;
let dist: string;
let frozen: string;
let ids: Record<string, string[]>;
let firstLog: string;

const build = (...more: string[]): Promise<string> => buildSite(work, ['--no-ingest', '--content', content, ...more], ENV);
const read = (f: string): Promise<string> => readFile(path.join(dist, f), 'utf8');
const htmlFiles = async (dir: string): Promise<string[]> =>
  (await readdir(dir, { recursive: true })).map((f) => f.split(path.sep).join('/')).filter((f) => f.endsWith('.html')).sort();

/** Path → "mtime:size" of every file of a partition tree. */
async function snapshot(month: string): Promise<Record<string, string>> {
  const dir = path.join(frozen, month);
  const out: Record<string, string> = {};
  for (const f of (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile())) {
    const abs = path.join(f.parentPath, f.name);
    const s = await stat(abs);
    out[path.relative(dir, abs).split(path.sep).join('/')] = `${s.mtimeMs}:${s.size}`;
  }
  return out;
}
/** Path → bytes of every file of a tree (the assembly's id file too: the same inputs give the same id). */
async function contents(dir: string): Promise<Record<string, Buffer>> {
  const out: Record<string, Buffer> = {};
  for (const f of (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile())) {
    const abs = path.join(f.parentPath, f.name);
    out[path.relative(dir, abs).split(path.sep).join('/')] = await readFile(abs);
  }
  return Object.fromEntries(Object.entries(out).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
}
const changed = (a: Record<string, string>, b: Record<string, string>): string[] =>
  [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => a[k] !== b[k]).sort();

/** Stories with a page in a month, from its index (the lists' source). */
async function listed(month: string): Promise<string[]> {
  const index = ArchiveIndexSchema.parse(JSON.parse(await readFile(path.join(content, 'archive', month, 'index.json'), 'utf8')));
  return index.filter((e) => e.sourceCount >= 2).map((e) => e.id);
}

beforeAll(async () => {
  work = await tempDir('parallax-archive-site-');
  content = path.join(work, 'content');
  dist = path.join(work, 'dist');
  frozen = path.join(work, '.parallax-frozen');
  ids = await makeArchiveContent(content, { template: path.join(ROOT, 'tests', 'fixtures', 'site-content'), months: MONTHS, perMonth: PER_MONTH, redirects: 12 });
  // Two Astro builds at a time (the live one beside the months); a later rebuild with one job must match it.
  firstLog = await build('--jobs', '2');
}, 600_000);

describe('the first build of a site with an archive', () => {
  it('builds every month as a new partition and links it into dist/', () => {
    for (const m of MONTHS) expect(firstLog).toMatch(new RegExp(`archive ${m}: full \\(new\\), ${PER_MONTH} stories rendered`));
    expect(firstLog).toMatch(/site \(2 build jobs\): 3 archive months \(3 rebuilt, 720 stories rendered\)/);
    expect(firstLog).toMatch(/assemble [\d.]+ s \(full, 3 months linked\)/);
    expect(firstLog).toMatch(/12 redirects/);
  });

  it('has no broken internal link (a link checker over dist/: archive pagination, topic lists, redirects, assets)', async () => {
    expect(await brokenLinks(dist, BASE)).toEqual([]);
  });

  it('gives every archived story with enough sources a lean page, and none to the others', async () => {
    for (const m of MONTHS) {
      const withPage = new Set(await listed(m));
      expect(withPage.size).toBe(PER_MONTH * 0.8); // 4 of the 5 fixture templates have two or more sources
      for (const id of ids[m]!) expect(existsSync(path.join(dist, 'story', id, 'index.html')), id).toBe(withPage.has(id));
    }
    const html = await read(`story/${ids['2025-12']![0]}/index.html`);
    expect(html).toContain(`Archived in <a href="${BASE}archive/2025-12/">December 2025</a>`);
    expect(html).not.toContain('twitter:card');
    expect(html).not.toContain(`story/${ids['2025-12']![0]}/rss.xml`); // no story feed on a frozen page
    expect(html).not.toContain('aria-labelledby="timeline-h"');
    // Its feeds stay, frozen with the page (a subscription outlives the story's active days): the story's articles,
    // guid the article id, newest first.
    const rss = await read(`story/${ids['2025-12']![0]}/rss.xml`);
    const guids = [...rss.matchAll(/<guid isPermaLink="false">([a-z0-9]+)<\/guid>/g)].map((m) => m[1]);
    expect(guids.length).toBeGreaterThanOrEqual(2);
    expect(new Set(guids).size).toBe(guids.length);
    const feed = JSON.parse(await read(`story/${ids['2025-12']![0]}/feed.json`)) as { items: Array<{ id: string }> };
    expect(feed.items.map((i) => i.id)).toEqual(guids);
    // Lean: the articles listed plainly (no filter or sort controls), no feed autodiscovery, no Open Graph tags, the
    // attribution kept; search covers the headline and summary only.
    expect(html).toContain('<ul class="articles">');
    expect(html).not.toContain('name="bias-filter"');
    expect(html).not.toContain('application/rss+xml');
    expect(html).not.toContain('og:');
    expect(html).toContain('belong to their outlets');
    expect(html).toContain('<header data-pagefind-body>');
    expect(html).not.toContain('<article class="story-layout" data-pagefind-body');
    // Summary bullets point to their article on the page, which then shows no excerpt of its own.
    const bullet = /<a class="via" href="#a-([a-z0-9]+)">/.exec(html);
    expect(bullet, 'a bullet linking into the page').not.toBeNull();
    const row = new RegExp(`<li class="b-[a-z]+" id="a-${bullet![1]}">([\\s\\S]*?)</li>`).exec(html);
    expect(row, 'the quoted article row').not.toBeNull();
    expect(row![1]).not.toContain('class="excerpt"');
  });

  it('lists each month completely, newest first, ARCHIVE_PAGE_SIZE a page, with working page links', async () => {
    for (const m of MONTHS) {
      const expected = await listed(m);
      const pages = Math.ceil(expected.length / ARCHIVE_PAGE_SIZE);
      const seen: string[] = [];
      for (let p = 1; p <= pages; p++) {
        const html = await read(p === 1 ? `archive/${m}/index.html` : `archive/${m}/${p}/index.html`);
        seen.push(...[...html.matchAll(/<li><a href="\/parallax\/story\/([a-z0-9]+)\/">/g)].map((x) => x[1]!));
        if (p < pages) expect(html).toContain(`href="${BASE}archive/${m}/${p + 1}/" rel="next"`);
      }
      expect(existsSync(path.join(dist, 'archive', m, String(pages + 1)))).toBe(false);
      expect(seen).toEqual(expected);
    }
    const archive = await read('archive/index.html');
    for (const m of MONTHS) expect(archive).toContain(`href="${BASE}archive/${m}/"`);
    // The topics index names the archive, which holds months here.
    expect(await read('topics/index.html')).toContain(`Topics of past months are in the <a href="${BASE}archive/">archive</a>.`);
  });

  it('gives a topic of the month its own complete paginated page from ARCHIVE_TOPIC_PAGE_MIN stories, and rarer topics none', async () => {
    const m = '2026-01';
    const index = ArchiveIndexSchema.parse(JSON.parse(await readFile(path.join(content, 'archive', m, 'index.json'), 'utf8'))).filter((e) => e.sourceCount >= 2);
    const politics = index.filter((e) => e.topics.includes('politics')).map((e) => e.id);
    expect(politics.length).toBeGreaterThan(ARCHIVE_PAGE_SIZE / 10);
    const seen: string[] = [];
    for (const f of (await htmlFiles(path.join(dist, 'archive', m, 'topic', 'politics'))).map((f) => `archive/${m}/topic/politics/${f}`)) {
      seen.push(...[...(await read(f)).matchAll(/<li><a href="\/parallax\/story\/([a-z0-9]+)\/">/g)].map((x) => x[1]!));
    }
    expect(seen.sort()).toEqual([...politics].sort());
    const topics = await read(`archive/${m}/topics/index.html`);
    expect(topics).toContain(`href="${BASE}archive/${m}/topic/politics/"`);
    expect(ARCHIVE_TOPIC_PAGE_MIN).toBe(10);
    // "lone 0" tags one story: no page, not on the topic index, and the story's chip is plain text.
    const lone = `x${m.replace('-', '')}00000`;
    expect(index.find((e) => e.id === lone)?.topics).toContain('lone 0');
    expect(existsSync(path.join(dist, 'archive', m, 'topic', 'lone-0'))).toBe(false);
    expect(topics).not.toContain('lone-0');
    const page = await read(`story/${lone}/index.html`);
    expect(page).toContain('<span class="nolink">Lone 0</span>');
    expect(page).toContain(`<a href="${BASE}archive/${m}/topic/politics/">Politics</a>`);
  });

  it('covers the archive in the sitemap index and the search page (one Pagefind index per month, merged)', async () => {
    const indexXml = await read('sitemap-index.xml');
    for (const m of MONTHS) {
      expect(indexXml).toContain(`<loc>${SITE}${BASE}sitemap-archive-${m}.xml</loc>`);
      const xml = await read(`sitemap-archive-${m}.xml`);
      for (const id of await listed(m)) expect(xml).toContain(`<loc>${SITE}${BASE}story/${id}/</loc>`);
      expect(existsSync(path.join(dist, 'archive', m, 'pagefind', 'pagefind-entry.json'))).toBe(true);
    }
    const search = await read('search/index.html');
    for (const m of MONTHS) expect(search).toContain(`${BASE}archive/${m}/pagefind/`);
  });

  it('serves merged ids as redirect pages to the surviving story, archived or active', async () => {
    const redirects = JSON.parse(await readFile(path.join(content, 'state', 'redirects.json'), 'utf8')) as Record<string, string>;
    for (const [from, to] of Object.entries(redirects)) {
      expect(await read(`story/${from}/index.html`)).toContain(`content="0;url=${BASE}story/${to}/"`);
      expect(existsSync(path.join(dist, 'story', to, 'index.html'))).toBe(true);
    }
  });
});

describe('rebuilding: freezing and unfreezing', () => {
  let before: Record<string, Record<string, string>>;
  const overridden = (): string => ids['2025-12']![7]!;

  beforeAll(async () => {
    before = Object.fromEntries(await Promise.all(MONTHS.map(async (m) => [m, await snapshot(m)] as const)));
  });

  it('rebuilds nothing and rewrites no frozen file when nothing changed', async () => {
    const log = await build();
    expect(log).toMatch(/site \(\d build jobs?\): 3 archive months \(0 rebuilt, 0 stories rendered\)/);
    expect(log).toMatch(/assemble [\d.]+ s \(incremental, 0 months linked\)/);
    for (const m of MONTHS) expect(changed(before[m]!, await snapshot(m))).toEqual([]);
    expect(await brokenLinks(dist, BASE)).toEqual([]);
  }, 300_000);

  it('re-renders exactly the overridden archived story and its month lists; other months untouched', async () => {
    const id = overridden();
    const file = path.join(content, 'archive', '2025-12', `${id}.md`);
    const story = await readStoryFile(file);
    await writeFile(file, serializeStory({ ...story, title: 'Editor fixed this headline' }));
    const indexFile = path.join(content, 'archive', '2025-12', 'index.json');
    const index = ArchiveIndexSchema.parse(JSON.parse(await readFile(indexFile, 'utf8'))).map((e) => (e.id === id ? { ...e, title: 'Editor fixed this headline' } : e));
    await writeFile(indexFile, `${JSON.stringify(index, null, 1)}\n`);

    const log = await build();
    expect(log).toMatch(/archive 2025-12: stories, 1 stories rendered/);
    expect(log).toMatch(/site \(\d build jobs?\): 3 archive months \(1 rebuilt, 1 story rendered\)/);
    expect(log).toMatch(/assemble [\d.]+ s \(incremental, 1 months linked\)/);
    for (const m of ['2025-11', '2026-01']) expect(changed(before[m]!, await snapshot(m)), m).toEqual([]);
    const diff = changed(before['2025-12']!, await snapshot('2025-12'));
    const pages = diff.filter((f) => !f.startsWith('archive/2025-12/pagefind/'));
    // The story's page, the month list page it is on, and its topics' pages: nothing else.
    // The story's page and its two feeds (their titles changed too).
    const own = [`story/${id}/feed.json`, `story/${id}/index.html`, `story/${id}/rss.xml`];
    expect(pages.filter((f) => f.startsWith('story/')).sort()).toEqual(own);
    expect(pages.every((f) => own.includes(f) || f.startsWith('archive/2025-12/'))).toBe(true);
    const lists = pages.filter((f) => f.startsWith('archive/2025-12/'));
    expect(lists.length).toBeGreaterThanOrEqual(2);
    expect(lists.length).toBeLessThan(8);
    for (const f of lists) expect(await read(f)).toContain('Editor fixed this headline');
    expect(await read(`story/${id}/index.html`)).toContain('<h1 data-pagefind-meta="title">Editor fixed this headline</h1>');
    expect(diff.some((f) => f.startsWith('archive/2025-12/pagefind/'))).toBe(true);
    expect(await brokenLinks(dist, BASE)).toEqual([]);
    before['2025-12'] = await snapshot('2025-12');
  }, 300_000);

  it('leaves dist/ as a full assembly would (relinking only the changed month)', async () => {
    const full = path.join(work, 'dist-full');
    const log = await buildSite(work, ['--no-ingest', '--content', content], { ...ENV, PARALLAX_OUT_DIR: full });
    expect(log).toMatch(/assemble [\d.]+ s \(full, 3 months linked\)/);
    const [a, b] = await Promise.all([contents(dist), contents(full)]);
    expect(Object.keys(a).length).toBeGreaterThan(1000);
    expect(Object.keys(a)).toEqual(Object.keys(b));
    expect(Object.keys(a).filter((f) => !a[f]!.equals(b[f]!))).toEqual([]);
    await rm(full, { recursive: true });
  }, 300_000);

  it('rebuilds a month whole when its template version is stale, and only that month', async () => {
    const stampFile = path.join(frozen, '2025-11.stamp.json');
    const stamp = JSON.parse(await readFile(stampFile, 'utf8')) as { templateVersion: string };
    await writeFile(stampFile, JSON.stringify({ ...stamp, templateVersion: 'an older template' }));
    const log = await build('--jobs', '1');
    expect(log).toMatch(/archive 2025-11: full \(template\), 240 stories rendered/);
    expect(log).toMatch(/site \(1 build job\): 3 archive months \(1 rebuilt, 240 stories rendered\)/);
    for (const m of ['2025-12', '2026-01']) expect(changed(before[m]!, await snapshot(m)), m).toEqual([]);
    // Same templates really: every page comes out byte-identical, so none is rewritten (one build at a time now,
    // two when it was first built).
    expect(changed(before['2025-11']!, await snapshot('2025-11'))).toEqual([]);
    expect(JSON.parse(await readFile(stampFile, 'utf8')).templateVersion).toBe(stamp.templateVersion);
  }, 300_000);

  it('keeps serving the stylesheet a partition was built with after the live CSS changes', async () => {
    // Simulate a month frozen before a CSS change: its pages name a stylesheet the current templates no longer emit.
    // (Edited in place behind the stamp's back, so a fresh dist/ is assembled to pick the renamed file up.)
    await rm(dist, { recursive: true });
    const tree = path.join(frozen, '2026-01');
    const [css] = (await readdir(path.join(tree, '_astro'))).filter((f) => f.endsWith('.css'));
    const old = css!.replace(/\.css$/, '-old.css');
    await rename(path.join(tree, '_astro', css!), path.join(tree, '_astro', old));
    for (const f of await htmlFiles(tree)) {
      const html = await readFile(path.join(tree, f), 'utf8');
      if (html.includes(css!)) await writeFile(path.join(tree, f), html.replaceAll(css!, old));
    }
    await build();
    const page = await read(`story/${ids['2026-01']![0]}/index.html`);
    expect(page).toContain(`${BASE}_astro/${old}`);
    expect(existsSync(path.join(dist, '_astro', old))).toBe(true);
    expect(await read('index.html')).not.toContain(old);
    expect(await brokenLinks(dist, BASE)).toEqual([]);
  }, 300_000);
});

describe.skipIf(!existsSync(CHROMIUM))('archive search in a browser', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  let browser: Browser;
  beforeAll(async () => {
    server = await serve(dist, BASE);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds archived stories through the merged month indexes', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}${BASE}search/?q=negotiators`);
    const results = page.locator('.pagefind-ui__result-link');
    await expect.poll(() => results.count(), { timeout: 20_000 }).toBeGreaterThan(1);
    const hrefs = await results.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.some((h) => /\/parallax\/story\/x20\d{4}\d{5}\//.test(h ?? ''))).toBe(true);
    await page.close();
  }, 60_000);
});
