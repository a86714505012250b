/**
 * The content directory on disk:
 *   articles/<YYYY-MM-DD>/<sourceId>.json   articles by the UTC day they were reported and by source (JSON arrays)
 *   stories/<id>.md                         one ACTIVE story per file (front matter + summary body)
 *   archive/<YYYY-MM>/<id>.md               archived stories (no article in the window), same format
 *   archive/<YYYY-MM>/index.json            that month's ArchiveEntry[] (src/core/schema/archive.ts)
 *   state/sources.json                      the resolved registry the site renders (registry + discovered sources)
 *   state/story-index.json                  article id → story id of the kept articles (keeps ids stable)
 *   state/expired-undated.json              pruned article id (undated, or re-dated into the window) → day last listed
 *   state/redirects.json                    merged story id → the id it leads to
 *   state/archive-overrides.json            fingerprint of the overrides last applied to the archive
 *   state/feeds.json                        per-feed result of the last run
 *   state/run.json                          the last run's clock and counts
 *   state/takedowns.json                    the takedowns applied (overrides.json) and what each removed
 *   state/topic-feeds.json                  the topics that have had feeds, which keep them (src/site/topic-feeds.ts)
 *   state/manifest.json                     { schemaVersion } (src/io/migrate-content.ts)
 *   overrides.json                          editorial overrides (curated, read only)
 * Articles are kept only while their story is active (src/core/retention.ts). A run's writes are one transaction
 * (src/io/journal.ts); files are only rewritten when their bytes change. One run at a time (src/io/lock.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { reportedAt } from '../core/coverage/coverage';
import { describeJsonError, parseJson } from '../core/registry/json-syntax';
import { ArticleSchema, type Article } from '../core/schema/article';
import { parseArchiveIndex, type ArchiveEntry } from '../core/schema/archive';
import type { Source } from '../core/schema/source';
import { StorySchema, type Story } from '../core/schema/story';
import type { StoryIndex } from '../core/story/build-stories';
import { parseStoryFile, serializeStory } from '../core/story/serialize-story';
import { NO_OVERRIDES, parseOverrides, type Overrides } from '../core/overrides/overrides';
import { parseFeedStates, type FeedState } from '../core/state/feed-state';
import { parseRegistry } from '../core/registry/parse-registry';
import { commitPlan, type JournalProbe } from './journal';
import { toJson } from './write-atomic';

/**
 * Reads and validates a registry file (JSON array of sources; parseRegistry). Throws Error naming the file when it is
 * missing, else parseRegistry's Error for its first problem (FILE:LINE[:COLUMN], the source id and field, and a
 * pointer to `parallax sources check`). Keys the schema does not know are ignored, each named to `onUnknownKey`.
 */
export async function readRegistry(file: string, onUnknownKey?: (message: string) => void): Promise<Source[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new Error(
      `no source registry at ${file}: put a sources.json in the content directory or pass --registry FILE (the bundled one is content/sources.json), or start one with \`parallax sources import --registry ${file} --opml FEEDS.opml\``,
    );
  }
  return parseRegistry(text, file, onUnknownKey);
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
      rows = JSON.parse(readFileSync(file, 'utf8'));
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

/**
 * The story index from state/story-index.json (article id → story id), {} when absent; throws Error naming the file
 * when it is unreadable or not such an object (readKeptState).
 */
export function readStoryIndex(contentDir: string): Promise<StoryIndex> {
  return readKeptState(contentDir, 'story-index.json', 'keeps each article in its story, so that story ids stay the same', 'every story would get a new id');
}

/**
 * A state file that nothing else can rebuild (state/<name>: a JSON object of strings): {} when absent; throws Error
 * when it is there but unreadable, not JSON or not such an object, saying what it `keeps` and what deleting it costs
 * (`ifDeleted`). Read as empty, a cut-off or hand-edited file had been overwritten by the run with what was left:
 * a hostile trial's corrupted redirects.json became {}, and a published story id led nowhere, without a word.
 * The run refuses before it writes anything.
 */
