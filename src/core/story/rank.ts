/**
 * Home-page ranking score. See RANK_HALF_LIFE_HOURS in src/core/config.ts:
 * score = sourceCount × 0.5 ^ (hours since the story's last update / half-life), rounded to 6 decimals.
 */
import { RANK_HALF_LIFE_HOURS } from '../config';

/** Score of a story with `sourceCount` sources, last updated at `lastUpdatedMs`, at clock `nowMs` (ms epoch). */
export function rankScore(sourceCount: number, lastUpdatedMs: number, nowMs: number): number {
  const ageHours = Math.max(0, nowMs - lastUpdatedMs) / 3_600_000;
  return Math.round(sourceCount * 0.5 ** (ageHours / RANK_HALF_LIFE_HOURS) * 1e6) / 1e6;
}
