/**
 * A source's id changed in the registry. A trial's change half-migrated the outlet: articles still in its feed moved
 * to the new id, older ones stayed under the old one, and stories showed the outlet twice ("libertyherald.example ·
 * Unrated" and "Liberty Herald · Right"). Now the run warns about the old id while its articles are stored, and a
 * registry entry's formerIds moves them all.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { readArticles } from '../../src/io/content-store';
import { registrySource, rssDocument, rssItem, runFolder, tempDir, treeDigest } from '../helpers';

const DAY = 'Mon, 30 Nov 2026';
const LAYOFFS = 'https://libertyherald.example/2026/11/zentrix-layoffs';
const BUDGET = 'https://libertyherald.example/2026/11/city-budget-vote';
const MAYOR = 'https://libertyherald.example/2026/11/mayor-race';
const HARBOUR = 'https://harbour.example/news/zentrix-cuts-jobs';

/** Run 1 under the old id (two articles, one told by the Harbour Times too); run 2 under the new id, the feed now
 * listing only the budget vote and a new item. Returns the content directory and run 2's log. */
async function renameBetweenRuns(newEntry: Record<string, unknown>): Promise<{ content: string; logs: string[]; rerun: () => ReturnType<typeof runFolder> }> {
  const work = await tempDir('parallax-source-id-');
  const feeds = path.join(work, 'feeds');
  await mkdir(feeds);
  const registry = path.join(work, 'sources.json');
  const harbour = registrySource('harbour-times', 'harbour.example', [{ file: 'harbour.xml' }]);
  const herald = (id: string) => ({ ...registrySource(id, 'libertyherald.example', [{ file: 'herald.xml' }]), name: 'Liberty Herald' });
  await writeFile(registry, JSON.stringify([harbour, herald('libertyherald')]));
  await writeFile(path.join(feeds, 'harbour.xml'), rssDocument('harbour.example', [rssItem(HARBOUR, 'Zentrix cuts 2,000 jobs in layoffs at its Ohio plants', `${DAY} 11:00:00 GMT`)]));
  await writeFile(path.join(feeds, 'herald.xml'), rssDocument('libertyherald.example', [
    rssItem(LAYOFFS, 'Zentrix cuts 2,000 jobs in layoffs at Ohio plants', `${DAY} 10:00:00 GMT`),
    rssItem(BUDGET, 'City council passes budget vote', `${DAY} 09:00:00 GMT`),
  ]));
  const content = path.join(work, 'content');
  await runFolder(feeds, content, new Date('2026-11-30T12:00:00Z'), registry);

  await writeFile(registry, JSON.stringify([harbour, { ...herald('liberty-herald'), ...newEntry }]));
  await writeFile(path.join(feeds, 'herald.xml'), rssDocument('libertyherald.example', [
    rssItem(MAYOR, 'Mayor race tightens', `${DAY} 12:30:00 GMT`),
    rssItem(BUDGET, 'City council passes budget vote', `${DAY} 09:00:00 GMT`),
  ]));
  const { logs } = await runFolder(feeds, content, new Date('2026-11-30T13:00:00Z'), registry);
  return { content, logs, rerun: () => runFolder(feeds, content, new Date('2026-11-30T13:00:00Z'), registry) };
}

const owners = async (content: string) => Object.fromEntries([...(await readArticles(content, () => undefined)).values()].map((a) => [a.url, a.sourceId]));
const storySources = async (content: string) => {
  const out: string[][] = [];
  for (const f of (await readdir(path.join(content, 'stories'))).sort()) {
    const data = matter(await readFile(path.join(content, 'stories', f), 'utf8')).data as { articles: Array<{ sourceId: string }> };
    out.push([...new Set(data.articles.map((a) => a.sourceId))].sort());
  }
  return out.sort();
};

describe("a source whose id changed in the registry", () => {
  it('without formerIds: its older articles stay under the old id, and every run warns', async () => {
    const { content, logs, rerun } = await renameBetweenRuns({});
    expect(await owners(content)).toEqual({ [HARBOUR]: 'harbour-times', [LAYOFFS]: 'libertyherald', [BUDGET]: 'liberty-herald', [MAYOR]: 'liberty-herald' });
    const warning =
      'warn: source id libertyherald is not in the registry, but its site libertyherald.example now belongs to liberty-herald: ids are permanent; ' +
      'its 1 stored article stays under libertyherald, counted apart and Unrated. Give liberty-herald its old id back, or add "formerIds": ["libertyherald"] to liberty-herald so they move to it';
    expect(logs).toContain(warning);
    // the outlet twice on the layoffs story: its old id (shown by its site's address, Unrated) beside the new one
    expect(await storySources(content)).toEqual([['harbour-times', 'libertyherald'], ['liberty-herald'], ['liberty-herald']]);
    expect((await rerun()).logs).toContain(warning);
  });

  it('with formerIds: every stored article of the old id is the new id, in the articles and the stories', async () => {
    const { content, logs, rerun } = await renameBetweenRuns({ formerIds: ['libertyherald'] });
    expect(await owners(content)).toEqual({ [HARBOUR]: 'harbour-times', [LAYOFFS]: 'liberty-herald', [BUDGET]: 'liberty-herald', [MAYOR]: 'liberty-herald' });
    expect(logs).toContain('info: 2 stored articles of libertyherald now belong to liberty-herald (its formerIds)');
    expect(logs.filter((l) => l.includes('is not in the registry'))).toEqual([]);
    // the layoffs story holds the Harbour Times and the Herald once, under its new id; no shard of the old id is left
    expect(await storySources(content)).toEqual([['harbour-times', 'liberty-herald'], ['liberty-herald'], ['liberty-herald']]);
    expect((await readdir(path.join(content, 'articles'), { recursive: true })).filter((f) => f.includes('libertyherald'))).toEqual([]);
    const digest = await treeDigest(content);
    await rerun();
    expect(await treeDigest(content)).toEqual(digest);
  });
});
