/**
 * Content schema versions and their migrations. The version lives in <content>/state/manifest.json
 * (`{ "schemaVersion": N }`), written with every run. Opening a content directory:
 * - finishes or discards an interrupted write (src/io/journal.ts);
 * - no manifest but content present: version 1 (before manifests);
 * - an older version: migrated step by step, each step one journal transaction, each step logged;
 * - a newer version than this Parallax knows: refused with an error (never read as if it were ours).
 *
 * Versions:
 *   1  articles/, stories/, state/{sources,story-index,feeds,run}.json; feeds.json holds the last run's results.
 *   2  + state/manifest.json; feeds.json entries carry health (status, lastAttempt, lastSuccess, lastError,
 *      consecutiveFailures, newestItem, lastNewArticle, stale) and conditional-GET validators (etag, lastModified).
 *   3  + archive/<YYYY-MM>/{<id>.md,index.json}: stories/ holds only active stories; articles/ and
 *      state/story-index.json only the articles kept (src/core/retention.ts); state/expired-undated.json.
 *
 * An optional field added to a stored record needs no new version: older content still validates, and an older
 * Parallax drops the field when it writes the record again (zod strips unknown keys). So an article's `kind` and
 * `guid` (src/core/schema/article.ts) came without one.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isStoryActive, nextTombstones, retentionPlan, retentionWindow } from '../core/retention';
import { isFailureKind, type FeedState } from '../core/state/feed-state';
import { archiveStories } from './archive-stories';
import { CONTENT_SCHEMA_VERSION, listActiveStoryIds, listArchive, MANIFEST, planArticleShards, readArticles, readStoryFile, readStoryIndex } from './content-store';
import { commitPlan, recoverContent, type WritePlan } from './journal';
import { toJson } from './write-atomic';

export class ContentVersionError extends Error {}

/** The stored schema version: null for an empty directory. Throws ContentVersionError for an unreadable manifest. */
export async function contentVersion(dir: string): Promise<number | null> {
  let text: string;
  try {
    text = await readFile(path.join(dir, MANIFEST), 'utf8');
  } catch {
    const v1 = ['articles', 'stories', path.join('state', 'run.json')].some((p) => existsSync(path.join(dir, p)));
    return v1 ? 1 : null;
  }
  const v = (JSON.parse(text) as { schemaVersion?: unknown }).schemaVersion;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw new ContentVersionError(`${path.join(dir, MANIFEST)}: no valid schemaVersion`);
  return v;
}

type Migration = (dir: string) => Promise<WritePlan>;

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return null;
  }
}

/** 1 → 2: seed per-feed health from the last run's results; write the manifest. */
const v1to2: Migration = async (dir) => {
  const run = (await readJson(path.join(dir, 'state', 'run.json'))) as { now?: string } | null;
  const at = typeof run?.now === 'string' ? run.now : '1970-01-01T00:00:00Z';
  const feeds = await readJson(path.join(dir, 'state', 'feeds.json'));
  const states: FeedState[] = (Array.isArray(feeds) ? feeds : []).flatMap((f: Record<string, unknown>) => {
    if (!f || typeof f.name !== 'string' || typeof f.sourceId !== 'string') return [];
    const errors = Array.isArray(f.errors) ? (f.errors as FeedState['errors']) : [];
    const feedError = errors.find((e) => isFailureKind(e.kind));
    return [
      {
        name: f.name,
        sourceId: f.sourceId,
        url: /^https?:\/\//.test(f.name) ? f.name : null,
        format: typeof f.format === 'string' ? f.format : null,
        items: typeof f.items === 'number' ? f.items : 0,
        articles: typeof f.articles === 'number' ? f.articles : 0,
        duplicates: typeof f.duplicates === 'number' ? f.duplicates : 0,
        errors,
        status: feedError ? 'failed' : 'ok',
        lastAttempt: at,
        lastSuccess: feedError ? null : at,
        lastError: feedError ? { at, kind: feedError.kind, message: feedError.message } : null,
        consecutiveFailures: feedError ? 1 : 0,
        newestItem: null,
        lastNewArticle: null,
        stale: false,
        etag: null,
        lastModified: null,
      } satisfies FeedState,
    ];
  });
  return {
    puts: [
      { rel: path.join('state', 'feeds.json'), data: toJson(states) },
      { rel: MANIFEST, data: toJson({ schemaVersion: 2 }) },
    ],
    deletes: [],
  };
};

