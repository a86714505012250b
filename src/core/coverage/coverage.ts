/**
 * Coverage details of a story: who covers it, from which side, how factual, who owns them, from where, and who
 * broke it. Pure: takes the story's articles and the registry, returns counts.
 */
import { BIAS_DISPUTE_STEPS, BLINDSPOT_IGNORED_FACTUALITY, WIRE_AGENCIES, WIRE_UNCREDITED_MIN_STORIES } from '../config';
import { aggregatorOf, hostMatches, hostOf } from '../registry/domain';
import type { ArticleKind } from '../schema/article';
import type { Bucket, Coverage, DisputedSource } from '../schema/story';
import { BIAS_VALUES, FACTUALITY_VALUES, hasFlag, type Bias, type Factuality, type Source } from '../schema/source';
import { detectSyndication, type SyndicationResult } from './syndication';

/** The article fields coverage needs (title, summary and author let it find syndicated copy). */
export interface CoverageArticle {
  id: string;
  sourceId: string;
  /** UTC ISO-8601 or null. */
  published: string | null;
  /** UTC ISO-8601. */
  firstSeen: string;
  title?: string;
  summary?: string | null;
  /** "opinion" or "analysis" when its feed carries that; absent: news. */
  kind?: ArticleKind;
  author?: string | null;
  /** The article's link: some outlets file wire copy under a path of its own (WIRE_URL_PATHS, syndication.ts). */
  url?: string;
}

/**
 * 5-point bias (AllSides' scale) to the 3 buckets readers see: Left and Lean Left → left, Center → center,
 * Lean Right and Right → right (the grouping Ground News and AllSides use for their distribution bars).
 */
export const BUCKET_OF_BIAS: Readonly<Record<Bias, Bucket>> = {
  left: 'left',
  'lean-left': 'left',
  center: 'center',
  'lean-right': 'right',
  right: 'right',
};

/**
 * A source's 5-point bias: the median of its raters' positions (lower median when even), or null when unrated.
 * Several raters stay apart in the registry; issue-level disputes are shown on the source page.
 */
export function sourceBias(source: Pick<Source, 'bias'> | undefined): Bias | null {
  if (!source || source.bias.length === 0) return null;
  const positions = source.bias.map((r) => BIAS_VALUES.indexOf(r.value)).sort((a, b) => a - b);
  return BIAS_VALUES[positions[(positions.length - 1) >> 1]!]!;
}

/**
 * The source's bias ratings when its raters disagree by BIAS_DISPUTE_STEPS or more on the 5-point scale (e.g. Lean
 * Left by one, Lean Right by another), else null. A disputed source is counted on no side: a median would place it
 * where no rater did.
 */
export function disputedRatings(source: Pick<Source, 'bias'> | undefined): DisputedSource['ratings'] | null {
  if (!source || source.bias.length < 2) return null;
  const pos = source.bias.map((r) => BIAS_VALUES.indexOf(r.value));
  if (Math.max(...pos) - Math.min(...pos) < BIAS_DISPUTE_STEPS) return null;
  return source.bias.map((r) => ({ value: r.value, rater: r.rater }));
}

/** A source's factuality: the median of its raters' levels (the lower of the two middle ones when even), or null. */
export function sourceFactuality(source: Pick<Source, 'factuality'> | undefined): Factuality | null {
  if (!source || source.factuality.length === 0) return null;
  const positions = source.factuality.map((r) => FACTUALITY_VALUES.indexOf(r.value)).sort((a, b) => a - b);
  return FACTUALITY_VALUES[positions[positions.length >> 1]!]!;
}

/**
 * True for a source that is an aggregator, not an outlet: flagged `aggregator`, or (for sources made up at run time,
 * which carry no flags) its homepage or every feed on an aggregator domain (AGGREGATOR_DOMAINS). Kept out of every
 * coverage count.
 */
export function isAggregator(source: Pick<Source, 'flags'> & Partial<Pick<Source, 'homepage' | 'feeds'>> | undefined): boolean {
  if (!source) return false;
  if (hasFlag(source, 'aggregator')) return true;
  if (source.homepage && aggregatorOf(source.homepage)) return true;
  return !!source.feeds?.length && source.feeds.every((f) => aggregatorOf(f.url) !== null);
}

