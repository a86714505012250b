/**
 * Labels for ratings and the 5-point → 3-bucket bias map used for display.
 *
 * The 5-point → 3-bucket map and a source's bucket (the median of its raters) come from src/core/coverage/coverage.ts,
 * so what a page shows always agrees with the story counts; here a source with no rating shows as "Unrated".
 */
import { BUCKET_OF_BIAS, sourceBias, sourceBucket as coreSourceBucket } from '../core/coverage/coverage';
import type { Bias, Factuality, OwnershipCategory, Source } from '../core/schema/source';
import type { Bucket } from '../core/schema/story';
import { shares, type Share } from './shares';

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

/**
 * What a source's bias is called where it is named (its pill, a feed item's "Outlet (Lean Left)"): its rating on the
 * 5-point scale (the median of its raters, sourceBias), "Unrated" when it has none or is unknown. Its bucket
 * (sourceBucket) gives the colour and the side it counts on: a Lean Left source shows "Lean Left" and counts as Left
 * (a reader trial: "The New York Times [Left]" for a source rated Lean Left).
 */
export function sourceBiasLabel(source: Pick<Source, 'bias'> | undefined): string {
  const bias = sourceBias(source);
  return bias ? BIAS_LABEL[bias] : BUCKET_LABEL.unrated;
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

/** The 5-point values each side of the bar gathers (Center gathers one, so it has no parts to show). */
const SIDE_PARTS: Record<'left' | 'right', readonly Bias[]> = { left: ['left', 'lean-left'], right: ['right', 'lean-right'] };

/**
 * The 5-point parts of a side's count in the coverage box, from a story's `coverage.biasDetail`: "1 Left, 2 Lean Left"
 * beside "Left 3", so a count that gathers Lean Left outlets under "Left" says so. Undefined when there is nothing to
 * add (no source on that side, or all of them rated plainly Left / Right) or when the detail does not add up to the
 * side's count (content written by another version).
 */
export function sideParts(side: 'left' | 'right', count: number, detail: Readonly<Record<string, number>>): string | undefined {
  const parts = SIDE_PARTS[side].map((v) => [v, detail[v] ?? 0] as const).filter(([, n]) => n > 0);
  if (count === 0 || parts.reduce((sum, [, n]) => sum + n, 0) !== count) return undefined;
  if (parts.length === 1 && parts[0]![0] === side) return undefined;
  return parts.map(([v, n]) => `${n} ${BIAS_LABEL[v]}`).join(', ');
}

/** Rated sources per bucket (a story's `coverage.bias`; extra fields such as `unrated` are ignored). */
export type BiasCounts = Record<Bucket, number>;

/** The Left / Center / Right shares of the rated sources as shown (see src/site/shares.ts: whole numbers, ties equal). */
export function biasShares(bias: BiasCounts): Record<Bucket, Share> {
  return shares({ left: bias.left, center: bias.center, right: bias.right });
}

/**
 * What a story with no source on a side says: "No rated sources yet", or, when `disputed` sources' raters disagree
 * (counted on no side), "No source counted on a side (2 with disputed ratings)": a hostile pass's story of two
 * disputed sources had said "No rated sources yet" above their ratings.
 */
export function noSideText(disputed = 0): string {
  return disputed > 0 ? `No source counted on a side (${disputed} with disputed ratings)` : 'No rated sources yet';
}

/**
 * The one-line reading of a bias distribution: "56% of the sources are Center" for the largest bucket (over rated
 * sources; the sentence says "rated sources" when `outside` sources, unrated or disputed, count on no side), a tie for the largest named as such ("Left and
 * Right each have 50% of the sources", "Left, Center and Right each have 33% of the sources"), or noSideText. Read from the counts, so a tie is never a lead, whatever rounding gives.
 */
export function biasSentence(bias: BiasCounts & { disputed?: number }, outside = 0): string {
  const max = Math.max(bias.left, bias.center, bias.right);
  if (max === 0) return noSideText(bias.disputed);
  const share = biasShares(bias);
  const top = BUCKET_ORDER.filter((b) => bias[b] === max);
  const percent = `${share[top[0]!].text}%`;
  const of = outside > 0 ? 'of the rated sources' : 'of the sources';
  const names = top.map((b) => BUCKET_LABEL[b]);
  if (names.length === 1) return `${percent} ${of} are ${names[0]}`;
  const list = names.length === 2 ? `${names[0]} and ${names[1]}` : `${names[0]}, ${names[1]} and ${names[2]}`;
  return `${list} each have ${percent} ${of}`;
}
