/**
 * Source (outlet) registry schema: one zod schema per concept, shared by the pipeline (which validates the
 * registry it reads) and by Astro's content collections (src/content.config.ts).
 *
 * Rating vocabularies follow the raters whose data the bundled registry cites:
 * - bias: AllSides' 5-point scale (Left, Lean Left, Center, Lean Right, Right), https://www.allsides.com/media-bias/ratings
 * - factuality: Media Bias/Fact Check "Factual Reporting" levels, https://mediabiasfactcheck.com/methodology/
 */
import { z } from 'astro/zod';

/** AllSides' 5-point bias scale, in left-to-right order. */
export const BIAS_VALUES = ['left', 'lean-left', 'center', 'lean-right', 'right'] as const;
export type Bias = (typeof BIAS_VALUES)[number];

/** MBFC's factual-reporting levels, best first. */
export const FACTUALITY_VALUES = ['very-high', 'high', 'mostly-factual', 'mixed', 'low', 'very-low'] as const;
export type Factuality = (typeof FACTUALITY_VALUES)[number];

/** Ownership categories (after Kite's media_data.json typology, refined: public broadcasters are not "state-funded"). */
export const OWNERSHIP_CATEGORIES = [
  'independent',
  'corporation',
  'private-equity',
  'billionaire',
  'state-funded',
  'public-broadcaster',
  'non-profit',
  'government',
] as const;
export type OwnershipCategory = (typeof OWNERSHIP_CATEGORIES)[number];

/** Who rated, where the rating can be checked, and when it was made (YYYY-MM-DD). */
const attribution = {
  /** Rater name, e.g. "AllSides" or "Media Bias/Fact Check". */
  rater: z.string().min(1),
  /** Page of the rating at the rater, when known. */
  url: z.string().url().nullable().default(null),
  /** Date the rating was published or captured, ISO-8601 date (YYYY-MM-DD). */
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
};

export const BiasRatingSchema = z.object({ value: z.enum(BIAS_VALUES), ...attribution });
export type BiasRating = z.infer<typeof BiasRatingSchema>;

export const FactualityRatingSchema = z.object({ value: z.enum(FACTUALITY_VALUES), ...attribution });
export type FactualityRating = z.infer<typeof FactualityRatingSchema>;

export const OwnershipSchema = z.object({
  /** Owner's name, e.g. "British Broadcasting Corporation". */
  owner: z.string().min(1),
  category: z.enum(OWNERSHIP_CATEGORIES),
  /** Where the ownership fact comes from (a URL), or null. */
  sourceUrl: z.string().url().nullable().default(null),
});
export type Ownership = z.infer<typeof OwnershipSchema>;

export const FeedRefSchema = z.object({
  /** Live feed URL (http or https). */
  url: z.string().url(),
  /** File name of the captured copy in the bundled snapshot folder, if any. */
  file: z.string().nullable().default(null),
  /** Optional topic of the feed (e.g. "world", "tech"). */
  topic: z.string().nullable().default(null),
});
export type FeedRef = z.infer<typeof FeedRefSchema>;

export const SourceSchema = z.object({
  /** Slug, unique in the registry: lowercase ASCII letters, digits and hyphens. */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  name: z.string().min(1),
  homepage: z.string().url(),
  feeds: z.array(FeedRefSchema).min(1),
  /** ISO 3166-1 alpha-2 country code (upper case), or null when unknown. */
  country: z.string().regex(/^[A-Z]{2}$/).nullable().default(null),
  /** BCP 47 language tag, e.g. "en". */
  language: z.string().min(2).default('en'),
  /** Bias ratings; empty means unrated (a value, not an error). */
  bias: z.array(BiasRatingSchema).default([]),
  /** Factuality ratings; empty means unrated. */
  factuality: z.array(FactualityRatingSchema).default([]),
  ownership: OwnershipSchema.nullable().default(null),
  /** True for sources made up at run time from a feed that is not in the registry. */
  discovered: z.boolean().default(false),
});
export type Source = z.infer<typeof SourceSchema>;
export type SourceInput = z.input<typeof SourceSchema>;

export const RegistrySchema = z.array(SourceSchema);
