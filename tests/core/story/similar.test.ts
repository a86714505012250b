import { describe, expect, it } from 'vitest';
import { similarStories } from '../../../src/core/story/similar-stories';
import type { SparseVector } from '../../../src/core/story/vectorize';

/** A unit vector over term ids with equal weights. */
function vec(ids: number[]): SparseVector {
  const w = 1 / Math.sqrt(ids.length);
  return { ids: Int32Array.from([...ids].sort((a, b) => a - b)), weights: Float64Array.from(ids, () => w) };
}

describe('similarStories', () => {
  it('lists other stories by centroid cosine, most similar first, above the floor, only listable ones', () => {
    const items = [
      { id: 's1', centre: vec([1, 2, 3, 4]), listable: true },
      { id: 's2', centre: vec([1, 2, 3, 9]), listable: true }, // cos 0.75 with s1
      { id: 's3', centre: vec([1, 7, 8, 9]), listable: true }, // cos 0.25 with s1
      { id: 's4', centre: vec([1, 2, 3, 5]), listable: false }, // close, but has no page
      { id: 's5', centre: vec([20, 21]), listable: true }, // unrelated
    ];
    const out = similarStories(items, 5, 0.1);
    expect(out.get('s1')).toEqual(['s2', 's3']);
    expect(out.get('s4')).toEqual(['s1', 's2', 's3']);
    expect(out.get('s5')).toEqual([]);
    expect(similarStories(items, 1, 0.1).get('s1')).toEqual(['s2']);
    expect(similarStories(items, 5, 0.5).get('s1')).toEqual(['s2']);
    // A story kept from the last run (query: false) gets no list but can still be listed.
    const kept = similarStories(items.map((it) => (it.id === 's2' ? { ...it, query: false } : it)), 5, 0.1);
    expect(kept.has('s2')).toBe(false);
    expect(kept.get('s1')).toEqual(['s2', 's3']);
  });

  it('lists a story similar through one term only when that term is a name ("Iran", not "president")', () => {
    const items = [
      { id: 'peru', centre: vec([1, 2, 3, 4]), listable: true },
      { id: 'israel', centre: vec([1, 7, 8, 9]), listable: true }, // shares term 1 only: cos 0.25, 0 without it
    ];
    const president = (t: number) => t !== 1;
    expect(similarStories(items, 5, 0.1, president).get('peru')).toEqual([]);
    expect(similarStories(items, 5, 0.1, () => true).get('peru')).toEqual(['israel']);
    // two shared terms: 0.25 left without the top one, similar whatever they are
    const two = [items[0]!, { id: 'congress', centre: vec([1, 2, 8, 9]), listable: true }];
    expect(similarStories(two, 5, 0.1, () => false).get('peru')).toEqual(['congress']);
  });

  it('lists a story similar through one name only when both stories are about it (a reader trial\'s "Jesse" Jackson and Jesse Van Rootselaar)', () => {
    /** A unit vector: term `name` with weight `w`, the rest spread over `others`. */
    const withName = (name: number, w: number, others: number[]): SparseVector => {
      const rest = Math.sqrt((1 - w * w) / others.length);
      const order = [name, ...others].sort((a, b) => a - b);
      return { ids: Int32Array.from(order), weights: Float64Array.from(order, (t) => (t === name ? w : rest)) };
    };
    const jackson = { id: 'jackson', centre: withName(1, 0.7, [2, 3, 4]), listable: true };
    // "jesse" the suspect's given name: cos 0.7 × 0.3 = 0.21, but 4th of the shooting story's terms
    const shooting = { id: 'shooting', centre: withName(1, 0.3, [10, 11, 12]), listable: true };
    expect(similarStories([jackson, shooting], 5, 0.1).get('jackson')).toEqual([]);
    expect(similarStories([jackson, shooting], 5, 0.1).get('shooting')).toEqual([]);
    // the third heaviest of each: similar
    const tribute = { id: 'tribute', centre: withName(1, 0.5, [10, 11]), listable: true };
    expect(similarStories([jackson, tribute], 5, 0.1).get('jackson')).toEqual(['tribute']);
  });
});
