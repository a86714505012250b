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
