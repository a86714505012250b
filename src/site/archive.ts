/**
 * The archive as the site sees it: months (partitions) and their index files (<content>/archive/<YYYY-MM>/index.json,
 * ArchiveEntry[], src/core/schema/archive.ts). Every archive list — the month list, a month by topic or by source,
 * the live topic and source pages' links into the archive — is built from these small files, never from the
 * archived story files, so the hourly build stays bounded by the index size (~0.5 KB per story), not the archive.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArchiveIndex, type ArchiveEntry } from '../core/schema/archive';
import { ARCHIVE_PAGE_SIZE, ARCHIVE_TOPIC_PAGE_MIN, MIN_SOURCES_FOR_STORY_PAGE } from '../core/config';
import { topicName, topicSlug } from './topics';

export { ARCHIVE_PAGE_SIZE, ARCHIVE_TOPIC_PAGE_MIN };

const MONTH_DIR = /^\d{4}-(?:0[1-9]|1[0-2])$/;
const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Months that have an index file, newest first ("YYYY-MM"). */
export function archiveMonths(contentDir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(path.join(contentDir, 'archive'));
  } catch {
    return [];
  }
  return names
    .filter((m) => MONTH_DIR.test(m) && fs.existsSync(path.join(contentDir, 'archive', m, 'index.json')))
    .sort()
    .reverse();
}

const indexMemo = new Map<string, ArchiveEntry[]>();

/** One month's index entries as stored (newest first); validated; read once per build. Absent file: []. */
export function readArchiveIndex(contentDir: string, month: string): ArchiveEntry[] {
  const file = path.join(contentDir, 'archive', month, 'index.json');
  let entries = indexMemo.get(file);
  if (!entries) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return [];
    }
    entries = parseArchiveIndex(text, file);
    indexMemo.set(file, entries);
  }
  return entries;
}

/** Whether an archived story has a page (the rule of hasStoryPage for live stories, src/core/schema/story.ts). */
export function entryHasPage(entry: Pick<ArchiveEntry, 'sourceCount' | 'paged'>): boolean {
  return entry.sourceCount >= MIN_SOURCES_FOR_STORY_PAGE || entry.paged === true;
}

const listedMemo = new WeakMap<ArchiveEntry[], ArchiveEntry[]>();

/**
 * The month's stories that have a page, in index order (newest lastUpdated first, ties by id); the same array for
 * the same index, so per-month groupings (entriesByTopic) are computed once per build, not once per page.
 */
export function listedEntries(contentDir: string, month: string): ArchiveEntry[] {
  const all = readArchiveIndex(contentDir, month);
  let listed = listedMemo.get(all);
  if (!listed) listedMemo.set(all, (listed = all.filter(entryHasPage)));
  return listed;
}

export interface EntryGroup {
  /** Topic slug or source id. */
  key: string;
  name: string;
  entries: ArchiveEntry[];
}

const topicMemo = new WeakMap<readonly ArchiveEntry[], EntryGroup[]>();

/** A month's listed stories by topic slug (code-point order), each list in index order; names as on live pages. */
export function entriesByTopic(entries: readonly ArchiveEntry[]): EntryGroup[] {
  let groups = topicMemo.get(entries);
  if (!groups) topicMemo.set(entries, (groups = groupByTopic(entries)));
  return groups;
}

/**
 * Whether a month's topic (its group, or its story count) has its own page and a place on the month's topic index:
 * at least ARCHIVE_TOPIC_PAGE_MIN stories (src/core/config.ts). Rarer topics have no archive page.
 */
export function hasTopicPage(group: Pick<EntryGroup, 'entries'> | number): boolean {
  return (typeof group === 'number' ? group : group.entries.length) >= ARCHIVE_TOPIC_PAGE_MIN;
}

/** Site path of a month's topic page when the topic has one (`count`: its stories that month), else undefined. */
export function archiveTopicHref(month: string, slug: string, count: number): string | undefined {
  return hasTopicPage(count) ? archiveGroupPath(month, 'topic', slug) : undefined;
}

