/**
 * A re-run with the same input and clock writes the same bytes, also after a run that pruned articles: the first run
 * after a day's turn had counted its feeds' pruned items as stored articles (state/feeds.json "articles"), and its
 * re-run as expired (an operator trial's: 46 → 36 for one feed, a commit with nothing new).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { runFolder, SNAPSHOT_FEEDS, tempDir, treeDigest } from '../helpers';

it('counts the items whose articles a run prunes as expired, as its re-run does, and writes the same content', async () => {
  const dir = await tempDir('parallax-rerun-prune-');
  await runFolder(SNAPSHOT_FEEDS, dir, new Date('2026-02-18T04:00:00Z'));
  const first = await runFolder(SNAPSHOT_FEEDS, dir, new Date('2026-02-19T04:00:00Z'));
  expect(first.report.prunedArticles).toBeGreaterThan(0);
  const feedsAfterFirst = await readFile(path.join(dir, 'state', 'feeds.json'), 'utf8');
  const before = await treeDigest(dir);
  const again = await runFolder(SNAPSHOT_FEEDS, dir, new Date('2026-02-19T04:00:00Z'));
  expect(again.report.prunedArticles).toBe(0);
  expect(again.report.expired).toBe(first.report.expired);
  expect(again.report.feeds.map((f) => [f.name, f.articles, f.expired])).toEqual(first.report.feeds.map((f) => [f.name, f.articles, f.expired]));
  expect(await readFile(path.join(dir, 'state', 'feeds.json'), 'utf8')).toBe(feedsAfterFirst);
  expect(await treeDigest(dir)).toEqual(before);
}, 120_000);
