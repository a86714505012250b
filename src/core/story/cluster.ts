/**
 * Story clustering: groups articles that report the same event.
 *
 * Method: TF-IDF vectors of title + lead (src/core/story/vectorize.ts); candidate pairs from an inverted index over
 * terms (very common terms are not indexed, so the cost grows near-linearly rather than with all pairs); exact cosine
 * for candidates closer in time than `maxGapHours`; then hierarchical agglomerative clustering on that sparse graph
 * (Manning et al., "Introduction to Information Retrieval", ch. 17): the closest pair of neighbouring groups joins
 * while their linkage score reaches `threshold` — centroid linkage (cosine of the groups' summed vectors) by default,
 * average linkage (mean pair cosine, non-candidate pairs counting 0) as the alternative. Unlike single-pass
 * clustering (Allan et al., "Topic Detection and Tracking Pilot Study", 1998) the result does not depend on input
 * order. For incremental runs, groups already published are passed in `fixedGroups`: they are joined first and never
 * split, new articles join them or start new groups, and two groups that grow together may merge.
 * Deterministic: the same documents in any order give the same clusters.
 */
import { DEFAULT_CLUSTER_CONFIG } from '../config';
import { buildTermModel, centroid, dot, termCounts, toVector, type SparseVector, type TermModel } from './vectorize';

export interface ClusterDoc {
  id: string;
  title: string;
  /** Lead or summary text (plain), or null. */
  text: string | null;
  /** Event time in ms since the epoch (published, else first seen). */
  time: number;
}

export interface ClusterConfig {
  /** Minimum mean pairwise cosine for two clusters to merge (0..1). */
  threshold: number;
  /** Articles further apart in time than this are never linked directly (hours). */
  maxGapHours: number;
  /** Pairs below this cosine are dropped from the graph (counted as 0). */
  minPairSimilarity: number;
  /** Terms in more than this share of documents are not used to find candidates (they still count in cosines). */
  maxDocFrequencyShare: number;
  titleWeight: number;
  maxBodyTokens: number;
  entityBoost: number;
  /** How two clusters' similarity is measured: mean pair cosine ('average') or cosine of their centroids ('centroid'). */
  linkage: 'average' | 'centroid';
}


export interface ClusterMember {
  id: string;
  /** Cosine to the cluster's centroid (0..1), rounded to 4 decimals. */
  similarity: number;
}

export interface ClusterResult {
  /** Clusters, each sorted by document time then id; clusters sorted by their first member's time then id. */
  clusters: ClusterMember[][];
  model: TermModel;
  vectors: Map<string, SparseVector>;
}

/** Max-heap entry: a candidate merge of clusters a < b with mean similarity `avg`. */
interface Entry {
  avg: number;
  a: number;
  b: number;
  /** Versions of clusters a and b when the entry was made; a merge bumps a version, making older entries stale. */
  va: number;
  vb: number;
}

function better(x: Entry, y: Entry): boolean {
  return x.avg > y.avg || (x.avg === y.avg && (x.a < y.a || (x.a === y.a && x.b < y.b)));
}

