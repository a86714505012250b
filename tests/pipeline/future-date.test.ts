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

describe('the clock of a folder run without --now', () => {
  it('never passes real time for an item dated ahead of it, so the store is not pruned against tomorrow and later runs are not refused', async () => {
    // runFolder's real time is 2026-12-01T00:00:00Z.
    const work = await tempDir('parallax-future-clock-');
    const feeds = path.join(work, 'feeds');
    await mkdir(feeds);
    const feed = (name: string, slug: string, date: string) =>
      writeFile(path.join(feeds, name), `<rss version="2.0"><channel><title>${name}</title><link>https://${slug}.example/</link>${item(slug, date)}</channel></rss>`);
    await feed('honest.xml', 'honest', 'Mon, 30 Nov 2026 23:00:00 GMT');
    await feed('ahead.xml', 'ahead', 'Tue, 01 Dec 2026 23:00:00 GMT'); // 23 h ahead: within the skew, so not a bogus date
    const content = path.join(work, 'content');
    const { report } = await runFolder(feeds, content, null);
    expect(report.now).toBe('2026-12-01T00:00:00Z');
    expect(report.newArticles).toBe(2);
    // A run at real time, an hour later, is not refused as going back in time.
    const again = await runFolder(feeds, content, new Date('2026-12-01T01:00:00Z'));
    expect(again.report.now).toBe('2026-12-01T01:00:00Z');
    expect(again.report.articlesTotal).toBe(2);
  });
});

describe('a --now ahead of real time', () => {
  it('is refused over a day ahead, before anything is written, so later runs are not locked out until that day', async () => {
    // runFolder's real time is 2026-12-01T00:00:00Z.
    const work = await tempDir('parallax-future-now-');
    const feeds = path.join(work, 'feeds');
    await mkdir(feeds);
    await writeFile(path.join(feeds, 'f.xml'), `<rss version="2.0"><channel><title>F</title><link>https://f.example/</link>${item('a', 'Mon, 30 Nov 2026 23:00:00 GMT')}</channel></rss>`);
    const content = path.join(work, 'content');
    await expect(runFolder(feeds, content, new Date('2027-06-01T00:00:00Z'))).rejects.toThrow(
      "--now 2027-06-01T00:00:00Z is 4368 h after this machine's clock (2026-12-01T00:00:00Z): refusing a run clock more than 24 h ahead",
    );
    await expect(readdir(content)).rejects.toMatchObject({ code: 'ENOENT' }); // not even created
    // A minute over is refused, and said to the minute.
    await expect(runFolder(feeds, content, new Date('2026-12-02T00:01:00Z'))).rejects.toThrow("--now 2026-12-02T00:01:00Z is 24 h 1 min after this machine's clock");
    // Within the skew it runs.
    const { report } = await runFolder(feeds, content, new Date('2026-12-01T23:00:00Z'));
    expect(report.now).toBe('2026-12-01T23:00:00Z');
    expect(report.newArticles).toBe(1);
  });
});
