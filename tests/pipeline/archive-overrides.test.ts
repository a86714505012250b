/**
 * Editors' overrides (overrides.json) written after stories were archived reach the archived files: a pinned
 * headline rewrites the file in place, a merge of two archived stories rewrites the survivor to list the merged
 * story's articles (the other file goes, a redirect stays), a takedown takes its article out of the archived story
 * (the story, its id and the other outlets' articles stay; a story left with none goes). The archive is
 * scanned only when the overrides change: the next run with the same overrides changes nothing.
 */
import { cp, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ArchiveIndexSchema, type ArchiveEntry } from '../../src/core/schema/archive';
import type { Story } from '../../src/core/schema/story';
import { readStoryFile, ROOT, runFolder, tempDir, treeDigest } from '../helpers';

const SMALL = path.join(ROOT, 'tests', 'io', 'fixtures', 'feeds-small');
const DAY0 = new Date('2026-02-18T00:00:00Z');
const DAY8 = new Date('2026-02-26T00:00:00Z');
const DAY9 = new Date('2026-02-27T00:00:00Z');
const DAY10 = new Date('2026-02-28T00:00:00Z');

let dir: string;
let entries: ArchiveEntry[];
const readIndex = async () => ArchiveIndexSchema.parse(JSON.parse(await readFile(path.join(dir, 'archive', '2026-02', 'index.json'), 'utf8')));
const readArchived = (id: string): Promise<Story> => readStoryFile(path.join(dir, 'archive', '2026-02', `${id}.md`));

/** A story's file, live (stories/) or archived in 2026-02. */
const readArchivedOrLive = (d: string, id: string): Promise<Story> =>
  readStoryFile(path.join(d, 'stories', `${id}.md`)).catch(() => readStoryFile(path.join(d, 'archive', '2026-02', `${id}.md`)));

beforeAll(async () => {
  dir = path.join(await tempDir('parallax-archive-ovr-'), 'content');
  await runFolder(SMALL, dir, DAY0);
  await runFolder(SMALL, dir, DAY8); // every story archived
  entries = await readIndex();
});

