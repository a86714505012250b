/**
 * "Similar stories": for each story, the ids of other stories whose centroids are closest to its own (cosine at least
 * SIMILAR_STORIES_MIN_COSINE, at most SIMILAR_STORIES_MAX, most similar first, ties by id). Candidates come from an
 * inverted index over each centroid's heaviest terms, so the cost grows with shared terms, not with stories².
 * Pure.
 */
import { SIMILAR_STORIES_MAX, SIMILAR_STORIES_MIN_COSINE } from '../config';
import { dot, type SparseVector } from './vectorize';

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

/** Story id → similar story ids, for every item whose `query` is not false. */
export function similarStories(items: SimilarItem[], max = SIMILAR_STORIES_MAX, minCosine = SIMILAR_STORIES_MIN_COSINE): Map<string, string[]> {
  const top = items.map((it) => (it.listable || it.query !== false ? topTerms(it.centre, INDEX_TERMS) : []));
  const postings = new Map<number, number[]>();
  items.forEach((it, i) => {
    if (!it.listable) return;
    for (const t of top[i]!) {
      const list = postings.get(t) ?? [];
      list.push(i);
      postings.set(t, list);
    }
  });
  const out = new Map<string, string[]>();
  items.forEach((it, i) => {
    if (it.query === false) return;
    const candidates = new Set<number>();
    for (const t of top[i]!) for (const j of postings.get(t) ?? []) if (j !== i) candidates.add(j);
    const scored = [...candidates]
      .map((j) => ({ id: items[j]!.id, cos: dot(it.centre, items[j]!.centre) }))
      .filter((x) => x.cos >= minCosine && x.id !== it.id)
      .sort((x, y) => y.cos - x.cos || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    out.set(it.id, scored.slice(0, max).map((x) => x.id));
  });
  return out;
}
