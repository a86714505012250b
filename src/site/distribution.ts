/**
 * Count records from a story's coverage (factuality, ownership, countries, bias detail) as ordered display rows.
 */
import { BIAS_VALUES, FACTUALITY_VALUES, OWNERSHIP_CATEGORIES } from '../core/schema/source';
import { ratingLabel } from './bias';
import { shares, type Share } from './shares';

export interface DistributionRow {
  key: string;
  label: string;
  count: number;
  /** Share of the record's total (see `shares`; 0 when the total is 0). */
  percent: Share;
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** English name of an ISO 3166-1 alpha-2 code ("GB" → "United Kingdom"); "Unknown" for "unknown"/null. */
export function countryName(code: string | null | undefined): string {
  if (!code || code === 'unknown') return 'Unknown';
  try {
    return regionNames.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** Non-zero entries in display order, with their shares (computed over the rows shown, in that order). */
function toRows(entries: Array<[string, number]>, label: (k: string) => string): DistributionRow[] {
  const shown = entries.filter(([, n]) => n > 0);
  const share = shares(Object.fromEntries(shown));
  return shown.map(([key, count]) => ({ key, label: label(key), count, percent: share[key]! }));
}

function rows(counts: Record<string, number>, order: readonly string[], label: (k: string) => string): DistributionRow[] {
  const rank = (k: string): number => {
    const i = order.indexOf(k);
    return i === -1 ? order.length : i;
  };
  return toRows(Object.entries(counts).sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0)), label);
}

/** Factuality levels, best first, then "unrated"; zero counts omitted. */
export function factualityRows(counts: Record<string, number>): DistributionRow[] {
  return rows(counts, [...FACTUALITY_VALUES, 'unrated'], ratingLabel);
}

/** Ownership categories in the schema's order, then "unrated"; zero counts omitted. */
export function ownershipRows(counts: Record<string, number>): DistributionRow[] {
  return rows(counts, [...OWNERSHIP_CATEGORIES, 'unrated'], ratingLabel);
}

/** 5-point bias values left to right, then "unrated"; zero counts omitted. */
export function biasDetailRows(counts: Record<string, number>): DistributionRow[] {
  return rows(counts, [...BIAS_VALUES, 'unrated'], ratingLabel);
}

/** Countries by count (most first), then by the name shown; "unknown" last. */
export function countryRows(counts: Record<string, number>): DistributionRow[] {
  const sorted = Object.entries(counts).sort(([a, x], [b, y]) => {
    if ((a === 'unknown') !== (b === 'unknown')) return a === 'unknown' ? 1 : -1;
    // Most sources first; ties by the name shown (France before Germany, whose codes sort the other way).
    const [na, nb] = [countryName(a), countryName(b)];
    return y - x || (na < nb ? -1 : na > nb ? 1 : 0);
  });
  return toRows(sorted, countryName);
}