/** True when the source is the wire agency `agency` itself (its homepage is on one of the agency's domains). */
export function isWireAgency(source: Pick<Source, 'homepage'> | undefined, agency: string): boolean {
  const host = source ? hostOf(source.homepage) : null;
  const domains = WIRE_AGENCIES.find((a) => a.name === agency)?.domains ?? [];
  return host !== null && domains.some((d) => hostMatches(host, d));
}

/**
 * The side a source counts on for the blindspot rule: its bucket, unless it is disputed, an aggregator or of low
 * factuality (BLINDSPOT_IGNORED_FACTUALITY), then null.
 */
export function blindspotBucket(source: Source | undefined): Bucket | null {
  if (!source || isAggregator(source) || disputedRatings(source)) return null;
  const f = sourceFactuality(source);
  if (f && BLINDSPOT_IGNORED_FACTUALITY.includes(f)) return null;
  return sourceBucket(source);
}

/** A source's 3-bucket side, or null when unrated. */
export function sourceBucket(source: Pick<Source, 'bias'> | undefined): Bucket | null {
  const bias = sourceBias(source);
  return bias ? BUCKET_OF_BIAS[bias] : null;
}

/**
 * Whole-number percentages of `counts`, each share rounded on its own (halves up), or all zeros when the total is 0.
 * Keys keep their input order. Equal counts always get equal numbers, so a tie never reads as a lead (Hamilton's
 * largest-remainder method, which makes the parts sum to exactly 100, gives one source a side 34 / 33 / 33); the parts
 * may therefore add up to a little more or less than 100 (33 + 33 + 33). The site shows the same numbers
 * (src/site/shares.ts).
 */
export function percentages<K extends string>(counts: Record<K, number>): Record<K, number> {
  const keys = Object.keys(counts) as K[];
  const total = keys.reduce((s, k) => s + counts[k], 0);
  const out = {} as Record<K, number>;
  for (const k of keys) out[k] = total === 0 ? 0 : Math.round((counts[k] * 100) / total);
  return out;
}

/**
 * When an article was first reported: its published time, unless that is missing or later than when Parallax first
 * saw it (feeds re-date items), then its first-seen time. UTC ISO-8601.
 */
export function reportedAt(a: CoverageArticle): string {
  return a.published !== null && a.published <= a.firstSeen ? a.published : a.firstSeen;
}

/** A story's articles from outlets, not aggregators (aggregators' reposts are not coverage). */
const outletArticles = (articles: CoverageArticle[], sources: ReadonlyMap<string, Source>): CoverageArticle[] =>
  articles.filter((a) => !isAggregator(sources.get(a.sourceId)));

/** detectSyndication over a story's outlet articles (outletArticles), agencies known by their homepages (isWireAgency). */
function storySyndication(outlets: CoverageArticle[], sources: ReadonlyMap<string, Source>, runsWireUncredited: ReadonlySet<string>): SyndicationResult {
  return detectSyndication(
    outlets.map((a) => ({ id: a.id, sourceId: a.sourceId, title: a.title, summary: a.summary, author: a.author, url: a.url, at: reportedAt(a), dated: a.published !== null })),
    (sourceId, agency) => isWireAgency(sources.get(sourceId), agency),
    (sourceId) => runsWireUncredited.has(sourceId),
  );
}

/**
 * Sources that run wire copy without crediting it, pooled over a window's stories (each a list of its articles): those
 * that did so (SyndicationResult.uncredited) in at least WIRE_UNCREDITED_MIN_STORIES stories. computeCoverage reads
 * their uncredited copies as the agency's that another copy names, even a later one. Sorted ids.
 */
