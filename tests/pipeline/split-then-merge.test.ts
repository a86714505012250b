/**
 * A merge that names the story an earlier split made (an operator trial): the split keeps its article apart, so the
 * merge does not take that story; it is said, and counted as not applied. It had been "2 of 2 applied", with the
 * split story's id redirected to a story without its article, which sat in a third story.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStoriesIn, registrySource, rssDocument, runFolder, tempDir } from '../helpers';

const OUTLETS = [
  { id: 'alpha-news', site: 'alpha.test', title: 'Sawtooth wildfire forces evacuations near Prescott, Arizona', hour: 8 },
  { id: 'beta-news', site: 'beta.test', title: 'Arizona wildfire: Prescott towns ordered to evacuate', hour: 9 },
  { id: 'gamma-news', site: 'gamma.test', title: 'Evacuations widen as Sawtooth wildfire nears Prescott', hour: 10 },
];
const LEAD = 'Crews battled the Sawtooth wildfire near Prescott, Arizona, as evacuation orders widened to four towns.';

describe('a merge naming the story of an earlier split', () => {
  it('is not applied while the split stands, and says so; taking the split out puts the article back', async () => {
    const work = await tempDir('parallax-split-merge-');
    const feeds = path.join(work, 'feeds');
    await mkdir(feeds);
    const registry = path.join(work, 'sources.json');
    await writeFile(registry, JSON.stringify(OUTLETS.map((o) => registrySource(o.id, o.site, [{ file: `${o.id}.xml` }]))));
    for (const o of OUTLETS) {
      const item = `<item><title>${o.title}</title><link>https://${o.site}/fire</link><pubDate>Wed, 25 Nov 2026 0${o.hour}:00:00 GMT</pubDate><description>${LEAD}</description></item>`;
      await writeFile(path.join(feeds, `${o.id}.xml`), rssDocument(o.site, [item]));
    }
    const content = path.join(work, 'content');
    await runFolder(feeds, content, new Date('2026-11-25T12:00:00Z'), registry);
    const [fire] = await readStoriesIn(content);
    const gamma = fire!.articles.find((a) => a.sourceId === 'gamma-news')!.id;
    const split = [{ articleId: gamma, reason: 'test' }];
    const overrides = (o: object) => writeFile(path.join(content, 'overrides.json'), JSON.stringify({ version: 1, stories: o }));

    await overrides({ split });
    await runFolder(feeds, content, new Date('2026-11-25T13:00:00Z'), registry);
    const apart = (await readStoriesIn(content)).find((s) => s.id !== fire!.id)!;
    expect(apart.articles.map((a) => a.id)).toEqual([gamma]);

    await overrides({ split, merge: [{ storyIds: [fire!.id, apart.id], reason: 'one event' }] });
    const run = await runFolder(feeds, content, new Date('2026-11-25T14:00:00Z'), registry);
    expect(run.report.corrections).toMatchObject({ entries: 2, applied: 1 });
    expect(run.logs).toContain(
      `warn: overrides.json stories.merge[0]: merge of ${fire!.id}, ${apart.id}: story ${apart.id} is the split-out articles of stories.split[0], which keeps them apart; not merged (to put them back, take the split out of overrides.json)`,
    );
    const stories = await readStoriesIn(content);
    expect(stories.map((s) => [s.id, s.articles.length]).sort()).toEqual([[fire!.id, 2], [apart.id, 1]].sort());
    expect(JSON.parse(await readFile(path.join(content, 'state', 'redirects.json'), 'utf8'))).toEqual({});

    // the split taken out: the merge applies, one story of three
    await overrides({ merge: [{ storyIds: [fire!.id, apart.id], reason: 'one event' }] });
    await runFolder(feeds, content, new Date('2026-11-25T15:00:00Z'), registry);
    const after = await readStoriesIn(content);
    expect(after).toHaveLength(1);
    expect(after[0]!.articles).toHaveLength(3);
  });
});
