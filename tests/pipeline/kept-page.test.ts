/**
 * A published story keeps its page and URL for good: an editor's split or a takedown that takes its sources below
 * MIN_SOURCES_FOR_STORY_PAGE marks it `paged` (live and archived), so /story/<id>/ and its feeds stay; it is no longer
 * listed (home, topics, top-stories feeds). A trial's split had turned a published story's page and feed into 404s.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArchiveIndexSchema } from '../../src/core/schema/archive';
import { hasStoryPage } from '../../src/core/schema/story';
import { isListed } from '../../src/site/stories';
import { readStoryFile, ROOT, runFolder, SNAPSHOT_FEEDS, tempDir, treeDigest } from '../helpers';

describe('a story that had a page keeps it', () => {
  it('after a split takes it to one source: marked paged, still has its page, not listed; the split-out story has none', async () => {
    const dir = await tempDir();
    await runFolder(SNAPSHOT_FEEDS, dir);
    const index: Record<string, string> = JSON.parse(await readFile(path.join(dir, 'state', 'story-index.json'), 'utf8'));
    const stories = await Promise.all([...new Set(Object.values(index))].sort().map((id) => readStoryFile(path.join(dir, 'stories', `${id}.md`))));
    const two = stories.find((s) => s.coverage.sourceCount === 2 && s.articles.filter((a) => a.sourceId === s.articles[0]!.sourceId).length === 1)!;
    expect(two.paged).toBeUndefined();
    const out = two.articles[0]!;
    await writeFile(path.join(dir, 'overrides.json'), JSON.stringify({ version: 1, stories: { split: [{ articleId: out.id, reason: 'another event' }] } }));
    await runFolder(SNAPSHOT_FEEDS, dir);
    const kept = await readStoryFile(path.join(dir, 'stories', `${two.id}.md`));
    expect(kept.coverage.sourceCount).toBe(1);
    expect(kept.paged).toBe(true);
    expect([hasStoryPage(kept), isListed(kept)]).toEqual([true, false]);
    const after: Record<string, string> = JSON.parse(await readFile(path.join(dir, 'state', 'story-index.json'), 'utf8'));
    const alone = await readStoryFile(path.join(dir, 'stories', `${after[out.id]}.md`));
    expect(alone.articles.map((a) => a.id)).toEqual([out.id]);
    expect([alone.paged, hasStoryPage(alone)]).toEqual([undefined, false]);
    // the next run keeps it so, byte for byte
    const before = await treeDigest(dir);
    await runFolder(SNAPSHOT_FEEDS, dir);
    expect((await treeDigest(dir))[`stories/${two.id}.md`]).toBe(before[`stories/${two.id}.md`]);
  });

  it('after a takedown takes an archived story to one source: marked paged in its file and in the month index', async () => {
    const small = path.join(ROOT, 'tests', 'io', 'fixtures', 'feeds-small');
    const dir = path.join(await tempDir(), 'content');
    await runFolder(small, dir, new Date('2026-02-18T00:00:00Z'));
    await runFolder(small, dir, new Date('2026-02-26T00:00:00Z'));
    const monthDir = path.join(dir, 'archive', '2026-02');
    const entry = ArchiveIndexSchema.parse(JSON.parse(await readFile(path.join(monthDir, 'index.json'), 'utf8'))).find((e) => e.sourceCount === 2)!;
    const story = await readStoryFile(path.join(monthDir, `${entry.id}.md`));
    const [gone, stays] = entry.sourceIds;
    await writeFile(path.join(dir, 'overrides.json'), JSON.stringify({ version: 1, takedowns: story.articles.filter((a) => a.sourceId === gone).map((a) => ({ kind: 'article', articleId: a.id, reason: 'withdrawn' })) }));
    await runFolder(small, dir, new Date('2026-02-27T00:00:00Z'));
    const trimmed = await readStoryFile(path.join(monthDir, `${entry.id}.md`));
    expect([...new Set(trimmed.articles.map((a) => a.sourceId))]).toEqual([stays]);
    expect(trimmed.paged).toBe(true);
    const now = ArchiveIndexSchema.parse(JSON.parse(await readFile(path.join(monthDir, 'index.json'), 'utf8'))).find((e) => e.id === entry.id)!;
    expect([now.sourceCount, now.paged]).toEqual([1, true]);
  });
});