describe('overrides on archived stories', () => {
  it('applies a headline, a merge of two archived stories and a takedown to the archive files', async () => {
    expect(entries.length).toBeGreaterThanOrEqual(5);
    const byAge = [...entries].sort((a, b) => (a.firstSeen < b.firstSeen ? -1 : a.firstSeen > b.firstSeen ? 1 : a.id < b.id ? -1 : 1));
    const [older, newer, pinned] = [byAge[0]!, byAge[1]!, byAge[2]!];
    // a story of several outlets loses one article; a one-article story loses its only one
    const gone = byAge.slice(3).find((e) => e.sourceCount >= 2 && e.articleCount >= 3)!;
    const lone = byAge.slice(3).find((e) => e.articleCount === 1)!;
    const olderStory = await readArchived(older.id);
    const newerStory = await readArchived(newer.id);
    const goneStory = await readArchived(gone.id);
    const loneStory = await readArchived(lone.id);
    const pinnedStory = await readArchived(pinned.id);
    const untouched = byAge.slice(3).filter((e) => e !== gone && e !== lone).map((e) => `archive/2026-02/${e.id}.md`);
    expect(untouched.length).toBeGreaterThan(0);
    const before = await treeDigest(dir);
    await writeFile(
      path.join(dir, 'overrides.json'),
      JSON.stringify({
        version: 1,
        stories: {
          merge: [{ storyIds: [newer.id, older.id], reason: 'one event' }],
          headline: [{ storyId: pinned.id, title: 'An editor’s headline for an archived story', reason: 'clarity' }],
        },
        takedowns: [
          { kind: 'article', articleId: goneStory.articles[0]!.id, reason: 'legal request' },
          { kind: 'article', articleId: loneStory.articles[0]!.id, reason: 'withdrawn' },
        ],
      }),
    );
    const { report, logs } = await runFolder(SMALL, dir, DAY9);
    expect(report.stories).toBe(0); // nothing came back to life
    // every correction was carried out, so none is reported as naming nothing (a trial saw such warnings every run)
    expect(logs.filter((l) => l.includes('overrides.json'))).toEqual([]);
    const after = await treeDigest(dir);

    // Merge: the older id survives in the archive and lists both stories' articles; the newer redirects to it.
    const merged = await readArchived(older.id);
    expect(merged.articles.map((a) => a.id).sort()).toEqual([...olderStory.articles, ...newerStory.articles].map((a) => a.id).sort());
    expect(merged.coverage.articleCount).toBe(olderStory.articles.length + newerStory.articles.length);
    expect(after[`archive/2026-02/${newer.id}.md`]).toBeUndefined();
    const redirects = JSON.parse(await readFile(path.join(dir, 'state', 'redirects.json'), 'utf8'));
    expect(redirects[newer.id]).toBe(older.id);

    // Headline: rewritten in place, the rest of the story as it was.
    const p = await readArchived(pinned.id);
    expect(p.title).toBe('An editor’s headline for an archived story');
    expect(p.slug).toBe('an-editors-headline-for-an-archived-story');
    expect({ ...p, title: pinnedStory.title, slug: pinnedStory.slug }).toEqual(pinnedStory);

    // Takedown: the archived story keeps its id and file without the article, its coverage counted again; the
    // one-article story goes; the log says what went.
    const trimmed = await readArchived(gone.id);
    expect(trimmed.articles.map((a) => a.id)).toEqual(goneStory.articles.slice(1).map((a) => a.id));
    expect(trimmed.coverage.articleCount).toBe(goneStory.articles.length - 1);
    expect(trimmed.coverage.sourceCount).toBe(new Set(goneStory.articles.slice(1).map((a) => a.sourceId)).size);
    expect(after[`archive/2026-02/${lone.id}.md`]).toBeUndefined();
    const log = JSON.parse(await readFile(path.join(dir, 'state', 'takedowns.json'), 'utf8'));
    expect(log).toMatchObject([
      { takedown: `article ${goneStory.articles[0]!.id}`, reason: 'legal request', removedArticles: [goneStory.articles[0]!.id] },
      { takedown: `article ${loneStory.articles[0]!.id}`, reason: 'withdrawn', removedArticles: [loneStory.articles[0]!.id] },
    ]);

    // The month's index follows: the merged and the taken-down ids are gone, the new title listed.
    const index = await readIndex();
    expect(index.map((e) => e.id).sort()).toEqual(entries.map((e) => e.id).filter((id) => id !== newer.id && id !== lone.id).sort());
    expect(index.find((e) => e.id === gone.id)!.articleCount).toBe(goneStory.articles.length - 1);
    expect(index.find((e) => e.id === pinned.id)!.title).toBe('An editor’s headline for an archived story');
    expect(index.find((e) => e.id === older.id)!.articleCount).toBe(merged.articles.length);
    // Every other archived story is untouched, byte for byte.
    for (const rel of untouched) expect(after[rel], rel).toBe(before[rel]);

    // The next run with the same overrides does not scan again and changes no story file.
    const tenth = await runFolder(SMALL, dir, DAY10);
    expect(tenth.logs.filter((l) => l.includes('overrides.json'))).toEqual([]);
    const next = await treeDigest(dir);
    expect(Object.keys({ ...after, ...next }).filter((k) => after[k] !== next[k]).sort()).toEqual(['state/feeds.json', 'state/run.json']);
  });

  it('a headline pinned on a story an editor merges away goes to the survivor; a split of an archived article is not reported as unmatched', async () => {
    const d = path.join(await tempDir('parallax-archive-ovr-'), 'content');
    await runFolder(SMALL, d, DAY0);
    const live = (await readdir(path.join(d, 'stories'))).map((f) => f.replace(/\.md$/, '')).sort();
    const [a, b] = [live[0]!, live[1]!];
    const two = await readArchivedOrLive(d, a);
    await writeFile(
      path.join(d, 'overrides.json'),
      JSON.stringify({ version: 1, stories: { merge: [{ storyIds: [a, b], reason: 'one event' }], headline: [{ storyId: b, title: 'The pinned one', reason: 'clarity' }], split: [{ articleId: two.articles[0]!.id, reason: 'apart' }] } }),
    );
    const merged = await runFolder(SMALL, d, new Date('2026-02-18T01:00:00Z'));
    const survivorId = JSON.parse(await readFile(path.join(d, 'state', 'redirects.json'), 'utf8'))[b] ? a : b;
    expect((await readArchivedOrLive(d, survivorId)).title).toBe('The pinned one');
    expect(merged.logs.filter((l) => l.includes('overrides.json'))).toEqual([]);
    // days later every story is archived: the overrides still name nothing unknown
    await runFolder(SMALL, d, DAY8);
    const later = await runFolder(SMALL, d, DAY9);
    expect(later.logs.filter((l) => l.includes('overrides.json'))).toEqual([]);
    const state = JSON.parse(await readFile(path.join(d, 'state', 'archive-overrides.json'), 'utf8'));
    expect(state.matchedSplits).toEqual([two.articles[0]!.id]);
  });

  it('says a self-merge of a story archived in this run or before is one, not that no story has its id', async () => {
    const d = path.join(await tempDir('parallax-archive-ovr-'), 'content');
    await runFolder(SMALL, d, DAY0);
    const x = (await readdir(path.join(d, 'stories'))).map((f) => f.replace(/\.md$/, '')).sort()[0]!;
    await writeFile(
      path.join(d, 'overrides.json'),
      JSON.stringify({ version: 1, stories: { merge: [{ storyIds: [x, x], reason: 'self' }, { storyIds: [x, 'nope12345678'], reason: 'typo' }] } }),
    );
    const want = [
      `warn: overrides.json stories.merge[0]: merge of story ${x} with itself: nothing to merge; name two or more different stories`,
      `warn: overrides.json stories.merge[1]: merge of ${x}, nope12345678: no story has the id nope12345678; nothing was merged`,
    ];
    for (const day of [DAY8, DAY9]) {
      // DAY8 archives it in the run; on DAY9 it is in the archive (it had been "no story has the id X, X").
      const { logs, report } = await runFolder(SMALL, d, day);
      expect(logs.filter((l) => l.includes('overrides.json'))).toEqual(want);
      expect(report.corrections).toMatchObject({ entries: 2, applied: 0 });
    }
    expect((await readArchivedOrLive(d, x)).id).toBe(x);
  });

  it('merges an archived story with a live one: the older (archived) id survives and is live again with both lists', async () => {
    const d = path.join(await tempDir('parallax-archive-ovr-'), 'content');
    const feeds = await tempDir('parallax-feeds-');
    await cp(SMALL, feeds, { recursive: true });
    await runFolder(feeds, d, DAY0);
    await runFolder(feeds, d, DAY8);
    const archivedEntry = ArchiveIndexSchema.parse(JSON.parse(await readFile(path.join(d, 'archive', '2026-02', 'index.json'), 'utf8')))[0]!;
    const archivedStory = await readStoryFile(path.join(d, 'archive', '2026-02', `${archivedEntry.id}.md`));
    // A new item on day 9 makes a live story.
    await writeFile(
      path.join(feeds, 'fresh.rss.xml'),
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Fresh</title><link>https://fresh.example/</link>` +
        `<item><title>A follow-up nobody clustered with the old story</title><link>https://fresh.example/follow-up</link>` +
        `<pubDate>Thu, 26 Feb 2026 22:00:00 GMT</pubDate><description>Later news.</description></item></channel></rss>`,
    );
    const { report } = await runFolder(feeds, d, DAY9);
    expect(report.stories).toBe(1);
    // The story index holds only the kept article: the fresh one, in the live story.
    const [freshArticle, liveId] = Object.entries(JSON.parse(await readFile(path.join(d, 'state', 'story-index.json'), 'utf8')) as Record<string, string>)[0]!;
    await writeFile(path.join(d, 'overrides.json'), JSON.stringify({ version: 1, stories: { merge: [{ storyIds: [liveId, archivedEntry.id], reason: 'same event' }] } }));
    const merged = await runFolder(feeds, d, DAY9);
    expect(merged.report.stories).toBe(1);
    const tree = await treeDigest(d);
    expect(tree[`archive/2026-02/${archivedEntry.id}.md`]).toBeUndefined();
    expect(tree[`stories/${liveId}.md`]).toBeUndefined();
    const survivor = await readStoryFile(path.join(d, 'stories', `${archivedEntry.id}.md`));
    expect(survivor.articles.map((a) => a.id).sort()).toEqual([...archivedStory.articles.map((a) => a.id), freshArticle].sort());
    expect(JSON.parse(await readFile(path.join(d, 'state', 'redirects.json'), 'utf8'))[liveId]).toBe(archivedEntry.id);
    const index = ArchiveIndexSchema.parse(JSON.parse(await readFile(path.join(d, 'archive', '2026-02', 'index.json'), 'utf8')));
    expect(index.some((e) => e.id === archivedEntry.id)).toBe(false);
  });
  it('archives a story without an article taken down in the run it leaves the window; one left with none goes, and ids redirected to it', async () => {
    // An operator trial: the takedown came in the run that archived the story, and the whole story went, the other
    // outlets' articles with it (no archive file, no redirect).
    const d = path.join(await tempDir('parallax-leaving-takedown-'), 'content');
    await runFolder(SMALL, d, DAY0);
    const live = await Promise.all((await readdir(path.join(d, 'stories'))).map((f) => readStoryFile(path.join(d, 'stories', f))));
    const several = live.find((st) => st.coverage.sourceCount >= 2 && st.articles.length >= 3)!;
    const lone = live.find((st) => st.articles.length === 1)!;
    const redirects = JSON.parse(await readFile(path.join(d, 'state', 'redirects.json'), 'utf8').catch(() => '{}')) as Record<string, string>;
    await writeFile(path.join(d, 'state', 'redirects.json'), JSON.stringify({ ...redirects, aaaaaaaaaaaa: lone.id }));
    const down = several.articles[0]!.id;
    await writeFile(
      path.join(d, 'overrides.json'),
      JSON.stringify({
        version: 1,
        takedowns: [
          { kind: 'article', articleId: down, reason: 'legal request' },
          { kind: 'article', articleId: lone.articles[0]!.id, reason: 'withdrawn' },
        ],
      }),
    );
    const { report } = await runFolder(SMALL, d, DAY8);
    expect(report.stories).toBe(0); // every story left the window in this run
    const kept = await readStoryFile(path.join(d, 'archive', '2026-02', `${several.id}.md`));
    expect(kept.articles.map((a) => a.id)).toEqual(several.articles.map((a) => a.id).filter((id) => id !== down));
    expect(kept.coverage.articleCount).toBe(several.articles.length - 1);
    const index = ArchiveIndexSchema.parse(JSON.parse(await readFile(path.join(d, 'archive', '2026-02', 'index.json'), 'utf8')));
    expect(index.find((e) => e.id === several.id)?.articleCount).toBe(several.articles.length - 1);
    expect(index.some((e) => e.id === lone.id)).toBe(false);
    const tree = await treeDigest(d);
    expect(tree[`archive/2026-02/${lone.id}.md`]).toBeUndefined();
    expect(tree[`stories/${several.id}.md`]).toBeUndefined();
    expect(JSON.parse(await readFile(path.join(d, 'state', 'redirects.json'), 'utf8'))).not.toHaveProperty('aaaaaaaaaaaa');
    const log = JSON.parse(await readFile(path.join(d, 'state', 'takedowns.json'), 'utf8')) as Array<{ removedArticles: string[] }>;
    expect(log.flatMap((t) => t.removedArticles).sort()).toEqual([down, lone.articles[0]!.id].sort());
  });
});
