/**
 * A feed's `kind` (opinion, analysis) reaches its articles and the story: an opinion column about an event is in
 * the story and labelled, but the headline, the summary and "who broke it" come from news reports. A trial found the
 * kind read and then used nowhere: a column "Opinion: The bridge vote was the easy part" was quoted in a summary
 * as reporting.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readActiveStories } from '../../src/io/content-store';
import { registrySource, rssDocument, rssItem, runFolder, tempDir } from '../helpers';

const source = (id: string, feeds: Array<{ file: string; kind?: string }>) => registrySource(id, `${id}.test`, feeds);
const rss = (site: string, items: Array<[string, string, string, string]>) =>
  rssDocument(`${site}.test`, items.map(([slug, title, text, date]) => rssItem(`https://${site}.test/${slug}`, title, date, text)));

describe("a feed's kind", () => {
  it('labels its articles, and keeps opinion out of the headline, the summary and who broke the story', async () => {
    const work = await tempDir('parallax-kind-');
    const feeds = path.join(work, 'feeds');
    await mkdir(feeds);
    const registry = path.join(work, 'sources.json');
    await writeFile(registry, JSON.stringify([
      source('metro', [{ file: 'metro-news.xml' }, { file: 'metro-opinion.xml', kind: 'opinion' }]),
      source('ledger', [{ file: 'ledger.xml' }]),
    ]));
    // The column comes first; the two reports after it.
    await writeFile(path.join(feeds, 'metro-opinion.xml'), rss('metro', [['col', 'Opinion: The Riverton bridge repair vote was the easy part', 'Approving the Riverton bridge repair money is one thing; finishing the bridge repairs on time is another, and the council knows it.', 'Mon, 30 Nov 2026 08:00:00 GMT']]));
    await writeFile(path.join(feeds, 'metro-news.xml'), rss('metro', [['news', 'Riverton council approves bridge repair money', 'The Riverton council voted 7-2 to approve the bridge repair money on Monday, closing the bridge for repairs in spring.', 'Mon, 30 Nov 2026 10:00:00 GMT']]));
    await writeFile(path.join(feeds, 'ledger.xml'), rss('ledger', [['vote', 'Riverton bridge repair money approved in council vote', 'Riverton council members voted 7-2 on Monday to approve the bridge repair money; the bridge closes for repairs in spring.', 'Mon, 30 Nov 2026 11:00:00 GMT']]));
    const content = path.join(work, 'content');
    await runFolder(feeds, content, new Date('2026-11-30T12:00:00Z'), registry);

    const articles = JSON.parse(await readFile(path.join(content, 'articles', '2026-11-30', 'metro.json'), 'utf8')) as Array<{ url: string; kind?: string }>;
    expect(Object.fromEntries(articles.map((a) => [a.url, a.kind ?? 'news']))).toEqual({ 'https://metro.test/col': 'opinion', 'https://metro.test/news': 'news' });
    const stories = [...(await readActiveStories(content, () => undefined)).values()];
    const story = stories.find((s) => s.articles.length === 3)!;
    expect(story.articles.map((a) => [a.url, a.kind ?? 'news'])).toEqual([
      ['https://metro.test/col', 'opinion'],
      ['https://metro.test/news', 'news'],
      ['https://ledger.test/vote', 'news'],
    ]);
    expect(story.title).not.toMatch(/^Opinion/);
    expect(story.coverage.brokeBy).toMatchObject({ sourceId: 'metro', at: '2026-11-30T10:00:00Z' });
    const colId = story.articles[0]!.id;
    expect(story.summary.length).toBeGreaterThan(0);
    expect(story.summary.some((b) => b.articleId === colId)).toBe(false);
    expect(story.coverage.sourceCount).toBe(2);
  });
});
