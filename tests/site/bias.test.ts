import { describe, expect, it } from 'vitest';
import { biasSentence, bucketOf, ratingLabel, sourceBucket } from '../../src/site/bias';
import type { BiasRating } from '../../src/core/schema/source';

const rating = (value: BiasRating['value']): BiasRating => ({ value, rater: 'AllSides', url: null, asOf: '2025-11-03' });

describe('bucketOf', () => {
  it.each([
    ['left', 'left'],
    ['lean-left', 'left'],
    ['center', 'center'],
    ['lean-right', 'right'],
    ['right', 'right'],
  ] as const)('%s → %s', (value, bucket) => {
    expect(bucketOf(value)).toBe(bucket);
  });
});

describe('sourceBucket', () => {
  it('agrees with the story counts: the (lower) median of the raters', () => {
    expect(sourceBucket({ bias: [rating('right'), rating('lean-left')] })).toBe('left');
    expect(sourceBucket({ bias: [rating('right'), rating('lean-right'), rating('left')] })).toBe('right');
    expect(sourceBucket({ bias: [rating('lean-left')] })).toBe('left');
  });
  it('is "unrated" with no rating or no source', () => {
    expect(sourceBucket({ bias: [] })).toBe('unrated');
    expect(sourceBucket(undefined)).toBe('unrated');
  });
});

describe('biasSentence', () => {
  it.each([
    [{ left: 22, center: 56, right: 22 }, 0, '56% of the sources are Center'],
    [{ left: 60, center: 20, right: 20 }, 2, '60% of the rated sources are Left'],
    [{ left: 0, center: 0, right: 100 }, 2, '100% of the rated sources are Right'],
    [{ left: 50, center: 0, right: 50 }, 0, 'Left and Right each have 50% of the sources'],
    [{ left: 34, center: 33, right: 33 }, 0, '34% of the sources are Left'],
    [{ left: 0, center: 0, right: 0 }, 2, 'No rated sources yet'],
  ])('%j (unrated %i) → %s', (percent, unrated, expected) => {
    expect(biasSentence(percent, unrated)).toBe(expected);
  });
});

describe('ratingLabel', () => {
  it.each([
    ['lean-left', 'Lean Left'],
    ['mostly-factual', 'Mostly factual'],
    ['public-broadcaster', 'Public broadcaster'],
    ['unrated', 'Unrated'],
    ['unknown', 'Unknown'],
    ['something-new', 'something-new'],
  ])('%s → %s', (key, label) => {
    expect(ratingLabel(key)).toBe(label);
  });
});
