/**
 * A feed that floods is held at SOURCE_WINDOW_MAX_ARTICLES articles of its source inside the window: the rest are
 * named in a source_full warning (log, feed state) and stored once the window has room. A trial's feed of 5,000 new
 * items an hour had grown the store without bound (5,573 files after one run, 30,576 after six).
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SOURCE_WINDOW_MAX_ARTICLES } from '../../src/core/config';
import { runFolder, tempDir } from '../helpers';

const items = (from: number, n: number, date: string): string =>
  Array.from({ length: n }, (_, k) => `<item><title>Flood item ${from + k} zq${from + k}</title><link>https://flood.example/${from + k}</link><pubDate>${date}</pubDate></item>`).join('');

describe('a feed that floods', () => {
  it('stores no more than SOURCE_WINDOW_MAX_ARTICLES of its source in the window and says so; another feed is untouched', async () => {
    const work = await tempDir('parallax-flood-');
    const feeds = path.join(work, 'feeds');
    const content = path.join(work, 'content');
    await mkdir(feeds);
    const calm = `<rss version="2.0"><channel><title>Calm</title><item><title>A calm report</title><link>https://calm.example/1</link><pubDate>Tue, 17 Feb 2026 09:00:00 GMT</pubDate></item></channel></rss>`;
    await writeFile(path.join(feeds, 'calm.xml'), calm);
    await writeFile(path.join(feeds, 'flood.xml'), `<rss version="2.0"><channel><title>Flood</title>${items(0, SOURCE_WINDOW_MAX_ARTICLES, 'Tue, 17 Feb 2026 10:00:00 GMT')}</channel></rss>`);
    const first = await runFolder(feeds, content, new Date('2026-02-18T00:00:00Z'));
    expect(first.report.newArticles).toBe(SOURCE_WINDOW_MAX_ARTICLES + 1);
    expect(first.logs.filter((l) => l.includes('source_full'))).toEqual([]);
    // An hour later: 40 more flood items and one more calm one.
    await writeFile(path.join(feeds, 'flood.xml'), `<rss version="2.0"><channel><title>Flood</title>${items(SOURCE_WINDOW_MAX_ARTICLES, 40, 'Tue, 17 Feb 2026 23:30:00 GMT')}</channel></rss>`);
    await writeFile(path.join(feeds, 'calm.xml'), calm.replace('</channel>', '<item><title>Another calm report</title><link>https://calm.example/2</link><pubDate>Tue, 17 Feb 2026 23:00:00 GMT</pubDate></item></channel>'));
    const second = await runFolder(feeds, content, new Date('2026-02-18T01:00:00Z'));
    expect(second.report.newArticles).toBe(1);
    expect(second.logs.filter((l) => l.includes('source_full'))).toEqual([
      `warn: flood.xml (source flood-example): source_full: 40 new items not stored: source flood-example already has ${SOURCE_WINDOW_MAX_ARTICLES} articles in the 168-hour window (SOURCE_WINDOW_MAX_ARTICLES); a feed that floods is held there`,
    ]);
    const shards = await readdir(path.join(content, 'articles', '2026-02-17'));
    const stored = (await Promise.all(shards.map(async (f) => JSON.parse(await readFile(path.join(content, 'articles', '2026-02-17', f), 'utf8')) as unknown[]))).flat();
    expect(stored.length).toBe(SOURCE_WINDOW_MAX_ARTICLES + 2);
    const state = JSON.parse(await readFile(path.join(content, 'state', 'feeds.json'), 'utf8')) as Array<{ name: string; errors: Array<{ kind: string }> }>;
    expect(state.find((s) => s.name === 'flood.xml')!.errors.map((e) => e.kind)).toEqual(['source_full']);
  }, 120_000);
});
