/**
 * An item whose link changes while its guid stays is the same article: a trial's item kept
 * <guid isPermaLink="false">nt-123</guid> while its link gained "-after-layoffs" (a slug fix), and Parallax stored it
 * a second time under a new id, with a second one-source story of the same title.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticles } from '../../src/io/content-store';
import { articleIdFor } from '../../src/core/story/ids';
import { registrySource, rssDocument, runFolder, tempDir, treeDigest } from '../helpers';

const OLD = 'https://news.test/2026/11/zentrix-ceo-resigns';
const NEW = 'https://news.test/2026/11/zentrix-ceo-resigns-after-layoffs';
const BRIDGE = 'https://news.test/2026/11/harbour-bridge-reopens';
const item = (url: string, guid: string, title: string) =>
  `<item><title>${title}</title><link>${url}</link><guid isPermaLink="false">${guid}</guid><pubDate>Mon, 30 Nov 2026 12:00:00 GMT</pubDate><description>${title}, the company said on Monday.</description></item>`;

async function setUp(): Promise<{ feeds: string; content: string; registry: string }> {
  const work = await tempDir('parallax-moved-');
  const feeds = path.join(work, 'feeds');
  await mkdir(feeds);
  const registry = path.join(work, 'sources.json');
  await writeFile(registry, JSON.stringify([registrySource('news-test', 'news.test', [{ file: 'news.xml' }])]));
  return { feeds, content: path.join(work, 'content'), registry };
}

describe('an item whose link changed under the same guid', () => {
  it('keeps its stored id, takes the new URL and title, and makes no second article or story', async () => {
    const { feeds, content, registry } = await setUp();
    const feed = path.join(feeds, 'news.xml');
    await writeFile(feed, rssDocument('news.test', [item(OLD, 'nt-123', 'Zentrix CEO resigns'), item(BRIDGE, 'nt-124', 'Harbour bridge reopens')]));
    await runFolder(feeds, content, new Date('2026-11-30T13:00:00Z'), registry);
    const before = await readArticles(content, () => undefined);
    expect([...before.values()].map((a) => [a.id, a.url, a.guid])).toEqual(
      [[articleIdFor(OLD), OLD, 'nt-123'], [articleIdFor(BRIDGE), BRIDGE, 'nt-124']].sort((x, y) => (x[0]! < y[0]! ? -1 : 1)),
    );
    const storiesBefore = (await readdir(path.join(content, 'stories'))).sort();

    await writeFile(feed, rssDocument('news.test', [item(NEW, 'nt-123', 'Zentrix CEO resigns after layoffs'), item(BRIDGE, 'nt-124', 'Harbour bridge reopens')]));
    const { report, logs } = await runFolder(feeds, content, new Date('2026-11-30T14:00:00Z'), registry);
    const after = await readArticles(content, () => undefined);
    expect(after.size).toBe(2);
    expect(after.has(articleIdFor(NEW))).toBe(false);
    expect(after.get(articleIdFor(OLD))).toMatchObject({ url: NEW, title: 'Zentrix CEO resigns after layoffs', firstSeen: '2026-11-30T13:00:00Z', guid: 'nt-123' });
    expect([report.newArticles, report.feeds[0]!.articles, report.feeds[0]!.duplicates]).toEqual([0, 2, 0]);
    expect(await readdir(path.join(content, 'stories'))).toEqual(storiesBefore);
    expect(logs).toContain(`info: news-test: article ${articleIdFor(OLD)} moved from ${OLD} to ${NEW} (same guid "nt-123"); it keeps its id`);

    // The next run finds it again by its guid: nothing changes, byte for byte.
    const digest = await treeDigest(content);
    const again = await runFolder(feeds, content, new Date('2026-11-30T14:00:00Z'), registry);
    expect(again.report.newArticles).toBe(0);
    expect(await treeDigest(content)).toEqual(digest);
  });

  it('is a new article when the feed gives every item the same guid', async () => {
    const { feeds, content, registry } = await setUp();
    const feed = path.join(feeds, 'news.xml');
    await writeFile(feed, rssDocument('news.test', [item(OLD, 'news-test-feed', 'Zentrix CEO resigns'), item(BRIDGE, 'news-test-feed', 'Harbour bridge reopens')]));
    await runFolder(feeds, content, new Date('2026-11-30T13:00:00Z'), registry);
    await writeFile(feed, rssDocument('news.test', [item(NEW, 'news-test-feed', 'Mayor opens new library'), item(BRIDGE, 'news-test-feed', 'Harbour bridge reopens')]));
    const { report } = await runFolder(feeds, content, new Date('2026-11-30T14:00:00Z'), registry);
    const after = await readArticles(content, () => undefined);
    expect([...after.keys()].sort()).toEqual([articleIdFor(OLD), articleIdFor(NEW), articleIdFor(BRIDGE)].sort());
    expect([...after.values()].map((a) => a.guid)).toEqual([undefined, undefined, undefined]);
    expect(report.newArticles).toBe(1);
  });
});
