/**
 * Editors' story corrections through the whole pipeline (content/overrides.json, `stories` section) on the bundled
 * snapshot: a merge leaves a redirect and removes the merged story's file, a split takes an article out for good, a
 * pinned headline wins, and every later run keeps them.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { StorySchema, type Story } from '../../src/core/schema/story';
import { parseStoryFile } from '../../src/core/story/serialize-story';
import { runFolder, SNAPSHOT_FEEDS, tempDir } from '../helpers';

let dir: string;
const readStory = async (id: string): Promise<Story> => StorySchema.parse(parseStoryFile(await readFile(path.join(dir, 'stories', `${id}.md`), 'utf8')));
const readIndex = async (): Promise<Record<string, string>> => JSON.parse(await readFile(path.join(dir, 'state', 'story-index.json'), 'utf8'));

let big: Story[];

beforeAll(async () => {
  dir = await tempDir();
  await runFolder(SNAPSHOT_FEEDS, dir);
  const index = await readIndex();
  const ids = [...new Set(Object.values(index))];
  const stories = await Promise.all(ids.map(readStory));
  big = stories.filter((s) => s.coverage.sourceCount >= 3).sort((a, b) => (a.firstSeen < b.firstSeen ? -1 : 1));
});

describe('story overrides in the pipeline', () => {
  it('merges two stories: the older id survives, the other redirects, and its file goes', async () => {
    const [older, newer] = [big[0]!, big[1]!];
    const splitOut = big[2]!.articles[0]!.id;
    await writeFile(
      path.join(dir, 'overrides.json'),
      JSON.stringify({
        version: 1,
        stories: {
          merge: [{ storyIds: [newer.id, older.id], reason: 'one event' }],
          split: [{ articleId: splitOut, reason: 'different event' }],
          headline: [{ storyId: older.id, title: 'An editor’s headline: pinned', reason: 'clarity' }],
        },
      }),
    );
    await runFolder(SNAPSHOT_FEEDS, dir);
    const merged = await readStory(older.id);
    const ids = new Set(merged.articles.map((a) => a.id));
    for (const a of [...older.articles, ...newer.articles]) expect(ids.has(a.id)).toBe(true);
    expect(merged.title).toBe('An editor’s headline: pinned');
    const redirects = JSON.parse(await readFile(path.join(dir, 'state', 'redirects.json'), 'utf8'));
    expect(redirects[newer.id]).toBe(older.id);
    await expect(readFile(path.join(dir, 'stories', `${newer.id}.md`))).rejects.toThrow();

    const index = await readIndex();
    expect(index[splitOut]).not.toBe(big[2]!.id);
    const alone = await readStory(index[splitOut]!);
    expect(alone.articles.map((a) => a.id)).toEqual([splitOut]);
    expect((await readStory(big[2]!.id)).articles.some((a) => a.id === splitOut)).toBe(false);
  });

  it('keeps the corrections on the next run, byte for byte, and warns about none of them', async () => {
    const before = await readFile(path.join(dir, 'state', 'story-index.json'), 'utf8');
    const { logs } = await runFolder(SNAPSHOT_FEEDS, dir);
    expect(await readFile(path.join(dir, 'state', 'story-index.json'), 'utf8')).toBe(before);
    // The merged-away id is a redirect now: still a known story id.
    expect(logs.filter((l) => /overrides\.json/.test(l))).toEqual([]);
  });

  it('warns about corrections that name no known story or article (they had been ignored without a word)', async () => {
    const overrides = JSON.parse(await readFile(path.join(dir, 'overrides.json'), 'utf8'));
    overrides.stories.headline.push({ storyId: 'zzzzzzzzzzzz', title: 'Typo', reason: 'test' });
    overrides.stories.split.push({ articleId: 'nonexistent', reason: 'test' });
    overrides.stories.merge.push({ storyIds: [big[3]!.id, 'yyyyyyyyyyyy'], reason: 'test' });
    overrides.stories.merge.push({ storyIds: [big[3]!.id, big[4]!.id, 'xxxxxxxxxxxx'], reason: 'test' });
    await writeFile(path.join(dir, 'overrides.json'), JSON.stringify(overrides));
    const { logs } = await runFolder(SNAPSHOT_FEEDS, dir);
    expect(logs.filter((l) => /overrides\.json/.test(l))).toEqual([
      'warn: split of article nonexistent: no article stored so far has this id (overrides.json); it applies if one arrives',
      `warn: merge of ${big[3]!.id}, yyyyyyyyyyyy: no story has the id yyyyyyyyyyyy (overrides.json); nothing was merged`,
      `warn: merge of ${big[3]!.id}, ${big[4]!.id}, xxxxxxxxxxxx: no story has the id xxxxxxxxxxxx (overrides.json); the others are merged`,
      'warn: headline for story zzzzzzzzzzzz: no story has this id (overrides.json); no headline was pinned',
    ]);
    // The unknown id did not become a redirect page (it had: a redirect to the story it was to merge with).
    const redirects = JSON.parse(await readFile(path.join(dir, 'state', 'redirects.json'), 'utf8'));
    expect(redirects.yyyyyyyyyyyy).toBeUndefined();
    expect((await readStory(big[3]!.id)).id).toBe(big[3]!.id);
  });
});
