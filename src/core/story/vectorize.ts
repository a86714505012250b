/**
 * TF-IDF document vectors for story clustering and summarising.
 *
 * Weighting: sublinear term frequency 1 + ln(tf) times smoothed inverse document frequency ln((1 + N) / (1 + df)) + 1
 * (Manning, Raghavan & Schütze, "Introduction to Information Retrieval", ch. 6.4; scikit-learn's smooth_idf), then
 * L2-normalised, so the dot product of two vectors is their cosine similarity.
 * Title terms count `titleWeight` times. Terms that name things (people, places, organisations) mark the same event
 * more than common words, so they are multiplied by `entityBoost`. A term is a name when, across the whole batch, it
 * is written with a capital inside sentence-case text (not as a sentence's first word) at least as often as in lower
 * case: a corpus-level truecasing signal that works even though most headlines are in Title Case.
 */
import { termOf, words } from './tokenize';

/** Sparse vector: term ids ascending, with their weights. */
export interface SparseVector {
  ids: Int32Array;
  weights: Float64Array;
}

export interface VectorizeOptions {
  /** How many times a title term counts against a body term. */
  titleWeight: number;
  /** Only the first this many tokens of the body count (some feeds carry full article text). */
  maxBodyTokens: number;
  /** Weight multiplier for name-like terms. */
  entityBoost: number;
}

export interface TextDoc {
  title: string;
  text: string | null;
}

/** Weighted term counts of one document, and its evidence for which terms are names. */
export interface TermCounts {
  counts: Map<string, number>;
  /** term → [capitalised inside sentence-case text, lower-case] occurrences. */
  casing: Map<string, [number, number]>;
}

/** Term dictionary, IDF and name-like terms of one batch of documents. */
export interface TermModel {
  termIds: Map<string, number>;
  terms: string[];
  idf: Float64Array;
  /** 1 for name-like terms, else 0. */
  entity: Uint8Array;
  docCount: number;
  /** Document frequency per term id. */
  df: Int32Array;
}

/** A headline in Title Case tells nothing about which of its words are names. */
function isTitleCase(ws: string[]): boolean {
  let long = 0;
  let capped = 0;
  for (const w of ws) {
    if (w.length <= 3 || !/^\p{L}/u.test(w)) continue;
    long++;
    if (w[0] !== w[0]!.toLowerCase()) capped++;
  }
  return long >= 3 && capped / long > 0.6;
}

const SENTENCE_BREAK = /(?<=[.!?:;])\s+|\n+/u;

/**
 * Adds one text's terms to `counts` (each counting `weight`), at most `maxTokens` of them, and its casing evidence
 * (capitalised inside a sentence-case sentence, not as its first word; or lower case) to `casing`, in one pass.
 */
function addText(text: string, weight: number, maxTokens: number, counts: Map<string, number>, casing: Map<string, [number, number]>): void {
  let taken = 0;
  for (const sentence of text.split(SENTENCE_BREAK)) {
    const ws = words(sentence);
    const titleCase = isTitleCase(ws);
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i]!;
      const term = termOf(w);
      if (term === null) continue;
      counts.set(term, (counts.get(term) ?? 0) + weight);
      const cased = w[0] !== w[0]!.toLowerCase();
      if (!cased || (i > 0 && !titleCase)) {
        const e = casing.get(term);
        if (e) e[cased ? 0 : 1]++;
        else casing.set(term, cased ? [1, 0] : [0, 1]);
      }
      if (++taken >= maxTokens) return;
    }
  }
}

/** Weighted term counts of one document (before IDF) and its casing evidence. */
export function termCounts(doc: TextDoc, options: VectorizeOptions): TermCounts {
  const counts = new Map<string, number>();
  const casing = new Map<string, [number, number]>();
  addText(doc.title, options.titleWeight, Infinity, counts, casing);
  if (doc.text) addText(doc.text, 1, options.maxBodyTokens, counts, casing);
  return { counts, casing };
}

/** Builds the term dictionary, IDF and name-like terms over a batch; term ids follow code-point order (deterministic). */
export function buildTermModel(perDoc: TermCounts[]): TermModel {
  const dfMap = new Map<string, number>();
  const casing = new Map<string, [number, number]>();
  for (const doc of perDoc) {
    for (const term of doc.counts.keys()) dfMap.set(term, (dfMap.get(term) ?? 0) + 1);
    for (const [term, [caps, lower]] of doc.casing) {
      const e = casing.get(term) ?? [0, 0];
      e[0] += caps;
      e[1] += lower;
      casing.set(term, e);
    }
  }
  const terms = [...dfMap.keys()].sort();
  const termIds = new Map<string, number>();
  const idf = new Float64Array(terms.length);
  const df = new Int32Array(terms.length);
  const entity = new Uint8Array(terms.length);
  const n = perDoc.length;
  terms.forEach((term, i) => {
    termIds.set(term, i);
    df[i] = dfMap.get(term)!;
    idf[i] = Math.log((1 + n) / (1 + df[i]!)) + 1;
    const [caps, lower] = casing.get(term) ?? [0, 0];
    entity[i] = caps > 0 && caps >= lower ? 1 : 0;
  });
  return { termIds, terms, idf, entity, docCount: n, df };
}