export async function readKeptState(contentDir: string, name: string, keeps: string, ifDeleted: string): Promise<Record<string, string>> {
  const isStrings = (v: unknown): boolean => v !== null && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');
  return ((await readKeptJson(contentDir, name, keeps, ifDeleted, isStrings, 'a JSON object of strings')) ?? {}) as Record<string, string>;
}

/** readKeptState for any shape: the value when `isShape` accepts it, null when the file is absent. */
async function readKeptJson(contentDir: string, name: string, keeps: string, ifDeleted: string, isShape: (v: unknown) => boolean, shape: string): Promise<unknown> {
  const file = path.join('state', name);
  let text: string;
  try {
    text = await readFile(path.join(contentDir, file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw keptStateError(file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, keeps, ifDeleted);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw keptStateError(file, `is not JSON (${(error as Error).message})`, keeps, ifDeleted);
  }
  if (!isShape(value)) throw keptStateError(file, `is not ${shape}`, keeps, ifDeleted);
  return value;
}

function keptStateError(file: string, what: string, keeps: string, ifDeleted: string): Error {
  return new Error(`${file} ${what}: it ${keeps}. Restore it (from git or a backup), or delete it (${ifDeleted}); nothing was written`);
}

/** A state file's JSON value (state/<name>), or `fallback` when it is absent or unreadable. */
async function readStateJson<T>(contentDir: string, name: string, fallback: T): Promise<T> {
  try {
    return JSON.parse(await readFile(path.join(contentDir, 'state', name), 'utf8')) as T;
  } catch {
    return fallback;
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
  /** The takedown log (state/takedowns.json): each takedown of overrides.json with its reason and what it removed. */
  takedowns?: unknown;
  /** Further state files: path relative to the content directory → JSON value. */
  extra?: Record<string, unknown>;
  /** Further text files (archived stories): path relative to the content directory → bytes. */
  texts?: Record<string, string>;
  /** Further files to remove (archived stories moved or gone), relative paths. */
  deletes?: string[];
}

/** Shard path of an article: articles/<UTC day it was reported>/<sourceId>.json. */
export function shardOf(article: Article): string {
  return path.join('articles', reportedAt(article).slice(0, 10), `${article.sourceId}.json`);
}

/**
 * Adds the shards holding `articles` to `puts` (path → bytes) and the stored shards that hold none of them any
 * more (an article's date moved, a takedown, pruned by retention) to `deletes`.
 */
export async function planArticleShards(contentDir: string, articles: readonly Article[], puts: Map<string, string>, deletes: string[]): Promise<void> {
  const shards = new Map<string, Article[]>();
  for (const a of articles) {
    const rel = shardOf(a);
    if (!shards.has(rel)) shards.set(rel, []);
    shards.get(rel)!.push(a);
  }
  for (const [rel, rows] of [...shards].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    rows.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    puts.set(rel, toJson(rows));
  }
  for (const file of await listFiles(path.join(contentDir, 'articles'))) {
    const rel = path.relative(contentDir, file);
    if (!shards.has(rel)) deletes.push(rel);
  }
}

/** The content's schema version: state/manifest.json. Bump it with a migration in src/io/migrate-content.ts. */
export const CONTENT_SCHEMA_VERSION = 3;

/**
 * Writes the whole content tree under `contentDir` as one transaction (src/io/journal.ts): a crash at any point
 * leaves the previous tree or, once committed, a journal the next run completes. Files whose bytes would not change
 * are left alone. Returns the number of files written or removed.
 */
export async function writeContent(contentDir: string, snap: ContentSnapshot, probe?: JournalProbe): Promise<number> {
  const puts = new Map<string, string>();
  const deletes: string[] = [];
  await planArticleShards(contentDir, snap.articles, puts, deletes);
  // A story object read by readActiveStories and kept as it was is already its file's bytes: not serialised again.
  for (const story of snap.stories) if (!storedStories.has(story)) puts.set(path.join('stories', `${story.id}.md`), serializeStory(story));
  for (const id of snap.removedStoryIds) {
    const rel = path.join('stories', `${id}.md`);
    if (!puts.has(rel) && existsSync(path.join(contentDir, rel))) deletes.push(rel);
  }
  puts.set(path.join('state', 'sources.json'), toJson(snap.sources));
  puts.set(path.join('state', 'story-index.json'), toJson(snap.index));
  puts.set(path.join('state', 'feeds.json'), toJson(snap.feeds));
  if (snap.takedowns !== undefined) puts.set(path.join('state', 'takedowns.json'), toJson(snap.takedowns));
  for (const [rel, value] of Object.entries(snap.extra ?? {})) puts.set(rel, toJson(value));
  for (const [rel, text] of Object.entries(snap.texts ?? {})) puts.set(rel, text);
  for (const rel of snap.deletes ?? []) if (!puts.has(rel) && !deletes.includes(rel) && existsSync(path.join(contentDir, rel))) deletes.push(rel);
  puts.set(path.join('state', 'run.json'), toJson(snap.run));
  puts.set(MANIFEST, toJson({ schemaVersion: CONTENT_SCHEMA_VERSION }));
  const changed: Array<{ rel: string; data: string }> = [];
  for (const [rel, data] of puts) if (readIfPresent(path.join(contentDir, rel)) !== data) changed.push({ rel, data });
  // The journal's apply step also removes a folder a delete left empty (an article day, an archive month).
  await commitPlan(contentDir, { puts: changed, deletes }, probe);
  return changed.length + deletes.length;
}

export const MANIFEST = path.join('state', 'manifest.json');

/**
 * A file's text, or null when it cannot be read. Content files are read synchronously: a run reads thousands of
 * small files one after another, where a thread-pool round trip per file costs more than the read itself.
 */
function readIfPresent(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/**
 * What state/run.json says of the last run: its clock (`now`, UTC ISO-8601) and the STORY_TEXT_VERSION its stories
 * were written with (`storyText`); each null when there was none, it is unreadable, or (storyText) an older version
 * wrote the file.
 */
export async function readLastRun(contentDir: string): Promise<{ now: string | null; storyText: number | null }> {
  const run = await readStateJson<{ now?: unknown; storyText?: unknown } | null>(contentDir, 'run.json', null);
  return {
    now: typeof run?.now === 'string' && !Number.isNaN(Date.parse(run.now)) ? run.now : null,
    storyText: typeof run?.storyText === 'number' ? run.storyText : null,
  };
}

/**
 * The stored per-feed states (state/feeds.json), by feed key; empty when absent. When the file is there but is not
 * a JSON array (cut off, edited by hand), `onUnreadable` gets one line saying so and the result is empty: the caller
 * decides what that means (ingest keeps the file aside and starts feed health over; health reports it).
 */
export async function readFeedStates(contentDir: string, onUnreadable: (message: string) => void = () => {}): Promise<Map<string, FeedState>> {
  const file = path.join(contentDir, 'state', 'feeds.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') onUnreadable(`state/feeds.json could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    return new Map();
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    onUnreadable(`state/feeds.json is not valid JSON (${(error as Error).message})`);
    return new Map();
  }
  if (!Array.isArray(data)) onUnreadable('state/feeds.json is not a JSON array of feed states');
  return parseFeedStates(data);
}

/** The stored takedown log (state/takedowns.json), or null when absent; throws Error naming the file when it is
 * unreadable or not a JSON array (readKeptState). */
export function readTakedownLog(contentDir: string): Promise<unknown> {
  return readKeptJson(contentDir, 'takedowns.json', 'records each takedown, its reason and what it removed', 'that record would start again', Array.isArray, 'a JSON array');
}

/** The editorial overrides (<content>/overrides.json); none when the file is absent; throws Error naming the file when
 * it is not JSON or not valid overrides. A leading byte order mark is passed over (RFC 8259 §8.1 lets a parser
 * ignore one; Windows Notepad writes it, and such a file had been refused as not JSON). */
export async function readOverrides(contentDir: string): Promise<Overrides> {
  const file = path.join(contentDir, 'overrides.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return NO_OVERRIDES;
  }
  // Read as the registry is (parseJson: the line and column of any syntax error, which Node 20's JSON.parse gives
  // for some errors only: an operator trial's one-line `"split": [ }` had been named with no place).
  const json = parseJson(text);
  if (!json.ok) throw new Error(`${file}: not JSON at line ${json.error.line}, column ${json.error.column} (${describeJsonError(json.error)})`);
  return parseOverrides(json.value, file);
}

/** Story redirects (state/redirects.json: merged story id → the id it leads to), {} when absent; throws Error naming
 * the file when it is unreadable or not such an object (readKeptState), or when ids lead round in a loop (a
 * hand-edit's "a" → "b" → "a", which a run had rewritten without a word as two ids leading to themselves). */
export async function readRedirects(contentDir: string): Promise<Record<string, string>> {
  const keeps = 'keeps the ids of merged-away stories leading to the stories they joined';
  const ifDeleted = 'those ids would lead nowhere';
  const redirects = await readKeptState(contentDir, 'redirects.json', keeps, ifDeleted);
  const loop = redirectLoop(redirects);
  if (loop) throw keptStateError(path.join('state', 'redirects.json'), `leads round in a loop (${loop.join(' → ')})`, keeps, ifDeleted);
  return redirects;
}

/** The first loop of ids in `redirects` (by id order), from an id back to it ("a", "b", "a"), or null when none.
 * Linear in the number of ids: each id is walked once (a chain of 6,000 had taken a minute, walked from every id). */
export function redirectLoop(redirects: Readonly<Record<string, string>>): string[] | null {
  const ends = new Set<string>(); // ids known to lead out of the file, to no loop
  for (const start of Object.keys(redirects).sort()) {
    const chain: string[] = [];
    const onChain = new Map<string, number>();
    let id: string | undefined = start;
    while (id !== undefined && !ends.has(id)) {
      const at = onChain.get(id);
      if (at !== undefined) return [...chain.slice(at), id];
      onChain.set(id, chain.length);
      chain.push(id);
      id = redirects[id];
    }
    for (const c of chain) ends.add(c);
  }
  return null;
}

/** Reads a story file and validates it (throws naming the file when it does not match StorySchema). */
export async function readStoryFile(file: string): Promise<{ story: Story; text: string }> {
  const text = readFileSync(file, 'utf8'); // synchronous: see readIfPresent
  const parsed = StorySchema.safeParse(parseStoryFile(text));
  if (!parsed.success) throw new Error(`${file}: invalid story: ${parsed.error.issues[0]?.message}`);
  return { story: parsed.data, text };
}

/** Story objects returned by readActiveStories: their files hold them, so writeContent leaves those files alone. */
const storedStories = new WeakSet<Story>();

/**
 * The stored active stories (stories/*.md), by id. A file that is unreadable or does not match StorySchema is
 * reported through `warn` and left out (the run then writes the story afresh). Passing one of these objects back to
 * writeContent unchanged (as buildStories does with its `previous` stories) keeps its file as it is, without serialising it again; the
 * objects must not be mutated.
 */
export async function readActiveStories(contentDir: string, warn: (msg: string) => void): Promise<Map<string, Story>> {
  const out = new Map<string, Story>();
  for (const id of await listActiveStoryIds(contentDir)) {
    const file = path.join(contentDir, 'stories', `${id}.md`);
    try {
      const { story } = await readStoryFile(file);
      storedStories.add(story);
      out.set(id, story);
    } catch (error) {
      // A YAML error's message does not say which file it is in.
      const message = String(error instanceof Error ? error.message : error);
      warn(`${message.startsWith(file) ? message : `${file}: ${message}`}; written afresh`);
    }
  }
  return out;
}

/** Ids of the active stories: the files in stories/ (sorted). */
export async function listActiveStoryIds(contentDir: string): Promise<string[]> {
  try {
    return (await readdir(path.join(contentDir, 'stories'))).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)).sort();
  } catch {
    return [];
  }
}

/** Path of an archived story: archive/<YYYY-MM>/<id>.md. */
export function archivePathOf(month: string, id: string): string {
  return path.join('archive', month, `${id}.md`);
}

/** Path of a month's archive index: archive/<YYYY-MM>/index.json. */
export function archiveIndexPathOf(month: string): string {
  return path.join('archive', month, 'index.json');
}

/** Archived story id → its month (YYYY-MM), from the file names under archive/ (names only, no file is read). */
export async function listArchive(contentDir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let months: string[];
  try {
    months = (await readdir(path.join(contentDir, 'archive'))).filter((m) => /^\d{4}-\d{2}$/.test(m)).sort();
  } catch {
    return out;
  }
  for (const month of months) {
    for (const f of (await readdir(path.join(contentDir, 'archive', month))).sort()) if (f.endsWith('.md')) out.set(f.slice(0, -3), month);
  }
  return out;
}

/** A month's archive index (archive/<YYYY-MM>/index.json); [] when absent; throws naming the file when invalid. */
export async function readArchiveIndex(contentDir: string, month: string): Promise<ArchiveEntry[]> {
  const file = path.join(contentDir, archiveIndexPathOf(month));
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return [];
  }
  return parseArchiveIndex(text, file);
}

/** The remembered ids of pruned articles (state/expired-undated.json), {} when absent; throws Error naming the file
 * when it is unreadable or not such an object (readKeptState). */
export function readTombstones(contentDir: string): Promise<Record<string, string>> {
  return readKeptState(contentDir, 'expired-undated.json', 'keeps the ids of pruned articles that feeds may list again', 'their feeds could bring them back as new articles and new stories');
}

/**
 * Reads the kept state files of the store (story-index.json, redirects.json, takedowns.json, expired-undated.json:
 * readKeptState) and throws the first one's Error when one is damaged; the site's topic-feeds.json is read by
 * readTopicFeeds. For `build --no-ingest`, which reads only redirects.json for the site: an operator trial's cut-off
 * story-index.json had been built and published with exit 0, and found only by the next ingest.
 */
export async function checkKeptState(contentDir: string): Promise<void> {
  await readStoryIndex(contentDir);
  await readRedirects(contentDir);
  await readTakedownLog(contentDir);
  await readTombstones(contentDir);
}

/** State file holding the fingerprint of the overrides last applied to the archive (src/core/archive-overrides.ts). */
export const ARCHIVE_OVERRIDES_STATE = path.join('state', 'archive-overrides.json');

/**
 * What state/archive-overrides.json remembers: the fingerprint of the overrides last applied to the archive (null:
 * none yet, or unreadable), the split overrides' article ids found stored so far, active or archived (so a split
 * whose article has since been archived is not reported as matching nothing), and those a split has taken out of a
 * story with other articles (separatedSplits in src/core/overrides/overrides.ts: so that a split that did its work
 * is not reported later as taking nothing out), null when the file predates that list.
 */
export async function readArchiveOverridesState(contentDir: string): Promise<{ fingerprint: string | null; matchedSplits: string[]; separatedSplits: string[] | null }> {
  const v = await readStateJson<{ fingerprint?: unknown; matchedSplits?: unknown; separatedSplits?: unknown } | null>(contentDir, 'archive-overrides.json', null);
  const strings = (x: unknown): string[] => (Array.isArray(x) ? x.filter((y): y is string => typeof y === 'string') : []);
  return {
    fingerprint: typeof v?.fingerprint === 'string' ? v.fingerprint : null,
    matchedSplits: strings(v?.matchedSplits),
    separatedSplits: Array.isArray(v?.separatedSplits) ? strings(v.separatedSplits) : null,
  };
}