/**
 * 2 → 3: the retention of src/core/retention.ts at the clock of the last run (state/run.json): stories with no
 * article in the window move to archive/<YYYY-MM>/ (with each month's index.json), the articles of no active story
 * and outside the window are pruned, the story index keeps only the kept articles. Undated pruned articles are
 * remembered (state/expired-undated.json) as a run would.
 */
const v2to3: Migration = async (dir) => {
  const run = (await readJson(path.join(dir, 'state', 'run.json'))) as { now?: string } | null;
  const nowMs = typeof run?.now === 'string' ? Date.parse(run.now) : NaN;
  if (Number.isNaN(nowMs)) return { puts: [{ rel: MANIFEST, data: toJson({ schemaVersion: 3 }) }], deletes: [] };
  const window = retentionWindow(nowMs);
  const stories = [];
  for (const id of await listActiveStoryIds(dir)) {
    const { story } = await readStoryFile(path.join(dir, 'stories', `${id}.md`));
    if (isStoryActive(story, window)) stories.push(story);
  }
  const articles = await readArticles(dir, () => undefined);
  const plan = retentionPlan({ articles, stories, index: await readStoryIndex(dir), previouslyActive: await listActiveStoryIds(dir), removed: [], window });
  const moves = await archiveStories(dir, { archive: plan.archive, unarchive: [], archived: await listArchive(dir) });
  const puts = new Map<string, string>();
  const deletes: string[] = [...moves.deletes];
  for (const [rel, text] of Object.entries(moves.texts)) puts.set(rel, text);
  for (const [rel, entries] of Object.entries(moves.indexes)) puts.set(rel, toJson(entries));
  // The kept articles' shards, written as a run writes them (emptied shards removed).
  await planArticleShards(dir, plan.keep, puts, deletes);
  puts.set(path.join('state', 'story-index.json'), toJson(plan.index));
  const undated = plan.pruned.filter((id) => articles.get(id)!.published === null);
  puts.set(path.join('state', 'expired-undated.json'), toJson(nextTombstones({}, undated, [], new Date(nowMs).toISOString().slice(0, 10))));
  puts.set(MANIFEST, toJson({ schemaVersion: 3 }));
  return { puts: [...puts].map(([rel, data]) => ({ rel, data })), deletes };
};

/** MIGRATIONS[n] takes version n to n + 1. */
const MIGRATIONS: Record<number, Migration> = { 1: v1to2, 2: v2to3 };

/** What recoverContent did to `dir`, as a line for the run's log; null when there was nothing to recover. */
export function recoveryNote(dir: string, recovered: 'clean' | 'rolled_forward' | 'rolled_back'): string | null {
  if (recovered === 'rolled_forward') return `${dir}: completed the interrupted write of the previous run`;
  if (recovered === 'rolled_back') return `${dir}: discarded the leftover journal of the previous run (uncommitted, or already applied)`;
  return null;
}

/**
 * Makes a content directory ready to read and write: recovers an interrupted write, then migrates older content to
 * CONTENT_SCHEMA_VERSION. Returns the version found (null: empty). Throws ContentVersionError for newer content.
 */
export async function openContent(dir: string, log: (message: string) => void = () => undefined): Promise<number | null> {
  const note = recoveryNote(dir, await recoverContent(dir));
  if (note) log(note);
  const found = await contentVersion(dir);
  if (found === null) return null;
  if (found > CONTENT_SCHEMA_VERSION) {
    throw new ContentVersionError(`${dir}: content schema version ${found} is newer than this Parallax understands (${CONTENT_SCHEMA_VERSION}); upgrade Parallax`);
  }
  for (let v = found; v < CONTENT_SCHEMA_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new ContentVersionError(`${dir}: no migration from content schema version ${v}`);
    await commitPlan(dir, await step(dir));
    log(`${dir}: migrated content from schema version ${v} to ${v + 1}`);
  }
  return found;
}
