/**
 * A feed that dates its items at each fetch (pubDate = the time it is read) keeps its articles looking new. A hostile
 * trial's three feeds listed one event's reports so for nine days: on the eighth the story left the window (its
 * articles are dated by when they were first read, mergeArticle) and was archived, its articles pruned; on the ninth
 * the same articles came back as new and made a second story of the same event, with a new guid in the feeds.
 * Pruned articles that their feed dates inside the window are remembered (state/expired-undated.json) and not stored
 * again.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { registrySource, rssDocument, runFolder, tempDir } from '../helpers';

const OUTLETS = [
  { id: 'alpha-news', site: 'alpha.test', title: 'Strong earthquake shakes Varnholm coast, buildings damaged' },
  { id: 'bravo-news', site: 'bravo.test', title: 'Varnholm earthquake damages buildings along the coast' },
  { id: 'charlie-news', site: 'charlie.test', title: 'Buildings damaged as earthquake hits Varnholm coast' },
];
const LEAD = 'A magnitude 6.1 earthquake struck the Varnholm coast on Friday, damaging buildings in three towns.';
const rfc822 = (iso: string) => new Date(Date.parse(iso) - 5 * 60_000).toUTCString();

async function storyFiles(content: string, folder: 'stories' | 'archive'): Promise<string[]> {
  const dir = path.join(content, folder);
  return (await readdir(dir, { recursive: true }).catch(() => [] as string[])).filter((f) => f.endsWith('.md')).sort();
}

describe('a feed that dates its items when they are read', () => {
  it('does not bring an archived story’s articles back as new: one story, archived, no second one', async () => {
    const work = await tempDir('parallax-redated-archive-');
    const feeds = path.join(work, 'feeds');
    await mkdir(feeds);
    const registry = path.join(work, 'sources.json');
    await writeFile(registry, JSON.stringify(OUTLETS.map((o) => registrySource(o.id, o.site, [{ file: `${o.id}.xml` }]))));
    const content = path.join(work, 'content');
    const run = async (now: string) => {
      for (const o of OUTLETS) {
        const item = `<item><title>${o.title}</title><link>https://${o.site}/varnholm-quake</link><pubDate>${rfc822(now)}</pubDate><description>${LEAD}</description></item>`;
        await writeFile(path.join(feeds, `${o.id}.xml`), rssDocument(o.site, [item]));
      }
      return (await runFolder(feeds, content, new Date(now), registry)).report;
    };

    expect((await run('2026-11-20T12:00:00Z')).newArticles).toBe(3);
    const [first] = await storyFiles(content, 'stories');
    expect(first).toBeDefined();

    const eighth = await run('2026-11-28T12:00:00Z');
    expect(eighth.newArticles).toBe(0);
    expect(await storyFiles(content, 'stories')).toEqual([]);
    expect((await storyFiles(content, 'archive')).map((f) => path.basename(f))).toEqual([path.basename(first!)]);
    const remembered = JSON.parse(await readFile(path.join(content, 'state', 'expired-undated.json'), 'utf8'));
    expect(Object.values(remembered)).toEqual(['2026-11-28', '2026-11-28', '2026-11-28']);

    const ninth = await run('2026-11-29T12:00:00Z');
    expect(ninth.newArticles).toBe(0);
    expect(ninth.expired).toBe(3);
    expect(await storyFiles(content, 'stories')).toEqual([]);
    expect((await storyFiles(content, 'archive')).map((f) => path.basename(f))).toEqual([path.basename(first!)]);
  });
});
