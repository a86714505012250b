/**
 * A run whose clock is earlier than the last run's is refused before anything is written: it would archive and prune
 * against the past (a new user's `ingest --content DIR` without --live or --feeds reads the February demo feeds).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runFolder, tempDir, treeDigest } from '../helpers';

const SMALL = path.join(ROOT, 'tests', 'io', 'fixtures', 'feeds-small');

describe('the run clock', () => {
  it('may stay or move on, never go back; a refused run leaves the content as it was', async () => {
    const dir = await tempDir('parallax-clock-');
    await runFolder(SMALL, dir, new Date('2026-02-27T00:00:00Z'));
    await runFolder(SMALL, dir, new Date('2026-02-27T00:00:00Z'));
    const before = await treeDigest(dir);
    await expect(runFolder(SMALL, dir, new Date('2026-02-18T00:00:00Z'))).rejects.toThrow(
      /the run's clock 2026-02-18T00:00:00Z is earlier than the last run's \(2026-02-27T00:00:00Z\).*refusing to go back in time/,
    );
    expect(await treeDigest(dir)).toEqual(before);
    const later = await runFolder(SMALL, dir, new Date('2026-02-28T00:00:00Z'));
    expect(later.report.now).toBe('2026-02-28T00:00:00Z');
  });
});

describe('the clock of a folder of captured feeds', () => {
  const feed = (host: string, dates: string[]): string =>
    `<rss version="2.0"><channel><title>${host}</title><link>https://${host}/</link>${dates
      .map((d, i) => `<item><title>${host} story ${i}</title><link>https://${host}/${i}</link><pubDate>${new Date(d).toUTCString()}</pubDate></item>`)
      .join('')}</channel></rss>`;

  it('is the newest item date, and a warning names the one feed that sets it far ahead of all the others', async () => {
    const work = await tempDir('parallax-clock-folder-');
    const feeds = path.join(work, 'feeds');
    await mkdir(feeds);
    await writeFile(path.join(feeds, 'a.xml'), feed('a.example', ['2026-02-17T10:00:00Z', '2026-02-18T09:00:00Z']));
    await writeFile(path.join(feeds, 'b.xml'), feed('b.example', ['2026-02-18T08:00:00Z']));
    const calm = await runFolder(feeds, path.join(work, 'c1'));
    expect(calm.report.now).toBe('2026-02-18T09:00:00Z');
    expect(calm.logs.filter((l) => l.includes("the run's clock"))).toEqual([]);
    await writeFile(path.join(feeds, 'z.xml'), feed('z.example', ['2026-03-01T00:00:00Z']));
    const ahead = await runFolder(feeds, path.join(work, 'c2'));
    expect(ahead.report.now).toBe('2026-03-01T00:00:00Z');
    expect(ahead.logs.filter((l) => l.includes("the run's clock"))).toEqual([
      "warn: the run's clock 2026-03-01T00:00:00Z comes from z.xml alone; the next newest feed (a.xml) ends at 2026-02-18T09:00:00Z: items older than the window before the clock are not stored (pass --now to choose the clock)",
    ]);
  });
});
