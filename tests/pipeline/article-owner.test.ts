/**
 * One canonical URL in several outlets' feeds is one article of one outlet: the outlet whose site it is on, else the
 * one that claimed it first. A trial had an outlet's stored article pass to another outlet on the next run, once the
 * other's feed linked to it (the outlet whose feed was read first took it, and its bias counted).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleOwner } from '../../src/core/feed/normalise-article';
import { readArticles } from '../../src/io/content-store';
import { registrySource, rssDocument, rssItem, runFolder, tempDir } from '../helpers';

const source = (id: string, site: string, file: string) => registrySource(id, site, [{ file }]);
const item = (url: string, title: string) => rssItem(url, title, 'Mon, 30 Nov 2026 12:00:00 GMT');
const rss = rssDocument;

describe('an article listed by several outlets', () => {
  it("stays its own outlet's across runs when another outlet's feed links to it, and goes to the outlet of its site", async () => {
    const work = await tempDir('parallax-owner-');
    const feeds = path.join(work, 'feeds');
    await mkdir(feeds);
    const registry = path.join(work, 'sources.json');
    // alpha-news sorts (and is read) before zeta-times.
    await writeFile(registry, JSON.stringify([source('alpha-news', 'alpha.test', 'alpha.xml'), source('zeta-times', 'zeta.test', 'zeta.xml'), source('wire-reader', 'reader.test', 'reader.xml')]));
    const award = 'https://zeta.test/2026/award';
    const wire = 'https://wire.test/2026/storm';
    await writeFile(path.join(feeds, 'alpha.xml'), rss('alpha.test', [item('https://alpha.test/2026/local', 'Alpha local news')]));
    await writeFile(path.join(feeds, 'zeta.xml'), rss('zeta.test', [item(award, 'Zeta wins award'), item(wire, 'Storm hits coast')]));
    await writeFile(path.join(feeds, 'reader.xml'), rss('reader.test', []));
    const content = path.join(work, 'content');
    await runFolder(feeds, content, new Date('2026-11-30T13:00:00Z'), registry);
    const owners = async () => Object.fromEntries([...(await readArticles(content, () => undefined))].map(([, a]) => [a.url, a.sourceId]));
    expect(await owners()).toEqual({ 'https://alpha.test/2026/local': 'alpha-news', [award]: 'zeta-times', [wire]: 'zeta-times' });

    // Next run: alpha's and the reader's feeds also list Zeta's award story and the wire story.
    await writeFile(path.join(feeds, 'alpha.xml'), rss('alpha.test', [item('https://alpha.test/2026/local', 'Alpha local news'), item(award, 'Zeta wins award'), item(wire, 'Storm hits coast')]));
    await writeFile(path.join(feeds, 'reader.xml'), rss('reader.test', [item(wire, 'Storm hits coast')]));
    const { report } = await runFolder(feeds, content, new Date('2026-11-30T14:00:00Z'), registry);
    expect(await owners()).toEqual({ 'https://alpha.test/2026/local': 'alpha-news', [award]: 'zeta-times', [wire]: 'zeta-times' });
    const alpha = report.feeds.find((f) => f.sourceId === 'alpha-news')!;
    expect([alpha.articles, alpha.duplicates, alpha.newArticles]).toEqual([1, 2, 0]);
    expect(await readFile(path.join(content, 'articles', '2026-11-30', 'zeta-times.json'), 'utf8')).toContain(award);

    // A first sight in two feeds at once: the outlet of the URL's site takes it even when read second.
    const fresh = 'https://zeta.test/2026/second';
    await writeFile(path.join(feeds, 'alpha.xml'), rss('alpha.test', [item(fresh, 'Zeta second scoop')]));
    await writeFile(path.join(feeds, 'zeta.xml'), rss('zeta.test', [item(fresh, 'Zeta second scoop')]));
    await runFolder(feeds, content, new Date('2026-11-30T15:00:00Z'), registry);
    expect((await owners())[fresh]).toBe('zeta-times');
  });

  it('is decided by the site before the first claim, and by the first claim when no claimant is the site', () => {
    expect(articleOwner(['alpha-news', 'zeta-times'], 'zeta-times')).toBe('zeta-times');
    expect(articleOwner(['alpha-news', 'zeta-times'], undefined)).toBe('alpha-news');
    expect(articleOwner(['alpha-news', 'zeta-times'], 'wire-service')).toBe('alpha-news');
  });
});
