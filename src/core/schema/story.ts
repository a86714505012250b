/**
 * Story schema: the front matter of content/stories/<id>.md (the Markdown body repeats the summary bullets for
 * readers of the raw file; the site renders from this data).
 */
import { z } from 'astro/zod';
import { ARTICLE_KINDS, IsoUtc } from './article';
import { BIAS_VALUES } from './source';
import { MIN_SOURCES_FOR_STORY_PAGE } from '../config';

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
  /** The article's image at its publisher (http(s)), or null; shown only when an instance turns publisher images on. */
  image: z.string().url().nullable().default(null),
  /** The terms it shares most with the story centre (why it joined); empty for a lone article. */
  sharedTerms: z.array(z.string()).default([]),
  /** "opinion" or "analysis" when its feed carries that (the source's FeedRef.kind); absent: news. */
  kind: z.enum(ARTICLE_KINDS).optional(),
});
export type StoryArticle = z.infer<typeof StoryArticleSchema>;

const counts = z.record(z.string(), z.number().int().nonnegative());

/** A source whose bias raters disagree by BIAS_DISPUTE_STEPS or more: shown with each rating, counted on no side. */
export const DisputedSourceSchema = z.object({
  sourceId: z.string(),
  ratings: z.array(z.object({ value: z.enum(BIAS_VALUES), rater: z.string() })),
});
export type DisputedSource = z.infer<typeof DisputedSourceSchema>;

/** An article that is not its source's own reporting: wire copy ("via AP") or a near-identical copy of another's. */
export const SyndicatedArticleSchema = z.object({
  articleId: z.string(),
  sourceId: z.string(),
  /** The wire agency the article credits ("AP", "Reuters", "AFP"), or null when it only matches another article. */
  via: z.string().nullable(),
  /** The earliest near-identical article of another source, or null when only the credit says so. */
  copyOf: z.string().nullable(),
});
export type SyndicatedArticle = z.infer<typeof SyndicatedArticleSchema>;

const sides = z.object({ left: z.number().int(), center: z.number().int(), right: z.number().int() });

export const CoverageSchema = z.object({
  /** Distinct sources (aggregators excluded: they are not outlets). */
  sourceCount: z.number().int(),
  /** Articles (aggregators' excluded). */
  articleCount: z.number().int(),
  /**
   * Sources per bucket; `unrated` counts sources with no bias rating, `disputed` those whose raters disagree by
   * BIAS_DISPUTE_STEPS or more (listed in `disputed`); left + center + right + unrated + disputed = sourceCount.
   */
  bias: z.object({
    left: z.number().int(),
    center: z.number().int(),
    right: z.number().int(),
    unrated: z.number().int(),
    disputed: z.number().int().default(0),
  }),
  /** Percentages of rated sources per bucket, whole numbers, each rounded on its own (coverage.ts `percentages`:
   * equal counts equal, the sum within a point or two of 100), or all 0. */
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
  /** Disputed sources with each rater's rating (not averaged into a side). */
  disputed: z.array(DisputedSourceSchema).default([]),
  /** Aggregator sources (Google News, Reddit…) whose articles are in the story but in none of the counts. */
  aggregators: z.number().int().default(0),
  /** Sources that ran their own reporting (at least one article that is not wire or copied text); null: not computed. */
  ownReporting: z.number().int().nullable().default(null),
  /** Articles that are wire copy or near-identical copies, oldest first. */
  syndicated: z.array(SyndicatedArticleSchema).default([]),
  /**
   * Rated sources per side as the blindspot rule counts them: neither disputed nor of low factuality
   * (BLINDSPOT_IGNORED_FACTUALITY); null: not computed (the rule then uses `bias`).
   */
  blindspotBasis: sides.nullable().default(null),
});
export type Coverage = z.infer<typeof CoverageSchema>;

export const StorySchema = z.object({
  /** Opaque, stable id; never changes once published. Used as RSS guid. */
  id: z.string().regex(/^[a-z0-9]+$/),
  /** Readable, cosmetic URL slug (may change). */
  slug: z.string(),
  title: z.string(),
  /** Set (true) only when the headline is an editor's, pinned in overrides.json (`headline`): no source wrote it. */
  titlePinned: z.literal(true).optional(),
  summary: z.array(SummaryBulletSchema),
  /** Articles, oldest first. */
  articles: z.array(StoryArticleSchema).min(1),
  firstSeen: IsoUtc,
  lastUpdated: IsoUtc,
  coverage: CoverageSchema,
  blindspot: z.enum(['left', 'right']).nullable(),
  /** Feed categories shared by the story's articles, then its key terms (src/core/story/topics.ts). */
  topics: z.array(z.string()),
  /** Ids of other stories closest to this one (centroid cosine, most similar first); empty when none. */
  similar: z.array(z.string()).default([]),
  /**
   * Set (true) only on a story with fewer than MIN_SOURCES_FOR_STORY_PAGE sources that has had a page: a published
   * story keeps its page and URL for good (an editor's split or a takedown can take its sources below the bar).
   * See hasStoryPage.
   */
  paged: z.literal(true).optional(),
  // No rank score is stored: it decays with the clock, so the site computes it at build time (src/site/data.ts,
  // src/core/story/rank.ts) and a story's file changes only when the story does. Files written before keep a
  // `score` key, which parsing drops.
});
export type Story = z.infer<typeof StorySchema>;

export { BIAS_VALUES };

/**
 * Whether a story has its own page (and story feeds): from MIN_SOURCES_FOR_STORY_PAGE distinct sources
 * (src/core/config.ts: comparing coverage needs two sides), or once it has had one (`paged`: a published URL never
 * breaks).
 */
export function hasStoryPage(story: Pick<Story, 'coverage' | 'paged'>): boolean {
  return story.coverage.sourceCount >= MIN_SOURCES_FOR_STORY_PAGE || story.paged === true;
}
