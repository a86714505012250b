/**
 * Story headline: the most representative title (closest to the story's centre), preferring higher-factuality
 * sources, cleaned of shouting and of a trailing outlet name.
 */
import type { Source } from '../schema/source';
import { FACTUALITY_VALUES } from '../schema/source';

/** Share of upper-case letters above which a title counts as shouting. */
const SHOUTING_UPPER_SHARE = 0.8;
/** Weight of factuality in the choice: a "very-high" source gains this much cosine over an unrated one. */
const FACTUALITY_WEIGHT = 0.05;

/**
 * Removes a trailing " | Outlet", " - Outlet" or " — Outlet" when the suffix names the source (its name or its
 * homepage's domain), and turns an ALL-CAPS title into sentence case. Returns the title unchanged otherwise.
 */
export function cleanHeadline(title: string, source?: Pick<Source, 'name' | 'homepage'>): string {
  let t = title.trim();
  const m = /^(.*\S)\s+[|\-–—]\s+([^|\-–—]+)$/u.exec(t);
  if (m && source) {
    const suffix = m[2]!.trim().toLowerCase();
    const name = source.name.toLowerCase();
    let domain = '';
    try {
      domain = new URL(source.homepage).hostname.replace(/^www\./, '');
    } catch {
      domain = '';
    }
    if (suffix === name || name.startsWith(suffix) || suffix.startsWith(name) || (domain && suffix.includes(domain))) t = m[1]!;
  }
  const letters = t.replace(/[^\p{L}]/gu, '');
  const upper = t.replace(/[^\p{Lu}]/gu, '');
  if (letters.length >= 10 && upper.length / letters.length > SHOUTING_UPPER_SHARE) {
    const lower = t.toLowerCase();
    t = lower.charAt(0).toUpperCase() + lower.slice(1);
  }
  return t;
}

/** Factuality bonus in [0, FACTUALITY_WEIGHT]: very-high gets all of it, very-low or unrated none. */
function factualityBonus(source: Source | undefined): number {
  const value = source?.factuality[0]?.value;
  if (!value) return 0;
  const rank = FACTUALITY_VALUES.indexOf(value);
  return (FACTUALITY_WEIGHT * (FACTUALITY_VALUES.length - 1 - rank)) / (FACTUALITY_VALUES.length - 1);
}

export interface HeadlineCandidate {
  title: string;
  sourceId: string;
  /** Cosine of the article to the story centroid. */
  similarity: number;
}

/**
 * Picks and cleans the headline. Ties go to the earlier candidate (callers pass articles oldest first).
 * Throws Error when `candidates` is empty.
 */
export function chooseHeadline(candidates: HeadlineCandidate[], sources: ReadonlyMap<string, Source>): string {
  if (candidates.length === 0) throw new Error('chooseHeadline: no candidates');
  let best = candidates[0]!;
  let bestScore = -Infinity;
  for (const c of candidates) {
    if (!c.title.trim()) continue;
    const score = c.similarity + factualityBonus(sources.get(c.sourceId));
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return cleanHeadline(best.title, sources.get(best.sourceId));
}
