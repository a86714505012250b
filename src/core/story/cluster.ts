/**
 * Story clustering: groups articles that report the same event.
 *
 * Method: TF-IDF vectors of title + lead (src/core/story/vectorize.ts); candidate pairs from an inverted index over
 * terms (very common terms are not indexed, so the cost grows near-linearly rather than with all pairs); exact cosine
 * for candidates closer in time than `maxGapHours`; then average-linkage agglomerative clustering on that sparse
 * similarity graph (pairs that are not candidates count as similarity 0), merging while the mean pairwise similarity
 * of two clusters stays at or above `threshold`. Average linkage is the usual strong baseline for event detection
 * (Allan et al., "Topic Detection and Tracking Pilot Study", 1998; Manning et al., IIR ch. 17.3), and unlike
 * single-pass clustering it does not depend on input order.
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
export function clusterDocs(input: ClusterDoc[], config: ClusterConfig = DEFAULT_CLUSTER_CONFIG): ClusterResult {
  const docs = [...input].sort((x, y) => x.time - y.time || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const opts = { titleWeight: config.titleWeight, maxBodyTokens: config.maxBodyTokens, entityBoost: config.entityBoost };
  const counted = docs.map((d) => termCounts(d, opts));
  const model = buildTermModel(counted.map((c) => c.counts));
  const vectors = counted.map((c) => toVector(c.counts, c.entities, model, config.entityBoost));
  const graph = similarityGraph(docs, vectors, model, config);

  // Average linkage: cluster k holds members[k]; links[k] maps neighbour cluster → sum of pair similarities.
  const members: number[][] = docs.map((_, i) => [i]);
  const links: Array<Map<number, number>> = docs.map((_, i) => new Map(graph.get(i) ?? []));
  const alive = docs.map(() => true);
  const heap = new Heap();
  for (let a = 0; a < docs.length; a++) {
    for (const [b, sum] of links[a]!) if (a < b && sum >= config.threshold) heap.push({ avg: sum, a, b });
  }
  while (heap.size > 0) {
    const e = heap.pop()!;
    if (!alive[e.a] || !alive[e.b]) continue;
    const current = links[e.a]!.get(e.b);
    if (current === undefined || current / (members[e.a]!.length * members[e.b]!.length) !== e.avg) continue; // stale
    // Merge b into a (a < b keeps the survivor deterministic).
    const { a, b } = e;
    alive[b] = false;
    members[a] = members[a]!.concat(members[b]!);
    links[a]!.delete(b);
    for (const [n, s] of links[b]!) {
      if (n === a) continue;
      const merged = (links[a]!.get(n) ?? 0) + s;
      links[a]!.set(n, merged);
      links[n]!.delete(b);
      links[n]!.set(a, merged);
    }
    links[b]!.clear();
    for (const [n, s] of links[a]!) {
      const avg = s / (members[a]!.length * members[n]!.length);
      if (avg >= config.threshold) heap.push({ avg, a: Math.min(a, n), b: Math.max(a, n) });
    }
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