class Heap {
  private items: Entry[] = [];
  get size(): number {
    return this.items.length;
  }
  push(e: Entry): void {
    const h = this.items;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!better(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }
  pop(): Entry | undefined {
    const h = this.items;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && better(h[l]!, h[m]!)) m = l;
        if (r < h.length && better(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}

/** Candidate pairs (i < j) with their cosine, found through an inverted index of the less common terms. */
function similarityGraph(docs: ClusterDoc[], vectors: SparseVector[], model: TermModel, config: ClusterConfig): Map<number, Map<number, number>> {
  const maxDf = Math.max(2, Math.floor(config.maxDocFrequencyShare * docs.length));
  const maxGapMs = config.maxGapHours * 3_600_000;
  const postings = new Map<number, number[]>();
  const graph = new Map<number, Map<number, number>>();
  for (let j = 0; j < docs.length; j++) {
    const v = vectors[j]!;
    const seen = new Set<number>();
    for (const term of v.ids) {
      if (model.df[term]! > maxDf) continue;
      const list = postings.get(term);
      if (list) for (const i of list) seen.add(i);
      if (list) list.push(j);
      else postings.set(term, [j]);
    }
    for (const i of seen) {
      if (Math.abs(docs[i]!.time - docs[j]!.time) > maxGapMs) continue;
      const sim = dot(vectors[i]!, v);
      if (sim < config.minPairSimilarity) continue;
      const lo = Math.min(i, j);
      const hi = Math.max(i, j);
      if (!graph.has(lo)) graph.set(lo, new Map());
      if (!graph.has(hi)) graph.set(hi, new Map());
      graph.get(lo)!.set(hi, sim);
      graph.get(hi)!.set(lo, sim);
    }
  }
  return graph;
}

/**
 * Clusters `docs` into stories. Returns every document in exactly one cluster (singletons included).
 * Never throws for well-formed input; an empty input gives no clusters.
 */
export function clusterDocs(
  input: ClusterDoc[],
  config: ClusterConfig = DEFAULT_CLUSTER_CONFIG,
  fixedGroups: string[][] = [],
  mayMerge: (a: number[], b: number[]) => boolean = () => true,
): ClusterResult {
  const docs = [...input].sort((x, y) => x.time - y.time || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const opts = { titleWeight: config.titleWeight, maxBodyTokens: config.maxBodyTokens, entityBoost: config.entityBoost };
  const counted = docs.map((d) => termCounts(d, opts));
  const model = buildTermModel(counted);
  const vectors = counted.map((c) => toVector(c.counts, model, config.entityBoost));
  const graph = similarityGraph(docs, vectors, model, config);

  // Agglomeration over the sparse graph. Cluster k holds members[k]; links[k] maps each neighbour cluster to the sum
  // of the pair similarities between them; sums[k] is the sum of its members' vectors (for centroid linkage).
  const n = docs.length;
  const members: number[][] = docs.map((_, i) => [i]);
  const links: Array<Map<number, number>> = docs.map((_, i) => new Map(graph.get(i) ?? []));
  const sums: Array<Map<number, number>> = vectors.map((v) => new Map(Array.from(v.ids, (id, j) => [id, v.weights[j]!])));
  const norms = new Float64Array(n).fill(1);
  const version = new Int32Array(n);
  const alive = docs.map(() => true);

  /** Linkage score of clusters a and b: mean pair similarity (average) or cosine of the summed vectors (centroid). */
  const score = (a: number, b: number): number => {
    if (config.linkage === 'average') return links[a]!.get(b)! / (members[a]!.length * members[b]!.length);
    const [small, large] = sums[a]!.size <= sums[b]!.size ? [sums[a]!, sums[b]!] : [sums[b]!, sums[a]!];
    let d = 0;
    for (const [id, w] of small) d += w * (large.get(id) ?? 0);
    return d / (norms[a]! * norms[b]!);
  };
  const merge = (a: number, b: number): void => {
    alive[b] = false;
    members[a] = members[a]!.concat(members[b]!);
    links[a]!.delete(b);
    for (const [k, s] of links[b]!) {
      if (k === a) continue;
      const merged = (links[a]!.get(k) ?? 0) + s;
      links[a]!.set(k, merged);
      links[k]!.delete(b);
      links[k]!.set(a, merged);
    }
    links[b]!.clear();
    for (const [id, w] of sums[b]!) sums[a]!.set(id, (sums[a]!.get(id) ?? 0) + w);
    sums[b]!.clear();
    let norm = 0;
    for (const w of sums[a]!.values()) norm += w * w;
    norms[a] = Math.sqrt(norm) || 1;
    version[a] = version[a]! + 1;
  };

  // Fixed groups (stories already published) are joined first and never split.
  const indexOf = new Map(docs.map((d, i) => [d.id, i]));
  for (const group of fixedGroups) {
    const idx = group.map((id) => indexOf.get(id)).filter((i): i is number => i !== undefined).sort((x, y) => x - y);
    for (const i of idx.slice(1)) if (alive[i]) merge(idx[0]!, i);
  }

  const heap = new Heap();
  const push = (a: number, b: number): void => {
    const [lo, hi] = a < b ? [a, b] : [b, a];
    const avg = score(lo, hi);
    if (avg >= config.threshold) heap.push({ avg, a: lo, b: hi, va: version[lo]!, vb: version[hi]! });
  };
  for (let a = 0; a < n; a++) if (alive[a]) for (const b of links[a]!.keys()) if (a < b) push(a, b);
  while (heap.size > 0) {
    const e = heap.pop()!;
    if (!alive[e.a] || !alive[e.b] || version[e.a] !== e.va || version[e.b] !== e.vb) continue; // stale
    if (!mayMerge(members[e.a]!, members[e.b]!)) continue;
    merge(e.a, e.b); // the lower index survives, so the result does not depend on heap ties
    for (const k of links[e.a]!.keys()) push(e.a, k);
  }

  const vectorById = new Map<string, SparseVector>();
  docs.forEach((d, i) => vectorById.set(d.id, vectors[i]!));
  const clusters: ClusterMember[][] = [];
  for (let k = 0; k < docs.length; k++) {
    if (!alive[k]) continue;
    const idx = [...members[k]!].sort((x, y) => x - y);
    const c = centroid(idx.map((i) => vectors[i]!));
    clusters.push(idx.map((i) => ({ id: docs[i]!.id, similarity: Math.round(dot(vectors[i]!, c) * 1e4) / 1e4 })));
  }
  // Members are index-sorted, so each cluster's first member is its earliest document.
  const order = new Map(docs.map((d, i) => [d.id, i]));
  clusters.sort((x, y) => order.get(x[0]!.id)! - order.get(y[0]!.id)!);
  return { clusters, model, vectors: vectorById };
}
