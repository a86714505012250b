/**
 * Story clustering: groups articles that report the same event.
 *
 * Method: TF-IDF vectors of title + lead (src/core/story/vectorize.ts, one batch pass over interned terms); a single
 * pass over the articles in time order that assigns each one to the story whose centroid it is closest to, or starts
 * a new story, then merges stories that the same article reaches (assign-then-merge, as streaming news clustering:
 * Miranda et al., "Multilingual clustering of streaming news", EMNLP 2018; single-pass TDT clustering, Allan et al.
 * 1998). Candidate stories come from an inverted index over the articles of the last `maxGapHours`, so no pair of
 * articles is compared unless they share a rare-enough term, and the cost grows linearly with the stream.
 * For incremental runs, groups already published are passed in `fixedGroups`: their articles are placed in their
 * story without being re-decided (so a re-run over the same window gives the same stories), new articles join them
 * or start new stories, and two stories that grow together merge.
 * Deterministic: documents are ordered by time then id first, so the same documents in any order give the same
 * clusters.
 */
import { DEFAULT_CLUSTER_CONFIG } from '../config';
import { vectorizeBatch, type SparseVector, type TermModel } from './vectorize';


export interface ClusterDoc {
  id: string;
  title: string;
  /** Lead or summary text (plain), or null. */
  text: string | null;
  /** Event time in ms since the epoch (published, else first seen). */
  time: number;
  /** Source id, for the feed-template rule (vectorize.ts); optional. */
  source?: string | null;
  /** BCP 47 language tag (the source's), for stop words and stemming (tokenize.ts); optional, absent: unknown. */
  language?: string | null;
}

export interface ClusterConfig {
  /** Minimum cosine between an article and a story's centroid for it to join, and between two stories' centroids
   * for them to merge (0..1). */
  threshold: number;
  /** A story is a candidate for an article only when their partial cosine (over the article's indexed terms, a lower
   * bound of the exact one) reaches this; below it they count as unrelated. */
  minPairSimilarity: number;
  /** An article only finds candidate stories through articles at most this much older (hours). */
  maxGapHours: number;
  /** Terms in more than this share of the window's documents are not used to find candidates (they still count in
   * cosines), unless nothing else finds one: then they look up only their newest postings. */
  maxDocFrequencyShare: number;
  titleWeight: number;
  maxBodyTokens: number;
  entityBoost: number;
  /** Longest time a story may span, first to last article (hours): a longer-running topic becomes successive stories. */
  maxSpanHours: number;
  /** Two whole stories merge when their centroids' cosine reaches this (above 1: no story merge step). */
  storyMergeThreshold: number;
  /** How many of a document's heaviest terms look up candidate stories in the inverted index. */
  candidateTerms: number;
  /** A join or merge also needs this cosine between the two once the term that contributes most to their cosine is
   * taken out of both (0..1; 0 turns the check off): one shared word (a place, a season, a company) marks a topic,
   * an event needs more. */
  minResidualSimilarity: number;
  /** A term in at least this share of one source's articles in the batch is that feed's template (boilerplate such as
   * "Comments URL" or a " - CNET" after every title) and is left out of its vectors (above 1: off). */
  feedTemplateShare: number;
  /** The feed-template rule applies to a source only when the batch holds at least this many of its articles. */
  feedTemplateMinDocs: number;
  /** Used instead of `threshold` and `storyMergeThreshold` when neither of the two has lead text (hasLead: articles
   * with only a title, or stories of such articles): a headline's few words give reports of one event lower cosines. */
  titleOnlyThreshold: number;
  /** Used instead of `minResidualSimilarity` when neither of the two has lead text: in a headline's few words a
   * chance overlap weighs more. */
  titleOnlyResidualSimilarity: number;
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

/**
 * A story's summed vector: term id → summed weight, kept in insertion order (iteration order decides float sums and
 * ties, so it is the same as a Map's) with an open-addressing index for lookups. Plain arrays (on the JS heap) keep
 * the many small sums cheap to allocate.
 */
class TermSum {
  /** Term ids and their sums, in insertion order. */
  readonly ids: number[] = [];
  readonly values: number[] = [];
  /** Index into `ids` + 1 per slot (0: empty); length a power of two, at most half full. */
  private slots: number[] = new Array<number>(32).fill(0);
  private shift = 27;

  get size(): number {
    return this.ids.length;
  }

  /** The sum for `id`, or 0 when the term is absent. */
  get(id: number): number {
    const mask = this.slots.length - 1;
    for (let s = Math.imul(id, 0x9e3779b1) >>> this.shift; ; s = (s + 1) & mask) {
      const k = this.slots[s]!;
      if (k === 0) return 0;
      if (this.ids[k - 1] === id) return this.values[k - 1]!;
    }
  }