/** L2-normalised TF-IDF vector of one document's counts under `model`; terms unknown to the model are ignored. */
export function toVector(counts: Map<string, number>, model: TermModel, entityBoost: number): SparseVector {
  const pairs: Array<[number, number]> = [];
  for (const [term, tf] of counts) {
    const id = model.termIds.get(term);
    if (id === undefined) continue;
    let w = (1 + Math.log(tf)) * model.idf[id]!;
    if (model.entity[id]) w *= entityBoost;
    pairs.push([id, w]);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  let norm = 0;
  for (const [, w] of pairs) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  return {
    ids: Int32Array.from(pairs, (p) => p[0]),
    weights: Float64Array.from(pairs, (p) => p[1] / norm),
  };
}

/** Dot product of two sparse vectors (their cosine when both are L2-normalised). */
export function dot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) sum += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

/** L2-normalised mean of `vectors` (the cluster centroid). */
export function centroid(vectors: SparseVector[]): SparseVector {
  const acc = new Map<number, number>();
  for (const v of vectors) for (let i = 0; i < v.ids.length; i++) acc.set(v.ids[i]!, (acc.get(v.ids[i]!) ?? 0) + v.weights[i]!);
  const ids = [...acc.keys()].sort((a, b) => a - b);
  let norm = 0;
  for (const id of ids) norm += acc.get(id)! ** 2;
  norm = Math.sqrt(norm) || 1;
  return { ids: Int32Array.from(ids), weights: Float64Array.from(ids, (id) => acc.get(id)! / norm) };
}

/** The `k` terms contributing most to the cosine of `a` and `b`, largest first (explains why two texts match). */
export function topSharedTerms(a: SparseVector, b: SparseVector, model: TermModel, k: number): string[] {
  const shared: Array<[string, number]> = [];
  let i = 0;
  let j = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) shared.push([model.terms[x]!, a.weights[i++]! * b.weights[j++]!]);
    else if (x < y) i++;
    else j++;
  }
  shared.sort((p, q) => q[1] - p[1] || (p[0] < q[0] ? -1 : 1));
  return shared.slice(0, k).map((p) => p[0]);
}

const SENTENCE_BREAK_G = new RegExp(SENTENCE_BREAK.source, 'gu');

/** Document vectors of one batch and the batch's term model. */
export interface BatchVectors {
  model: TermModel;
  /** One vector per input document, in input order. */
  vectors: SparseVector[];
}

/** Growable Int32 array (typed storage, amortised doubling). */
class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(x: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }
}

/**
 * The same vectors and model as `termCounts` + `buildTermModel` + `toVector` over `docs`, in one pass with interned
 * terms: each distinct raw word is looked up once per batch (its term id and casing flags cached), counts and casing
 * evidence live in typed arrays, and only the final dictionary is sorted (term ids in code-point order, as
 * buildTermModel). About 10x faster than the per-document Maps; the batch clustering path (cluster.ts) uses it.
 */
