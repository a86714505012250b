import { describe, expect, it } from 'vitest';
import { biasSentence, biasShares, bucketOf, ratingLabel, sideParts, sourceBucket } from '../../src/site/bias';
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
    [{ left: 2, center: 5, right: 2 }, 0, '56% of the sources are Center'],
    [{ left: 3, center: 1, right: 1 }, 2, '60% of the rated sources are Left'],
    [{ left: 0, center: 0, right: 4 }, 2, '100% of the rated sources are Right'],
    [{ left: 1, center: 0, right: 1 }, 0, 'Left and Right each have 50% of the sources'],
    [{ left: 2, center: 2, right: 1 }, 1, 'Left and Center each have 40% of the rated sources'],
    // Ties for the largest share are named as ties, never as a lead of the first bucket (1/1/1 had read "34% … Left").
    [{ left: 1, center: 1, right: 1 }, 0, 'Left, Center and Right each have 33% of the sources'],
    [{ left: 4, center: 4, right: 4 }, 3, 'Left, Center and Right each have 33% of the rated sources'],
    [{ left: 0, center: 3, right: 3 }, 0, 'Center and Right each have 50% of the sources'],
    [{ left: 3, center: 2, right: 3 }, 0, 'Left and Right each have 38% of the sources'],
    [{ left: 1, center: 1, right: 6 }, 0, '75% of the sources are Right'],
    [{ left: 0, center: 0, right: 0 }, 2, 'No rated sources yet'],
    // sources whose raters disagree count on no side, and are said to (a hostile pass's: "No rated sources yet" above
    // the two sources' disputed ratings)
    [{ left: 0, center: 0, right: 0, disputed: 2 }, 2, 'No source counted on a side (2 with disputed ratings)'],
  ])('%j (unrated or disputed %i) → %s', (bias, outside, expected) => {
    expect(biasSentence(bias, outside)).toBe(expected);
  });
});

describe('biasShares', () => {
  it.each([
    [{ left: 1, center: 1, right: 1 }, ['33', '33', '33']],
    [{ left: 1, center: 1, right: 6 }, ['13', '13', '75']],
    [{ left: 3, center: 3, right: 2 }, ['38', '38', '25']],
    [{ left: 1, center: 2, right: 0 }, ['33', '67', '0']],
    [{ left: 7, center: 2, right: 1 }, ['70', '20', '10']],
    [{ left: 0, center: 0, right: 0 }, ['0', '0', '0']],
  ])('%j → %j', (bias, texts) => {
    const s = biasShares(bias);
    expect([s.left.text, s.center.text, s.right.text]).toEqual(texts);
    const sum = s.left.value + s.center.value + s.right.value;
    expect(sum === 0 || Math.abs(sum - 100) < 1e-9).toBe(true);
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

describe('sideParts (the coverage box: what a side of the bar gathers)', () => {
  it.each([
    ['left', 7, { left: 3, 'lean-left': 4, center: 2 }, '3 Left, 4 Lean Left'],
    ['left', 1, { 'lean-left': 1, right: 1 }, '1 Lean Left'],
    ['left', 2, { left: 2, 'lean-right': 1 }, undefined],
    ['right', 2, { right: 1, 'lean-right': 1, left: 1 }, '1 Right, 1 Lean Right'],
    ['right', 1, { right: 1 }, undefined],
    ['right', 0, { left: 2 }, undefined],
    ['left', 3, { left: 1, 'lean-left': 1 }, undefined],
  ] as const)('%s %i of %j → %j', (side, count, detail, expected) => {
    expect(sideParts(side, count, detail)).toBe(expected);
  });
});