function groupByTopic(entries: readonly ArchiveEntry[]): EntryGroup[] {
  const bySlug = new Map<string, EntryGroup>();
  for (const e of entries) {
    const seen = new Set<string>();
    for (const t of [...new Set(e.topics.map((x) => x.trim()).filter(Boolean))].sort(byCodePoint)) {
      const slug = topicSlug(t);
      if (seen.has(slug)) continue;
      seen.add(slug);
      const g = bySlug.get(slug);
      if (g) g.entries.push(e);
      else bySlug.set(slug, { key: slug, name: topicName(t), entries: [e] });
    }
  }
  return [...bySlug.values()].sort((a, b) => byCodePoint(a.key, b.key));
}

const topicCountMemo = new Map<string, Map<string, { name: string; count: number }>>();

/**
 * Topic slug → its display name and how many listed archived stories have it, over every month (entriesByTopic of
 * each); read once per build. What keeps a topic's feeds once its stories leave the live site (feedTopics).
 */
export function archivedTopicCounts(contentDir: string): Map<string, { name: string; count: number }> {
  let counts = topicCountMemo.get(contentDir);
  if (!counts) {
    counts = countArchivedTopics([...archiveMonths(contentDir)].reverse().map((month) => readArchiveIndex(contentDir, month)));
    topicCountMemo.set(contentDir, counts);
  }
  return counts;
}

/**
 * Topic slug → display name and count of the listed stories (entryHasPage) of `months`: each month's index entries
 * (ArchiveEntry[]), oldest month first; a topic's name is its first spelling there (entriesByTopic). Pure: what
 * archivedTopicCounts computes from the files, and what the ingest computes from the indexes it is about to write
 * (src/site/topic-feeds.ts).
 */
export function countArchivedTopics(months: Iterable<readonly ArchiveEntry[]>): Map<string, { name: string; count: number }> {
  const counts = new Map<string, { name: string; count: number }>();
  for (const entries of months) {
    for (const g of groupByTopic(entries.filter(entryHasPage))) {
      const c = counts.get(g.key);
      if (c) c.count += g.entries.length;
      else counts.set(g.key, { name: g.name, count: g.entries.length });
    }
  }
  return counts;
}

/** Source id → how many of the month's listed stories have an article from it. */
export function countBySource(entries: readonly ArchiveEntry[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of entries) for (const id of e.sourceIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

export interface MonthSummary {
  month: string;
  /** Stories with a page. */
  stories: number;
  /** Topic slug → listed stories of the month with that topic. */
  topics: Map<string, number>;
  /** Source id → listed stories of the month with an article from it. */
  sources: Map<string, number>;
}

let summaryMemo: { dir: string; months: MonthSummary[] } | undefined;

/** Every month's counts, newest month first (the live build's view of the archive; reads only index files). */
export function archiveSummary(contentDir: string): MonthSummary[] {
  if (summaryMemo?.dir === contentDir) return summaryMemo.months;
  const months = archiveMonths(contentDir).map((month) => {
    const entries = listedEntries(contentDir, month);
    const topics = new Map(entriesByTopic(entries).map((g) => [g.key, g.entries.length]));
    const sources = countBySource(entries);
    indexMemo.delete(path.join(contentDir, 'archive', month, 'index.json')); // keep only the counts in memory
    return { month, stories: entries.length, topics, sources };
  });
  summaryMemo = { dir: contentDir, months };
  return months;
}

/** "2026-01" → "January 2026" (UTC month names in English, as the rest of the site). */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' })} ${y}`;
}

/** Site path of a month's list page (page 1 has no number). */
export function archiveMonthPath(month: string, page = 1): string {
  return page <= 1 ? `archive/${month}/` : `archive/${month}/${page}/`;
}

/** Site path of a month's topic index. */
export function archiveTopicsPath(month: string): string {
  return `archive/${month}/topics/`;
}

/** Site path of a month's list by topic. */
export function archiveGroupPath(month: string, kind: 'topic', key: string, page = 1): string {
  return `archive/${month}/${kind}/${key}/${page <= 1 ? '' : `${page}/`}`;
}

/** Site path of a partition's Pagefind bundle (merged into the search page's index with Pagefind's mergeIndex). */
export function archivePagefindPath(month: string): string {
  return `archive/${month}/pagefind/`;
}