export function vectorizeBatch(docs: readonly TextDoc[], options: VectorizeOptions): BatchVectors {
  // Raw word → (local term id + 1) * 4 + flags (1: starts with a capital; 2: a "long" word for isTitleCase); term id
  // + 1 is 0 for stop words, which still count in the Title Case test.
  const wordInfo = new Map<string, number>();
  const localOf = new Map<string, number>();
  const localTerms: string[] = [];
  const df = new IntList();
  const caps = new IntList();
  const lower = new IntList();
  const seenIn = new IntList();
  let tf = new Float64Array(1024);
  const touched: number[] = [];
  const docIds: Int32Array[] = [];
  const docTf: Float64Array[] = [];
  let docIndex = 0;
  const infoOf = (w: string): number => {
    let e = wordInfo.get(w);
    if (e !== undefined) return e;
    const term = termOf(w);
    let id = -1;
    if (term !== null) {
      const known = localOf.get(term);
      if (known !== undefined) id = known;
      else {
        id = localTerms.length;
        localOf.set(term, id);
        localTerms.push(term);
        df.push(0);
        caps.push(0);
        lower.push(0);
        seenIn.push(-1);
        if (tf.length < localTerms.length) {
          const next = new Float64Array(tf.length * 2);
          next.set(tf);
          tf = next;
        }
      }
    }
    const cased = w[0] !== w[0]!.toLowerCase() ? 1 : 0;
    const long = w.length > 3 && /^\p{L}/u.test(w) ? 2 : 0;
    e = (id + 1) * 4 + cased + long;
    wordInfo.set(w, e);
    return e;
  };
  const infos: number[] = [];
  const addText = (text: string, weight: number, maxTokens: number): void => {
    let taken = 0;
    // Sentences are taken one at a time (the same pieces as text.split(SENTENCE_BREAK)), so a long body is read
    // only as far as its first maxTokens terms.
    let pos = 0;
    while (pos < text.length) {
      SENTENCE_BREAK_G.lastIndex = pos;
      const m = SENTENCE_BREAK_G.exec(text);
      const end = m ? m.index : text.length;
      const sentence = text.slice(pos, end);
      pos = m ? end + m[0].length : text.length;
      const ws = words(sentence);
      infos.length = 0;
      let long = 0;
      let capped = 0;
      for (const w of ws) {
        const e = infoOf(w);
        infos.push(e);
        if (e & 2) {
          long++;
          if (e & 1) capped++;
        }
      }
      const titleCase = long >= 3 && capped / long > 0.6;
      for (let i = 0; i < infos.length; i++) {
        const e = infos[i]!;
        const id = (e >> 2) - 1;
        if (id < 0) continue;
        if (seenIn.data[id] !== docIndex) {
          seenIn.data[id] = docIndex;
          tf[id] = 0;
          touched.push(id);
        }
        tf[id]! += weight;
        const cased = e & 1;
        if (!cased) lower.data[id]!++;
        else if (i > 0 && !titleCase) caps.data[id]!++;
        if (++taken >= maxTokens) return;
      }
    }
  };
  for (const doc of docs) {
    touched.length = 0;
    addText(doc.title, options.titleWeight, Infinity);
    if (doc.text) addText(doc.text, 1, options.maxBodyTokens);
    const ids = Int32Array.from(touched);
    const counts = new Float64Array(ids.length);
    for (let k = 0; k < ids.length; k++) {
      counts[k] = tf[ids[k]!]!;
      df.data[ids[k]!]!++;
    }
    docIds.push(ids);
    docTf.push(counts);
    docIndex++;
  }

  // Dictionary in code-point order, as buildTermModel.
  // The default sort compares UTF-16 code units, as `<` does (and buildTermModel's sort()).
  const terms = localTerms.filter((_, i) => df.data[i]! > 0).sort();
  const order = terms.map((t) => localOf.get(t)!);
  const m = order.length;
  const rank = new Int32Array(localTerms.length);
  order.forEach((local, i) => (rank[local] = i));
  const n = docs.length;
  const termIds = new Map<string, number>();
  const idf = new Float64Array(m);
  const dfSorted = new Int32Array(m);
  const entity = new Uint8Array(m);
  for (let i = 0; i < m; i++) {
    const local = order[i]!;
    termIds.set(terms[i]!, i);
    dfSorted[i] = df.data[local]!;
    idf[i] = Math.log((1 + n) / (1 + dfSorted[i]!)) + 1;
    const c = caps.data[local]!;
    entity[i] = c > 0 && c >= lower.data[local]! ? 1 : 0;
  }
  const model: TermModel = { termIds, terms, idf, entity, docCount: n, df: dfSorted };

  const vectors: SparseVector[] = new Array(n);
  for (let d = 0; d < n; d++) {
    const local = docIds[d]!;
    const counts = docTf[d]!;
    const len = local.length;
    const ids = new Int32Array(len);
    const weights = new Float64Array(len);
    // Insertion sort by global id (documents have tens of terms).
    for (let k = 0; k < len; k++) {
      const id = rank[local[k]!]!;
      let w = (1 + Math.log(counts[k]!)) * idf[id]!;
      if (entity[id]) w *= options.entityBoost;
      let p = k;
      while (p > 0 && ids[p - 1]! > id) {
        ids[p] = ids[p - 1]!;
        weights[p] = weights[p - 1]!;
        p--;
      }
      ids[p] = id;
      weights[p] = w;
    }
    let norm = 0;
    for (let k = 0; k < len; k++) norm += weights[k]! * weights[k]!;
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < len; k++) weights[k]! /= norm;
    vectors[d] = { ids, weights };
  }
  return { model, vectors };
}
