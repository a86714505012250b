/**
 * A feed file the registry does not name but that comes from a registered outlet's own site is that outlet's (its
 * ratings apply); a feed from an unregistered site becomes a discovered, unrated source named after its domain.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/core/feed/parse-feed';
import { discoverSource, registeredOwner } from '../../src/pipeline';
import { readRegistry } from '../../src/io/content-store';
import { REGISTRY, runFolder, SNAPSHOT_FEEDS, tempDir } from '../helpers';

describe('a feed file the registry does not name', () => {
  it("goes to the registered outlet of its site, and an unknown site's to a discovered source", async () => {
    const work = await tempDir('parallax-owner-');
    const feeds = path.join(work, 'feeds');
    await mkdir(feeds);
    await copyFile(path.join(SNAPSHOT_FEEDS, 'npr-world.rss.xml'), path.join(feeds, 'a-copy-of-npr.xml'));
    const other = (await readFile(path.join(SNAPSHOT_FEEDS, 'npr-world.rss.xml'), 'utf8')).replaceAll('npr.org', 'example-news.org');
    await writeFile(path.join(feeds, 'unknown.xml'), other);
    const { report, logs } = await runFolder(feeds, path.join(work, 'content'), new Date('2026-02-18T12:00:00Z'));
    expect(report.feeds.map((f) => [f.name, f.sourceId])).toEqual([
      ['a-copy-of-npr.xml', 'npr'],
      ['unknown.xml', 'example-news-org'],
    ]);
    expect(report.feeds[0]!.articles).toBeGreaterThan(5);
    expect(logs.filter((l) => l.includes('a-copy-of-npr.xml: not named'))).toEqual(["info: a-copy-of-npr.xml: not named in the registry; its site npr.org is npr's, so its items are npr's"]);
  });

  it("never takes a registered outlet's id, or another site's, from its domain's slug", async () => {
    const work = await tempDir('parallax-owner-');
    const feeds = path.join(work, 'feeds');
    await mkdir(feeds);
    const rss = (site: string) =>
      `<rss version="2.0"><channel><title>${site}</title><link>https://${site}/</link><item><title>Breaking from ${site}</title><link>https://${site}/a</link><pubDate>Wed, 18 Feb 2026 10:00:00 GMT</pubDate></item></channel></rss>`;
    // "bbc.news" slugs to "bbc-news", the registered BBC's id; "a-b.com" and "a.b.com" both slug to "a-b-com".
    await writeFile(path.join(feeds, 'spoof.xml'), rss('bbc.news'));
    await writeFile(path.join(feeds, 'x1.xml'), rss('a-b.com'));
    await writeFile(path.join(feeds, 'x2.xml'), rss('a.b.com'));
    const { report, logs } = await runFolder(feeds, path.join(work, 'content'), new Date('2026-02-18T12:00:00Z'));
    const ids = Object.fromEntries(report.feeds.map((f) => [f.name, f.sourceId]));
    expect(ids['spoof.xml']).toMatch(/^bbc-news-[a-z2-7]{6}$/);
    expect(ids['x1.xml']).toBe('a-b-com');
    expect(ids['x2.xml']).toMatch(/^a-b-com-[a-z2-7]{6}$/);
    expect(logs).toContain(`warn: spoof.xml: its site bbc.news would be source bbc-news, which is the registered outlet https://www.bbc.co.uk/news; it is source ${ids['spoof.xml']}`);
    const again = await runFolder(feeds, path.join(work, 'content2'), new Date('2026-02-18T12:00:00Z'));
    expect(again.report.feeds.map((f) => f.sourceId)).toEqual(report.feeds.map((f) => f.sourceId));
  });

  it('is matched by registrable domain, never to an aggregator; of several outlets on a domain, to the one whose homepage the site is under', async () => {
    const registry = await readRegistry(REGISTRY);
    expect(registeredOwner(registry, 'https://text.npr.org/')?.id).toBe('npr');
    expect(registeredOwner(registry, 'https://news.google.com/')).toBeUndefined();
    expect(registeredOwner(registry, 'https://feed.invalid/')).toBeUndefined();
    const npr = registry.find((s) => s.id === 'npr')!;
    const twins = [...registry, { ...npr, id: 'npr-music', homepage: 'https://music.npr.org/' }];
    expect(npr.homepage).toBe('https://www.npr.org/');
    expect(registeredOwner(twins, 'https://www.npr.org/')?.id).toBe('npr');
    expect(registeredOwner(twins, 'http://npr.org/sections/news/')?.id).toBe('npr');
    expect(registeredOwner(twins, 'https://music.npr.org/live')?.id).toBe('npr-music');
    expect(registeredOwner(twins, 'https://text.npr.org/')).toBeUndefined(); // under neither
    // Desks of one site: the longest homepage the site is under, at a path-segment boundary.
    const desk = (id: string, homepage: string) => ({ ...npr, id, homepage });
    const desks = [desk('x', 'https://x.example.org/'), desk('x-tokyo', 'https://x.example.org/tokyo/'), desk('x-ny', 'https://x.example.org/ny')];
    expect(registeredOwner(desks, 'https://x.example.org/tokyo/')?.id).toBe('x-tokyo');
    expect(registeredOwner(desks, 'https://www.x.example.org/ny/?s=1')?.id).toBe('x-ny');
    expect(registeredOwner(desks, 'https://x.example.org/nyc/')?.id).toBe('x');
    expect(registeredOwner(desks, 'https://x.example.org/')?.id).toBe('x');
    expect(registeredOwner(desks.slice(1), 'https://x.example.org/paris/')).toBeUndefined();
  });

  it("takes a feed's site from its item links when it has no channel link and no URL (it had been nolink.invalid)", () => {
    const rss = (links: string[]) =>
      `<rss version="2.0"><channel><title>Nolink</title>${links.map((l, i) => `<item><title>T${i}</title><link>${l}</link></item>`).join('')}</channel></rss>`;
    const input = { name: 'nolink.xml', sourceId: null, url: null, contentType: null, bytes: null, error: null };
    const own = discoverSource(input, parseFeed(Buffer.from(rss(['https://nolink-site.test/a', 'https://nolink-site.test/b', 'https://other.test/c']))));
    expect(own).toMatchObject({ id: 'nolink-site-test', name: 'nolink-site.test', homepage: 'https://nolink-site.test/' });
    // An aggregator's items spread over many sites: no site is guessed.
    const spread = discoverSource(input, parseFeed(Buffer.from(rss(['https://a.test/1', 'https://b.test/2']))));
    expect(spread).toMatchObject({ id: 'nolink', name: 'nolink.xml', homepage: 'https://nolink.invalid/' });
  });

  it("reads a feed's <language> as a language tag: its primary subtag, a country code as its language, a name as none", () => {
    const input = { name: 'x.xml', sourceId: null, url: 'https://x.test/rss', contentType: null, bytes: null, error: null };
    const languageOf = (language: string) =>
      discoverSource(input, parseFeed(Buffer.from(`<rss version="2.0"><channel><title>X</title><link>https://x.test/</link><language>${language}</language></channel></rss>`))).language;
    // "english" had become the source's language, which picks no stop words.
    expect(['pl-PL', 'en_US', 'gr', 'english', 'xx'].map(languageOf)).toEqual(['pl', 'en', 'el', 'en', 'en']);
  });
});
