/**
 * The story archive: stories whose articles have all left the clustering window.
 *
 * Layout in the content directory (written by the pipeline, read by the site build):
 *   archive/<YYYY-MM>/<id>.md      the archived story, same format as stories/<id>.md (StorySchema); the month is
 *                                  the UTC month of the story's lastUpdated, fixed once it is archived
 *   archive/<YYYY-MM>/index.json   ArchiveEntry[] of that month, newest lastUpdated first, ties by id (code points):
 *                                  what archive lists (by month, by topic, by source) need without reading the stories
 * A month is a partition: its pages are built once and kept (frozen) until the templates change or a story file of
 * that month changes (an editor's override).
 */
import { z } from 'astro/zod';
import type { Story } from './story';

export const ArchiveEntrySchema = z.object({
  /** The story's opaque id (its URL is /story/<id>/). */
  id: z.string().regex(/^[a-z0-9]+$/),
  slug: z.string(),
  title: z.string(),
  /** UTC ISO-8601. */
  firstSeen: z.string(),
  /** UTC ISO-8601; its month names the partition. */
  lastUpdated: z.string(),
  sourceCount: z.number().int(),
  articleCount: z.number().int(),
  /** Rated sources by side, as in the story's coverage.bias. */
  bias: z.object({ left: z.number().int(), center: z.number().int(), right: z.number().int(), unrated: z.number().int() }),
  blindspot: z.enum(['left', 'right']).nullable(),
  topics: z.array(z.string()),
  /** Distinct source ids of the story's articles, code-point order. */
  sourceIds: z.array(z.string()),
  /** As the story's `paged`: it keeps the page it had with fewer sources now (hasStoryPage). */
  paged: z.literal(true).optional(),
});
export type ArchiveEntry = z.infer<typeof ArchiveEntrySchema>;

export const ArchiveIndexSchema = z.array(ArchiveEntrySchema);

/**
 * A month's archive index from the text of its file (archive/<YYYY-MM>/index.json); throws Error naming `file` when
 * the text is not JSON or not an index (a cut-off index had stopped a run with JSON.parse's message alone).
 */
export function parseArchiveIndex(text: string, file: string): ArchiveEntry[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not JSON (${(error as Error).message}); restore it from git or a backup`);
  }
  const parsed = ArchiveIndexSchema.safeParse(value);
  if (!parsed.success) throw new Error(`${file}: invalid archive index: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** The archive partition (UTC month, "YYYY-MM") a story belongs to once archived: the month of its lastUpdated. */
export function archiveMonthOf(story: Pick<Story, 'lastUpdated'>): string {
  return story.lastUpdated.slice(0, 7);
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The compact index entry of an archived story (pure). */
export function archiveEntryOf(story: Story): ArchiveEntry {
  const { left, center, right, unrated } = story.coverage.bias;
  return {
    id: story.id,
    slug: story.slug,
    title: story.title,
    firstSeen: story.firstSeen,
    lastUpdated: story.lastUpdated,
    sourceCount: story.coverage.sourceCount,
    articleCount: story.coverage.articleCount,
    bias: { left, center, right, unrated },
    blindspot: story.blindspot,
    topics: story.topics,
    sourceIds: [...new Set(story.articles.map((a) => a.sourceId))].sort(byCodePoint),
    ...(story.paged ? { paged: true as const } : {}),
  };
}

/** Sorts one month's entries as index.json stores them: newest lastUpdated first, ties by id (code points). */
export function sortArchiveEntries(entries: readonly ArchiveEntry[]): ArchiveEntry[] {
  return [...entries].sort((a, b) => byCodePoint(b.lastUpdated, a.lastUpdated) || byCodePoint(a.id, b.id));
}
