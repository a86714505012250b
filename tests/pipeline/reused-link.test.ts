/**
 * A feed that reuses an article's link for another report (an operator trial: beta's wildfire link carried a Lisbon
 * tram derailment the next day, guid and all). The page now holds another article: it is stored as read, with its
 * own date, and placed in a story anew, so the wildfire story does not take in the tram reports, its headline and
 * summary, nor does beta "break" the tram story a day before it happened. An edited headline stays where it was.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticles } from '../../src/io/content-store';
import { readStoriesIn, registrySource, rssDocument, runFolder, tempDir } from '../helpers';

const SITES = { 'alpha-news': 'alpha.test', 'beta-news': 'beta.test', 'gamma-news': 'gamma.test' } as const;
type Id = keyof typeof SITES;
interface Item {
  slug: string;
  title: string;
  lead: string;
  date: string;
}
const FIRE = 'Crews battled the Sawtooth wildfire near Prescott, Arizona, as evacuation orders widened to four towns.';
const TRAM = 'A tram derailed on a steep street in Lisbon, Portugal, injuring dozens of passengers, officials said.';
const day1: Record<Id, Item[]> = {
  'alpha-news': [{ slug: 'fire', title: 'Sawtooth wildfire forces evacuations near Prescott, Arizona', lead: FIRE, date: 'Wed, 25 Nov 2026 08:00:00 GMT' }],
  'beta-news': [{ slug: 'story-77', title: 'Arizona wildfire: Prescott towns ordered to evacuate', lead: FIRE, date: 'Wed, 25 Nov 2026 10:00:00 GMT' }],
  'gamma-news': [{ slug: 'fire', title: 'Evacuations widen as Sawtooth wildfire nears Prescott', lead: FIRE, date: 'Wed, 25 Nov 2026 11:00:00 GMT' }],
};
const day2: Record<Id, Item[]> = {
  'alpha-news': [...day1['alpha-news'], { slug: 'tram', title: 'Lisbon tram derails, injuring dozens', lead: TRAM, date: 'Thu, 26 Nov 2026 09:00:00 GMT' }],
  'beta-news': [{ slug: 'story-77', title: 'Lisbon tram derailment injures dozens in Portugal', lead: TRAM, date: 'Thu, 26 Nov 2026 10:00:00 GMT' }],
  'gamma-news': [...day1['gamma-news'], { slug: 'tram', title: 'Dozens hurt as Lisbon tram derails on steep street', lead: TRAM, date: 'Thu, 26 Nov 2026 11:00:00 GMT' }],
};
const rss = (id: Id, items: Item[]) =>
  rssDocument(
    SITES[id],
    items.map((i) => `<item><title>${i.title}</title><link>https://${SITES[id]}/${i.slug}</link><guid>https://${SITES[id]}/${i.slug}</guid><pubDate>${i.date}</pubDate><description>${i.lead}</description></item>`),
  );

/** A content folder fed by the three outlets' feed files: `write` replaces the feeds, `run` ingests them at `now`. */
async function instance() {
  const work = await tempDir('parallax-reused-');
  const feeds = path.join(work, 'feeds');
  await mkdir(feeds);
  const registry = path.join(work, 'sources.json');
  await writeFile(registry, JSON.stringify(Object.entries(SITES).map(([id, site]) => registrySource(id, site, [{ file: `${id}.xml` }]))));
  const content = path.join(work, 'content');
  const write = (items: Record<Id, Item[]>) => Promise.all((Object.keys(SITES) as Id[]).map((id) => writeFile(path.join(feeds, `${id}.xml`), rss(id, items[id]))));
  const run = (now: Date) => runFolder(feeds, content, now, registry);
  return { write, run, content };
}

