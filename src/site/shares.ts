/**
 * The one rounding of shares for every distribution the site shows together (the Left / Center / Right split,
 * factuality, ownership, countries): the core's (src/core/coverage/coverage.ts `percentages`), so a page shows the
 * numbers its story file stores.
 */
import { percentages } from '../core/coverage/coverage';

/** A part's share of a distribution, as shown. */
export interface Share {
  /** Exact percent of the total (a bar's width: the parts sum to 100). */
  value: number;
  /** The percent as shown, without the sign: `value` rounded to a whole number, halves up ("33" for 1 of 3). */
  text: string;
}

/**
 * Shares of `counts` in percent: each part's exact share, and that share rounded on its own (`percentages`). Parts
 * with equal counts therefore always show the same number, so a tie never reads as a lead; the numbers shown may add
 * up to a little more or less than 100 (33 + 33 + 33), as rounded poll figures do, and the coverage panel says so.
 * All zeros when the total is 0.
 */
export function shares<K extends string>(counts: Record<K, number>): Record<K, Share> {
  const keys = Object.keys(counts) as K[];
  const total = keys.reduce((s, k) => s + counts[k], 0);
  const rounded = percentages(counts);
  const out = {} as Record<K, Share>;
  for (const k of keys) out[k] = { value: total === 0 ? 0 : (counts[k] * 100) / total, text: String(rounded[k]) };
  return out;
}
