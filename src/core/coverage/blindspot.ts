/**
 * Blindspot: a story that one side barely covers. Rule and constants in src/core/config.ts (BLINDSPOT_*), shown to
 * readers on the methodology page.
 */
import { BLINDSPOT_MIN_RATED_SOURCES, BLINDSPOT_SHARE_RATIO } from '../config';
import type { Coverage } from '../schema/story';

/** Rated sources per side among the instance's active sources: the baseline a story's coverage is compared with. */
export interface BiasBaseline {
  left: number;
  center: number;
  right: number;
}

/**
 * Which side, if any, has a blindspot for the story: 'right' when the Right barely covers it (covered mostly from the
 * left), 'left' for the converse, else null. See BLINDSPOT_* in src/core/config.ts for the rule; a baseline with no
 * rated source of a side never yields a blindspot for that side (nothing to compare with).
 */
export function blindspotOf(bias: Coverage['bias'], baseline: BiasBaseline): 'left' | 'right' | null {
  const rated = bias.left + bias.center + bias.right;
  const baseRated = baseline.left + baseline.center + baseline.right;
  if (rated < BLINDSPOT_MIN_RATED_SOURCES || baseRated === 0) return null;
  const share = { left: bias.left / rated, right: bias.right / rated };
  const base = { left: baseline.left / baseRated, right: baseline.right / baseRated };
  const missing = (side: 'left' | 'right', other: 'left' | 'right'): boolean =>
    base[side] > 0 && share[side] <= BLINDSPOT_SHARE_RATIO * base[side] && share[other] >= base[other];
  if (missing('right', 'left')) return 'right';
  if (missing('left', 'right')) return 'left';
  return null;
}
