/**
 * "Similar stories": for each story, the ids of other stories whose centroids are closest to its own (cosine at least
 * SIMILAR_STORIES_MIN_COSINE, at most SIMILAR_STORIES_MAX, most similar first, ties by id). Candidates come from an
 * inverted index over each centroid's heaviest terms, so the cost grows with shared terms, not with stories².
 * Pure.
 */
import { SIMILAR_STORIES_MAX, SIMILAR_STORIES_MIN_COSINE, SIMILAR_STORIES_MIN_RESIDUAL, SIMILAR_STORIES_ONE_NAME_RANK } from '../config';
import type { SparseVector } from './vectorize';

export interface SimilarItem {
  id: string;
  centre: SparseVector;
  /** Whether the story may be listed as similar (e.g. it has a page); it still gets its own list. */
  listable: boolean;
  /** Whether its own list is wanted (default true); a story kept from the last run keeps its stored list. */
  query?: boolean;
}

/** Terms per centroid used to find candidates (the exact cosine is then computed on whole centroids). */
const INDEX_TERMS = 24;

function topTerms(v: SparseVector, k: number): number[] {
  const order = [...v.ids.keys()].sort((a, b) => v.weights[b]! - v.weights[a]! || v.ids[a]! - v.ids[b]!);
  return order.slice(0, k).map((i) => v.ids[i]!);
}

/** Whether `term` is among the SIMILAR_STORIES_ONE_NAME_RANK heaviest terms of both centroids (`a`, `b`: topTerms). */
const aboutBoth = (term: number, a: readonly number[], b: readonly number[]): boolean =>
  a.slice(0, SIMILAR_STORIES_ONE_NAME_RANK).includes(term) && b.slice(0, SIMILAR_STORIES_ONE_NAME_RANK).includes(term);

/**
 * Story id → similar story ids, for every item whose `query` is not false. Each query's centroid is scattered into a
 * dense array once, so its cosine with a candidate is one walk over the candidate's terms (the same products, summed
 * in the same ascending term order as `dot`). A pair whose cosine comes from one term (under SIMILAR_STORIES_MIN_RESIDUAL
 * without it) is similar only when `isName` says that term (an id of the centroids' model) is a name and it is one of
 * the heaviest terms of both (SIMILAR_STORIES_ONE_NAME_RANK).
 */
export function similarStories(
  items: SimilarItem[],
  max = SIMILAR_STORIES_MAX,
  minCosine = SIMILAR_STORIES_MIN_COSINE,
  isName: (term: number) => boolean = () => true,
): Map<string, string[]> {
  const heaviest = items.map((it) => (it.listable || it.query !== false ? topTerms(it.centre, INDEX_TERMS) : []));
  const postings = new Map<number, number[]>();
  let maxTerm = -1;
  items.forEach((it, i) => {
    for (const t of it.centre.ids) if (t > maxTerm) maxTerm = t;
    if (!it.listable) return;
    for (const t of heaviest[i]!) {
      const list = postings.get(t) ?? [];
      list.push(i);
      postings.set(t, list);
    }
  });
  const dense = new Float64Array(maxTerm + 1);
  /** Query index that last reached each item (a candidate is scored once per query). */
  const reached = new Int32Array(items.length).fill(-1);
  const candidates: number[] = [];
  const out = new Map<string, string[]>();
  items.forEach((it, i) => {
    if (it.query === false) return;
    candidates.length = 0;
    for (const t of heaviest[i]!) {
      for (const j of postings.get(t) ?? []) {
        if (j === i || reached[j] === i) continue;
        reached[j] = i;
        candidates.push(j);
      }
    }
    const c = it.centre;
    for (let k = 0; k < c.ids.length; k++) dense[c.ids[k]!] = c.weights[k]!;
    const scored: Array<{ id: string; cos: number }> = [];
    for (const j of candidates) {
      const v = items[j]!.centre;
      let cos = 0;
      let top = 0;
      let topTerm = -1;
      for (let k = 0; k < v.ids.length; k++) {
        const p = dense[v.ids[k]!]! * v.weights[k]!;
        cos += p;
        if (p > top) [top, topTerm] = [p, v.ids[k]!];
      }
      if (cos < minCosine || items[j]!.id === it.id) continue;
      if (cos - top < SIMILAR_STORIES_MIN_RESIDUAL && !(isName(topTerm) && aboutBoth(topTerm, heaviest[i]!, heaviest[j]!))) continue;
      scored.push({ id: items[j]!.id, cos });
    }
    for (let k = 0; k < c.ids.length; k++) dense[c.ids[k]!] = 0;
    scored.sort((x, y) => y.cos - x.cos || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    out.set(it.id, scored.slice(0, max).map((x) => x.id));
  });
  return out;
}
