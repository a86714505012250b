import { describe, expect, it } from 'vitest';
import { scoreClustering } from '../../../src/core/story/evaluate';
import { DEFAULT_CLUSTER_CONFIG } from '../../../src/core/config';
import { labelHalf, withOverrides } from '../../../src/core/story/labelled-docs';

const m = (o: Record<string, string>) => new Map(Object.entries(o));

describe('scoreClustering', () => {
  it('is perfect for the gold partition itself', () => {
    const gold = m({ a: 'x', b: 'x', c: 'y', d: 'z' });
    const s = scoreClustering(gold, gold);
    expect([s.bcubedPrecision, s.bcubedRecall, s.bcubedF1, s.pairwiseF1, s.nmi, s.ari]).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('computes BCubed by hand on a merge and a split', () => {
    // gold: {a,b,c} {d,e}; predicted: {a,b} {c,d,e}
    const gold = m({ a: 'x', b: 'x', c: 'x', d: 'y', e: 'y' });
    const pred = m({ a: '1', b: '1', c: '2', d: '2', e: '2' });
    const s = scoreClustering(pred, gold);
    // precision per item: a 1, b 1, c 1/3, d 2/3, e 2/3 → 11/15; recall: a 2/3, b 2/3, c 1/3, d 1, e 1 → 11/15
    expect(s.bcubedPrecision).toBeCloseTo(11 / 15, 4);
    expect(s.bcubedRecall).toBeCloseTo(11 / 15, 4);
    // pairs: predicted 1 + 3 = 4, gold 3 + 1 = 4, shared: (a,b) and (d,e) = 2
    expect(s.pairwisePrecision).toBe(0.5);
    expect(s.pairwiseRecall).toBe(0.5);
    expect(s.predictedClusters).toBe(2);
  });

  it('counts gold items missing from the prediction as singletons', () => {
    const s = scoreClustering(m({}), m({ a: 'x', b: 'x' }));
    expect(s.bcubedPrecision).toBe(1);
    expect(s.bcubedRecall).toBe(0.5);
    expect(s.predictedClusters).toBe(2);
  });

  it('scores labels and cluster ids holding a NUL as it scores plain ones (they are interned, not joined)', () => {
    // gold: {a,b,c} {d,e}; predicted: {a,b} {c,d,e}, as in the hand-computed case above.
    const plain = scoreClustering(m({ a: '1', b: '1', c: '2', d: '2', e: '2' }), m({ a: 'x', b: 'x', c: 'x', d: 'y', e: 'y' }));
    const withNul = scoreClustering(m({ a: '1\u0000', b: '1\u0000', c: '\u00002', d: '\u00002', e: '\u00002' }), m({ a: 'a\u0000b', b: 'a\u0000b', c: 'a\u0000b', d: 'a', e: 'a' }));
    expect(withNul).toEqual(plain);
    // NMI by hand: I = 0.4 ln(10/6) + 0.2 ln(5/9) + 0.4 ln(10/6) = 0.2911, H(P) = H(G) = 0.6730, so 0.4325; ARI: 2 shared
    // pairs of 4 and 4, 1.6 expected of 10, (2 - 1.6) / (4 - 1.6) = 0.1667.
    expect(plain).toEqual({
      items: 5, goldClusters: 2, predictedClusters: 2, bcubedPrecision: 0.7333, bcubedRecall: 0.7333, bcubedF1: 0.7333,
      pairwisePrecision: 0.5, pairwiseRecall: 0.5, pairwiseF1: 0.5, nmi: 0.4325, ari: 0.1667,
    });
  });

  it('keeps apart (cluster, label) pairs whose NUL-joined keys would be equal', () => {
    // Joined with a NUL, ("x\0y", "z") and ("x", "y\0z") are both "x\0y\0z": they had been counted as one cell.
    const pred = m({ a: 'x\u0000y', b: 'x' });
    const gold = m({ a: 'z', b: 'y\u0000z' });
    const s = scoreClustering(pred, gold);
    expect([s.bcubedPrecision, s.bcubedRecall, s.bcubedF1, s.pairwiseF1, s.nmi, s.ari]).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('does not let a predicted cluster id meet the singleton made up for a missing item', () => {
    // b is missing from the prediction; a's cluster is named as the old code named b's singleton.
    const s = scoreClustering(m({ a: 'singleton:b' }), m({ a: 'x', b: 'y' }));
    expect([s.predictedClusters, s.bcubedPrecision, s.bcubedRecall, s.nmi]).toEqual([2, 1, 1, 1]);
  });

  it('gives ARI 0 or below for an all-in-one prediction of distinct classes', () => {
    const s = scoreClustering(m({ a: '1', b: '1', c: '1', d: '1' }), m({ a: 'w', b: 'x', c: 'y', d: 'z' }));
    expect(s.bcubedPrecision).toBe(0.25);
    expect(s.ari).toBeLessThanOrEqual(0);
  });
});

describe('labelHalf and withOverrides (eval --half, --set)', () => {
  it('puts every article of a gold story in the same half, and both halves are used', () => {
    const labels = Array.from({ length: 64 }, (_, i) => `story-${i}`);
    const halves = labels.map((l) => labelHalf(l));
    expect(new Set(halves)).toEqual(new Set(['A', 'B']));
    labels.forEach((l, i) => expect(labelHalf(l)).toBe(halves[i]));
  });

  it('overrides known config keys with numbers and rejects anything else', () => {
    expect(withOverrides(DEFAULT_CLUSTER_CONFIG, ['threshold=0.25', 'storyMergeThreshold=2'])).toEqual({ ...DEFAULT_CLUSTER_CONFIG, threshold: 0.25, storyMergeThreshold: 2 });
    expect(withOverrides(DEFAULT_CLUSTER_CONFIG, [])).toEqual(DEFAULT_CLUSTER_CONFIG);
    expect(() => withOverrides(DEFAULT_CLUSTER_CONFIG, ['nope=1'])).toThrow(/nope=1/);
    expect(() => withOverrides(DEFAULT_CLUSTER_CONFIG, ['threshold'])).toThrow(/key=value/);
    expect(() => withOverrides(DEFAULT_CLUSTER_CONFIG, ['threshold=abc'])).toThrow(/not a decimal number/);
    expect(() => withOverrides(DEFAULT_CLUSTER_CONFIG, ['threshold='])).toThrow(/not a decimal number/);
  });
});
