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
  /** Date the rating was published or captured, ISO-8601 calendar date (YYYY-MM-DD; a real day: no 2023-13-45). */
  asOf: z.string().date(),
};

export const BiasRatingSchema = z.object({ value: z.enum(BIAS_VALUES), ...attribution });
export type BiasRating = z.infer<typeof BiasRatingSchema>;

export const FactualityRatingSchema = z.object({ value: z.enum(FACTUALITY_VALUES), ...attribution });
export type FactualityRating = z.infer<typeof FactualityRatingSchema>;

export const OwnershipSchema = z.object({
  /** Owner's name, e.g. "British Broadcasting Corporation". */
  owner: z.string().min(1),
  category: z.enum(OWNERSHIP_CATEGORIES),
  /**
   * Where the ownership fact comes from (a URL a reader can check: the outlet's about or imprint page, a filing), or
   * null. Null with a null `attribution` (set by hand, from nowhere named) passes, with the `sources check` warning
   * ownership_without_source, as a rating without a url does: the value is kept, the reader cannot check it.
   */
  sourceUrl: z.string().url().nullable().default(null),
  /**
   * Who supplied the fact, by name (e.g. "Kite media_data.json (kagisearch/kite-public, MIT)"), or null when it was
   * set by hand. `parallax sources import --ownership` records it.
   */
  attribution: z.string().min(1).nullable().default(null),
});
type OwnershipParsed = z.infer<typeof OwnershipSchema>;
/** Parsed ownership; `attribution` is always present after parsing, optional for values built in code. */
export type Ownership = Omit<OwnershipParsed, 'attribution'> & { attribution?: string | null };

/**
 * What a feed carries. Raters rate an outlet's news and its opinion pages differently, so a feed says which it is.
 * - news: reporting (the default);
 * - opinion: columns, editorials, op-eds;
 * - analysis: explainers, newsletters, long-form commentary on the news.
 */
export const FEED_KINDS = ['news', 'opinion', 'analysis'] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

/**
 * Labels that say something about a source but are not a position on the bias scale (never mapped to a side):
 * - aggregator: republishes other outlets' links or posts (Google News, Reddit, Hacker News, Nitter…): not an
 *   outlet, so it is kept out of every coverage count;
 * - satire: MBFC "Satire";
 * - conspiracy-pseudoscience: MBFC "Conspiracy-Pseudoscience";
 * - fake-news: MBFC "Questionable Sources" (its data calls the label fake-news);
 * - pro-science: MBFC "Pro-Science";
 * - mixed-bias: AllSides "Mixed" (an outlet whose bias varies; AllSides gives it no position).
 */
export const SOURCE_FLAGS = ['aggregator', 'satire', 'conspiracy-pseudoscience', 'fake-news', 'pro-science', 'mixed-bias'] as const;
export type SourceFlagValue = (typeof SOURCE_FLAGS)[number];

export const SourceFlagSchema = z.object({
  value: z.enum(SOURCE_FLAGS),
  /** Who says so: a rater's name, or "Parallax" for Parallax's own rules (the aggregator domain list in config). */
  rater: z.string().min(1),
  url: z.string().url().nullable().default(null),
  /** Date of the rater's data (YYYY-MM-DD, a real day), or null for a rule. */
  asOf: z.string().date().nullable().default(null),
});
export type SourceFlag = z.infer<typeof SourceFlagSchema>;

/** What a source's `country` must be (the schema's message, so `sources check` and ingest say it alike). */
export const COUNTRY_EXPECTED = 'expected an ISO 3166-1 alpha-2 country code in upper case, e.g. "US", "GB", "GR"';

/** What a source's `timeZone` must be (see isTimeZone). */
export const TIME_ZONE_EXPECTED = 'expected an IANA time zone name such as "Asia/Tokyo" or "UTC", or a UTC offset such as "+05:30"';

/**
 * A UTC offset as the feed parser reads one (src/core/feed/parse-date.ts, offsetMinutes): "+05:30", "+0530" or "+05",
 * hours 00–14 (ISO 8601 offsets; UTC+14 is the largest in use).
 */
const UTC_OFFSET = /^[+-](?:0\d|1[0-4])(?::?[0-5]\d)?$/;