  /** Adds `w` to the sum of `id` (as `map.set(id, (map.get(id) ?? 0) + w)`); returns the sum before. */
  add(id: number, w: number): number {
    const mask = this.slots.length - 1;
    let s = Math.imul(id, 0x9e3779b1) >>> this.shift;
    for (; ; s = (s + 1) & mask) {
      const k = this.slots[s]!;
      if (k === 0) break;
      if (this.ids[k - 1] === id) {
        const old = this.values[k - 1]!;
        this.values[k - 1] = old + w;
        return old;
      }
    }
    this.ids.push(id);
    this.values.push(0 + w);
    this.slots[s] = this.ids.length;
    if (2 * this.ids.length > this.slots.length) this.rehash();
    return 0;
  }

  private rehash(): void {
    this.slots = new Array<number>(this.slots.length * 2).fill(0);
    this.shift--;
    const mask = this.slots.length - 1;
    for (let k = 0; k < this.ids.length; k++) {
      let s = Math.imul(this.ids[k]!, 0x9e3779b1) >>> this.shift;
      while (this.slots[s] !== 0) s = (s + 1) & mask;
      this.slots[s] = k + 1;
    }
  }
}

/** The merge step scans at most this many stories per term (a term heavy in hundreds of stories is a topic, not an
 * event, and would make the step quadratic). */
const MAX_STORY_POSTINGS = 200;

const SPACE = /\s/u;
const isSpace = (c: string): boolean => c <= ' ' || (c > '~' && SPACE.test(c));

/** Whether `a` and `b` are one text but for case and whitespace (runs of it count as one, and none at either end).
 * Walks both only up to their first difference, since it runs on every article of a batch. */
function sameText(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < a.length && isSpace(a[i]!)) i++;
    while (j < b.length && isSpace(b[j]!)) j++;
    if (i === a.length || j === b.length) return i === a.length && j === b.length;
    while (i < a.length && j < b.length && !isSpace(a[i]!) && !isSpace(b[j]!)) {
      if (a[i] !== b[j] && a[i]!.toLowerCase() !== b[j]!.toLowerCase()) return false;
      i++;
      j++;
    }
    // One word ended and the other did not.
    if (i < a.length && j < b.length && isSpace(a[i]!) !== isSpace(b[j]!)) return false;
  }
}

/**
 * Whether a document has lead text beyond its title: a letter or digit in `text`, which is not the title again (some
 * feeds repeat the title as the description). Without it the title-only limits apply (ClusterConfig).
 */
export function hasLead(doc: Pick<ClusterDoc, 'title' | 'text'>): boolean {
  return !!doc.text && /[\p{L}\p{N}]/u.test(doc.text) && !sameText(doc.text, doc.title);
}

/**
 * Clusters `input` into stories. Returns every document in exactly one cluster (singletons included).
 * `fixedGroups`: lists of document ids that are one story already (kept together, never split; unknown ids ignored).
 * `isolated`: ids that never join any other document. `groupStarts[g]` (ms since the epoch, optional): when fixed
 * group g's story began, counting its articles outside `input` (those that left the window), so the `maxSpanHours`
 * limit holds over a story's whole life and an ongoing topic becomes successive stories instead of one that grows
 * for ever. Never throws; an empty input gives no clusters.
 *
 * Single pass in time order (then id), with an inverted index over the documents of the last `maxGapHours`:
 * - a document of a fixed group joins its group's story directly (published assignments are never re-decided, so a
 *   re-run over the same window reproduces them exactly), and takes in each story of this run only (no fixed
 *   article) that it would have joined, were it new: a late feed's reports dated before the story's are processed
 *   first and found nothing;
 * - any other document scores the stories of the documents that share one of its `candidateTerms` heaviest terms:
 *   the partial dot product over those postings (terms in more than `maxDocFrequencyShare` of the window propose
 *   nothing, unless nothing else is found: then their newest postings) preselects stories, the exact cosine with
 *   each one's centroid (summed vectors, as centroid linkage) decides; it joins the best story at or above
 *   `threshold` whose span stays within `maxSpanHours`, else starts a new one;
 * - when it reached several stories, each other one whose centroid is within `threshold` of the grown story merges
 *   into it (two stories that grow together become one);
 * - then a merge step over whole stories (see below) joins each story that gained articles to its closest story
 *   within `storyMergeThreshold` (Miranda et al., "Multilingual clustering of streaming news", EMNLP 2018, use the
 *   same assign-then-merge shape).
 * Every join and merge also needs the cosine of the two to reach `minResidualSimilarity` once the term that
 * contributes most to it is taken out of both, so that one shared word (a place, a season, a company) never makes
 * two reports one story. Between two sides without lead text, `titleOnlyThreshold` and `titleOnlyResidualSimilarity`
 * stand for the thresholds and the residual.
 * Cost: each document touches the window postings of its non-saturated terms, so time grows linearly with the
 * stream at a given news density.
 */
