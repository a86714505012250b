/**
 * Labels for ratings and the 5-point → 3-bucket bias map used for display.
 *
 * The 5-point → 3-bucket map and a source's bucket (the median of its raters) come from src/core/coverage/coverage.ts,
 * so what a page shows always agrees with the story counts; here a source with no rating shows as "Unrated".
 */
import { BUCKET_OF_BIAS, sourceBucket as coreSourceBucket } from '../core/coverage/coverage';
import type { Bias, Factuality, OwnershipCategory, Source } from '../core/schema/source';
import type { Bucket } from '../core/schema/story';

export type DisplayBucket = Bucket | 'unrated';

export const BUCKET_ORDER: readonly Bucket[] = ['left', 'center', 'right'];

export const BUCKET_LABEL: Record<DisplayBucket, string> = {
  left: 'Left',
  center: 'Center',
  right: 'Right',
  unrated: 'Unrated',
};

export const BIAS_LABEL: Record<Bias, string> = {
  left: 'Left',
  'lean-left': 'Lean Left',
  center: 'Center',
  'lean-right': 'Lean Right',
  right: 'Right',
};

export const FACTUALITY_LABEL: Record<Factuality, string> = {
  'very-high': 'Very high',
  high: 'High',
  'mostly-factual': 'Mostly factual',
  mixed: 'Mixed',
  low: 'Low',
  'very-low': 'Very low',
};

export const OWNERSHIP_LABEL: Record<OwnershipCategory, string> = {
  independent: 'Independent',
  corporation: 'Corporation',
  'private-equity': 'Private equity',
  billionaire: 'Billionaire',
  'state-funded': 'State-funded',
  'public-broadcaster': 'Public broadcaster',
  'non-profit': 'Non-profit',
  government: 'Government',
};

/** The display bucket of a 5-point value. */
export function bucketOf(value: Bias): Bucket {
  return BUCKET_OF_BIAS[value];
}

/** A source's bucket (median of its raters, as in the story counts); "unrated" when it has none or is unknown. */
export function sourceBucket(source: Pick<Source, 'bias'> | undefined): DisplayBucket {
  return coreSourceBucket(source) ?? 'unrated';
}

/** Label for any key of a coverage count record (bias detail, factuality, ownership), "unrated" included. */
export function ratingLabel(key: string): string {
  if (key === 'unrated') return 'Unrated';
  if (key === 'unknown') return 'Unknown';
  return (
    (BIAS_LABEL as Record<string, string>)[key] ??
    (FACTUALITY_LABEL as Record<string, string>)[key] ??
    (OWNERSHIP_LABEL as Record<string, string>)[key] ??
    key
  );
}

export interface BiasPercent {
  left: number;
  center: number;
  right: number;
}

/**
 * The one-line reading of a bias distribution: "56% of the sources are Center" for the largest bucket (over rated
 * sources; the sentence says "rated sources" when some are unrated), a tie named as such, or "No rated sources yet".
 */
export function biasSentence(percent: BiasPercent, unrated = 0): string {
  const total = percent.left + percent.center + percent.right;
  if (total === 0) return 'No rated sources yet';
  const max = Math.max(percent.left, percent.center, percent.right);
  const top = BUCKET_ORDER.filter((b) => percent[b] === max).map((b) => BUCKET_LABEL[b]);
  const of = unrated > 0 ? 'of the rated sources' : 'of the sources';
  if (top.length === 1) return `${max}% ${of} are ${top[0]}`;
  const names = top.length === 2 ? `${top[0]} and ${top[1]}` : `${top[0]}, ${top[1]} and ${top[2]}`;
  return `${names} each have ${max}% ${of}`;
}
