/** An item dated after the run's clock was not published after it was read: its date becomes the clock. */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFolder, tempDir } from '../helpers';

const NOW = new Date('2026-03-03T13:00:00Z');
const item = (slug: string, date: string): string =>
  `<item><title>Storm ${slug} closes roads across the valley</title><link>https://future.example/${slug}</link><pubDate>${date}</pubDate></item>`;

describe('an item dated in the future', () => {
  it('is stored at the run clock; one over a day ahead is undated; a past date is kept', async () => {
    const work = await tempDir('parallax-future-');
    const feeds = path.join(work, 'feeds');
    await mkdir(feeds);
    await writeFile(
      path.join(feeds, 'future.xml'),
      `<rss version="2.0"><channel><title>Future</title><link>https://future.example/</link>${[
        item('past', 'Tue, 03 Mar 2026 12:00:00 GMT'),
        item('soon', 'Tue, 03 Mar 2026 15:30:00 GMT'),
        item('far', 'Thu, 05 Mar 2026 15:30:00 GMT'),
      ].join('')}</channel></rss>`,
    );
    const content = path.join(work, 'content');
    await runFolder(feeds, content, NOW);
    const files = (await readdir(path.join(content, 'articles'), { recursive: true })).filter((f) => f.endsWith('.json'));
    const articles = (await Promise.all(files.map(async (f) => JSON.parse(await readFile(path.join(content, 'articles', f), 'utf8')) as Array<{ url: string; published: string | null; firstSeen: string }>))).flat();
    const published = Object.fromEntries(articles.map((a) => [a.url.split('/').pop(), a.published]));
    expect(published).toEqual({ past: '2026-03-03T12:00:00Z', soon: '2026-03-03T13:00:00Z', far: null });
    expect(articles.every((a) => a.firstSeen === '2026-03-03T13:00:00Z')).toBe(true);
  });
});
