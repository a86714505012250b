/**
 * Clustering quality against gold labels.
 *
 * BCubed precision / recall / F1 (Bagga & Baldwin 1998; Amigó et al., "A comparison of extrinsic clustering
 * evaluation metrics based on formal constraints", Information Retrieval 12(4), 2009): for each item, precision is
 * the share of its predicted cluster that shares its gold label, recall the share of its gold class that shares its
 * predicted cluster; both averaged over items. Pairwise P/R/F1 count item pairs; NMI (arithmetic-mean normalisation,
 * as scikit-learn's default) and the Adjusted Rand Index (Hubert & Arabie 1985) complete the usual set.
 */

export interface ClusterScores {
  items: number;
  goldClusters: number;
  predictedClusters: number;
  bcubedPrecision: number;
  bcubedRecall: number;
  bcubedF1: number;
  pairwisePrecision: number;
  pairwiseRecall: number;
  pairwiseF1: number;
  nmi: number;
  ari: number;
}

const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const pairs = (n: number): number => (n * (n - 1)) / 2;

function countBy<K>(keys: Iterable<K>): Map<K, number> {
  const m = new Map<K, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

/** `values` as integers 0..count-1, equal strings to equal numbers (first seen, first numbered), so any string is a
 * label whatever characters it holds. */
function intern(values: readonly string[]): { ids: number[]; count: number } {
  const number = new Map<string, number>();
  const ids = values.map((v) => {
    let k = number.get(v);
    if (k === undefined) number.set(v, (k = number.size));
    return k;
  });
  return { ids, count: number.size };
}

/**
 * Scores `predicted` (item → cluster id) against `gold` (item → label) over the items of `gold`; a gold item
 * missing from `predicted` counts as a singleton cluster. Labels and cluster ids are interned to integers
 * (intern), so any string works as either: cells of the contingency table had been keyed by the two joined with a NUL
 * and split on it again, and a label holding a NUL ("a\u0000b") split wrongly (NMI NaN) or met another pair's key.
 * Returns all metrics in 0..1 (rounded to 4 decimals).
 */
export function scoreClustering(predicted: ReadonlyMap<string, string>, gold: ReadonlyMap<string, string>): ClusterScores {
  const items = [...gold.keys()];
  const { ids: goldOf, count: goldCount } = intern(items.map((i) => gold.get(i)!));
  // Cluster ids interned among the predicted items; each missing item gets a number of its own after them (a cluster
  // id "singleton:x" can no longer meet the made-up one of a missing item x).
  const known = intern(items.filter((i) => predicted.has(i)).map((i) => predicted.get(i)!));
  let nextKnown = 0;
  let nextSingleton = known.count;
  const predOf = items.map((i) => (predicted.has(i) ? known.ids[nextKnown++]! : nextSingleton++));
  // Contingency cell of predicted cluster p and gold label g: p * goldCount + g (exact below 2^53).
  const cellOf = items.map((_, k) => predOf[k]! * goldCount + goldOf[k]!);
  const joint = countBy(cellOf);
  const predSize = countBy(predOf);
  const goldSize = countBy(goldOf);
  let p = 0;
  let r = 0;
  items.forEach((_, k) => {
    const both = joint.get(cellOf[k]!)!;
    p += both / predSize.get(predOf[k]!)!;
    r += both / goldSize.get(goldOf[k]!)!;
  });
  const n = items.length || 1;
  const tp = [...joint.values()].reduce((s, c) => s + pairs(c), 0);
  const predPairs = [...predSize.values()].reduce((s, c) => s + pairs(c), 0);
  const goldPairs = [...goldSize.values()].reduce((s, c) => s + pairs(c), 0);
  const pp = predPairs ? tp / predPairs : 1;
  const pr = goldPairs ? tp / goldPairs : 1;
  // NMI = I(P;G) / mean(H(P), H(G)).
  const h = (sizes: Map<number, number>): number => [...sizes.values()].reduce((s, c) => s - (c / n) * Math.log(c / n), 0);
  let mi = 0;
  for (const [cell, c] of joint) {
    const pk = Math.floor(cell / goldCount);
    const gk = cell - pk * goldCount;
    mi += (c / n) * Math.log((c * n) / (predSize.get(pk)! * goldSize.get(gk)!));
  }
  const hMean = (h(predSize) + h(goldSize)) / 2;
  const nmi = hMean === 0 ? 1 : mi / hMean;
  const expected = (predPairs * goldPairs) / (pairs(n) || 1);
  const maxIndex = (predPairs + goldPairs) / 2;
  const ari = maxIndex === expected ? 1 : (tp - expected) / (maxIndex - expected);
  const round = (x: number): number => Math.round(x * 1e4) / 1e4;
  return {
    items: items.length,
    goldClusters: goldSize.size,
    predictedClusters: predSize.size,
    bcubedPrecision: round(p / n),
    bcubedRecall: round(r / n),
    bcubedF1: round(f1(p / n, r / n)),
    pairwisePrecision: round(pp),
    pairwiseRecall: round(pr),
    pairwiseF1: round(f1(pp, pr)),
    nmi: round(nmi),
    ari: round(ari),
  };
}
