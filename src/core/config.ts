/**
 * Every constant that encodes a policy (a threshold, a window, a limit), named, explained and set in one place.
 * Pipeline options may override some of them per run; nothing else hard-codes them.
 */

import type { ClusterConfig } from './story/cluster';

/**
 * Defaults, chosen from the literature's usual ranges and checked on the bundled snapshot's gold file (not fitted to
 * the UCI evaluation set): a cosine of ~0.2–0.3 between TF-IDF news texts is where "same topic" turns into "same
 * event"; titles carry the event more densely than leads, hence weight 2; 36 h bounds one news cycle and its follow-ups.
 */
export const DEFAULT_CLUSTER_CONFIG: Readonly<ClusterConfig> = {
  threshold: 0.2,
  maxGapHours: 36,
  minPairSimilarity: 0.08,
  maxDocFrequencyShare: 0.05,
  titleWeight: 2,
  maxBodyTokens: 60,
  entityBoost: 1.5,
};

/** Articles whose time (published, else first seen) is older than this before the run's clock are not clustered. */
export const CLUSTER_WINDOW_HOURS = 7 * 24;

/** Item dates more than this after the run's clock are treated as missing (mis-set server clocks, wrong zones). */
export const MAX_FUTURE_SKEW_HOURS = 24;

/** A story gets its own page (and a place in feeds) from this many distinct sources; a lone article does not. */
export const MIN_SOURCES_FOR_STORY_PAGE = 2;

/**
 * Home ranking: score = sourceCount × 0.5 ^ (hoursSinceLastUpdate / RANK_HALF_LIFE_HOURS). Wider coverage ranks
 * higher, and a story's weight halves every half-life without a new article (a news cycle is about half a day).
 */
export const RANK_HALF_LIFE_HOURS = 12;

/**
 * Blindspot rule (shown on the methodology page): a story is a blindspot for one side when at least
 * BLINDSPOT_MIN_RATED_SOURCES of its sources are bias-rated, that side's share of them is at most
 * BLINDSPOT_SHARE_RATIO × that side's share among the instance's own rated sources (so a registry with few Right
 * outlets does not make every story a blindspot for the Right), and the other side's share is at least its own
 * baseline share. Ground News' public definition ("covered mostly by one side") is the model.
 */
export const BLINDSPOT_MIN_RATED_SOURCES = 4;
export const BLINDSPOT_SHARE_RATIO = 1 / 3;

/** Summary: bullet count range and the longest sentence quoted as a bullet (characters). */
export const SUMMARY_MIN_BULLETS = 3;
export const SUMMARY_MAX_BULLETS = 5;
export const SUMMARY_MAX_SENTENCE_CHARS = 280;
/** Maximal Marginal Relevance trade-off (Carbonell & Goldstein, SIGIR 1998): 1 = relevance only, 0 = novelty only. */
export const SUMMARY_MMR_LAMBDA = 0.7;

/** Article excerpt shown on story pages: at most this many characters, cut at a word boundary. */
export const EXCERPT_MAX_CHARS = 240;

/** Top-stories RSS feed length. */
export const RSS_TOP_STORIES = 50;
