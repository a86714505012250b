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
  /** Longest time a story may span, first to last article (hours): a longer-running topic becomes successive stories. */
  maxSpanHours: number;
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

/**
 * Candidate pairs with their exact cosine, as adjacency maps. Documents arrive in time order; each term's posting
 * list keeps (document, weight) pairs, and a moving start skips documents more than `maxGapHours` older, so a term
 * only pairs documents of the same news cycle. Scores accumulate over the terms that are not too common in that
 * cycle (a term whose live postings exceed `maxDocFrequencyShare` of the documents within the gap, and at least 100,
 * proposes no pairs: the cost per document stays bounded however long the stream); pairs whose partial score reaches
 * half of `minPairSimilarity` get their exact cosine over all terms.
 */
function similarityGraph(docs: ClusterDoc[], vectors: SparseVector[], model: TermModel, config: ClusterConfig): Map<number, Map<number, number>> {
  const n = docs.length;
  const maxGapMs = config.maxGapHours * 3_600_000;
  const termCount = model.terms.length;
  const postDocs: number[][] = Array.from({ length: termCount }, () => []);
  const postWeights: number[][] = Array.from({ length: termCount }, () => []);
  const start = new Int32Array(termCount);
  const acc = new Float64Array(n);
  const stamp = new Int32Array(n).fill(-1);
  const touched: number[] = [];
  const graph = new Map<number, Map<number, number>>();
  const link = (i: number, j: number, sim: number): void => {
    if (!graph.has(i)) graph.set(i, new Map());
    if (!graph.has(j)) graph.set(j, new Map());
    graph.get(i)!.set(j, sim);
    graph.get(j)!.set(i, sim);
  };
  let windowStart = 0;
  for (let j = 0; j < n; j++) {
    const v = vectors[j]!;
    const oldest = docs[j]!.time - maxGapMs;
    while (docs[windowStart]!.time < oldest) windowStart++;
    // Small batches use every term; the cap only keeps a cycle's very common terms from pairing everything.
    const maxPostings = Math.max(100, Math.floor(config.maxDocFrequencyShare * (j - windowStart)));
    touched.length = 0;
    for (let k = 0; k < v.ids.length; k++) {
      const term = v.ids[k]!;
      const list = postDocs[term]!;
      const weights = postWeights[term]!;
      let s0 = start[term]!;
      while (s0 < list.length && docs[list[s0]!]!.time < oldest) s0++;
      start[term] = s0;
      const w = v.weights[k]!;
      if (list.length - s0 > maxPostings) {
        list.push(j);
        weights.push(w);
        continue;
      }
      for (let p = s0; p < list.length; p++) {
        const i = list[p]!;
        if (stamp[i] !== j) {
          stamp[i] = j;
          acc[i] = 0;
          touched.push(i);
        }
        acc[i]! += w * weights[p]!;
      }
      list.push(j);
      weights.push(w);
    }
    for (const i of touched) {
      if (acc[i]! < config.minPairSimilarity / 2) continue;
      const sim = dot(vectors[i]!, v);
      if (sim >= config.minPairSimilarity) link(i, j, sim);
    }
  }
  return graph;
}

/**
 * Clusters `input` into stories. Returns every document in exactly one cluster (singletons included).
 * `fixedGroups`: lists of document ids that are one story already (joined first, never split; unknown ids ignored).
 * `isolated`: ids that never join any other document. Never throws; an empty input gives no clusters.
 */