describe('a feed that reuses an article’s link for another report', () => {
  it('places the new article anew, with its own date; the old story keeps its id and its other articles', async () => {
    const { write, run, content } = await instance();

    await write(day1);
    await run(new Date('2026-11-25T18:00:00Z'));
    const [fire] = await readStoriesIn(content);
    expect(fire!.articles).toHaveLength(3);

    await write(day2);
    const run2 = await run(new Date('2026-11-26T18:00:00Z'));
    const stories = await readStoriesIn(content);
    const fireNow = stories.find((s) => s.id === fire!.id)!;
    expect(fireNow.articles.map((a) => a.sourceId).sort()).toEqual(['alpha-news', 'gamma-news']);
    expect(fireNow.title).toMatch(/wildfire/i);
    const tram = stories.find((s) => s.id !== fire!.id)!;
    expect(tram.articles.map((a) => a.sourceId).sort()).toEqual(['alpha-news', 'beta-news', 'gamma-news']);
    expect(tram.title).toMatch(/tram/i);
    // beta's article has the date its feed gives the tram report, so alpha broke that story
    expect(tram.coverage.brokeBy).toMatchObject({ sourceId: 'alpha-news', at: '2026-11-26T09:00:00Z' });
    const beta = [...(await readArticles(content, () => undefined)).values()].find((a) => a.sourceId === 'beta-news')!;
    expect(beta).toMatchObject({ title: 'Lisbon tram derailment injures dozens in Portugal', published: '2026-11-26T10:00:00Z', firstSeen: '2026-11-26T18:00:00Z' });
    expect(run2.logs.some((l) => l.includes('https://beta.test/story-77 now carries another article'))).toBe(true);

    // Read again, the page is the tram article: nothing moves
    await run(new Date('2026-11-26T19:00:00Z'));
    expect((await readStoriesIn(content)).map((s) => [s.id, s.articles.length])).toEqual(stories.map((s) => [s.id, s.articles.length]));

    // An edited headline and lead of the same report stay in its story
    await write({ ...day2, 'beta-news': [{ ...day2['beta-news'][0]!, title: 'Lisbon tram derailment injures 40 in Portugal; brakes examined', lead: `${TRAM} Investigators are examining the brakes.` }] });
    await run(new Date('2026-11-26T20:00:00Z'));
    const tramLater = (await readStoriesIn(content)).find((s) => s.id === tram.id)!;
    expect(tramLater.articles.map((a) => a.sourceId).sort()).toEqual(['alpha-news', 'beta-news', 'gamma-news']);
  });

  it('takes the only article of a story to the story it now reports, and its old id leads there (a hostile trial’s)', async () => {
    const { write, run, content } = await instance();
    const alone: Record<Id, Item[]> = { 'alpha-news': day1['alpha-news'], 'beta-news': [], 'gamma-news': [] };
    await write(alone);
    await run(new Date('2026-11-25T18:00:00Z'));
    const [fire] = await readStoriesIn(content);
    await write({ ...alone, 'beta-news': [day2['gamma-news'][1]!], 'gamma-news': [day2['gamma-news'][1]!] });
    await run(new Date('2026-11-26T12:00:00Z'));
    const tram = (await readStoriesIn(content)).find((s) => s.id !== fire!.id)!;
    // alpha's wildfire link now carries its tram report
    await write({ 'alpha-news': [{ ...day1['alpha-news'][0]!, title: 'Lisbon tram derails, injuring dozens', lead: TRAM, date: 'Thu, 26 Nov 2026 13:00:00 GMT' }], 'beta-news': [day2['gamma-news'][1]!], 'gamma-news': [day2['gamma-news'][1]!] });
    await run(new Date('2026-11-26T18:00:00Z'));
    const stories = await readStoriesIn(content);
    expect(stories.map((s) => [s.id, s.articles.map((a) => a.sourceId).sort()])).toEqual([[tram.id, ['alpha-news', 'beta-news', 'gamma-news']]]);
    expect(JSON.parse(await readFile(path.join(content, 'state', 'redirects.json'), 'utf8'))).toEqual({ [fire!.id]: tram.id });
  });

  it('warns of a split naming the article whose link now carries another report', async () => {
    const { write, run, content } = await instance();
    await write(day1);
    await run(new Date('2026-11-25T18:00:00Z'));
    const beta = (await readStoriesIn(content))[0]!.articles.find((a) => a.sourceId === 'beta-news')!.id;
    await writeFile(path.join(content, 'overrides.json'), JSON.stringify({ version: 1, stories: { split: [{ articleId: beta, reason: 'not the fire' }] } }));
    await run(new Date('2026-11-25T19:00:00Z'));
    await write(day2);
    const third = await run(new Date('2026-11-26T18:00:00Z'));
    expect(third.logs).toContain(
      `warn: overrides.json stories.split[0]: split of article ${beta}: the link of ${beta} ("Lisbon tram derailment injures dozens in Portugal") now carries another article, which the split keeps apart; take it out of the split if it was meant for the earlier report`,
    );
  });
});
