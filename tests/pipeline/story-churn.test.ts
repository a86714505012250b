/**
 * A run rewrites only the stories that changed: adding one outlet's feed shifts the window's term statistics for
 * every story, but a story that gained no article keeps its stored file byte for byte (src/core/story/story-changes.ts).
 */
import { cp, rm } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readStoryFile, runFolder, SNAPSHOT_FEEDS, tempDir, treeDigest } from '../helpers';

const NOW = new Date('2026-02-18T03:12:00Z');
const ADDED = 'npr-world.rss.xml';

describe('story files change only when their story does', () => {
  let before: Record<string, string>;
  let after: Record<string, string>;
  let dir: string;

  beforeAll(async () => {
    const root = await tempDir('parallax-churn-');
    const feeds = path.join(root, 'feeds');
    dir = path.join(root, 'content');
    await cp(SNAPSHOT_FEEDS, feeds, { recursive: true });
    await rm(path.join(feeds, ADDED));
    await runFolder(feeds, dir, NOW);
    before = await treeDigest(dir);
    await cp(path.join(SNAPSHOT_FEEDS, ADDED), path.join(feeds, ADDED));
    await runFolder(feeds, dir, NOW);
    after = await treeDigest(dir);
  }, 120_000);

  it('rewrites a story file only when the story gained an article or was new', async () => {
    const stories = Object.keys(after).filter((k) => k.startsWith('stories/'));
    const rewritten = stories.filter((k) => before[k] !== after[k]);
    const kept = stories.filter((k) => before[k] === after[k]);
    expect(kept.length).toBeGreaterThan(300);
    expect(rewritten.length).toBeGreaterThan(0);
    for (const rel of rewritten) {
      const data = await readStoryFile(path.join(dir, rel));
      // The added feed is NPR's: a rewritten story holds one of its articles, or (a merge) lost a story to one.
      expect(data.articles.some((a) => a.sourceId === 'npr') || before[rel] === undefined, rel).toBe(true);
    }
  });
});
