/**
 * Editors' story corrections through the whole pipeline (content/overrides.json, `stories` section) on the bundled
 * snapshot: a merge leaves a redirect and removes the merged story's file, a split takes an article out for good, a
 * pinned headline wins, and every later run keeps them.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Story } from '../../src/core/schema/story';
import { formatSummary } from '../../src/cli/ingest-options';
import { readStoryFile, runFolder, SNAPSHOT_FEEDS, tempDir, treeDigest } from '../helpers';

let dir: string;
const readStory = (id: string): Promise<Story> => readStoryFile(path.join(dir, 'stories', `${id}.md`));
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
    // recorded as an editor's (its language is then no source's: src/site/language.ts), and only on the pinned story
    expect(merged.titlePinned).toBe(true);
    expect((await readStory(big[2]!.id)).titlePinned).toBeUndefined();
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
    // The split took its article out of a story with others: recorded, so its being alone now is not warned about.
    const stateFile = path.join(dir, 'state', 'archive-overrides.json');
    const state = JSON.parse(await readFile(stateFile, 'utf8'));
    expect(state.separatedSplits).toEqual([big[2]!.articles[0]!.id]);
    // A state written before that list was kept counts the splits applied then as done (no false warning).
    delete state.separatedSplits;
    await writeFile(stateFile, JSON.stringify(state));
    const { logs } = await runFolder(SNAPSHOT_FEEDS, dir);
    expect(JSON.parse(await readFile(stateFile, 'utf8')).separatedSplits).toEqual([big[2]!.articles[0]!.id]);
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
      'warn: overrides.json stories.split[1]: split of article nonexistent: no article stored so far has this id; it applies if one arrives',
      `warn: overrides.json stories.merge[1]: merge of ${big[3]!.id}, yyyyyyyyyyyy: no story has the id yyyyyyyyyyyy; nothing was merged`,
      `warn: overrides.json stories.merge[2]: merge of ${big[3]!.id}, ${big[4]!.id}, xxxxxxxxxxxx: no story has the id xxxxxxxxxxxx; the others are merged`,
      'warn: overrides.json stories.headline[1]: headline for story zzzzzzzzzzzz: no story has this id; no headline was pinned',
    ]);
    // The unknown id did not become a redirect page (it had: a redirect to the story it was to merge with).
    const redirects = JSON.parse(await readFile(path.join(dir, 'state', 'redirects.json'), 'utf8'));
    expect(redirects.yyyyyyyyyyyy).toBeUndefined();
    expect((await readStory(big[3]!.id)).id).toBe(big[3]!.id);
  });

  it('undoes the merge with one split of the merged-away story’s articles: one story of their own, a fresh id, on every run', async () => {
    const [older, newer] = [big[0]!, big[1]!];
    const overrides = JSON.parse(await readFile(path.join(dir, 'overrides.json'), 'utf8'));
    // The merge entry stays (removing it would not unmerge); the newer story's articles leave together.
    overrides.stories.split = [{ articleIds: newer.articles.map((a) => a.id), reason: 'undo the merge: two events' }];
    overrides.stories.merge = overrides.stories.merge.slice(0, 1);
    overrides.stories.headline = overrides.stories.headline.slice(0, 1);
    await writeFile(path.join(dir, 'overrides.json'), JSON.stringify(overrides));
    const { logs, report } = await runFolder(SNAPSHOT_FEEDS, dir);
    const index = await readIndex();
    const undoneId = index[newer.articles[0]!.id]!;
    expect(undoneId).not.toBe(newer.id); // the merged-away id redirects; it is never minted again
    expect(undoneId).not.toBe(older.id);
    for (const a of newer.articles) expect(index[a.id]).toBe(undoneId);
    const undone = await readStory(undoneId);
    expect(undone.articles.map((a) => a.id).sort()).toEqual(newer.articles.map((a) => a.id).sort());
    const survivor = await readStory(older.id);
    expect(survivor.articles.map((a) => a.id).sort()).toEqual(older.articles.map((a) => a.id).sort());
    expect(survivor.title).toBe('An editor’s headline: pinned');
    expect(JSON.parse(await readFile(path.join(dir, 'state', 'redirects.json'), 'utf8'))[newer.id]).toBe(older.id);
    expect(logs.filter((l) => /overrides\.json/.test(l))).toEqual([]);
    expect(report.corrections).toEqual({ entries: 3, applied: 3, warnings: [] });
    expect(formatSummary(report, null, 1)).toContain('\nCorrections       3 of 3 applied (overrides.json), no warnings\n');

    // The next run changes no file but the run state's feed health (as any re-run), and keeps the split quiet.
    const before = await treeDigest(dir);
    const again = await runFolder(SNAPSHOT_FEEDS, dir);
    const after = await treeDigest(dir);
    expect(Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k])).toEqual([]);
    expect(again.logs.filter((l) => /overrides\.json/.test(l))).toEqual([]);
  });

  it('warns of conflicting and pointless entries, one line each with its place, and counts them in the run report', async () => {
    const [older, newer] = [big[0]!, big[1]!];
    const overrides = JSON.parse(await readFile(path.join(dir, 'overrides.json'), 'utf8'));
    // Articles alone in their story: one no split took out, and the one the first test split out, whose split the
    // previous test removed (it stayed alone): a split of either takes nothing out now.
    const index = await readIndex();
    const sizes = new Map<string, number>();
    for (const s of Object.values(index)) sizes.set(s, (sizes.get(s) ?? 0) + 1);
    const splitOut = big[2]!.articles[0]!.id;
    const lone = Object.keys(index).filter((a) => a !== splitOut && sizes.get(index[a]!) === 1).sort()[0]!;
    overrides.stories.split.push({ articleIds: [newer.articles[0]!.id], reason: 'again' }, { articleId: splitOut, reason: 'done in the first test' }, { articleId: lone, reason: 'alone already' });
    overrides.stories.merge.push({ storyIds: [big[5]!.id, big[5]!.id], reason: 'self' });
    overrides.stories.headline.push({ storyId: older.id, title: 'A second pin', reason: 'conflict' });
    await writeFile(path.join(dir, 'overrides.json'), JSON.stringify(overrides));
    const before = await treeDigest(dir);
    const { logs, report } = await runFolder(SNAPSHOT_FEEDS, dir);
    const warnings = [
      `overrides.json stories.split[1]: split of article ${newer.articles[0]!.id}: article ${newer.articles[0]!.id} already split out by stories.split[0], which decides; this entry does nothing`,
      `overrides.json stories.split[2]: split of article ${splitOut}: article ${splitOut} is already the only article of its story ${index[splitOut]}; the split takes nothing out (it only keeps them from joining other stories)`,
      `overrides.json stories.split[3]: split of article ${lone}: article ${lone} is already the only article of its story ${index[lone]}; the split takes nothing out (it only keeps them from joining other stories)`,
      `overrides.json stories.merge[1]: merge of story ${big[5]!.id} with itself: nothing to merge; name two or more different stories`,
      `overrides.json stories.headline[1]: headline for story ${older.id}: stories.headline[0] pins its headline already and wins; this one is ignored`,
    ];
    expect(logs.filter((l) => /overrides\.json/.test(l))).toEqual(warnings.map((w) => `warn: ${w}`));
    expect(report.corrections).toEqual({ entries: 8, applied: 3, warnings });
    expect(formatSummary(report, null, 1)).toContain('\nCorrections       3 of 8 applied (overrides.json), 5 warnings (logged above)\n');
    expect((await readStory(older.id)).title).toBe('An editor’s headline: pinned');
    // The report is not stored: state/run.json and every story file are as they were; only the overrides'
    // fingerprint (and the splits it knows) follows the file.
    const after = await treeDigest(dir);
    expect(Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k])).toEqual(['state/archive-overrides.json']);
  });
});
