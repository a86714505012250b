/**
 * The content directory on disk:
 *   articles/<YYYY-MM-DD>/<sourceId>.json   articles by the UTC day they were reported and by source (JSON arrays)
 *   stories/<id>.md                         one story per file (front matter + summary body)
 *   state/sources.json                      the resolved registry the site renders (registry + discovered sources)
 *   state/story-index.json                  article id → story id (keeps story ids stable across runs)
 *   state/feeds.json                        per-feed result of the last run
 *   state/run.json                          the last run's clock and counts
 * Every write is atomic (src/io/write-atomic.ts); files are only rewritten when their bytes change.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { reportedAt } from '../core/coverage/coverage';
import { ArticleSchema, type Article } from '../core/schema/article';
import { RegistrySchema, type Source } from '../core/schema/source';
import type { Story } from '../core/schema/story';
import type { StoryIndex } from '../core/story/build-stories';
import { serializeStory } from '../core/story/serialize-story';
import { toJson, writeFileAtomic } from './write-atomic';

/**
 * Reads and validates a registry file (JSON array of sources). Throws Error naming the file and the first invalid
 * entry's path when it does not match SourceSchema, or when two sources share an id.
 */
export async function readRegistry(file: string): Promise<Source[]> {
  const raw: unknown = JSON.parse(await readFile(file, 'utf8'));
  const parsed = RegistrySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: invalid registry at [${issue.path.join('.')}]: ${issue.message}`);
  }
  const ids = new Set<string>();
  for (const s of parsed.data) {
    if (ids.has(s.id)) throw new Error(`${file}: duplicate source id "${s.id}"`);
    ids.add(s.id);
  }
  return parsed.data;
}

async function listFiles(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
  } catch {
    return [];
  }
}

/**
 * Every stored article, by id. A shard that is not valid JSON, or an entry that does not match ArticleSchema, is
 * reported through `warn` and skipped (never crashes the run).
 */
export async function readArticles(contentDir: string, warn: (msg: string) => void): Promise<Map<string, Article>> {
  const out = new Map<string, Article>();
  for (const file of await listFiles(path.join(contentDir, 'articles'))) {
    if (!file.endsWith('.json')) continue;
    let rows: unknown;
    try {
      rows = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      warn(`${file}: unreadable article shard (${String(error)}); skipped`);
      continue;
    }
    for (const row of Array.isArray(rows) ? rows : []) {
      const parsed = ArticleSchema.safeParse(row);
      if (parsed.success) out.set(parsed.data.id, parsed.data);
      else warn(`${file}: invalid article skipped (${parsed.error.issues[0]?.message})`);
    }
  }
  return out;
}

/** The story index from state/story-index.json, or {} when absent or unreadable. */
export async function readStoryIndex(contentDir: string): Promise<StoryIndex> {
  try {
    return JSON.parse(await readFile(path.join(contentDir, 'state', 'story-index.json'), 'utf8')) as StoryIndex;
  } catch {
    return {};
  }
}

export interface ContentSnapshot {
  /** All articles (stored and new), written as shards. */
  articles: Article[];
  /** Stories to write (the active window's). */
  stories: Story[];
  /** Story ids to delete: ids published before whose articles all went to other stories. */
  removedStoryIds: string[];
  sources: Source[];
  index: StoryIndex;
  feeds: unknown;
  run: unknown;
}

/** Shard path of an article: articles/<UTC day it was reported>/<sourceId>.json. */
export function shardOf(article: Article): string {
  return path.join('articles', reportedAt(article).slice(0, 10), `${article.sourceId}.json`);
}

/**
 * Writes the whole content tree under `contentDir`. Returns the number of files whose bytes changed.
 * Throws on file-system errors (the caller reports them); each file is either its old or its new version.
 */
export async function writeContent(contentDir: string, snap: ContentSnapshot): Promise<number> {
  let changed = 0;
  const write = async (rel: string, data: string): Promise<void> => {
    if (await writeFileAtomic(path.join(contentDir, rel), data)) changed++;
  };
  const shards = new Map<string, Article[]>();
  for (const a of snap.articles) {
    const rel = shardOf(a);
    if (!shards.has(rel)) shards.set(rel, []);
    shards.get(rel)!.push(a);
  }
  for (const [rel, rows] of [...shards].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    rows.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    await write(rel, toJson(rows));
  }
  // Shards that no longer hold any article (an article's date moved) are removed.
  for (const file of await listFiles(path.join(contentDir, 'articles'))) {
    if (!shards.has(path.relative(contentDir, file))) {
      await rm(file, { force: true });
      changed++;
    }
  }
  for (const story of snap.stories) await write(path.join('stories', `${story.id}.md`), serializeStory(story));
  for (const id of snap.removedStoryIds) {
    await rm(path.join(contentDir, 'stories', `${id}.md`), { force: true });
    changed++;
  }
  await write(path.join('state', 'sources.json'), toJson(snap.sources));
  await write(path.join('state', 'story-index.json'), toJson(snap.index));
  await write(path.join('state', 'feeds.json'), toJson(snap.feeds));
  await write(path.join('state', 'run.json'), toJson(snap.run));
  return changed;
}
