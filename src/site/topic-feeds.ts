/**
 * The record of the topics that have had feeds: <content>/state/topic-feeds.json, a JSON array of
 * `{ "slug": "elections", "name": "Elections" }` in slug order (code points), written by the ingest in its one
 * transaction (src/pipeline.ts, with the other state files; re-runs give the same bytes) and read by the build.
 *
 * A topic gets /topic/<slug>/rss.xml and feed.json once it has TOPIC_PAGE_MIN_STORIES listed stories, live and
 * archived together (feedTopics, src/site/topics.ts); from then on it keeps them, empty when no live story has it.
 * Counting alone cannot promise that: an editor's merge or takedown (overrides.json) can take a topic below the bar,
 * and its feeds had become 404s for their subscribers. The record is what the counts cannot forget. The ingest
 * writes it, not the build, because publish.yml commits content/ before it builds: only the ingest's files persist.
 *
 * Pure functions (parse, serialise, the next record) and two reads at the edge; nothing here writes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { collapseWhitespace } from '../core/feed/clean-text';
import { describeJsonError, parseJson } from '../core/registry/json-syntax';
import { parseArchiveIndex, type ArchiveEntry } from '../core/schema/archive';
import type { Story } from '../core/schema/story';
import { archiveMonths, archivedTopicCounts, countArchivedTopics } from './archive';
import { withRankScores, type RankedStory } from './stories';
import { feedTopics, topicSlug } from './topics';

/** The record's path in the content directory. */
export const TOPIC_FEEDS_STATE = path.join('state', 'topic-feeds.json');

/** One recorded topic: its URL slug (topicSlug) and display name (topicName). */
export interface TopicFeedEntry {
  slug: string;
  name: string;
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Slug → name from the record's JSON value, and how many entries were skipped; null when it is not an array (an
 * unreadable record). Kept: `{ slug: string, name: string }` whose slug is a topic slug as topicSlug makes them (it
 * gives itself back: lower-case, no "/", "." or ".."; a hand-edited ".." had written its empty feed over the site's
 * own /rss.xml, and a "/" stopped every build), the name cleaned as feed text is (collapseWhitespace: control and
 * bidi override characters removed). Never throws.
 */
export function parseTopicFeeds(value: unknown): { topics: Map<string, string>; skipped: number } | null {
  if (!Array.isArray(value)) return null;
  const topics = new Map<string, string>();
  let skipped = 0;
  for (const e of value as unknown[]) {
    const { slug, name } = (e ?? {}) as Partial<Record<keyof TopicFeedEntry, unknown>>;
    const cleanName = typeof name === 'string' ? collapseWhitespace(name) : '';
    if (typeof slug === 'string' && slug && topicSlug(slug) === slug && cleanName) topics.set(slug, cleanName);
    else skipped++;
  }
  return { topics, skipped };
}

/** The record as written: one entry per topic, in slug order (code points), so equal records are equal bytes. */
export function topicFeedsJson(topics: ReadonlyMap<string, string>): TopicFeedEntry[] {
  return [...topics].sort(([a], [b]) => byCodePoint(a, b)).map(([slug, name]) => ({ slug, name }));
}

/**
 * The record after an ingest run (pure): the topics the build of this content will give feeds (feedTopics: `stories`,
 * the run's active stories, ranked at the run's clock `now`, UTC ISO-8601, as the build ranks them; `archive`, every
 * archive month's index entries as the run leaves them, oldest month first) with every topic `recorded` before.
 * A topic is never dropped.
 */
export function nextTopicFeeds(stories: readonly Story[], now: string, archive: Iterable<readonly ArchiveEntry[]>, recorded: ReadonlyMap<string, string>): Map<string, string> {
  return feedTopics(withRankScores(stories, now), countArchivedTopics(archive), recorded);
}

/**
 * Reads the record of `contentDir` (slug → name). Absent: empty (content written before the record existed). Throws
 * Error naming the file when it is unreadable, not JSON or not an array: it keeps the feeds and pages of topics below
 * the bar, which nothing else can rebuild (read as empty, a hostile pass's cut-off record had taken those pages and
 * feeds away with exit 0), so the run and `build --no-ingest` stop, as on the other kept state files
 * (src/io/content-store.ts, readKeptState); so does an entry that is not { slug, name } with a topic slug.
 */
export function readTopicFeeds(contentDir: string): Map<string, string> {
  const damaged = (what: string): Error =>
    new Error(`${TOPIC_FEEDS_STATE} ${what}: it keeps the feeds and pages of the topics that have had them. Restore it (from git or a backup), or delete it (topics with too few stories would lose their pages and feeds); nothing was written`);
  let text: string;
  try {
    text = fs.readFileSync(path.join(contentDir, TOPIC_FEEDS_STATE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw damaged(`cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  // Read as overrides.json is (parseJson: a byte order mark passed over, a syntax error named by line and column).
  const json = parseJson(text);
  if (!json.ok) throw damaged(`is not JSON at line ${json.error.line}, column ${json.error.column} (${describeJsonError(json.error)})`);
  const parsed = parseTopicFeeds(json.value);
  if (!parsed) throw damaged('is not a JSON array of { slug, name }');
  // Skipped, an entry would be forgotten by the run's rewrite, its page and feeds with it (a second hostile pass's).
  if (parsed.skipped) throw damaged(`has ${parsed.skipped} entr${parsed.skipped === 1 ? 'y' : 'ies'} that ${parsed.skipped === 1 ? 'is' : 'are'} not { slug, name } with a topic slug (lower-case, no "/", "." or "..")`);
  return parsed.topics;
}

/**
 * Every archive month's index entries once a run's archive writes are applied (`writes`: archive/<YYYY-MM>/index.json
 * → entries written, and the paths deleted, as archiveStories returns them), oldest month first. The other months
 * are read from `contentDir` (validated; throws naming the file when one is invalid, as the ingest's other reads do).
 */
export function archiveAfterRun(contentDir: string, writes: { indexes: Readonly<Record<string, readonly ArchiveEntry[]>>; deletes: readonly string[] }): Array<readonly ArchiveEntry[]> {
  const indexPath = (month: string): string => path.join('archive', month, 'index.json');
  const months = new Set(archiveMonths(contentDir));
  for (const rel of Object.keys(writes.indexes)) months.add(path.basename(path.dirname(rel)));
  const gone = new Set(writes.deletes);
  const out: Array<readonly ArchiveEntry[]> = [];
  for (const month of [...months].sort(byCodePoint)) {
    const rel = indexPath(month);
    const written = writes.indexes[rel];
    if (written) out.push(written);
    else if (!gone.has(rel)) {
      const file = path.join(contentDir, rel);
      out.push(parseArchiveIndex(fs.readFileSync(file, 'utf8'), file));
    }
  }
  return out;
}

const recordMemo = new Map<string, Map<string, string>>();

/**
 * The build's topics with feeds (slug → name): feedTopics of the live `stories`, the archive of `contentDir`
 * (archivedTopicCounts) and its record (readTopicFeeds); the record is read once per build.
 */
export function siteFeedTopics(stories: readonly RankedStory[], contentDir: string): Map<string, string> {
  let recorded = recordMemo.get(contentDir);
  if (!recorded) recordMemo.set(contentDir, (recorded = readTopicFeeds(contentDir)));
  return feedTopics(stories, archivedTopicCounts(contentDir), recorded);
}
