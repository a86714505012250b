/**
 * Blindspot: a story that one side barely covers. Rule and constants in src/core/config.ts (BLINDSPOT_*), shown to
 * readers on the methodology page.
 */
import { BLINDSPOT_MIN_RATED_SOURCES, BLINDSPOT_SHARE_RATIO } from '../config';
import type { Source } from '../schema/source';
import type { Coverage } from '../schema/story';
import { blindspotBucket } from './coverage';

/** Rated sources per side among the instance's active sources: the baseline a story's coverage is compared with. */
export interface BiasBaseline {
  left: number;
  center: number;
  right: number;
}

const EPSILON = 1e-9;

/**
 * The blindspot rule's baseline: rated sources per side among the instance's active sources, counted as the rule
 * counts a story's sources (blindspotBucket: not disputed, not an aggregator, not of low factuality).
 */
export function blindspotBaseline(sourceIds: Iterable<string>, sources: ReadonlyMap<string, Source>): BiasBaseline {
  const out = { left: 0, center: 0, right: 0 };
  for (const id of new Set(sourceIds)) {
    const side = blindspotBucket(sources.get(id));
    if (side) out[side]++;
  }
  return out;
}

/**
 * Which side, if any, has a blindspot for the story: 'right' when the Right barely covers it (covered mostly from the
 * left), 'left' for the converse, else null. See BLINDSPOT_* in src/core/config.ts for the rule; a baseline with no
 * rated source of a side never yields a blindspot for that side (nothing to compare with).
 */
export function blindspotOf(coverage: BiasBaseline | Pick<Coverage, 'bias' | 'blindspotBasis'>, baseline: BiasBaseline): 'left' | 'right' | null {
  const bias: BiasBaseline = 'bias' in coverage ? (coverage.blindspotBasis ?? coverage.bias) : coverage;
  const rated = bias.left + bias.center + bias.right;
  const baseRated = baseline.left + baseline.center + baseline.right;
  if (rated < BLINDSPOT_MIN_RATED_SOURCES || baseRated === 0) return null;
  // Compared as cross-products so that an exact edge (a share equal to the limit) is not lost to rounding.
  const missing = (side: 'left' | 'right', other: 'left' | 'right'): boolean =>
    baseline[side] > 0 &&
    bias[side] * baseRated <= BLINDSPOT_SHARE_RATIO * baseline[side] * rated + EPSILON &&
    bias[other] * baseRated >= baseline[other] * rated - EPSILON;
  if (missing('right', 'left')) return 'right';
  if (missing('left', 'right')) return 'left';
  return null;
}