export function uncreditedWireSources(stories: Iterable<CoverageArticle[]>, sources: ReadonlyMap<string, Source>): string[] {
  const counts = new Map<string, number>();
  for (const articles of stories) {
    for (const id of storySyndication(outletArticles(articles, sources), sources, new Set()).uncredited) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return [...counts].filter(([, n]) => n >= WIRE_UNCREDITED_MIN_STORIES).map(([id]) => id).sort();
}

/**
 * When a story was last updated (UTC ISO-8601): the newest reportedAt of its dated articles, or, when none is dated,
 * of all. An undated article's time is only when Parallax first read it (on an instance's first run, a feed's whole
 * backlog at once; items with an unreadable or far-future date count as undated), so it never makes a story with
 * dated reports read as newer than they are, nor rank it higher. `articles` is not empty.
 */
export function lastUpdatedOf(articles: readonly CoverageArticle[]): string {
  return datedOrAll(articles).map(reportedAt).reduce((x, y) => (y > x ? y : x));
}

/** The articles the feed dated, or all of them when none is: an undated article's time is only when it was first
 * seen, so it decides a story's times only when nothing better is known. */
function datedOrAll<T extends CoverageArticle>(articles: readonly T[]): readonly T[] {
  const dated = articles.filter((a) => a.published !== null);
  return dated.length > 0 ? dated : articles;
}

function tally(into: Record<string, number>, key: string): void {
  into[key] = (into[key] ?? 0) + 1;
}

/** Sorted-key copy of a count record (so serialised output is deterministic). */
function sortedCounts(counts: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of Object.keys(counts).sort()) out[k] = counts[k]!;
  return out;
}

/**
 * Coverage of one story. `articles` must be non-empty; sources missing from `sources` count as unrated with unknown
 * country. Aggregator sources are counted apart (`aggregators`) and in nothing else; when a story has only
 * aggregator articles, all counts are 0 and `brokeBy` names the earliest of them. `brokeBy` is the earliest dated
 * article, or the first seen when none is dated, among the news articles when there are any (not opinion or
 * analysis). `runsWireUncredited`: the sources that run wire copy uncredited (uncreditedWireSources over the window).
 * Throws Error only when `articles` is empty (a story always has an article).
 */
export function computeCoverage(articles: CoverageArticle[], sources: ReadonlyMap<string, Source>, runsWireUncredited: ReadonlySet<string> = new Set()): Coverage {
  if (articles.length === 0) throw new Error('computeCoverage: a story needs at least one article');
  const outlets = outletArticles(articles, sources);
  const aggregatorIds = new Set(articles.filter((a) => isAggregator(sources.get(a.sourceId))).map((a) => a.sourceId));
  const sourceIds = [...new Set(outlets.map((a) => a.sourceId))].sort();
  const bias = { left: 0, center: 0, right: 0, unrated: 0, disputed: 0 };
  const basis = { left: 0, center: 0, right: 0 };
  const disputed: DisputedSource[] = [];
  const biasDetail: Record<string, number> = {};
  const factuality: Record<string, number> = {};
  const ownership: Record<string, number> = {};
  const countries: Record<string, number> = {};
  for (const id of sourceIds) {
    const source = sources.get(id);
    const dispute = disputedRatings(source);
    const b = sourceBias(source);
    if (dispute) {
      bias.disputed++;
      disputed.push({ sourceId: id, ratings: dispute });
      tally(biasDetail, 'disputed');
    } else {
      if (b) bias[BUCKET_OF_BIAS[b]]++;
      else bias.unrated++;
      tally(biasDetail, b ?? 'unrated');
    }
    const side = blindspotBucket(source);
    if (side) basis[side]++;
    tally(factuality, sourceFactuality(source) ?? 'unrated');
    tally(ownership, source?.ownership?.category ?? 'unrated');
    tally(countries, source?.country ?? 'unknown');
  }
  // Who broke it: a news report, when the story has one (a column about an event does not break it).
  const news = outlets.filter((a) => !a.kind);
  const pool = news.length ? news : outlets.length ? outlets : articles;
  const first = [...datedOrAll(pool)].sort((x, y) => {
    const tx = reportedAt(x);
    const ty = reportedAt(y);
    return tx < ty ? -1 : tx > ty ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
  })[0]!;
  const syndication = storySyndication(outlets, sources, runsWireUncredited);
  return {
    sourceCount: sourceIds.length,
    articleCount: outlets.length,
    bias,
    biasPercent: percentages({ left: bias.left, center: bias.center, right: bias.right }),
    biasDetail: sortedCounts(biasDetail),
    factuality: sortedCounts(factuality),
    ownership: sortedCounts(ownership),
    countries: sortedCounts(countries),
    brokeBy: { sourceId: first.sourceId, articleId: first.id, at: reportedAt(first) },
    disputed,
    aggregators: aggregatorIds.size,
    ownReporting: syndication.ownReporting,
    syndicated: syndication.syndicated,
    blindspotBasis: basis,
  };
}
