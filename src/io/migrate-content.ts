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
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FeedState } from '../core/state/feed-state';
import { CONTENT_SCHEMA_VERSION, MANIFEST } from './content-store';
import { commitPlan, recoverContent } from './journal';
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

type Migration = (dir: string) => Promise<Array<{ rel: string; data: string }>>;

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
    const feedError = errors.find((e) => !e.kind.startsWith('item_') && e.kind !== 'too_many_items');
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
  return [
    { rel: path.join('state', 'feeds.json'), data: toJson(states) },
    { rel: MANIFEST, data: toJson({ schemaVersion: 2 }) },
  ];
};

/** MIGRATIONS[n] takes version n to n + 1. */
const MIGRATIONS: Record<number, Migration> = { 1: v1to2 };

/**
 * Makes a content directory ready to read and write: recovers an interrupted write, then migrates older content to
 * CONTENT_SCHEMA_VERSION. Returns the version found (null: empty). Throws ContentVersionError for newer content.
 */
export async function openContent(dir: string, log: (message: string) => void = () => undefined): Promise<number | null> {
  const recovered = await recoverContent(dir);
  if (recovered === 'rolled_forward') log(`${dir}: completed the interrupted write of the previous run`);
  if (recovered === 'rolled_back') log(`${dir}: discarded the leftover journal of the previous run (uncommitted, or already applied)`);
  const found = await contentVersion(dir);
  if (found === null) return null;
  if (found > CONTENT_SCHEMA_VERSION) {
    throw new ContentVersionError(`${dir}: content schema version ${found} is newer than this Parallax understands (${CONTENT_SCHEMA_VERSION}); upgrade Parallax`);
  }
  for (let v = found; v < CONTENT_SCHEMA_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new ContentVersionError(`${dir}: no migration from content schema version ${v}`);
    await commitPlan(dir, { puts: await step(dir), deletes: [] });
    log(`${dir}: migrated content from schema version ${v} to ${v + 1}`);
  }
  return found;
}
