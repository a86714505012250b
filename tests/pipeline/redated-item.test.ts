/**
 * An item its feed re-dates after Parallax has read it (pubDate moved to the time of an update) keeps the date it was
 * read with: it was published by the time it was first seen. A hostile trial moved the pubDate of the story's first
 * report five days later; the report had then counted as reported when it was first seen, and "first reported by"
 * could pass to another outlet.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticles } from '../../src/io/content-store';
import { readStoriesIn, registrySource, rssDocument, runFolder, tempDir } from '../helpers';

const OUTLETS = [
  { id: 'alpha-news', site: 'alpha.test', title: 'Vendrel dam spillway fails, forcing evacuation of three villages', date: 'Fri, 27 Nov 2026 06:00:00 GMT' },
  { id: 'beta-news', site: 'beta.test', title: 'Three villages evacuated as Vendrel dam spillway fails', date: 'Fri, 27 Nov 2026 09:00:00 GMT' },
  { id: 'gamma-news', site: 'gamma.test', title: 'Vendrel dam: spillway failure forces evacuation of villages', date: 'Fri, 27 Nov 2026 10:00:00 GMT' },
];
const LEAD = 'Engineers said the Vendrel dam spillway gave way overnight and three villages downstream were evacuated.';
const item = (o: (typeof OUTLETS)[number], date: string) =>
  `<item><title>${o.title}</title><link>https://${o.site}/vendrel-dam</link><pubDate>${date}</pubDate><description>${LEAD}</description></item>`;

describe('an item re-dated by its feed after it was read', () => {
  it('keeps its first date, so the story keeps who broke it; a date moved earlier is taken within a day, not a week', async () => {
    const work = await tempDir('parallax-redated-');
    const feeds = path.join(work, 'feeds');
    await mkdir(feeds);
    const registry = path.join(work, 'sources.json');
    await writeFile(registry, JSON.stringify(OUTLETS.map((o) => registrySource(o.id, o.site, [{ file: `${o.id}.xml` }]))));
    const content = path.join(work, 'content');
    const write = (dates: Record<string, string>) =>
      Promise.all(OUTLETS.map((o) => writeFile(path.join(feeds, `${o.id}.xml`), rssDocument(o.site, [item(o, dates[o.id] ?? o.date)]))));

    await write({});
    await runFolder(feeds, content, new Date('2026-11-27T12:00:00Z'), registry);
    const [before] = await readStoriesIn(content);
    expect(before!.coverage.brokeBy).toMatchObject({ sourceId: 'alpha-news', at: '2026-11-27T06:00:00Z' });

    // Two days later alpha's feed dates its report at an update; gamma's corrects its time zone (an hour earlier).
    await write({ 'alpha-news': 'Sun, 29 Nov 2026 08:00:00 GMT', 'gamma-news': 'Fri, 27 Nov 2026 09:00:00 GMT' });
    await runFolder(feeds, content, new Date('2026-11-29T12:00:00Z'), registry);
    const published = Object.fromEntries([...(await readArticles(content, () => undefined)).values()].map((a) => [a.sourceId, a.published]));
    expect(published).toEqual({ 'alpha-news': '2026-11-27T06:00:00Z', 'beta-news': '2026-11-27T09:00:00Z', 'gamma-news': '2026-11-27T09:00:00Z' });
    const stories = await readStoriesIn(content);
    expect(stories).toHaveLength(1);
    expect(stories[0]!.id).toBe(before!.id);
    expect(stories[0]!.coverage.brokeBy).toMatchObject({ sourceId: 'alpha-news', at: '2026-11-27T06:00:00Z' });

    // A week back is no time-zone correction: beta's report stays where it was, and does not become the first.
    await write({ 'beta-news': 'Fri, 20 Nov 2026 09:00:00 GMT' });
    await runFolder(feeds, content, new Date('2026-11-29T13:00:00Z'), registry);
    const again = Object.fromEntries([...(await readArticles(content, () => undefined)).values()].map((a) => [a.sourceId, a.published]));
    expect(again['beta-news']).toBe('2026-11-27T09:00:00Z');
    expect((await readStoriesIn(content))[0]!.coverage.brokeBy).toMatchObject({ sourceId: 'alpha-news', at: '2026-11-27T06:00:00Z' });
  });
});