/**
 * True when `zone` names a time zone the feed parser can apply: a UTC offset ("+05:30", see UTC_OFFSET) or a name
 * that ECMA-402 accepts, i.e. `new Intl.DateTimeFormat('en', { timeZone: zone })` does not throw RangeError (IANA
 * names, matched case-insensitively, with their aliases such as "UTC", "Etc/UTC" or "Asia/Calcutta").
 * `Intl.supportedValuesOf('timeZone')` is not the test: it lists canonical names only, without "UTC".
 * Zone abbreviations that only the date parser's table knows ("AEST", "PDT") are refused: they carry no daylight-saving
 * rule, so a source's dates would be an hour off half the year. Never throws.
 */
export function isTimeZone(zone: string): boolean {
  if (UTC_OFFSET.test(zone)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const FeedRefSchema = z.object({
  /** Live feed URL (http or https). */
  url: z.string().url(),
  /** File name of the captured copy in the bundled snapshot folder, if any. */
  file: z.string().nullable().default(null),
  /** Optional topic of the feed (e.g. "world", "tech"). */
  topic: z.string().nullable().default(null),
  /** What the feed carries (see FEED_KINDS); "news" when not said. */
  kind: z.enum(FEED_KINDS).default('news'),
});
type FeedRefParsed = z.infer<typeof FeedRefSchema>;
/** Parsed feed reference; `kind` is always present after parsing, optional for values built in code. */
export type FeedRef = Omit<FeedRefParsed, 'kind'> & { kind?: FeedKind };

/** A source id: a slug of lower-case ASCII letters and digits, words joined by single hyphens ("the-guardian"). */
const SOURCE_ID = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters a-z and digits, words joined by single hyphens (e.g. "bravo-news")');

export const SourceSchema = z.object({
  /** Slug, unique in the registry: lowercase ASCII letters, digits and hyphens. */
  id: SOURCE_ID,
  name: z.string().min(1),
  homepage: z.string().url(),
  feeds: z.array(FeedRefSchema).min(1),
  /** ISO 3166-1 alpha-2 country code (upper case), or null when unknown. */
  country: z.string().regex(/^[A-Z]{2}$/, COUNTRY_EXPECTED).nullable().default(null),
  /** BCP 47 language tag, e.g. "en". */
  language: z.string().min(2).default('en'),
  /** Bias ratings; empty means unrated (a value, not an error). */
  bias: z.array(BiasRatingSchema).default([]),
  /** Factuality ratings; empty means unrated. */
  factuality: z.array(FactualityRatingSchema).default([]),
  ownership: OwnershipSchema.nullable().default(null),
  /**
   * Time zone for the source's dates written without one (IANA name such as "Asia/Tokyo", or "+05:30"); null: UTC.
   * Passed to the feed parser (src/core/feed/parse-feed.ts, option timeZone). Must pass isTimeZone: a misspelt name
   * ("Asia/Tokio") had been read as UTC without a word, putting every zone-less date hours off.
   */
  timeZone: z.string().refine(isTimeZone, TIME_ZONE_EXPECTED).nullable().optional(),
  /** True for sources made up at run time from a feed that is not in the registry. */
  discovered: z.boolean().default(false),
  /** Labels that are not a bias position (see SOURCE_FLAGS), each attributed; empty when none. */
  flags: z.array(SourceFlagSchema).default([]),
  /**
   * Ids this source had before (ids are permanent: change the name, not the id). Stored articles under a former id
   * become this source's on the next run (src/core/registry/former-ids.ts); archived stories keep the id they were
   * written with. Absent: none.
   */
  formerIds: z.array(SOURCE_ID).optional(),
});
type SourceParsed = z.infer<typeof SourceSchema>;
/**
 * A parsed source. The fields added after the first release (`flags`, feeds' `kind`, ownership `attribution`) are
 * always present after parsing and optional in this type, so sources built in code need not spell them out; read
 * them through sourceFlags() / feedKind().
 */
export type Source = Omit<SourceParsed, 'feeds' | 'ownership' | 'flags'> & {
  feeds: FeedRef[];
  ownership: Ownership | null;
  flags?: SourceFlag[];
};
export type SourceInput = z.input<typeof SourceSchema>;

export const RegistrySchema = z.array(SourceSchema);

/** A source's flags ([] when none or when built in code without them). */
export function sourceFlags(source: Pick<Source, 'flags'> | undefined): SourceFlag[] {
  return source?.flags ?? [];
}

/** True when the source carries `flag`. */
export function hasFlag(source: Pick<Source, 'flags'> | undefined, flag: SourceFlagValue): boolean {
  return sourceFlags(source).some((f) => f.value === flag);
}

/** A feed's kind ("news" when not said). */
export function feedKind(feed: Pick<FeedRef, 'kind'>): FeedKind {
  return feed.kind ?? 'news';
}
