/**
 * Story schema: the front matter of content/stories/<id>.md (the Markdown body repeats the summary bullets for
 * readers of the raw file; the site renders from this data).
 */
import { z } from 'astro/zod';
import { IsoUtc } from './article';
import { BIAS_VALUES } from './source';

/** The three buckets shown to readers; the 5-point to 3-bucket map is in src/core/coverage/coverage.ts. */
export const BUCKETS = ['left', 'center', 'right'] as const;
export type Bucket = (typeof BUCKETS)[number];

export const SummaryBulletSchema = z.object({
  /** One sentence quoted from an article (plain text). */
  text: z.string(),
  /** The article it was taken from. */
  articleId: z.string(),
});
export type SummaryBullet = z.infer<typeof SummaryBulletSchema>;

export const StoryArticleSchema = z.object({
  id: z.string(),
  sourceId: z.string(),
  url: z.string().url(),
  title: z.string(),
  /** Short plain-text excerpt (at most ~300 characters); never the full article text. */
  excerpt: z.string().nullable(),
  published: IsoUtc.nullable(),
  firstSeen: IsoUtc,
  /** Cosine similarity to the story centre when it joined (0..1); explains why it is here. */
  similarity: z.number(),
  /** The terms it shares most with the story centre (why it joined); empty for a lone article. */
  sharedTerms: z.array(z.string()).default([]),
});
export type StoryArticle = z.infer<typeof StoryArticleSchema>;

const counts = z.record(z.string(), z.number().int().nonnegative());

export const CoverageSchema = z.object({
  /** Distinct sources. */
  sourceCount: z.number().int(),
  articleCount: z.number().int(),
  /** Sources per bucket; `unrated` counts sources with no bias rating. */
  bias: z.object({
    left: z.number().int(),
    center: z.number().int(),
    right: z.number().int(),
    unrated: z.number().int(),
  }),
  /** Percentages of rated sources per bucket, whole numbers summing to 100 (largest remainder), or all 0. */
  biasPercent: z.object({ left: z.number().int(), center: z.number().int(), right: z.number().int() }),
  /** Sources per 5-point bias value (left … right) plus "unrated". */
  biasDetail: counts,
  /** Sources per factuality level plus "unrated". */
  factuality: counts,
  /** Sources per ownership category plus "unrated". */
  ownership: counts,
  /** Sources per ISO 3166-1 alpha-2 country plus "unknown". */
  countries: counts,
  /** The earliest article: who broke the story, and when (UTC). */
  brokeBy: z.object({ sourceId: z.string(), articleId: z.string(), at: IsoUtc }),
});
export type Coverage = z.infer<typeof CoverageSchema>;

export const StorySchema = z.object({
  /** Opaque, stable id; never changes once published. Used as RSS guid. */
  id: z.string().regex(/^[a-z0-9]+$/),
  /** Readable, cosmetic URL slug (may change). */
  slug: z.string(),
  title: z.string(),
  summary: z.array(SummaryBulletSchema),
  /** Articles, oldest first. */
  articles: z.array(StoryArticleSchema).min(1),
  firstSeen: IsoUtc,
  lastUpdated: IsoUtc,
  coverage: CoverageSchema,
  blindspot: z.enum(['left', 'right']).nullable(),
  topics: z.array(z.string()),
  /** Home-page rank score at the run's clock (see src/core/story/rank.ts). */
  score: z.number(),
});
export type Story = z.infer<typeof StorySchema>;

export { BIAS_VALUES };
