/**
 * What removing a source from the registry does, as README.md ("Sources and ratings") says: it is no longer read and
 * leaves state/sources.json, while its stored articles stay in their active stories, counted as Unrated (the site
 * then names them by their site's address: src/site/outlet-name.ts).
 */
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { REGISTRY, runFolder, SNAPSHOT_FEEDS, tempDir } from '../helpers';

describe('a source removed from the registry between two runs', () => {
  it('keeps its stored articles in their stories, Unrated, and drops it from state/sources.json', async () => {
    const dir = await tempDir('parallax-removed-source-');
    const content = path.join(dir, 'content');
    const first = await runFolder(SNAPSHOT_FEEDS, content, null);
    const registry = JSON.parse(await readFile(REGISTRY, 'utf8')) as Array<{ id: string; feeds: Array<{ file: string }> }>;
    const bbc = registry.find((s) => s.id === 'bbc-news')!;
    await writeFile(path.join(dir, 'sources.json'), JSON.stringify(registry.filter((s) => s !== bbc)));
    const feeds = path.join(dir, 'feeds');
    await cp(SNAPSHOT_FEEDS, feeds, { recursive: true });
    for (const f of bbc.feeds) await rm(path.join(feeds, f.file));
    const storiesWithBbc = async (): Promise<Array<{ id: string; bias: Record<string, number> }>> => {
      const out = [];
      for (const name of (await readdir(path.join(content, 'stories'))).sort()) {
        const data = matter(await readFile(path.join(content, 'stories', name), 'utf8')).data as { id: string; articles: Array<{ sourceId: string }>; coverage: { sourceCount: number; bias: Record<string, number> } };
        if (data.coverage.sourceCount >= 2 && data.articles.some((a) => a.sourceId === 'bbc-news')) out.push({ id: data.id, bias: data.coverage.bias });
      }
      return out;
    };
    const before = await storiesWithBbc();
    expect(before.length).toBeGreaterThan(0);

    await runFolder(feeds, content, new Date(Date.parse(first.report.now) + 3_600_000), path.join(dir, 'sources.json'));
    const after = await storiesWithBbc();
    // The same multi-source stories still hold BBC's articles, one Center fewer and one Unrated more each.
    expect(after.map((s) => s.id)).toEqual(before.map((s) => s.id));
    after.forEach((s, i) => expect([s.bias.center, s.bias.unrated]).toEqual([before[i]!.bias.center! - 1, before[i]!.bias.unrated! + 1]));
    expect((await readdir(path.join(content, 'articles'), { recursive: true })).filter((f) => f.endsWith('bbc-news.json')).length).toBeGreaterThan(0);
    const sources = JSON.parse(await readFile(path.join(content, 'state', 'sources.json'), 'utf8')) as Array<{ id: string }>;
    expect(sources.map((s) => s.id)).not.toContain('bbc-news');
  }, 120_000);
});
