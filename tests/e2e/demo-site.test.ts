/**
 * The demo as a user runs it: `parallax build` (ingest the bundled snapshot, Astro build), then checks of the built
 * site: page count, the RSS feed under a strict XML parser, internal links, no client JavaScript, and a real browser
 * (Debian's Chromium through playwright-core) opening home and a story page, with screenshots saved.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = path.join(ROOT, 'test-results', 'screenshots');
/** Characters XML 1.0 forbids (section 2.2): C0 controls except tab, LF, CR; surrogates; U+FFFE/U+FFFF. */
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

let work: string;
let dist: string;
let stdout: string;
let htmlFiles: string[];

beforeAll(async () => {
  work = await tempDir('parallax-e2e-');
  dist = path.join(work, 'dist');
  const result = await promisify(execFile)(process.execPath, [path.join(ROOT, 'bin', 'parallax.mjs'), 'build', '--content', path.join(work, 'content')], {
    cwd: ROOT,
    env: { ...process.env, PARALLAX_OUT_DIR: dist, PARALLAX_CACHE_DIR: path.join(work, 'cache') },
    maxBuffer: 16 * 1024 * 1024,
  });
  stdout = result.stdout;
  htmlFiles = (await readdir(dist, { recursive: true })).filter((f) => f.endsWith('.html')).sort();
}, 300_000);

describe('the demo build', () => {
  it('prints the one-screen summary', () => {
    expect(stdout).toMatch(/Feeds read\s+28 \(0 failed\)/);
    expect(stdout).toMatch(/Stories\s+\d+ \(\d+ with 2\+ sources, \d+ with 3\+ sources\)/);
    expect(stdout).toMatch(new RegExp(`Pages written\\s+${htmlFiles.length}\\b`));
  });

  it('writes a page per multi-source story and per source, and none for a lone article', async () => {
    const storyDirs = await readdir(path.join(dist, 'story'));
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
    expect(existsSync(path.join(dist, 'source', 'bbc-news', 'index.html'))).toBe(true);
  });

  it('publishes a well-formed RSS feed of the top stories with the story id as guid', async () => {
    const xml = await readFile(path.join(dist, 'rss.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(XML_ILLEGAL.test(xml)).toBe(false);
    const feed = new XMLParser({ ignoreAttributes: false, processEntities: true }).parse(xml);
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

  it('has no broken internal link and ships no JavaScript', async () => {
    const broken: string[] = [];
    for (const file of htmlFiles) {
      const html = await readFile(path.join(dist, file), 'utf8');
      expect(html, file).not.toMatch(/<script(?![^>]*type="application\/ld\+json")/);
      for (const [, href] of html.matchAll(/(?:href|src)="(\/[^"#?]*)/g)) {
        const target = path.join(dist, decodeURI(href!));
        if (!existsSync(target) && !existsSync(path.join(target, 'index.html'))) broken.push(`${file} → ${href}`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe.skipIf(!existsSync(CHROMIUM))('the demo in a browser', () => {
  let server: Server;
  let origin: string;
  beforeAll(async () => {
    server = createServer(async (req, res) => {
      const url = decodeURI(new URL(req.url ?? '/', 'http://x').pathname);
      const file = [path.join(dist, url), path.join(dist, url, 'index.html')].find((f) => existsSync(f) && !f.endsWith('/'));
      const body = file ? await readFile(file).catch(() => null) : null;
      if (!body) {
        res.writeHead(404).end();
        return;
      }
      const type = file!.endsWith('.html') ? 'text/html; charset=utf-8' : file!.endsWith('.css') ? 'text/css' : file!.endsWith('.svg') ? 'image/svg+xml' : 'application/octet-stream';
      res.writeHead(200, { 'content-type': type }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    await mkdir(SCREENSHOTS, { recursive: true });
  });
  afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it('opens the home page, follows the top story and filters its articles to Left', async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const external: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith(origin)) external.push(r.url());
      });
      await page.goto(`${origin}/`);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'home.png'), fullPage: true });
      const first = page.locator('main a[href*="/story/"]').first();
      const headline = (await first.innerText()).trim();
      expect(headline.length).toBeGreaterThan(10);
      await first.click();
      await page.waitForURL(/\/story\/[a-z2-7]{12}\/?$/);
      expect((await page.locator('h1').innerText()).trim()).toBe(headline);
      await expect.poll(() => page.getByText(/Coverage Details/i).count()).toBeGreaterThan(0);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'story.png'), fullPage: true });
      const rows = page.locator('ul.articles > li:not(.empty)');
      const total = await rows.count();
      const left = await page.locator('ul.articles > li.b-left').count();
      expect(total).toBeGreaterThan(1);
      expect(left).toBeGreaterThan(0);
      await page.locator('label[for="f-left"]').click();
      await page.screenshot({ path: path.join(SCREENSHOTS, 'story-left.png'), fullPage: true });
      let visible = 0;
      for (let i = 0; i < total; i++) {
        const row = rows.nth(i);
        if (await row.isVisible()) {
          visible++;
          expect(await row.getAttribute('class')).toContain('b-left');
        }
      }
      expect(visible).toBe(left);
      expect(external).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
