/**
 * Retention policy (pure): what a run keeps in full, what it prunes and which stories it archives, so the content
 * directory grows with stories, not with articles (issue 8; layout in src/core/schema/archive.ts).
 *
 * - An article is kept (content/articles/, state/story-index.json) while its story is active, or, in no story,
 *   while it is inside the retention window (RETENTION_WINDOW_HOURS, the clustering window) at the run's clock.
 * - A story is active while it has an article inside the window; one that was active before this run and is not
 *   any more (and was not merged away or taken down) moves to the archive. Its file keeps what its pages need (the
 *   story's own article list with excerpts), so its articles are pruned.
 * - An item first read when it is already older than the window is never stored: the feed report counts it as
 *   `expired`. An undated item is dated by when it was first seen, so once pruned its id is remembered for a while
 *   (a tombstone, UNDATED_TOMBSTONE_DAYS) or a feed that keeps listing it would make it new again; so is a dated one
 *   its feed lists with a date inside the window when it is pruned (the feed re-dates it) (a hostile trial's feeds dated their
 *   items at each fetch: every eight days the same articles came back as new, a second story beside the archived
 *   one).
 */
import { RETENTION_WINDOW_HOURS, MAX_FUTURE_SKEW_HOURS, UNDATED_TOMBSTONE_DAYS } from './config';
import { reportedAt } from './coverage/coverage';
import type { Article } from './schema/article';
import { archiveEntryOf, sortArchiveEntries, type ArchiveEntry } from './schema/archive';
import type { Story } from './schema/story';
import type { StoryIndex } from './story/build-stories';

/** What the retention rules read of an article (an Article or a story's StoryArticle). */
type Timed = Pick<Article, 'id' | 'sourceId' | 'published' | 'firstSeen'>;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The retention window at clock `nowMs` (ms since the epoch): [start, end], inclusive; end allows clock skew. */
export interface RetentionWindow {
  startMs: number;
  endMs: number;
}

/** The window at `nowMs`: RETENTION_WINDOW_HOURS back, MAX_FUTURE_SKEW_HOURS ahead (as the clustering reads it). */
export function retentionWindow(nowMs: number, hours = RETENTION_WINDOW_HOURS): RetentionWindow {
  return { startMs: nowMs - hours * HOUR_MS, endMs: nowMs + MAX_FUTURE_SKEW_HOURS * HOUR_MS };
}

/** True when the article's time (published, else first seen: coverage's reportedAt) is inside the window. */
export function inWindow(a: Timed, w: RetentionWindow): boolean {
  const t = Date.parse(reportedAt(a));
  return t >= w.startMs && t <= w.endMs;
}

/** True when the story has an article inside the window (its StoryArticle times are the articles' own). */
export function isStoryActive(story: { articles: readonly Timed[] }, w: RetentionWindow): boolean {
  return story.articles.some((a) => inWindow(a, w));
}

/** True for an item read for the first time (not stored, not remembered) that is already older than the window. */
export function isExpiredItem(a: Timed, w: RetentionWindow): boolean {
  return Date.parse(reportedAt(a)) < w.startMs;
}

export interface RetentionInput {
  /** Every article of the run after takedowns (stored and new), by id. */
  articles: ReadonlyMap<string, Article>;
  /** The active stories (buildStories' result: each has an article in the window). */
  stories: readonly Pick<Story, 'id' | 'articles'>[];
  /** buildStories' index (article id → story id), which still names the articles of stories that left. */
  index: Readonly<StoryIndex>;
  /** Ids of the stories that were active before this run (the files in stories/). */
  previouslyActive: Iterable<string>;
  /** Ids that stopped being stories this run (merged into another, taken down): redirected or gone, not archived. */
  removed: Iterable<string>;
  window: RetentionWindow;
}

export interface RetentionPlan {
  /** Articles kept in full, sorted by id. */
  keep: Article[];
  /** Ids of the articles pruned this run, sorted. */
  pruned: string[];
  /** The story index with only kept articles, keys sorted (compacted). */
  index: StoryIndex;
  /** Ids of the stories that leave the window this run (to archive/<YYYY-MM>/), sorted. */
  archive: string[];
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Which articles to keep and prune, the compacted index, and which stories to archive (see the file comment). */
export function retentionPlan(input: RetentionInput): RetentionPlan {
  const activeOf = new Map<string, string>();
  for (const s of input.stories) for (const a of s.articles) activeOf.set(a.id, s.id);
  const keep: Article[] = [];
  const pruned: string[] = [];
  for (const a of input.articles.values()) {
    if (activeOf.has(a.id) || inWindow(a, input.window)) keep.push(a);
    else pruned.push(a.id);
  }
  keep.sort((x, y) => byCodePoint(x.id, y.id));
  const index: StoryIndex = {};
  for (const id of Object.keys(input.index).sort(byCodePoint)) {
    if (input.articles.has(id) && (activeOf.has(id) || inWindow(input.articles.get(id)!, input.window))) index[id] = input.index[id]!;
  }
  const active = new Set(input.stories.map((s) => s.id));
  const removed = new Set(input.removed);
  const archive = [...new Set(input.previouslyActive)].filter((id) => !active.has(id) && !removed.has(id)).sort(byCodePoint);
  return { keep, pruned: pruned.sort(byCodePoint), index, archive };
}

/** Pruned article id (undated, or dated inside the window by its feed when pruned) → the UTC day (YYYY-MM-DD) its feed last listed it
 * (state/expired-undated.json, named when it held undated ones only). */
export type Tombstones = Record<string, string>;

/**
 * The next tombstones: `pruned` ids (the caller's: undated, or re-dated into the window this run) and the remembered ids `seen` again
 * in a feed this run get `today`;
 * the others stay until UNDATED_TOMBSTONE_DAYS after the day they were last listed. Keys sorted.
 */
export function nextTombstones(previous: Readonly<Tombstones>, pruned: Iterable<string>, seen: Iterable<string>, today: string, days = UNDATED_TOMBSTONE_DAYS): Tombstones {
  const next = new Map(Object.entries(previous));
  for (const id of [...pruned, ...seen]) next.set(id, today);
  const limit = Date.parse(`${today}T00:00:00Z`) - days * DAY_MS;
  const out: Tombstones = {};
  for (const id of [...next.keys()].sort(byCodePoint)) {
    const day = next.get(id)!;
    if (Date.parse(`${day}T00:00:00Z`) >= limit) out[id] = day;
  }
  return out;
}

/**
 * One month's archive index after a run: `existing` entries minus the `remove`d ids, plus (replacing) the entries of
 * the `add`ed stories; sorted as index.json stores them (sortArchiveEntries).
 */
export function updateArchiveIndex(existing: readonly ArchiveEntry[], add: readonly Story[], remove: Iterable<string>): ArchiveEntry[] {
  const gone = new Set(remove);
  for (const s of add) gone.add(s.id);
  return sortArchiveEntries([...existing.filter((e) => !gone.has(e.id)), ...add.map(archiveEntryOf)]);
}
