/**
 * TF-IDF document vectors for story clustering and summarising.
 *
 * Weighting: sublinear term frequency 1 + ln(tf) times smoothed inverse document frequency ln((1 + N) / (1 + df)) + 1
 * (Manning, Raghavan & Schütze, "Introduction to Information Retrieval", ch. 6.4; scikit-learn's smooth_idf), then
 * L2-normalised, so the dot product of two vectors is their cosine similarity.
 * Title terms count `titleWeight` times; terms that look like named entities (capitalised inside a sentence) are
 * multiplied by `entityBoost`, since shared names mark the same event more than shared common words.
 */
import { tokenize, words } from './tokenize';

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
  /** Weight multiplier for entity-like terms. */
  entityBoost: number;
}

export interface TextDoc {
  title: string;
  text: string | null;
}

/** Term dictionary and IDF of one batch of documents. */
export interface TermModel {
  termIds: Map<string, number>;
  terms: string[];
  idf: Float64Array;
  docCount: number;
  /** Document frequency per term id. */
  df: Int32Array;
}

/** Terms of a title are entity-like only when the title is written in sentence case, not Title Case. */
function isTitleCase(title: string): boolean {
  const ws = words(title).filter((w) => /^\p{L}/u.test(w) && w.length > 3);
  if (ws.length < 3) return false;
  const capped = ws.filter((w) => w[0] !== w[0]!.toLowerCase()).length;
  return capped / ws.length > 0.6;
}

/** Entity-like terms of one text: capitalised words that do not start a sentence. */
function entityTerms(text: string, into: Set<string>): void {
  for (const sentence of text.split(/(?<=[.!?:;])\s+|\n+/u)) {
    const toks = tokenize(sentence);
    const ws = words(sentence);
    const firstWord = ws[0] ?? '';
    for (const t of toks) if (t.cased && !firstWord.toLowerCase().startsWith(t.term)) into.add(t.term);
  }
}

/** Weighted term counts of one document (before IDF): term → raw weighted frequency, and its entity terms. */
export function termCounts(doc: TextDoc, options: VectorizeOptions): { counts: Map<string, number>; entities: Set<string> } {
  const counts = new Map<string, number>();
  const entities = new Set<string>();
  for (const t of tokenize(doc.title)) counts.set(t.term, (counts.get(t.term) ?? 0) + options.titleWeight);
  if (doc.text) {
    const body = tokenize(doc.text).slice(0, options.maxBodyTokens);
    for (const t of body) counts.set(t.term, (counts.get(t.term) ?? 0) + 1);
    entityTerms(doc.text.slice(0, options.maxBodyTokens * 12), entities);
  }
  if (!isTitleCase(doc.title)) entityTerms(doc.title, entities);
  return { counts, entities };
}

/** Builds the term dictionary and IDF over `docs`; term ids follow code-point order of the terms (deterministic). */
export function buildTermModel(perDoc: Array<Map<string, number>>): TermModel {
  const dfMap = new Map<string, number>();
  for (const counts of perDoc) for (const term of counts.keys()) dfMap.set(term, (dfMap.get(term) ?? 0) + 1);
  const terms = [...dfMap.keys()].sort();
  const termIds = new Map<string, number>();
  const idf = new Float64Array(terms.length);
  const df = new Int32Array(terms.length);
  const n = perDoc.length;
  terms.forEach((term, i) => {
    termIds.set(term, i);
    df[i] = dfMap.get(term)!;
    idf[i] = Math.log((1 + n) / (1 + df[i]!)) + 1;
  });
  return { termIds, terms, idf, docCount: n, df };
}

/** L2-normalised TF-IDF vector of one document's counts under `model`; unknown terms are ignored. */
export function toVector(
  counts: Map<string, number>,
  entities: Set<string>,
  model: TermModel,
  entityBoost: number,
): SparseVector {
  const pairs: Array<[number, number]> = [];
  for (const [term, tf] of counts) {
    const id = model.termIds.get(term);
    if (id === undefined) continue;
    let w = (1 + Math.log(tf)) * model.idf[id]!;
    if (entities.has(term)) w *= entityBoost;
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
