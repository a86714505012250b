/**
 * Editorial takedowns (content/overrides.json): an article and a whole source disappear from everything the
 * pipeline writes (article shards, stories, resolved sources: the site's pages, feeds and search are built from
 * these), stay out of later runs, and the reason is recorded in state/takedowns.json.
 */
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseOverrides } from '../../src/core/overrides/overrides';
import { ROOT, runFolder, tempDir } from '../helpers';

const SMALL = path.join(ROOT, 'tests', 'io', 'fixtures', 'feeds-small');
const NOW = new Date('2026-02-18T00:00:00Z');
const URL_DOWN = 'https://www.washingtonpost.com/world/2026/02/17/iran-talks-geneva-nuclear-trump/?utm_source=x';
const ID_DOWN = '5qw3yjn27n23ps6m';

/** Every file's text under dir except the takedown log and the overrides themselves. */
async function allText(dir: string): Promise<string> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  const texts = await Promise.all(files.filter((f) => !/takedowns\.json$|overrides\.json$/.test(f)).map((f) => readFile(f, 'utf8')));
  return texts.join('\n');
}

let dir: string;
beforeAll(async () => {
  dir = await tempDir('parallax-takedown-');
  await runFolder(SMALL, dir, NOW);
});

describe('takedowns', () => {
  it('starts with the article and the source present', async () => {
    const text = await allText(dir);
    expect(text).toContain(ID_DOWN);
    expect(text).toContain('"sourceId": "npr"');
  });

  it('removes an article (by URL) and a source everywhere, records why, and keeps them out of later runs', async () => {
    await writeFile(
      path.join(dir, 'overrides.json'),
      JSON.stringify({
        version: 1,
        takedowns: [
          { kind: 'article', url: URL_DOWN, reason: 'court order 2026/118', by: 'standards desk', date: '2026-02-18' },
          { kind: 'source', sourceId: 'npr', reason: 'licence withdrawn', date: '2026-02-18' },
        ],
      }),
    );
    const first = await runFolder(SMALL, dir, NOW);
    for (const run of [first, await runFolder(SMALL, dir, new Date('2026-02-18T01:00:00Z'))]) {
      const text = await allText(dir);
      expect(text).not.toContain(ID_DOWN);
      expect(text).not.toContain('iran-talks-geneva-nuclear-trump');
      expect(text).not.toMatch(/"sourceId": "npr"|sourceId: npr|"id": "npr"|npr\.org/);
      expect(run.report.feeds.some((f) => f.sourceId === 'npr' || f.name.startsWith('npr'))).toBe(false); // not read at all
      const sources = JSON.parse(await readFile(path.join(dir, 'state', 'sources.json'), 'utf8')) as Array<{ id: string }>;
      expect(sources.map((s) => s.id)).not.toContain('npr');
    }
    const log = JSON.parse(await readFile(path.join(dir, 'state', 'takedowns.json'), 'utf8')) as Array<{ takedown: string; reason: string; removedArticles: string[] }>;
    expect(log.map((t) => [t.takedown, t.reason])).toEqual([
      [`article ${URL_DOWN}`, 'court order 2026/118'],
      ['source npr', 'licence withdrawn'],
    ]);
    expect(log[0]!.removedArticles).toEqual([ID_DOWN]);
    // The taken-down item its feed still lists is nothing new, run after run (a hostile trial: counted as new every
    // run, it moved the feed's lastNewArticle, and a re-run with the same clock was not byte-identical).
    const later = await runFolder(SMALL, dir, new Date('2026-02-18T02:00:00Z'));
    expect(later.report.newArticles).toBe(0);
    const feeds = JSON.parse(await readFile(path.join(dir, 'state', 'feeds.json'), 'utf8')) as Array<{ lastNewArticle: string | null }>;
    expect(feeds.every((f) => f.lastNewArticle === null || f.lastNewArticle < '2026-02-18T01:00:00Z')).toBe(true);
  });

  it('keeps a taken-down source out when its feed comes in a file the registry does not name (it had become a new, unrated source of the same articles)', async () => {
    const feeds = await tempDir('parallax-takedown-feeds-');
    await cp(SMALL, feeds, { recursive: true });
    // The outlet's feed saved again under a name of its own, beside the one the registry names.
    await cp(path.join(SMALL, 'npr-world.rss.xml'), path.join(feeds, 'saved-npr.xml'));
    const other = await tempDir('parallax-takedown-');
    await writeFile(path.join(other, 'overrides.json'), JSON.stringify({ version: 1, takedowns: [{ kind: 'source', sourceId: 'npr', reason: 'licence withdrawn' }] }));
    const { logs, report } = await runFolder(feeds, other, NOW);
    expect(logs).toContain("info: saved-npr.xml: not named in the registry; its site npr.org is npr's, which is taken down (overrides.json): not read");
    expect(report.feeds.map((f) => f.name)).not.toContain('saved-npr.xml');
    expect(await allText(other)).not.toMatch(/npr\.org|"sourceId": "npr/);
  });

  it('warns of a takedown that matches nothing (a mistyped source id or URL) and says it on every run', async () => {
    const other = await tempDir('parallax-takedown-');
    const misTyped = 'https://www.washingtonpost.com/world/2026/02/17/iran-talks-geneva-nuclear/';
    await writeFile(
      path.join(other, 'overrides.json'),
      JSON.stringify({
        version: 1,
        takedowns: [
          { kind: 'source', sourceId: 'npr-news', reason: 'licence withdrawn' },
          { kind: 'article', url: misTyped, reason: 'court order' },
          { kind: 'article', url: URL_DOWN, reason: 'court order 2026/118' },
        ],
      }),
    );
    const { logs, report } = await runFolder(SMALL, other, NOW);
    const warnings = logs.filter((l) => l.startsWith('warn: overrides.json takedowns'));
    expect(warnings).toEqual([
      'warn: overrides.json takedowns[0]: takedown source npr-news: no source has this id; nothing was taken down',
      `warn: overrides.json takedowns[1]: takedown article ${misTyped}: matches no article stored so far (by article id or canonical URL; check the URL); it applies if one arrives`,
    ]);
    // The run report counts them: one takedown of three applied.
    expect(report.corrections).toEqual({ entries: 3, applied: 1, warnings: warnings.map((w) => w.slice('warn: '.length)) });
    expect((await runFolder(SMALL, other, NOW)).logs.filter((l) => l.startsWith('warn: overrides.json takedowns'))).toEqual(warnings);
  });

  it('refuses an invalid overrides file instead of ignoring a takedown', async () => {
    expect(() => parseOverrides({ version: 1, takedowns: [{ kind: 'article', reason: 'x' }] })).toThrow(/exactly one of url or articleId/);
    expect(() => parseOverrides({ version: 1, takedowns: [{ kind: 'source', sourceId: 'npr' }] })).toThrow(/invalid overrides/);
    expect(() => parseOverrides({ version: 2 })).toThrow(/version/);
    const bad = await tempDir();
    await writeFile(path.join(bad, 'overrides.json'), JSON.stringify({ version: 1, takedowns: [{ kind: 'source', reason: 'no id' }] }));
    await expect(runFolder(SMALL, bad, NOW)).rejects.toThrow(/invalid overrides/);
  });
});