export function clusterDocs(
  input: ClusterDoc[],
  config: ClusterConfig = DEFAULT_CLUSTER_CONFIG,
  fixedGroups: string[][] = [],
  isolated: ReadonlySet<string> = new Set(),
  groupStarts: readonly number[] = [],
): ClusterResult {
  const docs = [...input].sort((x, y) => x.time - y.time || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const n = docs.length;
  const { model, vectors } = vectorizeBatch(docs, config);
  const times = Float64Array.from(docs, (d) => d.time);
  const indexOf = new Map(docs.map((d, i) => [d.id, i]));
  const groupOf = new Int32Array(n).fill(-1);
  fixedGroups.forEach((group, g) => {
    for (const id of group) {
      const i = indexOf.get(id);
      if (i !== undefined && !isolated.has(id)) groupOf[i] = g;
    }
  });
  const groupStory = new Int32Array(fixedGroups.length).fill(-1);
  const isIsolated = new Uint8Array(n);
  for (const id of isolated) {
    const i = indexOf.get(id);
    if (i !== undefined) isIsolated[i] = 1;
  }

  // Stories: union-find over the index of their first document. Only roots hold data.
  const parent = new Int32Array(n);
  const storyOf = new Int32Array(n);
  const sums: Array<TermSum | null> = new Array(n).fill(null);
  const normSq = new Float64Array(n);
  const first = new Float64Array(n);
  /** Articles per story (at its root). */
  const size = new Int32Array(n);
  /** 1 when the story holds an article placed by this run (not from a fixed group). */
  const fresh = new Uint8Array(n);
  /** 1 when the story holds an article of a fixed group (a story published before this run). */
  const held = new Uint8Array(n);
  /** Articles with lead text per story (at its root); an article's own is hasLead(doc). */
  const leads = Int32Array.from(docs, (d) => (hasLead(d) ? 1 : 0));
  /** 1 when neither side (an article or a story, by index) has lead text, so the title-only limits apply to the two
   * (ClusterConfig.titleOnlyThreshold), else 0: the index into the limits below. */
  const titleOnly = (a: number, b: number): 0 | 1 => (leads[a] === 0 && leads[b] === 0 ? 1 : 0);
  const joinThreshold = [config.threshold, config.titleOnlyThreshold] as const;
  const mergeThreshold = [config.storyMergeThreshold, config.titleOnlyThreshold] as const;
  const residualOf = [config.minResidualSimilarity, config.titleOnlyResidualSimilarity] as const;
  const last = new Float64Array(n);
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r]!;
    while (parent[x] !== r) {
      const next = parent[x]!;
      parent[x] = r;
      x = next;
    }
    return r;
  };
  /** A story of one document: its summed vector is the document's own (no map until a second one joins). */
  const open = (j: number): void => {
    parent[j] = j;
    storyOf[j] = j;
    normSq[j] = vectors[j]!.ids.length ? 1 : 0;
    size[j] = 1;
    first[j] = times[j]!;
    last[j] = times[j]!;
  };
  const sumOf = (root: number): TermSum => {
    let sum = sums[root];
    if (!sum) {
      const v = vectors[root]!;
      sum = new TermSum();
      for (let k = 0; k < v.ids.length; k++) sum.add(v.ids[k]!, v.weights[k]!);
      sums[root] = sum;
    }
    return sum;
  };
  const join = (root: number, j: number): void => {
    parent[j] = root;
    size[root]!++;
    leads[root]! += leads[j]!;
    storyOf[j] = root;
    const v = vectors[j]!;
    const sum = sumOf(root);
    let sq = normSq[root]!;
    for (let k = 0; k < v.ids.length; k++) {
      const id = v.ids[k]!;
      const w = v.weights[k]!;
      const old = sum.add(id, w);
      sq += 2 * old * w + w * w;
    }
    normSq[root] = Math.max(sq, 0);
    first[root] = Math.min(first[root]!, times[j]!);
    last[root] = Math.max(last[root]!, times[j]!);
  };
  /** Merges story `b` into story `a` (both roots): the larger map absorbs the smaller one. Returns the new root. */
  const merge = (a: number, b: number): number => {
    const [keep, gone] = a < b ? [a, b] : [b, a];
    let big = sumOf(keep);
    let small = sumOf(gone);
    let sq = normSq[keep]! + normSq[gone]!;
    for (let k = 0; k < small.size; k++) sq += 2 * small.values[k]! * big.get(small.ids[k]!);
    if (small.size > big.size) [big, small] = [small, big];
    for (let k = 0; k < small.size; k++) big.add(small.ids[k]!, small.values[k]!);
    sums[keep] = big;
    sums[gone] = null;
    normSq[keep] = Math.max(sq, 0);
    parent[gone] = keep;
    size[keep]! += size[gone]!;
    leads[keep]! += leads[gone]!;
    fresh[keep] = fresh[keep]! | fresh[gone]!;
    held[keep] = held[keep]! | held[gone]!;
    first[keep] = Math.min(first[keep]!, first[gone]!);
    last[keep] = Math.max(last[keep]!, last[gone]!);
    return keep;
  };
  /**
   * The cosine of two vectors from their dot product `dot`, squared norms `a2` and `b2`, and the two weights `topA`,
   * `topB` of the term whose product contributed most to `dot` — or -1 (below any threshold) when what is left of
   * the two once that term is taken out of both has a cosine under `residual` (residualOf). Every join and merge
   * decision reads its similarity through this, so the residual rule holds at each of them.
   */
  const linkCosine = (dot: number, a2: number, b2: number, topA: number, topB: number, residual: number): number => {
    const den = Math.sqrt(a2 * b2);
    if (!(den > 0)) return 0;
    if (residual > 0) {
      const restA = a2 - topA * topA;
      const restB = b2 - topB * topB;
      if (!(restA > 1e-12 && restB > 1e-12 && (dot - topA * topB) / Math.sqrt(restA * restB) >= residual)) return -1;
    }
    return dot / den;
  };
  /** linkCosine of unit vector `v` and story `root`'s centroid. */
  const cosineTo = (v: SparseVector, root: number, residual: number): number => {
    const sum = sums[root];
    let d = 0;
    let top = 0;
    let topA = 0;
    let topB = 0;
    if (!sum) {
      const u = vectors[root]!;
      for (let i = 0, k = 0; i < v.ids.length && k < u.ids.length; ) {
        const x = v.ids[i]!;
        const y = u.ids[k]!;
        if (x === y) {
          const fa = v.weights[i++]!, fb = u.weights[k++]!;
          const p = fa * fb;
          d += p;
          if (p > top) { top = p; topA = fa; topB = fb; }
        } else if (x < y) i++;
        else k++;
      }
      return linkCosine(d, 1, 1, topA, topB, residual);
    }
    for (let k = 0; k < v.ids.length; k++) {
      const fa = v.weights[k]!, fb = sum.get(v.ids[k]!);
      const p = fa * fb;
      d += p;
      if (p > top) { top = p; topA = fa; topB = fb; }
    }
    return linkCosine(d, 1, normSq[root]!, topA, topB, residual);
  };
  /** linkCosine of the centroids of stories `a` and `b`. */
  const centroidCosine = (a: number, b: number, residual: number): number => {
    const sa = sums[a];
    const sb = sums[b];
    let d = 0;
    if (!sa || !sb) {
      // A one-article story's summed vector is its article's (unit) vector.
      if (!sa && !sb) return cosineTo(vectors[a]!, b, residual);
      return sa ? cosineTo(vectors[b]!, a, residual) : cosineTo(vectors[a]!, b, residual);
    }
    const [small, big] = sa.size <= sb.size ? [sa, sb] : [sb, sa];
    let top = 0;
    let topA = 0;
    let topB = 0;
    for (let k = 0; k < small.size; k++) {
      const fa = small.values[k]!, fb = big.get(small.ids[k]!);
      const p = fa * fb;
      d += p;
      if (p > top) { top = p; topA = fa; topB = fb; }
    }
    return sa.size <= sb.size ? linkCosine(d, normSq[a]!, normSq[b]!, topA, topB, residual) : linkCosine(d, normSq[b]!, normSq[a]!, topA, topB, residual);
  };

  const maxGapMs = config.maxGapHours * 3_600_000;
  const maxSpanMs = config.maxSpanHours * 3_600_000;
  // Inverted index in flat typed arrays, each term's postings contiguous (all vectors are known up front, so each
  // term's share is counted first): term t's postings are [postingStart[t], postingEnd[t]), documents in index (time)
  // order, and those in the gap window are [postingFrom[t], postingEnd[t]): documents leave the window in index order,
  // so each one that leaves is the oldest posting of each of its terms, and a walk from the newest reads memory in
  // sequence and needs no time check.
  const termCount = model.terms.length;
  const postingStart = new Int32Array(termCount + 1);
  for (let j = 0; j < n; j++) {
    if (isIsolated[j]) continue;
    const ids = vectors[j]!.ids;
    for (let k = 0; k < ids.length; k++) postingStart[ids[k]! + 1]!++;
  }
  for (let t = 0; t < termCount; t++) postingStart[t + 1]! += postingStart[t]!;
  const postingDoc = new Int32Array(postingStart[termCount]!);
  const postingWeight = new Float64Array(postingStart[termCount]!);
  const postingEnd = postingStart.slice(0, termCount);
  const postingFrom = postingStart.slice(0, termCount);
  const indexed = new Uint8Array(n);
  const acc = new Float64Array(n);
  const stamp = new Int32Array(n).fill(-1);
  /** Stories reached by the current document: touched[0, touchedCount). */
  const touched = new Int32Array(n);
  let touchedCount = 0;
  const candidates: Array<[number, number]> = [];
  /** The current document's weights by term id (zero elsewhere). */
  const scattered = new Float64Array(model.terms.length);
  const scratch: number[] = [];
  /** The current document's heavy terms (positions in its vector) whose window postings are over maxPostings. */
  const crowded: number[] = [];
  /** Adds weight `w` times each posting's weight of `term` in [from, to) to its story's partial score (acc), newest
   * first, marking the stories reached by document `j` (touched). */
  const walk = (j: number, term: number, w: number, from: number, to: number): void => {
    for (let e = to - 1; e >= from; e--) {
      const r = find(storyOf[postingDoc[e]!]!);
      if (stamp[r] !== j) {
        stamp[r] = j;
        acc[r] = 0;
        touched[touchedCount++] = r;
      }
      acc[r]! += w * postingWeight[e]!;
    }
  };
  /**
   * Fills `candidates` with [story, cosine] for each story reached by document `j` (its vector `v`; the stories in
   * touched[0, touchedCount) with their partial scores in `acc`) that `skip` does not rule out: the exact cosine of
   * `v` with the story's centroid, for the stories whose partial score (a lower bound of it) reaches
   * minPairSimilarity, kept when it reaches the join threshold (the title-only one between two sides without a lead).
   * The document is scattered by term so that its cosine with a one-article story is a walk over that article's
   * terms (the same products summed in the same ascending term order as cosineTo; an absent term adds 0).
   */
  const scoreCandidates = (j: number, v: SparseVector, skip: (root: number) => boolean): void => {
    candidates.length = 0;
    for (let k = 0; k < v.ids.length; k++) scattered[v.ids[k]!] = v.weights[k]!;
    for (let t = 0; t < touchedCount; t++) {
      const r = touched[t]!;
      if (skip(r)) continue;
      const norm = Math.sqrt(normSq[r]!);
      if (norm === 0 || acc[r]! / norm < config.minPairSimilarity) continue;
      const limits = titleOnly(j, r);
      let sim: number;
      if (sums[r]) sim = cosineTo(v, r, residualOf[limits]);
      else {
        const other = vectors[r]!;
        let d = 0;
        let top = 0;
        let topA = 0;
        let topB = 0;
        for (let k = 0; k < other.ids.length; k++) {
          const fa = scattered[other.ids[k]!]!, fb = other.weights[k]!;
          const p = fa * fb;
          d += p;
          if (p > top) { top = p; topA = fa; topB = fb; }
        }
        sim = linkCosine(d, 1, 1, topA, topB, residualOf[limits]);
      }
      if (sim >= joinThreshold[limits]) candidates.push([r, sim]);
    }
    for (let k = 0; k < v.ids.length; k++) scattered[v.ids[k]!] = 0;
  };
  let windowStart = 0;
  for (let j = 0; j < n; j++) {
    const v = vectors[j]!;
    const time = times[j]!;
    const oldest = time - maxGapMs;
    for (; times[windowStart]! < oldest; windowStart++) {
      if (!indexed[windowStart]) continue;
      const old = vectors[windowStart]!.ids;
      for (let k = 0; k < old.length; k++) postingFrom[old[k]!]!++;
    }
    if (isIsolated[j]) {
      open(j);
      continue; // never indexed: nothing joins it either
    }
    const g = groupOf[j]!;
    // Small batches use every term; the cap only keeps a cycle's very common terms from proposing everything.
    const maxPostings = Math.max(100, Math.floor(config.maxDocFrequencyShare * (j - windowStart)));
    touchedCount = 0;
    // Only the document's `candidateTerms` heaviest terms look up postings (they carry most of any cosine). An
    // article of a fixed group looks up too: a story of this run that began before it reached its story (a late
    // feed's earlier-dated reports, processed first in time order) is one it would have joined in a batch.
    let minWeight = 0;
    if (v.ids.length > config.candidateTerms) {
      // The K-th largest weight, by insertion into a descending list of K.
      const kth = config.candidateTerms;
      scratch.length = 0;
      for (let k = 0; k < v.weights.length; k++) {
        const w = v.weights[k]!;
        if (scratch.length === kth && w <= scratch[kth - 1]!) continue;
        let p = scratch.length === kth ? kth - 1 : scratch.length;
        while (p > 0 && scratch[p - 1]! < w) {
          scratch[p] = scratch[p - 1]!;
          p--;
        }
        scratch[p] = w;
      }
      minWeight = scratch[kth - 1]!;
    }
    crowded.length = 0;
    for (let k = 0; k < v.ids.length; k++) {
      const term = v.ids[k]!;
      const w = v.weights[k]!;
      if (w >= minWeight) {
        if (postingEnd[term]! - postingFrom[term]! <= maxPostings) walk(j, term, w, postingFrom[term]!, postingEnd[term]!);
        else crowded.push(k);
      }
      const e = postingEnd[term]!++;
      postingDoc[e] = j;
      postingWeight[e] = w;
    }
    indexed[j] = 1;
    if (g >= 0) {
      const placed = groupStory[g]!;
      let root: number;
      if (placed < 0) {
        open(j);
        held[j] = 1;
        groupStory[g] = j;
        const start = groupStarts[g];
        if (start !== undefined && start < first[j]!) first[j] = start;
        root = j;
      } else {
        root = find(placed);
        join(root, j);
      }
      // Only stories of this run are taken in here (whether two published stories merge is the merge step's call).
      scoreCandidates(j, v, (r) => held[r] === 1 || Math.max(last[root]!, last[r]!) - Math.min(first[root]!, first[r]!) > maxSpanMs);
      candidates.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
      for (const [r] of candidates) {
        const other = find(r);
        if (other === root || held[other]) continue;
        if (Math.max(last[root]!, last[other]!) - Math.min(first[root]!, first[other]!) > maxSpanMs) continue;
        root = merge(root, other);
      }
      continue;
    }
    const tooLong = (r: number): boolean => time - first[r]! > maxSpanMs;
    scoreCandidates(j, v, tooLong);
    if (candidates.length === 0 && crowded.length > 0) {
      // Nothing found, and heavy terms were passed over for being in more than maxPostings documents of the window (an
      // event that fills the news, or one wire report copied by many outlets): those look up their newest maxPostings
      // postings (j's own, the last, aside). Without this, a trial's 1,000 reports of one event in 30 h of the 7-day
      // stream made 46 stories, and 1,000 outlets' copies of one report 701.
      for (const k of crowded) {
        const term = v.ids[k]!;
        walk(j, term, v.weights[k]!, Math.max(postingFrom[term]!, postingEnd[term]! - 1 - maxPostings), postingEnd[term]! - 1);
      }
      scoreCandidates(j, v, tooLong);
    }
    if (candidates.length === 0) {
      open(j);
      fresh[j] = 1;
      continue;
    }
    candidates.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    let root = candidates[0]![0];
    join(root, j);
    fresh[root] = 1;
    for (let c = 1; c < candidates.length; c++) {
      const other = find(candidates[c]![0]);
      if (other === root) continue;
      if (Math.max(last[root]!, last[other]!) - Math.min(first[root]!, first[other]!) > maxSpanMs) continue;
      const limits = titleOnly(root, other);
      if (centroidCosine(root, other, residualOf[limits]) >= joinThreshold[limits]) root = merge(root, other);
    }
  }

  // Merge step over whole stories: a story that gained an article in this run merges with the story whose centroid
  // is closest to its own, if that cosine reaches `storyMergeThreshold` and the two fit in `maxSpanHours` (so a
  // follow-up that came after the gap window still finds its story). Candidates: stories sharing one of their
  // `candidateTerms` heaviest terms and starting within `maxSpanHours` of each other (an index of the stories of the
  // pass, by term, in time order), preselected by the partial cosine over those terms. Stories are visited in time
  // order; a merged story is visited again, until nothing merges (so a re-run finds nothing left to merge), but from
  // the second round on only stories of two or more articles are its candidates: one-article stories are offered the
  // stories as the pass left them (in the first round, a story takes every one within `storyMergeThreshold` of it,
  // and its closest larger story), since a centroid that absorbed stories has drifted, and on the 7-day stream
  // one-article stories sharing one topic word had joined it one by one (27 Christmas features of five days).
  if (config.storyMergeThreshold <= 1) {
    const roots: number[] = [];
    for (let i = 0; i < n; i++) if (parent[i] === i && !isIsolated[i]) roots.push(i);
    // Every later root is one of these (a merge keeps the lower index), so each story's `candidateTerms` heaviest
    // terms and their weights in its normalised centroid live in flat arrays at its position in `roots`, kept while
    // the story does not change size (heavySize).
    const K = config.candidateTerms;
    const positionOf = new Int32Array(n);
    roots.forEach((r, p) => (positionOf[r] = p));
    const heavyTerms = new Int32Array(roots.length * K);
    const heavyWeights = new Float64Array(roots.length * K);
    const heavyCount = new Int32Array(roots.length);
    const heavySize = new Int32Array(roots.length);
    /** Fills story r's heaviest terms (heaviest first, ties by term id; a term that only ties the K-th is left
     * out), unless they are up to date; returns r's position in `roots` (its terms are at position * K). */
    const heaviest = (r: number): number => {
      const at = positionOf[r]!;
      if (heavySize[at] === size[r]) return at;
      heavySize[at] = size[r]!;
      const base = at * K;
      let count = 0;
      const offer = (term: number, w: number): void => {
        if (count === K && w <= heavyWeights[base + count - 1]!) return;
        let p = count === K ? count - 1 : count++;
        while (p > 0 && (heavyWeights[base + p - 1]! < w || (heavyWeights[base + p - 1] === w && heavyTerms[base + p - 1]! > term))) {
          heavyTerms[base + p] = heavyTerms[base + p - 1]!;
          heavyWeights[base + p] = heavyWeights[base + p - 1]!;
          p--;
        }
        heavyTerms[base + p] = term;
        heavyWeights[base + p] = w;
      };
      const sum = sums[r];
      if (sum) for (let k = 0; k < sum.size; k++) offer(sum.ids[k]!, sum.values[k]!);
      else {
        const v = vectors[r]!;
        for (let k = 0; k < v.ids.length; k++) offer(v.ids[k]!, v.weights[k]!);
      }
      const norm = Math.sqrt(normSq[r]!) || 1;
      for (let k = 0; k < count; k++) heavyWeights[base + k]! /= norm;
      heavyCount[at] = count;
      return at;
    };
    // Index of the stories by heaviest term, each term's entries contiguous ([listStart[t], listStart[t + 1])) and in
    // root order, i.e. by ascending story start (listTime); the weights are those at indexing time.
    const listStart = new Int32Array(model.terms.length + 1);
    for (const r of roots) {
      const at = heaviest(r);
      for (let k = 0; k < heavyCount[at]!; k++) listStart[heavyTerms[at * K + k]! + 1]!++;
    }
    for (let t = 0; t < model.terms.length; t++) listStart[t + 1]! += listStart[t]!;
    const listFill = listStart.slice(0, model.terms.length);
    const listStory = new Int32Array(listStart[model.terms.length]!);
    const listWeight = new Float64Array(listStory.length);
    const listTime = new Float64Array(listStory.length);
    for (const r of roots) {
      const at = positionOf[r]!;
      for (let k = 0; k < heavyCount[at]!; k++) {
        const e = listFill[heavyTerms[at * K + k]!]!++;
        listStory[e] = r;
        listWeight[e] = heavyWeights[at * K + k]!;
        listTime[e] = times[r]!;
      }
    }
    /** First index in [from, to) (ascending story starts) of a story starting at or after `t`. */
    const lowerBound = (from: number, to: number, t: number): number => {
      let lo = from;
      let hi = to;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (listTime[mid]! < t) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    // The visited story's summed vector, scattered by term (zero elsewhere): the centroid cosine with each candidate
    // reads it instead of a hash lookup, with the same products summed in the same order as centroidCosine.
    const dense = new Float64Array(model.terms.length);
    /** linkCosine of the visited story `r` (scattered in `dense`) and story `other`. */
    const centroidCosineDense = (r: number, other: number, residual: number): number => {
      const sr = sums[r]!;
      const so = sums[other];
      let d = 0;
      let top = 0;
      let topA = 0;
      let topB = 0;
      if (!so) {
        const v = vectors[other]!;
        for (let k = 0; k < v.ids.length; k++) {
          const fa = v.weights[k]!, fb = dense[v.ids[k]!]!;
          const p = fa * fb;
          d += p;
          if (p > top) { top = p; topA = fa; topB = fb; }
        }
        return linkCosine(d, 1, normSq[r]!, topA, topB, residual);
      }
      if (sr.size <= so.size) {
        for (let k = 0; k < sr.size; k++) {
          const fa = sr.values[k]!, fb = so.get(sr.ids[k]!);
          const p = fa * fb;
          d += p;
          if (p > top) { top = p; topA = fa; topB = fb; }
        }
        return linkCosine(d, normSq[r]!, normSq[other]!, topA, topB, residual);
      }
      for (let k = 0; k < so.size; k++) {
        const fa = so.values[k]!, fb = dense[so.ids[k]!]!;
        const p = fa * fb;
        d += p;
        if (p > top) { top = p; topA = fa; topB = fb; }
      }
      return linkCosine(d, normSq[other]!, normSq[r]!, topA, topB, residual);
    };
    const seen = new Int32Array(n).fill(-1);
    const found: number[] = [];
    let work = roots;
    let visit = 0;
    while (work.length > 0) {
      const next: number[] = [];
      for (const r0 of work) {
        const r = find(r0);
        // Merged into a story visited before it in this round: that one goes on to the next round (as merged).
        if (r !== r0) continue;
        // One-article stories are found from the other side (two of them were compared in the pass); a story that
        // gained no article in this run was compared in the run that built it (the past is not re-clustered).
        if (size[r] === 1 || !fresh[r]) continue;
        visit++;
        // Partial cosine over shared heaviest terms (a lower bound, as for articles) preselects; exact decides.
        found.length = 0;
        const at = heaviest(r);
        for (let k = 0; k < heavyCount[at]!; k++) {
          const term = heavyTerms[at * K + k]!;
          const w = heavyWeights[at * K + k]!;
          const listEnd = listStart[term + 1]!;
          const from = lowerBound(listStart[term]!, listEnd, first[r]! - maxSpanMs);
          const to = Math.min(listEnd, lowerBound(listStart[term]!, listEnd, first[r]! + maxSpanMs + 1), from + MAX_STORY_POSTINGS);
          for (let p = from; p < to; p++) {
            const other = find(listStory[p]!);
            if (other === r) continue;
            if (seen[other] !== visit) {
              seen[other] = visit;
              acc[other] = 0;
              found.push(other);
            }
            acc[other]! += w * listWeight[p]!;
          }
        }
        const sum = sums[r]!;
        for (let k = 0; k < sum.size; k++) dense[sum.ids[k]!] = sum.values[k]!;
        let best = -1;
        let bestSim = 0;
        const lone: number[] = [];
        for (const other of found) {
          if (acc[other]! < config.minPairSimilarity) continue;
          if (size[other] === 1 && work !== roots) continue; // see above: one-article stories in the first round only
          // A story spans at most maxSpanHours (stories up to that far apart may merge: follow-ups a day or two later
          // join their story here, which on the gold file is worth 0.025 of recall at the same precision).
          if (Math.max(last[r]!, last[other]!) - Math.min(first[r]!, first[other]!) > maxSpanMs) continue;
          const limits = titleOnly(r, other);
          const sim = centroidCosineDense(r, other, residualOf[limits]);
          if (sim < mergeThreshold[limits]) continue;
          if (size[other] === 1) {
            lone.push(other);
            continue;
          }
          if (best < 0 || sim > bestSim || (sim === bestSim && other < best)) {
            best = other;
            bestSim = sim;
          }
        }
        for (let k = 0; k < sum.size; k++) dense[sum.ids[k]!] = 0;
        let m = r;
        for (const o of lone) m = merge(m, o);
        if (best >= 0) m = merge(m, best);
        if (lone.length > 0 || best >= 0) next.push(m);
      }
      work = next;
    }
  }

  // Members by story, each story's centroid, and each member's cosine to it (dense scratch over the story's terms).
  const membersOf = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    const list = membersOf.get(r);
    if (list) list.push(i);
    else membersOf.set(r, [i]);
  }
  const dense = new Float64Array(model.terms.length);
  const clusters: ClusterMember[][] = [];
  const storyTerms: number[] = [];
  for (const idx of membersOf.values()) {
    storyTerms.length = 0;
    for (const i of idx) {
      const v = vectors[i]!;
      for (let k = 0; k < v.ids.length; k++) {
        const t = v.ids[k]!;
        if (dense[t] === 0) storyTerms.push(t); // weights are positive, so 0 means not seen yet
        dense[t]! += v.weights[k]!;
      }
    }
    let sq = 0;
    for (const t of storyTerms) sq += dense[t]! * dense[t]!;
    const norm = Math.sqrt(sq) || 1;
    const out: ClusterMember[] = [];
    for (const i of idx) {
      const v = vectors[i]!;
      let d = 0;
      for (let k = 0; k < v.ids.length; k++) d += v.weights[k]! * dense[v.ids[k]!]!;
      out.push({ id: docs[i]!.id, similarity: Math.round((d / norm) * 1e4) / 1e4 });
    }
    for (const t of storyTerms) dense[t] = 0;
    clusters.push(out);
  }
  // Members are index-sorted (collected in order), so each cluster's first member is its earliest document.
  clusters.sort((x, y) => indexOf.get(x[0]!.id)! - indexOf.get(y[0]!.id)!);
  const vectorById = new Map<string, SparseVector>();
  docs.forEach((d, i) => vectorById.set(d.id, vectors[i]!));
  return { clusters, model, vectors: vectorById };
}
