/**
 * The same article under a changed link is the stored article (storedAs rules 3 and 4). A tester ran `ingest` twice
 * on feeds whose items have no guid; in the second run only the links changed: `http://…/a1/` → `https://…/a1`
 * (scheme and trailing slash), BBC's tracking parameters added (`?at_medium=RSS&at_campaign=KARANGA`), an AMP link
 * (`…/c1/amp`). Parallax reported "new articles 3", each outlet's article stood twice in the story (articleCount 6
 * for 3 articles) and the story's feed gained three items. The stream ../shared/data/stream-2023-11-13_19 has the
 * other kind: a New York Times slug rewritten under the same headline and published time.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleIdFor } from '../../src/core/story/ids';
import { readArticles } from '../../src/io/content-store';
import { readStoriesIn, registrySource, rssDocument, runFolder, tempDir, treeDigest } from '../helpers';

const DATE = 'Mon, 30 Nov 2026 12:00:00 GMT';
/** An RSS item without a guid (as the tester's feed). */
const item = (url: string, title: string) =>
  `<item><title>${title}</title><link>${url}</link><pubDate>${DATE}</pubDate><description>${title}, the city said on Monday. The harbour bridge had been closed since a ship struck it.</description></item>`;
const TITLE = 'Zentrix harbour bridge reopens after two years of repairs';
const OUTLETS = [
  { id: 'alpha-news', site: 'alpha.test', first: 'http://alpha.test/2026/11/a1/', again: 'https://alpha.test/2026/11/a1', title: TITLE },
  { id: 'beta-news', site: 'beta.test', first: 'https://www.beta.test/news/b1', again: 'https://www.beta.test/news/b1?at_medium=RSS&at_campaign=KARANGA', title: `${TITLE}, city says` },
  { id: 'gamma-news', site: 'gamma.test', first: 'https://gamma.test/world/c1', again: 'https://gamma.test/world/c1/amp', title: `Harbour bridge in Zentrix reopens after two years of repairs` },
];

async function setUp(): Promise<{ feeds: string; content: string; registry: string }> {
  const work = await tempDir('parallax-changed-link-');
  const feeds = path.join(work, 'feeds');
  await mkdir(feeds);
  const registry = path.join(work, 'sources.json');
  await writeFile(registry, JSON.stringify(OUTLETS.map((o) => registrySource(o.id, o.site, [{ file: `${o.id}.xml` }]))));
  return { feeds, content: path.join(work, 'content'), registry };
}

async function writeFeeds(feeds: string, link: 'first' | 'again', extra: Record<string, string[]> = {}): Promise<void> {
  for (const o of OUTLETS) await writeFile(path.join(feeds, `${o.id}.xml`), rssDocument(o.site, [item(o[link], o.title), ...(extra[o.id] ?? [])]));
}

describe('an article whose link changed form between runs', () => {
  it('keeps its first id: no new article, the story keeps 3 articles, not 6', async () => {
    const { feeds, content, registry } = await setUp();
    await writeFeeds(feeds, 'first');
    const first = await runFolder(feeds, content, new Date('2026-11-30T13:00:00Z'), registry);
    expect(first.report.newArticles).toBe(3);
    const firstIds = OUTLETS.map((o) => articleIdFor(new URL(o.first).href)).sort();
    expect([...(await readArticles(content, () => undefined)).keys()].sort()).toEqual(firstIds);
    const [story] = await readStoriesIn(content);
    expect(story!.articles.map((a) => a.id).sort()).toEqual(firstIds);

    await writeFeeds(feeds, 'again');
    const { report, logs } = await runFolder(feeds, content, new Date('2026-11-30T14:00:00Z'), registry);
    expect(report.newArticles).toBe(0);
    const after = await readArticles(content, () => undefined);
    expect([...after.keys()].sort()).toEqual(firstIds);
    // the stored article takes the link read now, and keeps its first sighting
    for (const o of OUTLETS) expect(after.get(articleIdFor(new URL(o.first).href))).toMatchObject({ sourceId: o.id, url: new URL(o.again).href, firstSeen: '2026-11-30T13:00:00Z' });
    const stories = await readStoriesIn(content);
    expect(stories).toHaveLength(1);
    expect(stories[0]!.id).toBe(story!.id);
    expect(stories[0]!.articles.map((a) => a.id).sort()).toEqual(firstIds);
    expect(stories[0]!.coverage.articleCount).toBe(3);
    expect(logs).toContain(`info: alpha-news: article ${articleIdFor(OUTLETS[0]!.first)} moved from ${OUTLETS[0]!.first} to ${OUTLETS[0]!.again} (another link of the same page); it keeps its id`);

    // The next run finds them again by their URLs now: nothing changes, byte for byte.
    const digest = await treeDigest(content);
    const again = await runFolder(feeds, content, new Date('2026-11-30T14:00:00Z'), registry);
    expect(again.report.newArticles).toBe(0);
    expect(await treeDigest(content)).toEqual(digest);
    // ... and says nothing of a move (a trial: "moved from <URL> to the same URL" on every run).
    expect(again.logs.filter((l) => l.includes('moved from'))).toEqual([]);
  });

  it('a rewritten slug under the same headline and published time is the stored article', async () => {
    const { feeds, content, registry } = await setUp();
    const OLD = 'https://alpha.test/2023/11/14/technology/what-google-argued-to-defend-itself-in-landmark-antitrust-trial.html';
    const NEW = 'https://alpha.test/2023/11/14/technology/google-antitrust-trial-defense.html';
    const google = 'What Google Argued to Defend Itself in Landmark Antitrust Trial';
    await writeFeeds(feeds, 'first', { 'alpha-news': [item(OLD, google)] });
    await runFolder(feeds, content, new Date('2026-11-30T13:00:00Z'), registry);
    await writeFeeds(feeds, 'first', { 'alpha-news': [item(NEW, google)] });
    const { report, logs } = await runFolder(feeds, content, new Date('2026-11-30T14:00:00Z'), registry);
    expect(report.newArticles).toBe(0);
    const after = await readArticles(content, () => undefined);
    expect(after.has(articleIdFor(NEW))).toBe(false);
    expect(after.get(articleIdFor(OLD))).toMatchObject({ url: NEW, title: google });
    expect(logs).toContain(`info: alpha-news: article ${articleIdFor(OLD)} moved from ${OLD} to ${NEW} (same title and published time 2026-11-30T12:00:00Z); it keeps its id`);
  });
});
