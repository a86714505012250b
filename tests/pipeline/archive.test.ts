/**
 * The archive in the pipeline: a story with no article in the window moves from stories/ to
 * archive/<YYYY-MM>/<id>.md (listed in that month's index.json), its articles are pruned and the story index
 * compacted; items read again after that are counted as expired, never new, and churn no file; an undated item is
 * remembered once pruned.
 */
import { copyFile, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ArchiveIndexSchema } from '../../src/core/schema/archive';
import type { Article } from '../../src/core/schema/article';
import { storyIdFor } from '../../src/core/story/ids';
import { archivedIdGuards, type IngestReport } from '../../src/pipeline';
import { ROOT, runFolder, tempDir, treeDigest } from '../helpers';

const SMALL = path.join(ROOT, 'tests', 'io', 'fixtures', 'feeds-small');
const DAY0 = new Date('2026-02-18T00:00:00Z');
const DAY8 = new Date('2026-02-26T00:00:00Z');
const DAY9 = new Date('2026-02-27T00:00:00Z');

const keys = (d: Record<string, string>, prefix: string) => Object.keys(d).filter((k) => k.startsWith(prefix));

describe('archive on leaving the window', () => {
  let dir: string;
  let day0: Record<string, string>;
  let day8: Record<string, string>;
  let first: IngestReport;
  let later: IngestReport;

  beforeAll(async () => {
    dir = path.join(await tempDir('parallax-archive-'), 'content');
    ({ report: first } = await runFolder(SMALL, dir, DAY0));
    day0 = await treeDigest(dir);
    // Eight days on, the same feeds list the same items: every story has left the 7-day window.
    ({ report: later } = await runFolder(SMALL, dir, DAY8));
    day8 = await treeDigest(dir);
  });

  it('moves every story that left the window to archive/<YYYY-MM>/, byte for byte, and lists it in index.json', async () => {
    const active = keys(day0, 'stories/');
    expect(active.length).toBe(first.stories);
    expect(later.stories).toBe(0);
    expect(later.archivedStories).toBe(active.length);
    expect(keys(day8, 'stories/')).toEqual([]);
    const archived = keys(day8, 'archive/').filter((k) => k.endsWith('.md'));
    expect(archived).toHaveLength(active.length);
    for (const rel of active) {
      const moved = archived.find((k) => k.endsWith(`/${path.basename(rel)}`))!;
      expect(moved).toMatch(/^archive\/2026-02\/[a-z0-9]+\.md$/);
      expect(day8[moved]).toBe(day0[rel]);
    }
    const index = ArchiveIndexSchema.parse(JSON.parse(await readFile(path.join(dir, 'archive', '2026-02', 'index.json'), 'utf8')));
    expect(index.map((e) => `archive/2026-02/${e.id}.md`).sort()).toEqual(archived.sort());
    for (let i = 1; i < index.length; i++) expect(index[i - 1]!.lastUpdated >= index[i]!.lastUpdated).toBe(true);
  });

  it('prunes their articles and compacts the story index; re-read items count as expired, not new', async () => {
    expect(keys(day0, 'articles/').length).toBeGreaterThan(0);
    expect(keys(day8, 'articles/')).toEqual([]);
    // No empty day folders left behind (a year of them would be listed on every run).
    expect(await readdir(path.join(dir, 'articles')).catch(() => [])).toEqual([]);
    expect(JSON.parse(await readFile(path.join(dir, 'state', 'story-index.json'), 'utf8'))).toEqual({});
    expect(later.articlesTotal).toBe(0);
    expect(later.prunedArticles).toBe(first.articlesTotal);
    expect(later.newArticles).toBe(0);
    // Stored when this run read them but pruned by it: counted as expired, as the next run counts them (they had been
    // counted as articles, and a re-run then wrote other feed counts); the WSJ items were expired from the start.
    expect(later.expired).toBe(first.expired + later.prunedArticles);
    expect(first.expired).toBe(20);
    for (const f of later.feeds) {
      const itemErrors = f.errors.filter((e) => e.kind.startsWith('item_')).length;
      expect(f.articles + f.expired + f.duplicates + itemErrors, f.name).toBe(f.items);
    }
  });

  it('churns nothing on the next run when the feeds keep listing the old items (only the run state changes)', async () => {
    const { report } = await runFolder(SMALL, dir, DAY9);
    const after = await treeDigest(dir);
    const changed = Object.keys({ ...day8, ...after }).filter((k) => day8[k] !== after[k]).sort();
    expect(changed).toEqual(['state/feeds.json', 'state/run.json']);
    expect(report.newArticles).toBe(0);
    expect(report.expired).toBe(first.articlesTotal + first.expired);
    expect(report.archivedStories).toBe(0);
  });

  it('gives a byte-identical tree when the archiving run is re-run from the same state with the same clock', async () => {
    const other = path.join(await tempDir('parallax-archive-'), 'content');
    await runFolder(SMALL, other, DAY0);
    await runFolder(SMALL, other, DAY8);
    expect(await treeDigest(other)).toEqual(day8);
  });
});

describe('an undated item after its story is archived', () => {
  it('is remembered (state/expired-undated.json), so its feed listing it again makes no new article or story', async () => {
    const feeds = await tempDir('parallax-feeds-');
    await copyFile(path.join(ROOT, 'tests', 'fixtures', 'cases', 'B11.xml'), path.join(feeds, 'B11.xml'));
    const dir = path.join(await tempDir('parallax-archive-'), 'content');
    const r0 = (await runFolder(feeds, dir, DAY0)).report;
    expect([r0.newArticles, r0.stories]).toEqual([1, 1]);
    // Dated by first sight (DAY0): eight days on it has left the window although its feed still lists it.
    const r8 = (await runFolder(feeds, dir, DAY8)).report;
    expect([r8.newArticles, r8.expired, r8.stories, r8.archivedStories, r8.prunedArticles]).toEqual([0, 1, 0, 1, 1]);
    const tombstones = JSON.parse(await readFile(path.join(dir, 'state', 'expired-undated.json'), 'utf8')) as Record<string, string>;
    expect(Object.values(tombstones)).toEqual(['2026-02-26']);
    const before = await treeDigest(dir);
    const r9 = (await runFolder(feeds, dir, DAY9)).report;
    expect([r9.newArticles, r9.expired, r9.stories]).toEqual([0, 1, 0]);
    const after = await treeDigest(dir);
    const changed = Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]).sort();
    // Seen again on a later day: the tombstone's day moves on; nothing else but the run state.
    expect(changed).toEqual(['state/expired-undated.json', 'state/feeds.json', 'state/run.json']);
    expect(Object.values(JSON.parse(await readFile(path.join(dir, 'state', 'expired-undated.json'), 'utf8')))).toEqual(['2026-02-27']);
  });
});

describe('archivedIdGuards', () => {
  it('names the archived ids a new article would mint, and nothing when no archived id is in the way', () => {
    const a = { id: 'art1' } as Article;
    const first = storyIdFor('art1');
    const second = storyIdFor('art1#1');
    expect(archivedIdGuards([a], {}, new Map([[first, '2026-01']]))).toEqual({ [`archived:${first}`]: first });
    // The first id is archived, the second used by a live story: both skipped, the third is free.
    expect(archivedIdGuards([a], { other: second }, new Map([[first, '2026-01']]))).toEqual({ [`archived:${first}`]: first });
    expect(archivedIdGuards([a], {}, new Map([['zzz', '2026-01']]))).toEqual({});
    expect(archivedIdGuards([a], { art1: first }, new Map([[first, '2026-01']]))).toEqual({}); // already in a story
  });
});