export function clusterDocs(
  input: ClusterDoc[],
  config: ClusterConfig = DEFAULT_CLUSTER_CONFIG,
  fixedGroups: string[][] = [],
  isolated: ReadonlySet<string> = new Set(),
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
  const first = Float64Array.from(docs, (d) => d.time);
  const last = Float64Array.from(docs, (d) => d.time);
  const maxSpanMs = config.maxSpanHours * 3_600_000;
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
    first[a] = Math.min(first[a]!, first[b]!);
    last[a] = Math.max(last[a]!, last[b]!);
    for (const m of members[b]!) members[a]!.push(m);
    members[b] = [];
    links[a]!.delete(b);
    for (const [k, s] of links[b]!) {
      if (k === a) continue;
      const merged = (links[a]!.get(k) ?? 0) + s;
      links[a]!.set(k, merged);
      links[k]!.delete(b);
      links[k]!.set(a, merged);
    }
    links[b]!.clear();
    // ‖S_a + S_b‖² = ‖S_a‖² + Σ_t (2·S_a[t]·S_b[t] + S_b[t]²): updated over b's terms only.
    let normSq = norms[a]! * norms[a]!;
    for (const [id, w] of sums[b]!) {
      const old = sums[a]!.get(id) ?? 0;
      normSq += 2 * old * w + w * w;
      sums[a]!.set(id, old + w);
    }
    sums[b]!.clear();
    norms[a] = Math.sqrt(Math.max(normSq, 0)) || 1;
    version[a] = version[a]! + 1;
  };

  // Fixed groups (stories already published) are joined first and never split.
  const indexOf = new Map(docs.map((d, i) => [d.id, i]));
  for (const group of fixedGroups) {
    const idx = group.map((id) => indexOf.get(id)).filter((i): i is number => i !== undefined).sort((x, y) => x - y);
    for (const i of idx.slice(1)) if (alive[i]) merge(idx[0]!, i);
  }

  const heap = new Heap();
  // Last known linkage score of each linked pair: exact (≥ 0), or, stored negated, an upper bound of it.
  const known: Array<Map<number, number>> = links.map(() => new Map());
  const remember = (a: number, b: number, value: number): void => {
    known[a]!.set(b, value);
    known[b]!.set(a, value);
  };
  const offer = (a: number, b: number, value: number): void => {
    const [lo, hi] = a < b ? [a, b] : [b, a];
    remember(lo, hi, value);
    if (value >= config.threshold) heap.push({ avg: value, a: lo, b: hi, va: version[lo]!, vb: version[hi]! });
  };
  // Isolated documents (split out by an editor) never join anything: drop their links.
  for (const id of isolated) {
    const i = indexOf.get(id);
    if (i === undefined) continue;
    for (const k of links[i]!.keys()) links[k]!.delete(i);
    links[i]!.clear();
  }
  for (let a = 0; a < n; a++) if (alive[a]) for (const b of links[a]!.keys()) if (a < b) offer(a, b, score(a, b));

  const dense = new Float64Array(model.terms.length);
  const exactCentroid = (keep: number, k: number): number => {
    let d = 0;
    for (const [id, w] of sums[k]!) d += w * dense[id]!;
    return d / (norms[keep]! * norms[k]!);
  };
  const neighbours: Array<[number, number, number]> = [];
  while (heap.size > 0) {
    const e = heap.pop()!;
    if (!alive[e.a] || !alive[e.b] || version[e.a] !== e.va || version[e.b] !== e.vb) continue; // stale
    if (Math.max(last[e.a]!, last[e.b]!) - Math.min(first[e.a]!, first[e.b]!) > maxSpanMs) continue; // too long a story
    // Centroid linkage after A and B merge, for each neighbour N: cos(A∪B, N) = (cos(A,N)·‖S_A‖ + cos(B,N)·‖S_B‖) /
    // ‖S_A + S_B‖. Known exact cosines give the new one exactly; a bound (or 1 for a pair never linked) gives a bound,
    // and only a bound that reaches the threshold costs a dot product. Bounds stay true bounds, so a re-run from the
    // result finds nothing left to merge (runs are idempotent).
    neighbours.length = 0;
    if (config.linkage === 'centroid') {
      const knownA = known[e.a]!;
      const knownB = known[e.b]!;
      for (const k of new Set([...links[e.a]!.keys(), ...links[e.b]!.keys()])) {
        if (k === e.a || k === e.b) continue;
        neighbours.push([k, knownA.get(k) ?? -1, knownB.get(k) ?? -1]);
      }
    }
    const xa = norms[e.a]!;
    const xb = norms[e.b]!;
    // The larger cluster survives (its maps absorb the smaller one's); ties keep the lower index. Deterministic.
    const [keep, gone] = members[e.b]!.length > members[e.a]!.length ? [e.b, e.a] : [e.a, e.b];
    merge(keep, gone);
    for (const k of known[gone]!.keys()) known[k]!.delete(gone);
    known[gone]!.clear();
    known[keep]!.delete(gone);
    if (config.linkage === 'average') {
      for (const k of links[keep]!.keys()) offer(keep, k, score(keep, k));
      continue;
    }
    const keepSum = sums[keep]!;
    let denseReady = false;
    for (const [k, ca, cb] of neighbours) {
      const value = (Math.abs(ca) * xa + Math.abs(cb) * xb) / norms[keep]!;
      if (ca >= 0 && cb >= 0) offer(keep, k, value);
      else if (value < config.threshold) remember(keep, k, -value);
      else {
        if (!denseReady) {
          for (const [id, w] of keepSum) dense[id] = w;
          denseReady = true;
        }
        offer(keep, k, exactCentroid(keep, k));
      }
    }
    if (denseReady) for (const id of keepSum.keys()) dense[id] = 0;
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
