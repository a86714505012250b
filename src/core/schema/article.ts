/**
 * Article schema: one normalised feed item, as stored in content/articles/<YYYY-MM-DD>/<sourceId>.json.
 */
import { z } from 'astro/zod';

/** UTC ISO-8601 timestamp with seconds and a Z suffix, e.g. 2026-02-18T02:10:00Z. */
export const IsoUtc = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);

/** What an article's feed carries when it is not news (FeedRef.kind): the `kind` of articles and story articles. */
export const ARTICLE_KINDS = ['opinion', 'analysis'] as const;
export type ArticleKind = (typeof ARTICLE_KINDS)[number];

export const ArticleSchema = z.object({
  /** Stable id: a hash of the canonical URL (see src/core/story/ids.ts). */
  id: z.string(),
  sourceId: z.string(),
  /** Canonical URL: http(s), fragment and tracking parameters removed. */
  url: z.string().url(),
  title: z.string(),
  /** Plain text, whitespace collapsed; may be long when a feed carries full text (never displayed in full). */
  summary: z.string().nullable(),
  /** When the feed says it was published (UTC), or null when the feed gives no usable date. */
  published: IsoUtc.nullable(),
  /** When Parallax first saw the item (UTC): the run's clock. */
  firstSeen: IsoUtc,
  author: z.string().nullable(),
  image: z.string().url().nullable(),
  language: z.string().nullable(),
  categories: z.array(z.string()),
  /** What its feed carries, when not news (FeedRef.kind): "opinion" or "analysis". Absent: news. */
  kind: z.enum(ARTICLE_KINDS).optional(),
  /**
   * The feed item's guid (RSS guid, Atom id, JSON Feed id) when it identifies the item apart from its link: not the
   * item's URL itself, and named by only this item of a feed that names at least two (articleGuids,
   * src/core/feed/normalise-article.ts). An item whose link changed but whose guid did not is this article still
   * (storedAs). Absent: no such guid (most feeds use the link as guid), or stored before guids were kept.
   */
  guid: z.string().optional(),
});
export type Article = z.infer<typeof ArticleSchema>;
